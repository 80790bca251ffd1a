package org.wellbeing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkEventValidatorTest {

  private final ObjectMapper json = new ObjectMapper();
  private final WorkEventValidator validator = new WorkEventValidator();
  private final List<Violation> violations = new ArrayList<>();

  @Test
  void validEventGetsDefaultsForVersionAndStatus() throws Exception {
    List<WorkEvent> events =
        validator.validate(
            items(
                """
                [{"eventId": "e1", "personId": "alice", "kind": "meeting",
                  "start": "2026-03-02T09:00:00+01:00", "end": "2026-03-02T10:30:00+01:00",
                  "skill": null, "source": "calendar:alice", "title": "Planning"}]
                """),
            violations);

    assertThat(violations).isEmpty();
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.eventId()).isEqualTo("e1");
              assertThat(e.version()).isEqualTo(1);
              assertThat(e.kind()).isEqualTo(EventKind.MEETING);
              assertThat(e.status()).isEqualTo(EventStatus.CONFIRMED);
              assertThat(e.start()).isEqualTo(OffsetDateTime.parse("2026-03-02T09:00:00+01:00"));
              assertThat(e.title()).isEqualTo("Planning");
            });
  }

  @Test
  void whatTheStoreCannotHoldIsRefusedAtTheEdge() throws Exception {
    String body =
        """
        [{"eventId": "nul", "personId": "alice", "kind": "WORK", "title": "a\\u0000b",
          "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z"},
         {"eventId": "far", "personId": "alice", "kind": "WORK",
          "start": "+294277-03-02T09:00:00Z", "end": "+294277-03-02T17:00:00Z"},
         {"eventId": "old", "personId": "alice", "kind": "WORK",
          "start": "1999-12-31T09:00:00Z", "end": "1999-12-31T17:00:00Z"},
         {"eventId": "id\\u0001", "personId": "alice", "kind": "WORK", "skill": "k\\u007f",
          "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z"},
         {"eventId": "lines", "personId": "alice", "kind": "WORK", "title": "one\\ntwo\\tthree",
          "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z"}]
        """;
    List<WorkEvent> events = validator.validate(items(body), violations);

    assertThat(events).extracting(WorkEvent::eventId).containsExactly("lines");
    assertThat(violations)
        .extracting(Violation::index, Violation::field)
        .containsExactly(
            tuple(0, "title"),
            tuple(1, "start"),
            tuple(1, "end"),
            tuple(2, "start"),
            tuple(2, "end"),
            tuple(3, "eventId"),
            tuple(3, "skill"));
  }

  @Test
  void anImportersEventIsHeldToTheSameRules() {
    WorkEvent event =
        new WorkEvent(
            "csv:alice",
            1,
            "alice",
            EventKind.WORK,
            OffsetDateTime.parse("2150-03-02T09:00:00Z"),
            OffsetDateTime.parse("2150-03-02T17:00:00Z"),
            EventStatus.CONFIRMED,
            "x".repeat(65),
            "timesheet",
            "bad\u0000title",
            null);

    assertThat(validator.problems(4, event))
        .extracting(Violation::index, Violation::field)
        .containsExactly(tuple(4, "skill"), tuple(4, "title"), tuple(4, "start"), tuple(4, "end"));
  }

  @Test
  void everyBadFieldOfEveryItemIsReportedWithItsIndex() throws Exception {
    String body =
        """
        [{"eventId": "ok", "personId": "alice", "kind": "WORK",
          "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z"},
         {"eventId": "e2", "personId": "bad id!", "kind": "NAP", "version": 0,
          "start": "2026-03-02T09:00:00", "end": "2026-03-02T17:00:00Z", "status": "MAYBE"},
         {"personId": "bob", "kind": "WORK",
          "start": "2026-03-02T17:00:00Z", "end": "2026-03-02T09:00:00Z"},
         "not an object"]
        """;

    List<WorkEvent> events = validator.validate(items(body), violations);

    assertThat(events).extracting(WorkEvent::eventId).containsExactly("ok");
    assertThat(violations)
        .extracting(Violation::index, Violation::field)
        .containsExactly(
            tuple(1, "version"),
            tuple(1, "personId"),
            tuple(1, "kind"),
            tuple(1, "start"),
            tuple(1, "status"),
            tuple(2, "eventId"),
            tuple(2, "end"),
            tuple(3, null));
  }

  @Test
  void spanLimitIsInclusive24HoursAnd744ForAbsence() throws Exception {
    assertThat(valid("WORK", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")).isTrue();
    assertThat(valid("WORK", "2026-03-02T00:00:00Z", "2026-03-03T00:00:01Z")).isFalse();
    assertThat(valid("ABSENCE", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")).isTrue();
    assertThat(valid("ABSENCE", "2026-03-01T00:00:00Z", "2026-04-01T00:00:01Z")).isFalse();
  }

  @Test
  void offsetsDecideTheSpanNotTheWrittenClockTimes() throws Exception {
    // 09:00+01:00 to 09:00+00:00 is one hour, although the clock times are equal
    assertThat(valid("WORK", "2026-03-02T09:00:00+01:00", "2026-03-02T09:00:00+00:00")).isTrue();
    assertThat(valid("WORK", "2026-03-02T09:00:00+00:00", "2026-03-02T09:00:00+01:00")).isFalse();
  }

  private boolean valid(String kind, String start, String end) throws Exception {
    List<Violation> found = new ArrayList<>();
    String event =
        """
        {"eventId": "x", "personId": "alice", "kind": "%s", "start": "%s", "end": "%s"}
        """
            .formatted(kind, start, end);
    return validator.validate(0, json.readTree(event), found) != null && found.isEmpty();
  }

  private List<JsonNode> items(String body) throws Exception {
    List<JsonNode> items = new ArrayList<>();
    json.readTree(body).forEach(items::add);
    return items;
  }
}
