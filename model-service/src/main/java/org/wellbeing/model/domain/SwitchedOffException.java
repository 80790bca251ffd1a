package org.wellbeing.model.domain;

/** A figure asked for whose function a works agreement switched off (docs/PRIVACY.md). */
public class SwitchedOffException extends RuntimeException {

  public SwitchedOffException(String what, String setting) {
    super("%s are switched off here (%s=false)".formatted(what, setting));
  }
}
