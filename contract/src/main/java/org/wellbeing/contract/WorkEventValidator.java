package org.wellbeing.contract;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a WorkEvent must meet wherever it comes from (CONTRACT.md, MODEL.md): what an importer
 * builds (CSV, iCalendar, clock), what a REST body binds to, and what a consumer reads from Kafka
 * are all held to this one list, so nothing accepted at the edge is refused downstream and nothing
 * the store cannot hold gets past it.
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

  /** What is wrong with {@code e}, each violation carrying {@code index}; empty when valid. */
  public List<Violation> problems(int index, WorkEvent e) {
    List<Violation> violations = new ArrayList<>();
    Item item = new Item(index, violations);
    item.checkText("eventId", e.eventId(), MAX_EVENT_ID_LENGTH, false, true);
    if (e.version() < 1) {
      item.violation("version", "must be a whole number of at least 1");
    }
    item.checkText("personId", e.personId(), 64, false, true);
    if (e.personId() != null && !PERSON_ID.matcher(e.personId()).matches()) {
      item.violation("personId", PERSON_ID_RULE);
    }
    if (e.kind() == null) {
      item.violation("kind", "is required");
    }
    if (e.start() == null) {
      item.violation("start", "is required");
    }
    if (e.end() == null) {
      item.violation("end", "is required");
    }
    if (e.status() == null) {
      item.violation("status", "is required");
    }
    item.checkText("skill", e.skill(), MAX_SKILL_LENGTH, false, false);
    item.checkText("source", e.source(), MAX_TEXT_LENGTH, false, false);
    item.checkText("title", e.title(), MAX_TEXT_LENGTH, true, false);
    checkRange(item, "start", e.start());
    checkRange(item, "end", e.end());
    if (e.start() != null && e.end() != null) {
      Duration span = Duration.between(e.start().toInstant(), e.end().toInstant());
      if (span.isNegative() || span.isZero()) {
        item.violation("end", "must be after start");
      } else if (e.kind() != null && span.compareTo(WorkEvent.maxSpan(e.kind())) > 0) {
        item.violation(
            "end",
            "a %s event spans at most %d hours"
                .formatted(e.kind(), WorkEvent.maxSpan(e.kind()).toHours()));
      }
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
  public static final Pattern PERSON_ID = Pattern.compile(WorkEventValidator.PERSON_ID_REGEX);

  /** The pattern of {@link #PERSON_ID}, for annotations. */
  public static final String PERSON_ID_REGEX = "[A-Za-z0-9._@-]{1,64}";

  public static final int MAX_EVENT_ID_LENGTH = 256;

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

  /** Records what is wrong with one item instead of failing on it. */
  private record Item(int index, List<Violation> violations) {

    void violation(String field, String message) {
      violations.add(new Violation(index, field, message));
    }

    void checkText(String field, String value, int maxLength, boolean multiline, boolean required) {
      if (value == null || value.isBlank()) {
        if (required) {
          violation(field, value == null ? "is required" : "must not be blank");
        }
        return;
      }
      if (value.length() > maxLength) {
        violation(field, "must be at most %d characters".formatted(maxLength));
      }
      if (!isPlainText(value, multiline)) {
        violation(field, PLAIN_TEXT_RULE);
      }
    }
  }

  /** What {@link #isPlainText} refuses, as told to a caller. */
  public static final String PLAIN_TEXT_RULE =
      "must not contain control characters or broken surrogate pairs";

  /** What {@link #PERSON_ID} accepts, as told to a caller. */
  public static final String PERSON_ID_RULE = "must be 1-64 characters of A-Za-z0-9._@-";

  /**
   * Whether {@code value} is free of control characters (NUL among them, which PostgreSQL cannot
   * store) and of unpaired surrogates; {@code multiline} text may hold tabs and line breaks.
   */
  public static boolean isPlainText(String value, boolean multiline) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = multiline && (c == '\t' || c == '\n' || c == '\r');
      if ((Character.isISOControl(c) && !allowed)
          || (Character.isSurrogate(c) && !pairedSurrogate(value, i))) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    return true;
  }

  private static boolean pairedSurrogate(String value, int i) {
    return Character.isHighSurrogate(value.charAt(i))
        && i + 1 < value.length()
        && Character.isLowSurrogate(value.charAt(i + 1));
  }
}
