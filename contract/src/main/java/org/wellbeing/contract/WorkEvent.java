package org.wellbeing.contract;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One interval of a person's time, as published on {@link Topics#WORK_EVENTS}. Read back, its times
 * keep the offset they were written with.
 *
 * @param autoClosed true when a clock punch left open too long was closed by the system; absent
 *     otherwise
 */
public record WorkEvent(
    String eventId,
    long version,
    String personId,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) EventKind kind,
    @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        OffsetDateTime start,
    @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime end,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) EventStatus status,
    String skill,
    String source,
    String title,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean autoClosed) {

  /** This event at another version (a feed republishing a changed occurrence). */
  public WorkEvent withVersion(long newVersion) {
    return new WorkEvent(
        eventId, newVersion, personId, kind, start, end, status, skill, source, title, autoClosed);
  }

  /** This event with another title, or none. */
  public WorkEvent withTitle(String newTitle) {
    return new WorkEvent(
        eventId, version, personId, kind, start, end, status, skill, source, newTitle, autoClosed);
  }

  /** Longest span of one event; ABSENCE may last {@link #MAX_ABSENCE_SPAN}. */
  public static final Duration MAX_SPAN = Duration.ofHours(24);

  /** Longest span of one ABSENCE event (31 days). */
  public static final Duration MAX_ABSENCE_SPAN = Duration.ofHours(744);

  /** The longest span allowed for an event of {@code kind}. */
  public static Duration maxSpan(EventKind kind) {
    return kind == EventKind.ABSENCE ? MAX_ABSENCE_SPAN : MAX_SPAN;
  }
}
