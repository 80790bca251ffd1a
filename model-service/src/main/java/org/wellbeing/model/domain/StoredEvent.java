package org.wellbeing.model.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.wellbeing.contract.EventKind;
import org.wellbeing.contract.EventStatus;

/** A WorkEvent as the event store keeps it: only instants matter, never written offsets. */
public record StoredEvent(
    String eventId,
    long version,
    String personId,
    EventKind kind,
    Instant start,
    Instant end,
    EventStatus status,
    String skill) {

  /**
   * MODEL.md's precedence of two records of one eventId: the higher version; at equal version
   * CANCELLED; then the greater (personId, kind, start, end, skill), so arrival order never
   * matters. Kinds compare by name, a missing skill before any skill.
   */
  public static final Comparator<StoredEvent> PRECEDENCE =
      Comparator.comparingLong(StoredEvent::version)
          .thenComparing(e -> e.status() == EventStatus.CANCELLED)
          .thenComparing(StoredEvent::personId)
          .thenComparing(e -> e.kind().name())
          .thenComparing(StoredEvent::start)
          .thenComparing(StoredEvent::end)
          .thenComparing(StoredEvent::skill, Comparator.nullsFirst(Comparator.naturalOrder()));

  public StoredEvent {
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(personId);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(status);
  }

  /** True when this record replaces {@code stored}; an identical record changes nothing. */
  public boolean supersedes(StoredEvent stored) {
    return stored == null || PRECEDENCE.compare(this, stored) > 0;
  }

  public boolean confirmed() {
    return status == EventStatus.CONFIRMED;
  }

  public Interval interval() {
    return new Interval(start, end);
  }
}
