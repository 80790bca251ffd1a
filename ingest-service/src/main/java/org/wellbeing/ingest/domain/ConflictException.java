package org.wellbeing.ingest.domain;

/** A request the current state does not allow, such as clocking out without clocking in. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
