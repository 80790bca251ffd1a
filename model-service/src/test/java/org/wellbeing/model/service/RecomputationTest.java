package org.wellbeing.model.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.EventKind;
import org.wellbeing.contract.EventStatus;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;

/**
 * The event store and recomputation against the real database: arrival order never matters, and a
 * late change recomputes exactly what depends on it.
 */
@QuarkusTest
// the suites below test figures, not access: they run as an administrator (see the BOLA matrix)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class RecomputationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EventKind[] KINDS = EventKind.values();

  @Inject MetricsEngine engine;

  /** A history with duplicates, superseded versions and retractions, for one person. */
  private static List<WorkEvent> history(String person, long seed) {
    Random random = new Random(seed);
    List<WorkEvent> events = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      OffsetDateTime start =
          OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC)
              .plusDays(random.nextInt(35))
              .plusMinutes(random.nextInt(24 * 60));
      OffsetDateTime end = start.plusMinutes(15 + random.nextInt(12 * 60));
      EventKind kind = KINDS[random.nextInt(KINDS.length)];
      String skill = kind == EventKind.LEARNING && random.nextBoolean() ? "kafka" : null;
      String id = "ev-" + i;
      events.add(event(id, 1, person, kind, start, end, EventStatus.CONFIRMED, skill));
      if (random.nextInt(4) == 0) {
        // a later version moves the event; an older version may still arrive afterwards
        events.add(
            event(
                id,
                2,
                person,
                kind,
                start.plusHours(1),
                end.plusHours(2),
                EventStatus.CONFIRMED,
                skill));
      }
      if (random.nextInt(6) == 0) {
        events.add(event(id, 3, person, kind, start, end, EventStatus.CANCELLED, skill));
      }
      if (random.nextInt(7) == 0) {
        // at equal version a retraction wins over the confirmation, whichever comes first
        events.add(event(id, 1, person, kind, start, end, EventStatus.CANCELLED, skill));
      }
      if (random.nextInt(7) == 0) {
        // two different records at one version: the greater one wins, whichever comes first
        events.add(
            event(
                id,
                1,
                person,
                kind,
                start.plusMinutes(30),
                end.plusMinutes(30),
                EventStatus.CONFIRMED,
                skill));
      }
    }
    return events;
  }

  private static WorkEvent event(
      String id,
      long version,
      String person,
      EventKind kind,
      OffsetDateTime start,
      OffsetDateTime end,
      EventStatus status,
      String skill) {
    return new WorkEvent(
        person + "/" + id, version, person, kind, start, end, status, skill, "test", null, null);
  }

  private void deliver(List<WorkEvent> events, int batchSize) {
    for (int i = 0; i < events.size(); i += batchSize) {
      List<WorkEvent> batch = events.subList(i, Math.min(events.size(), i + batchSize));
      QuarkusTransaction.requiringNew().run(() -> engine.apply(batch));
    }
  }

  /** The person's days with what differs by person removed, for comparison. */
  private static List<JsonNode> days(String person, String from, String to) {
    String body =
        given()
            .get("/api/v1/people/" + person + "/days?from=" + from + "&to=" + to)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<JsonNode> days = new ArrayList<>();
    try {
      for (JsonNode day : JSON.readTree(body)) {
        ObjectNode copy = day.deepCopy();
        copy.remove("personId");
        copy.remove("computedAt");
        days.add(copy);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return days;
  }

  @Test
  void shuffledDuplicatedAndLateSupersededDeliveriesGiveIdenticalFigures() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    for (long seed = 1; seed <= 4; seed++) {
      List<JsonNode> reference = null;
      for (int order = 0; order < 6; order++) {
        String person = "ord-%s-%d-%d".formatted(run, seed, order);
        List<WorkEvent> events = new ArrayList<>(history(person, seed));
        Random shuffle = new Random(seed * 100 + order);
        // some records arrive twice
        for (int d = 0; d < 8; d++) {
          events.add(events.get(shuffle.nextInt(events.size())));
        }
        Collections.shuffle(events, shuffle);
        deliver(events, 1 + shuffle.nextInt(15));
        List<JsonNode> days = days(person, "2026-02-25", "2026-05-10");
        if (reference == null) {
          reference = days;
        } else {
          assertThat(days).as("seed %d, order %d", seed, order).isEqualTo(reference);
        }
      }
    }
  }

  @Test
  void eventCancelledThreeWeeksBackChangesExactlyTheFiguresThatDependOnIt() {
    String person = "rc-" + UUID.randomUUID().toString().substring(0, 8);
    List<WorkEvent> weeks = new ArrayList<>();
    LocalDate monday = LocalDate.of(2026, 3, 2);
    for (int week = 0; week < 6; week++) {
      for (int day = 0; day < 5; day++) {
        LocalDate date = monday.plusWeeks(week).plusDays(day);
        OffsetDateTime start = date.atTime(9, 0).atOffset(ZoneOffset.UTC);
        weeks.add(
            event(
                "w" + date,
                1,
                person,
                EventKind.WORK,
                start,
                start.plusHours(8),
                EventStatus.CONFIRMED,
                null));
      }
    }
    deliver(weeks, 50);
    List<JsonNode> before = days(person, "2026-03-02", "2026-04-30");

    // Wednesday 11 March, three and a half weeks before the last working day
    OffsetDateTime start = LocalDate.of(2026, 3, 11).atTime(9, 0).atOffset(ZoneOffset.UTC);
    deliver(
        List.of(
            event(
                "w2026-03-11",
                2,
                person,
                EventKind.WORK,
                start,
                start.plusHours(8),
                EventStatus.CANCELLED,
                null)),
        1);
    List<JsonNode> after = days(person, "2026-03-02", "2026-04-30");

    int cancelled = 9; // index of 2026-03-11 from 2026-03-02
    for (int i = 0; i < before.size(); i++) {
      boolean dependent = i >= cancelled && i <= cancelled + 6;
      if (!dependent) {
        assertThat(after.get(i)).as("day %s", before.get(i).get("date")).isEqualTo(before.get(i));
      }
    }
    assertThat(after.get(cancelled).get("workedHours").asDouble()).isZero();
    assertThat(before.get(cancelled).get("workedHours").asDouble()).isEqualTo(8.0);
    // Thursday's rest now reaches back to Tuesday evening: 40 h instead of 16 h
    assertThat(before.get(cancelled + 1).get("restHours").asDouble()).isEqualTo(16.0);
    assertThat(after.get(cancelled + 1).get("restHours").asDouble()).isEqualTo(40.0);
    // the week's trailing sums lose the cancelled 8 h for seven days, then agree again
    for (int i = cancelled; i <= cancelled + 6; i++) {
      assertThat(after.get(i).get("weeklyRestHours").asDouble())
          .isGreaterThanOrEqualTo(before.get(i).get("weeklyRestHours").asDouble());
    }
    assertThat(after.get(cancelled + 7)).isEqualTo(before.get(cancelled + 7));
  }

  private static List<WorkEvent> workdays(String person, String... dates) {
    List<WorkEvent> events = new ArrayList<>();
    for (String date : dates) {
      OffsetDateTime start = LocalDate.parse(date).atTime(9, 0).atOffset(ZoneOffset.UTC);
      events.add(
          event(
              "w" + date,
              1,
              person,
              EventKind.WORK,
              start,
              start.plusHours(8),
              EventStatus.CONFIRMED,
              null));
    }
    return events;
  }

  @Test
  void workAfterAStretchOffWorkRemeasuresTheDaysBeforeItThatTheStretchOverlaps() {
    String person = "stretch-" + UUID.randomUUID().toString().substring(0, 6);
    deliver(
        workdays(
            person,
            "2026-02-23",
            "2026-02-24",
            "2026-02-25",
            "2026-02-26",
            "2026-02-27",
            "2026-03-02",
            "2026-03-03",
            "2026-03-04",
            "2026-03-05",
            "2026-03-06"),
        10);
    // nothing after Friday 6 March 17:00 yet: the stretch from then has no end
    assertThat(days(person, "2026-03-05", "2026-03-08"))
        .extracting(d -> d.get("weeklyRestHours").isNull())
        .containsExactly(false, true, true, true);

    deliver(workdays(person, "2026-03-09", "2026-03-10"), 2);
    // Monday's work ends the weekend at 64 h; the days before Monday whose windows overlap it
    // show that too, though the change was on Monday
    assertThat(days(person, "2026-03-05", "2026-03-09"))
        .extracting(d -> d.get("weeklyRestHours").asDouble())
        .containsExactly(64.0, 64.0, 64.0, 64.0, 64.0);
    assertThat(days(person, "2026-03-10", "2026-03-10").get(0).get("weeklyRestHours").isNull())
        .isTrue();
  }

  @Test
  void replayingEveryEventIntoAFreshPersonGivesTheSameNumbers() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    List<WorkEvent> live = history("live-" + run, 42);
    deliver(live, 3);
    List<WorkEvent> replay = new ArrayList<>();
    for (WorkEvent e : history("replay-" + run, 42)) {
      replay.add(e);
    }
    deliver(replay, 500);

    assertThat(days("replay-" + run, "2026-02-25", "2026-05-10"))
        .isEqualTo(days("live-" + run, "2026-02-25", "2026-05-10"));
  }
}
