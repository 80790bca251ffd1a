package org.wellbeing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class WorkEventValidatorTest {

  private final WorkEventValidator validator = new WorkEventValidator();

  @Test
  void aCompleteEventHasNoProblem() {
    assertThat(validator.problems(0, event("WORK", "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z")))
        .isEmpty();
  }

  @Test
  void whatTheStoreCannotHoldIsRefused() {
    WorkEvent event =
        new WorkEvent(
            "csv:alice\u0001",
            1,
            "alice",
            EventKind.WORK,
            OffsetDateTime.parse("+294277-03-02T09:00:00Z"),
            OffsetDateTime.parse("+294277-03-02T17:00:00Z"),
            EventStatus.CONFIRMED,
            "x".repeat(65),
            "timesheet",
            "bad\u0000title",
            null);

    assertThat(validator.problems(4, event))
        .extracting(Violation::index, Violation::field)
        .containsExactly(
            tuple(4, "eventId"),
            tuple(4, "skill"),
            tuple(4, "title"),
            tuple(4, "start"),
            tuple(4, "end"));
  }

  @Test
  void beforeTheRangeIsRefusedToo() {
    assertThat(validator.problems(0, event("WORK", "1999-12-31T09:00:00Z", "1999-12-31T17:00:00Z")))
        .extracting(Violation::field)
        .containsExactly("start", "end");
  }

  @Test
  void aTitleMayHoldTabsAndLineBreaksButNoOtherControlCharacter() {
    WorkEvent event = event("WORK", "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z");

    assertThat(validator.problems(0, event.withTitle("one\ntwo\tthree\r"))).isEmpty();
    assertThat(validator.problems(0, event.withTitle("one\u0007"))).hasSize(1);
    assertThat(validator.problems(0, event.withTitle("broken \ud83d pair"))).hasSize(1);
    assertThat(validator.problems(0, event.withTitle("paired \ud83d\ude00"))).isEmpty();
  }

  @Test
  void missingFieldsAndAVersionBelowOneAreNamed() {
    WorkEvent event =
        new WorkEvent(" ", 0, "bad id!", null, null, null, null, null, null, null, null);

    assertThat(validator.problems(-1, event))
        .extracting(Violation::field)
        .containsExactly("eventId", "version", "personId", "kind", "start", "end", "status");
  }

  @Test
  void spanLimitIsInclusive24HoursAnd744ForAbsence() {
    assertThat(valid("WORK", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")).isTrue();
    assertThat(valid("WORK", "2026-03-02T00:00:00Z", "2026-03-03T00:00:01Z")).isFalse();
    assertThat(valid("ABSENCE", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")).isTrue();
    assertThat(valid("ABSENCE", "2026-03-01T00:00:00Z", "2026-04-01T00:00:01Z")).isFalse();
    assertThat(valid("WORK", "2026-03-02T09:00:00Z", "2026-03-02T09:00:00Z")).isFalse();
  }

  @Test
  void offsetsDecideTheSpanNotTheWrittenClockTimes() {
    // 09:00+01:00 to 09:00+00:00 is one hour, although the clock times are equal
    assertThat(valid("WORK", "2026-03-02T09:00:00+01:00", "2026-03-02T09:00:00+00:00")).isTrue();
    assertThat(valid("WORK", "2026-03-02T09:00:00+00:00", "2026-03-02T09:00:00+01:00")).isFalse();
  }

  @Test
  void readBackFromJsonAnEventKeepsItsOffsetsAndTakesKindsInAnyCase() throws Exception {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    WorkEvent read =
        json.readValue(
            """
            {"eventId": "e1", "version": 2, "personId": "alice", "kind": "meeting",
             "start": "2026-03-02T09:00:00+01:00", "end": "2026-03-02T10:30:00+01:00",
             "status": "cancelled"}
            """,
            WorkEvent.class);

    assertThat(read.kind()).isEqualTo(EventKind.MEETING);
    assertThat(read.status()).isEqualTo(EventStatus.CANCELLED);
    assertThat(read.start()).hasToString("2026-03-02T09:00+01:00");
    assertThat(validator.problems(0, read)).isEmpty();
  }

  private boolean valid(String kind, String start, String end) {
    return validator.problems(0, event(kind, start, end)).isEmpty();
  }

  private static WorkEvent event(String kind, String start, String end) {
    return new WorkEvent(
        "x",
        1,
        "alice",
        EventKind.valueOf(kind),
        OffsetDateTime.parse(start),
        OffsetDateTime.parse(end),
        EventStatus.CONFIRMED,
        null,
        null,
        null,
        null);
  }
}
