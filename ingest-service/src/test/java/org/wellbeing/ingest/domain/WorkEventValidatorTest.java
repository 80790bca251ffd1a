package org.wellbeing.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.EventKind;
import org.wellbeing.contract.EventStatus;
import org.wellbeing.contract.WorkEvent;

class WorkEventValidatorTest {

  private final ObjectMapper json = new ObjectMapper();
  private final WorkEventValidator validator = new WorkEventValidator();

  @Test
  void validEventGetsDefaultsForVersionAndStatus() throws Exception {
    List<WorkEvent> events =
        validator.validate(
            items(
                """
                [{"eventId": "e1", "personId": "alice", "kind": "meeting",
                  "start": "2026-03-02T09:00:00+01:00", "end": "2026-03-02T10:30:00+01:00",
                  "skill": null, "source": "calendar:alice", "title": "Planning"}]
                """));

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

    assertThatThrownBy(() -> validator.validate(items(body)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::index, Violation::field)
                    .containsExactly(
                        tuple(1, "version"),
                        tuple(1, "personId"),
                        tuple(1, "kind"),
                        tuple(1, "start"),
                        tuple(1, "status"),
                        tuple(2, "eventId"),
                        tuple(2, "end"),
                        tuple(3, null)))
        .hasMessage("3 of 4 events are invalid; none was published");
  }

  @Test
  void spanLimitIsInclusive24HoursAnd744ForAbsence() throws Exception {
    assertThat(
            validator.validate(
                items(event("WORK", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"))))
        .hasSize(1);
    assertThatThrownBy(
            () ->
                validator.validate(
                    items(event("WORK", "2026-03-02T00:00:00Z", "2026-03-03T00:00:01Z"))))
        .isInstanceOf(InvalidInputException.class);
    assertThat(
            validator.validate(
                items(event("ABSENCE", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"))))
        .hasSize(1);
    assertThatThrownBy(
            () ->
                validator.validate(
                    items(event("ABSENCE", "2026-03-01T00:00:00Z", "2026-04-01T00:00:01Z"))))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void offsetsDecideTheSpanNotTheWrittenClockTimes() throws Exception {
    // 09:00+01:00 to 09:00+00:00 is one hour, although the clock times are equal
    assertThat(
            validator.validate(
                items(event("WORK", "2026-03-02T09:00:00+01:00", "2026-03-02T09:00:00+00:00"))))
        .hasSize(1);
  }

  private String event(String kind, String start, String end) {
    return """
        {"eventId": "x", "personId": "alice", "kind": "%s", "start": "%s", "end": "%s"}
        """
        .formatted(kind, start, end);
  }

  private List<JsonNode> items(String body) throws Exception {
    JsonNode root = json.readTree(body);
    List<JsonNode> items = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(items::add);
    } else {
      items.add(root);
    }
    return items;
  }
}
