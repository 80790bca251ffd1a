package org.wellbeing.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
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

  /** Earliest instant an event may touch, by default. */
  public static final Instant DEFAULT_EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /** Latest instant an event may touch, by default. */
  public static final Instant DEFAULT_LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private final Instant earliest;
  private final Instant latest;

  /** Accepts instants within {@link #DEFAULT_EARLIEST} and {@link #DEFAULT_LATEST}. */
  public WorkEventValidator() {
    this(DEFAULT_EARLIEST, DEFAULT_LATEST);
  }

  /** Accepts instants within {@code [earliest, latest]}. */
  public WorkEventValidator(Instant earliest, Instant latest) {
    this.earliest = earliest;
    this.latest = latest;
  }

  /**
   * What is wrong with an event built by an importer (CSV, iCalendar, clock): the same rules the
   * JSON intake and the consumers apply, so nothing accepted is refused downstream.
   */
  public List<Violation> problems(int index, WorkEvent e) {
    List<Violation> violations = new ArrayList<>();
    Item item = new Item(index, null, violations);
    item.checkText("eventId", e.eventId(), MAX_EVENT_ID_LENGTH, false);
    item.checkText("personId", e.personId(), 64, false);
    if (e.personId() != null && !PERSON_ID.matcher(e.personId()).matches()) {
      item.violation("personId", "must be 1-64 characters of A-Za-z0-9._@-");
    }
    item.checkText("skill", e.skill(), MAX_SKILL_LENGTH, false);
    item.checkText("source", e.source(), MAX_TEXT_LENGTH, false);
    item.checkText("title", e.title(), MAX_TEXT_LENGTH, true);
    checkRange(item, "start", e.start());
    checkRange(item, "end", e.end());
    if (e.version() < 1) {
      item.violation("version", "must be a whole number of at least 1");
    }
    return violations;
  }

  private void checkRange(Item item, String field, OffsetDateTime value) {
    if (value != null
        && (value.toInstant().isBefore(earliest) || value.toInstant().isAfter(latest))) {
      item.violation(field, "must lie between %s and %s".formatted(earliest, latest));
    }
  }

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
    item.checkText("eventId", eventId, MAX_EVENT_ID_LENGTH, false);
    item.checkText("skill", skill, MAX_SKILL_LENGTH, false);
    item.checkText("source", source, MAX_TEXT_LENGTH, false);
    item.checkText("title", title, MAX_TEXT_LENGTH, true);
    checkRange(item, "start", start);
    checkRange(item, "end", end);
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

    /**
     * Control characters (NUL among them, which PostgreSQL cannot store) are refused; a title may
     * hold tabs and line breaks. Lengths and blanks are checked where the text is read.
     */
    void checkText(String field, String value, int maxLength, boolean multiline) {
      if (value == null) {
        return;
      }
      if (node == null && value.length() > maxLength) {
        violation(field, "must be at most %d characters".formatted(maxLength));
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        boolean allowed = multiline && (c == '\t' || c == '\n' || c == '\r');
        if ((Character.isISOControl(c) && !allowed)
            || (Character.isSurrogate(c) && !pairedSurrogate(value, i))) {
          violation(field, "must not contain control characters or broken surrogate pairs");
          return;
        }
        if (Character.isHighSurrogate(c)) {
          i++;
        }
      }
    }

    private static boolean pairedSurrogate(String value, int i) {
      return Character.isHighSurrogate(value.charAt(i))
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1));
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
