package org.wellbeing.contract;

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
}
