package org.wellbeing.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks WorkEvents as they arrive in JSON (CONTRACT.md) and reports every bad field of every item,
 * so a client can fix a whole batch in one round. Ingest checks what it accepts; the model checks
 * again what it consumes.
 */
public final class WorkEventValidator {

  /** MODEL.md: 1–64 characters of {@code A-Za-z0-9._@-}. */
  public static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  static final int MAX_EVENT_ID_LENGTH = 256;

  /** Longest {@code source} or {@code title}, in UTF-16 units as {@link String#length()} counts. */
  public static final int MAX_TEXT_LENGTH = 1024;

  /** Longest skill tag. */
  public static final int MAX_SKILL_LENGTH = 64;

  /**
   * A title as it may be stored: cut to {@link #MAX_TEXT_LENGTH} (never inside a surrogate pair),
   * null when missing or blank. Titles are not needed by any figure, so a long one is shortened
   * rather than refused.
   */
  public static String title(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() <= MAX_TEXT_LENGTH) {
      return value;
    }
    int end = MAX_TEXT_LENGTH;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end);
  }

  /** The valid events of {@code items}; every problem of every item goes to {@code violations}. */
  public List<WorkEvent> validate(List<JsonNode> items, List<Violation> violations) {
    List<WorkEvent> events = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      WorkEvent event = validate(i, items.get(i), violations);
      if (event != null) {
        events.add(event);
      }
    }
    return events;
  }

  /** The event {@code node} describes, or null with its problems added to {@code violations}. */
  public WorkEvent validate(int index, JsonNode node, List<Violation> violations) {
    if (node == null || !node.isObject()) {
      violations.add(new Violation(index, null, "must be a JSON object"));
      return null;
    }
    int before = violations.size();
    Item item = new Item(index, node, violations);
    String eventId = item.requiredText("eventId", MAX_EVENT_ID_LENGTH);
    long version = item.version();
    String personId = item.requiredText("personId", 64);
    if (personId != null && !PERSON_ID.matcher(personId).matches()) {
      item.violation("personId", "must be 1-64 characters of A-Za-z0-9._@-");
    }
    EventKind kind = item.enumValue("kind", EventKind.class, null);
    OffsetDateTime start = item.instant("start");
    OffsetDateTime end = item.instant("end");
    EventStatus status = item.enumValue("status", EventStatus.class, EventStatus.CONFIRMED);
    String skill = item.optionalText("skill", MAX_SKILL_LENGTH);
    String source = item.optionalText("source", MAX_TEXT_LENGTH);
    String title = item.optionalText("title", MAX_TEXT_LENGTH);
    if (start != null && end != null) {
      Duration span = Duration.between(start.toInstant(), end.toInstant());
      if (span.isNegative() || span.isZero()) {
        item.violation("end", "must be after start");
      } else if (kind != null && span.compareTo(WorkEvent.maxSpan(kind)) > 0) {
        item.violation(
            "end",
            "a %s event spans at most %d hours".formatted(kind, WorkEvent.maxSpan(kind).toHours()));
      }
    }
    if (violations.size() > before) {
      return null;
    }
    return new WorkEvent(
        eventId, version, personId, kind, start, end, status, skill, source, title, null);
  }

  /** Field access for one item that records what is wrong instead of failing on it. */
  private record Item(int index, JsonNode node, List<Violation> violations) {

    void violation(String field, String message) {
      violations.add(new Violation(index, field, message));
    }

    String requiredText(String field, int maxLength) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        violation(field, "is required");
        return null;
      }
      return text(field, value, maxLength);
    }

    String optionalText(String field, int maxLength) {
      JsonNode value = node.get(field);
      return value == null || value.isNull() ? null : text(field, value, maxLength);
    }

    private String text(String field, JsonNode value, int maxLength) {
      if (!value.isTextual()) {
        violation(field, "must be a string");
        return null;
      }
      String text = value.textValue();
      if (text.isBlank()) {
        violation(field, "must not be blank");
        return null;
      }
      if (text.length() > maxLength) {
        violation(field, "must be at most %d characters".formatted(maxLength));
        return null;
      }
      return text;
    }

    long version() {
      JsonNode value = node.get("version");
      if (value == null || value.isNull()) {
        return 1;
      }
      if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 1) {
        violation("version", "must be a whole number of at least 1");
        return 1;
      }
      return value.asLong();
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, E defaultValue) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        if (defaultValue == null) {
          violation(field, "is required");
        }
        return defaultValue;
      }
      if (value.isTextual()) {
        try {
          return Enum.valueOf(type, value.textValue().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          // reported below with the allowed values
        }
      }
      violation(field, "must be one of " + List.of(type.getEnumConstants()));
      return null;
    }

    OffsetDateTime instant(String field) {
      String text = requiredText(field, 64);
      if (text == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        violation(
            field, "must be an ISO-8601 date-time with an offset, e.g. 2026-03-02T09:00:00+01:00");
        return null;
      }
    }
  }
}
