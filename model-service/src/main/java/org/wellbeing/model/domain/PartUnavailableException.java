package org.wellbeing.model.domain;

/** Another service did not give its part of an export: the export is refused, not sent partial. */
public class PartUnavailableException extends RuntimeException {

  public PartUnavailableException(String message) {
    super(message);
  }
}
