package org.wellbeing.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One reason an input was rejected, as listed in a problem document's {@code errors}.
 *
 * @param index position of the item in the request (0-based), or the line of a file; -1 when the
 *     request holds a single item or the request as a whole is at fault
 * @param field the offending field, or null when the item as a whole is at fault
 */
public record Violation(int index, String field, String message) {

  /** A violation of a single-item request. */
  public static Violation of(String field, String message) {
    return new Violation(-1, field, message);
  }

  /**
   * Where the fault is, as one path into the request: {@code [3].start} for a field of the fourth
   * item, {@code start} in a single-item request, {@code [3]} for a whole item.
   */
  @JsonProperty("path")
  public String path() {
    String item = index < 0 ? "" : "[" + index + "]";
    if (field == null) {
      return item.isEmpty() ? null : item;
    }
    return item.isEmpty() || field.startsWith("[") ? item + field : item + "." + field;
  }
}
