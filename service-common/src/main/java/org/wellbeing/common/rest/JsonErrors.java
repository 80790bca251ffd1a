package org.wellbeing.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;

/** What a caller is told about a body Jackson could not read: where, never what it held. */
public final class JsonErrors {

  private JsonErrors() {}

  public static String describe(JsonProcessingException e) {
    // a body past Jackson's limits (nesting depth, lengths) fails without a location
    if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
      return "malformed JSON, or nested or sized beyond the limits";
    }
    return "malformed JSON at line %d, column %d"
        .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
  }
}
