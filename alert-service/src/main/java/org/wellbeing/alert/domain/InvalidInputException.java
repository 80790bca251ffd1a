package org.wellbeing.alert.domain;

import java.util.List;
import org.wellbeing.contract.Violation;

/** Input that cannot be accepted; nothing of the request was written. */
public class InvalidInputException extends RuntimeException {

  private final List<Violation> violations;

  public InvalidInputException(String message, List<Violation> violations) {
    super(message);
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
