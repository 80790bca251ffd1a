package org.wellbeing.alert.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A digest as an e-mail, in the recipient's time zone: a subject, a plain-text body and the same in
 * HTML. Every value from the digest is escaped in the HTML.
 */
public record DigestMail(String subject, String text, String html) {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** The mail for {@code digest} (the JSON digest document), times shown in {@code zone}. */
  public static DigestMail of(JsonNode digest, ZoneId zone) {
    JsonNode changes = digest.path("changes");
    String subject = DigestFormat.title(digest, changes);
    StringBuilder text = new StringBuilder(subject).append("\n\n");
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html><html><body><h1>")
            .append(escape(subject))
            .append("</h1><ul>");
    for (JsonNode change : changes) {
      String line = DigestFormat.line(change, "", "");
      String when = when(change.path("occurredAt").asText(""), zone);
      text.append("- ").append(line).append(when.isEmpty() ? "" : " [" + when + "]").append('\n');
      html.append("<li>").append(escape(line));
      if (!when.isEmpty()) {
        html.append(" <small>").append(escape(when)).append("</small>");
      }
      html.append("</li>");
    }
    String footer =
        "Times are in %s. Open the alerts in the wellbeing pipeline to see their evidence."
            .formatted(zone.getId());
    text.append('\n').append(footer).append('\n');
    html.append("</ul><p>").append(escape(footer)).append("</p></body></html>");
    return new DigestMail(subject, text.toString(), html.toString());
  }

  private static String when(String instant, ZoneId zone) {
    try {
      return instant.isEmpty() ? "" : WHEN.format(Instant.parse(instant).atZone(zone));
    } catch (DateTimeParseException e) {
      return "";
    }
  }

  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
