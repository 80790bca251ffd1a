package org.wellbeing.alert.domain;

/** A request that the current state of the resource does not allow. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
