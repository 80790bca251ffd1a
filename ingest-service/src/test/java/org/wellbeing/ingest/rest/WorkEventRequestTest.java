package org.wellbeing.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.wellbeing.common.rest.InvalidBodyException;
import org.wellbeing.common.rest.ItemLimitException;
import org.wellbeing.common.rest.RequestBodies;
import org.wellbeing.contract.EventKind;
import org.wellbeing.contract.EventStatus;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEvent;

/** How a posted body binds to {@link WorkEventRequest}s, without a running service. */
class WorkEventRequestTest {

  private static final Validator VALIDATOR =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private final RequestBodies bodies =
      new RequestBodies(new ObjectMapper().registerModule(new JavaTimeModule()), VALIDATOR);

  @Test
  void aValidEventGetsDefaultsForVersionAndStatusAndKeepsItsOffset() {
    var batch =
        bodies.batch(
            """
            {"eventId": "e1", "personId": "alice", "kind": "meeting",
             "start": "2026-03-02T09:00:00+01:00", "end": "2026-03-02T10:30:00+01:00",
             "skill": null, "source": "calendar:alice", "title": "Planning"}
            """,
            WorkEventRequest.class,
            10);

    assertThat(batch.violations()).isEmpty();
    assertThat(batch.single()).isTrue();
    WorkEvent event = batch.items().get(0).toEvent("e1");
    assertThat(event.version()).isEqualTo(1);
    assertThat(event.kind()).isEqualTo(EventKind.MEETING);
    assertThat(event.status()).isEqualTo(EventStatus.CONFIRMED);
    assertThat(event.start()).isEqualTo(OffsetDateTime.parse("2026-03-02T09:00:00+01:00"));
    assertThat(event.start().getOffset().getTotalSeconds()).isEqualTo(3600);
  }

  @Test
  void everyBadFieldOfEveryItemIsNamedByIndexAndPath() {
    var batch =
        bodies.batch(
            """
            [{"eventId": "ok", "personId": "alice", "kind": "WORK",
              "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z"},
             {"eventId": "e2", "personId": "bad id!", "kind": "WORK", "version": 0,
              "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z", "skill": " "},
             {"personId": "bob", "kind": "WORK", "title": "a\\u0000b",
              "start": "2026-03-02T17:00:00Z"},
             "not an object",
             {"eventId": "e5", "personId": "carol", "kind": "NAP",
              "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z"}]
            """,
            WorkEventRequest.class,
            10);

    assertThat(batch.items()).hasSize(5);
    assertThat(batch.items().get(0)).isNotNull();
    assertThat(batch.items().subList(1, 5)).containsOnlyNulls();
    assertThat(batch.violations())
        .extracting(Violation::index, Violation::field)
        .containsExactly(
            tuple(1, "personId"),
            tuple(1, "skill"),
            tuple(1, "version"),
            tuple(2, "end"),
            tuple(2, "eventId"),
            tuple(2, "title"),
            tuple(3, null),
            tuple(4, "kind"));
    assertThat(batch.violations()).extracting(Violation::path).startsWith("[1].personId");
    assertThat(batch.violations().get(7).message())
        .isEqualTo("must be one of [WORK, MEETING, FOCUS, LEARNING, BREAK, ABSENCE]");
  }

  @Test
  void aWrongTypeIsNamedWithoutEchoingTheValue() {
    var batch =
        bodies.batch(
            """
            [{"eventId": "e1", "personId": "alice", "kind": "WORK", "version": 1.5,
              "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z"},
             {"eventId": 7, "personId": "alice", "kind": "WORK",
              "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z"},
             {"eventId": "e3", "personId": "alice", "kind": "WORK",
              "start": "2026-03-02 secret", "end": "2026-03-02T17:00:00Z"}]
            """,
            WorkEventRequest.class,
            10);

    assertThat(batch.violations())
        .extracting(Violation::path, Violation::message)
        .containsExactly(
            tuple("[0].version", "must be a whole number"),
            tuple("[1].eventId", "must be a string"),
            tuple(
                "[2].start",
                "must be an ISO-8601 date-time with an offset, e.g. 2026-03-02T09:00:00+01:00"));
  }

  @Test
  void enumPositionsEpochNumbersAndBlankNumbersAreRefusedNotGuessed() {
    var batch =
        bodies.batch(
            """
            [{"eventId": "e1", "personId": "alice", "kind": 0,
              "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z"},
             {"eventId": "e2", "personId": "alice", "kind": "0",
              "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z"},
             {"eventId": "e3", "personId": "alice", "kind": "WORK",
              "start": 1772442000, "end": "2026-03-02T17:00:00Z"},
             {"eventId": "e4", "personId": "alice", "kind": "WORK",
              "start": "1772442000", "end": "2026-03-02T17:00:00Z"},
             {"eventId": "e5", "personId": "alice", "kind": "WORK", "version": "",
              "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z"}]
            """,
            WorkEventRequest.class,
            10);

    assertThat(batch.items()).containsOnlyNulls();
    assertThat(batch.violations())
        .extracting(Violation::path)
        .containsExactly("[0].kind", "[1].kind", "[2].start", "[3].start", "[4].version");
  }

  @Test
  void aNullWhereAnObjectBelongsIsAViolationNotAFailure() {
    java.util.List<Violation> found = new java.util.ArrayList<>();

    assertThat(
            bodies.bind(
                2,
                com.fasterxml.jackson.databind.node.NullNode.getInstance(),
                WorkEventRequest.class,
                found))
        .isNull();
    assertThat(found).extracting(Violation::path).containsExactly("[2]");
  }

  @Test
  void aLongTitleIsShortenedNotRefused() {
    var batch =
        bodies.batch(
            """
            {"eventId": "e1", "personId": "alice", "kind": "WORK", "title": "%s",
             "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z"}
            """
                .formatted("t".repeat(5000)),
            WorkEventRequest.class,
            10);

    assertThat(batch.violations()).isEmpty();
    assertThat(batch.items().get(0).toEvent("e1").title()).hasSize(1024);
  }

  @Test
  void bodiesThatAreNotAListOfObjectsAreRefusedWhole() {
    assertThatThrownBy(() -> bodies.batch("", WorkEventRequest.class, 10))
        .isInstanceOf(InvalidBodyException.class);
    assertThatThrownBy(() -> bodies.batch("{\"a\": 1, \"a\": 2}", WorkEventRequest.class, 10))
        .isInstanceOf(InvalidBodyException.class);
    assertThatThrownBy(() -> bodies.batch("{} {}", WorkEventRequest.class, 10))
        .isInstanceOf(InvalidBodyException.class);
    assertThatThrownBy(() -> bodies.batch("42", WorkEventRequest.class, 10))
        .isInstanceOf(InvalidBodyException.class);
    assertThatThrownBy(() -> bodies.batch("[{}, {}, {}]", WorkEventRequest.class, 2))
        .isInstanceOf(ItemLimitException.class);
  }
}
