package org.wellbeing.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, served as {@code application/problem+json}; {@code errors} lists
 * each bad item and field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, List<Violation> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** Prefix of our problem type URIs. */
  public static final String TYPE_PREFIX = "urn:wellbeing:problem:";

  public static Problem of(int status, String type, String title, String detail) {
    return new Problem(TYPE_PREFIX + type, title, status, detail, null);
  }

  public static Problem invalid(String detail, List<Violation> errors) {
    return new Problem(
        TYPE_PREFIX + "invalid-input",
        "Invalid input",
        400,
        detail,
        errors.isEmpty() ? null : errors);
  }
}
