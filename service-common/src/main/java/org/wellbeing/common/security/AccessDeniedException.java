package org.wellbeing.common.security;

/** The caller is known but may not do what they asked for: a 403 in every service. */
public class AccessDeniedException extends RuntimeException {

  public AccessDeniedException(String message) {
    super(message);
  }
}
