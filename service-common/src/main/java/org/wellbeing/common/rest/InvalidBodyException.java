package org.wellbeing.common.rest;

import java.util.List;
import org.wellbeing.contract.Violation;

/** A request body that does not parse, bind or validate; answered 400 with every violation. */
public class InvalidBodyException extends RuntimeException {

  private final transient List<Violation> violations;

  public InvalidBodyException(String message, List<Violation> violations) {
    super(message);
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
