package org.wellbeing.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.wellbeing.alert.Fixtures;
import org.wellbeing.alert.persistence.AlertEntity;
import org.wellbeing.alert.persistence.NotificationEntity;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.TopicReader;

/**
 * A works agreement with team alerts only, without after-hours tracking and without learning and
 * skill figures: a whole team over 48 h raises TEAM_OVERLOAD, and nothing about any one person
 * reaches the API, the topic, a webhook or the metrics; the after-hours and skill rules judge
 * nothing, and figures whose switched-off fields are null are stored.
 */
@QuarkusTest
@TestProfile(FunctionsOffTest.Off.class)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class FunctionsOffTest {

  /** The three switches off. */
  public static class Off implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "wellbeing.functions.person-alerts", "false",
          "wellbeing.functions.after-hours", "false",
          "wellbeing.functions.learning", "false");
    }
  }

  @KafkaBootstrap String bootstrap;

  private String team;

  @Test
  void aTeamOverloadIsRaisedWhileNothingAboutOnePersonReachesAnyone() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    team = "team-" + run;
    String manager = "mgr-" + run;
    given()
        .contentType("application/json")
        .body("{\"url\": \"http://127.0.0.1:9/hook\", \"teamId\": \"%s\"}".formatted(team))
        .put("/api/v1/webhooks/hook-" + run)
        .then()
        .statusCode(201);
    List<String> people = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      people.add("p" + i + "-" + run);
    }
    Fixtures.members(bootstrap, team, manager, people);

    List<ProducerRecord<String, String>> figures = new ArrayList<>();
    for (String person : people) {
      for (int d = 0; d < 5; d++) {
        // 10 h a day, 3 h of it after hours (as a model-service with tracking on would send), and
        // null where model-service leaves switched-off figures out
        figures.add(
            new ProducerRecord<>(
                Topics.WELLBEING_METRICS,
                person,
                """
                {"personId": "%s", "teamId": "%s", "managerId": "%s", "date": "%s",
                 "workedHours": 10, "meetingHours": 0, "focusHours": 0, "learningHours": null,
                 "plannedLearningHours": null, "afterHoursHours": %s, "restHours": null,
                 "absence": false, "balance": 1, "timeManagement": 1, "planAccuracy": null,
                 "learningEfficiency": null, "skillRate": null, "skillDelta": null,
                 "skill": null, "computedAt": "%s", "contractHours": 8, "workingDay": true,
                 "weeklyRestHours": 100}"""
                    .formatted(
                        person,
                        team,
                        manager,
                        LocalDate.parse("2026-03-02").plusDays(d),
                        person.startsWith("p0") ? "3" : "null",
                        Instant.now())));
      }
    }
    produce(figures);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> alerts("TEAM").stream().anyMatch(a -> a.rule.equals("TEAM_OVERLOAD")));
    // judged, for TEAM_OVERLOAD's count: each member's WEEKLY_HOURS, and nothing else
    List<AlertEntity> internal = alerts("PERSON");
    assertThat(internal).extracting(a -> a.rule).containsOnly("WEEKLY_HOURS").hasSize(5);

    assertThat(given().get("/api/v1/alerts?teamId=" + team).jsonPath().getList("subjectType"))
        .containsExactly("TEAM");
    assertThat(given().get("/api/v1/alerts?personId=" + people.get(0)).jsonPath().getList("id"))
        .isEmpty();
    given()
        .get("/api/v1/alerts/" + internal.get(0).id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");

    TopicReader topic = new TopicReader(bootstrap);
    assertThat(topic.await(Topics.OVERWORK_ALERTS, r -> team.equals(r.key()), 1)).isNotEmpty();
    // the outbox sends in commit order and the person alerts were judged first: had they been
    // queued, they would be in the log by the time the team's alert is
    assertThat(topic.readToEnd(Topics.OVERWORK_ALERTS))
        .extracting(TopicReader.Record::key)
        .contains(team)
        .doesNotContainAnyElementsOf(people);

    List<NotificationEntity> notifications =
        QuarkusTransaction.requiringNew()
            .call(() -> NotificationEntity.<NotificationEntity>list("webhookId", "hook-" + run));
    assertThat(notifications)
        .isNotEmpty()
        .allSatisfy(n -> assertThat(n.alertId).isNotIn(internal.stream().map(a -> a.id).toList()));

    String metrics = given().get("/q/metrics").asString();
    assertThat(metrics).doesNotContain("rule=\"WEEKLY_HOURS\"");
    assertThat(metrics).contains("rule=\"TEAM_OVERLOAD\"");
  }

  private List<AlertEntity> alerts(String subjectType) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                AlertEntity.<AlertEntity>list(
                    "subjectType = ?1 and teamId = ?2", subjectType, team));
  }

  private void produce(List<ProducerRecord<String, String>> records) {
    Fixtures.produce(bootstrap, records);
  }
}
