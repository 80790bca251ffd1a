package org.wellbeing.common.access;

/** The caller may not see what they asked for (MODEL.md "Privacy"). */
public class AccessDeniedException extends RuntimeException {

  public AccessDeniedException(String message) {
    super(message);
  }
}
