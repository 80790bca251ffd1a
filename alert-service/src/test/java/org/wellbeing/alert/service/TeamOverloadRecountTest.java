package org.wellbeing.alert.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.wellbeing.alert.Fixtures;
import org.wellbeing.alert.persistence.AlertEntity;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;

/**
 * A change judged in the weeks around it recounts TEAM_OVERLOAD only on the weeks where a member's
 * alert began or stopped counting, and leaves every team alert as judging the whole history would.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class TeamOverloadRecountTest {

  private static final LocalDate MONDAY = Fixtures.MONDAY;

  @KafkaBootstrap String bootstrap;

  private final AlertEngine engine;

  TeamOverloadRecountTest(AlertEngine engine) {
    this.engine = engine;
  }

  @Test
  void aChangeInOneWeekRecountsThatWeekAndAgreesWithTheWholeHistory() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String team = "recount-" + run;
    String manager = "m-" + run;
    List<String> people = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      people.add("p" + i + "-" + run);
    }
    Fixtures.members(bootstrap, team, manager, people);

    // four weeks of 49 h for everyone: WEEKLY_HOURS in each week, so the team is overloaded in all
    List<ProducerRecord<String, String>> history = new ArrayList<>();
    for (String person : people) {
      for (int week = 0; week < 4; week++) {
        history.addAll(Fixtures.week(person, team, manager, MONDAY.plusWeeks(week), 9.8));
      }
    }
    Fixtures.produce(bootstrap, history);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> statuses(team).values().stream().filter("OPEN"::equals).count() == 4);

    // four of five members work 30 h in the last week: 20 % of the team, no longer overloaded
    List<ProducerRecord<String, String>> lighter = new ArrayList<>();
    for (String person : people.subList(0, 4)) {
      lighter.addAll(Fixtures.week(person, team, manager, MONDAY.plusWeeks(3), 6));
    }
    Fixtures.produce(bootstrap, lighter);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "RESOLVED".equals(statuses(team).get("2026-W13")));

    Map<String, String> windowed = teamAlerts(team);
    assertThat(statuses(team))
        .containsEntry("2026-W10", "OPEN")
        .containsEntry("2026-W11", "OPEN")
        .containsEntry("2026-W12", "OPEN")
        .containsEntry("2026-W13", "RESOLVED");
    QuarkusTransaction.requiringNew().run(() -> engine.evaluatePeople(people));
    assertThat(teamAlerts(team)).isEqualTo(windowed);

    // and back: the last week's alert reopens
    List<ProducerRecord<String, String>> heavier = new ArrayList<>();
    for (String person : people.subList(0, 2)) {
      heavier.addAll(Fixtures.week(person, team, manager, MONDAY.plusWeeks(3), 10));
    }
    Fixtures.produce(bootstrap, heavier);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "OPEN".equals(statuses(team).get("2026-W13")));
    Map<String, String> reopened = teamAlerts(team);
    QuarkusTransaction.requiringNew().run(() -> engine.evaluatePeople(people));
    assertThat(teamAlerts(team)).isEqualTo(reopened);
  }

  private static Map<String, String> statuses(String team) {
    Map<String, String> statuses = new TreeMap<>();
    for (AlertEntity a : alerts(team)) {
      statuses.put(a.period, a.status);
    }
    return statuses;
  }

  /** Each team alert's period with what judging decides about it. */
  private static Map<String, String> teamAlerts(String team) {
    Map<String, String> alerts = new TreeMap<>();
    for (AlertEntity a : alerts(team)) {
      alerts.put(
          a.period,
          String.join(
              " ",
              a.status,
              a.severity,
              Double.toString(a.value),
              a.periodFrom + "/" + a.periodTo));
    }
    return alerts;
  }

  private static List<AlertEntity> alerts(String team) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                AlertEntity.<AlertEntity>list(
                    "subject = ?1 and subjectType = 'TEAM' and rule = 'TEAM_OVERLOAD'", team));
  }
}
