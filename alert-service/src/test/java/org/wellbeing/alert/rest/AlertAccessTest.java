package org.wellbeing.alert.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;

/** With access control on, alerts are for their subject, the managers above and admins. */
@QuarkusTest
@TestProfile(AlertAccessTest.Enforced.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class AlertAccessTest {

  /** Access control on, as behind an authenticating gateway. */
  public static class Enforced implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("wellbeing.access.enforce", "true");
    }
  }

  @KafkaBootstrap String bootstrap;

  @Test
  void alertsAreListedOnlyForTheSubjectTheirManagersAndAdministrators() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String person = "p-" + run;
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    records.add(
        new ProducerRecord<>(
            Topics.ORG_DIRECTORY,
            "team:org-" + run,
            "{\"teamId\": \"org-%1$s\", \"managerId\": \"cto-%1$s\"}".formatted(run)));
    records.add(
        new ProducerRecord<>(
            Topics.ORG_DIRECTORY,
            "team:web-" + run,
            "{\"teamId\": \"web-%1$s\", \"managerId\": \"lead-%1$s\", \"parentTeamId\": \"org-%1$s\"}"
                .formatted(run)));
    records.add(
        new ProducerRecord<>(
            Topics.ORG_DIRECTORY,
            person,
            "{\"personId\": \"%s\", \"teamId\": \"web-%s\", \"timeZone\": \"UTC\"}"
                .formatted(person, run)));
    for (int d = 0; d < 5; d++) {
      records.add(
          new ProducerRecord<>(
              Topics.WELLBEING_METRICS,
              person,
              """
          {"personId": "%s", "teamId": "web-%s", "date": "%s", "workedHours": 10,
           "meetingHours": 0, "focusHours": 0, "learningHours": 0, "plannedLearningHours": 0,
           "afterHoursHours": 0, "restHours": null, "absence": false, "balance": 1,
           "timeManagement": 1, "planAccuracy": 0.5, "learningEfficiency": 0.5, "skillRate": 0.25,
           "skillDelta": 0, "skill": 50, "computedAt": "%s", "contractHours": 8,
           "workingDay": true, "weeklyRestHours": 100}"""
                  .formatted(
                      person, run, LocalDate.parse("2026-03-02").plusDays(d), Instant.now())));
    }
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .header("X-Wellbeing-Roles", "admin")
                    .get("/api/v1/alerts?personId=" + person + "&rule=WEEKLY_HOURS")
                    .then()
                    .body("size()", equalTo(1))
                    .body("[0].teamId", equalTo("web-" + run)));
    String id =
        given()
            .header("X-Wellbeing-Roles", "admin")
            .get("/api/v1/alerts?personId=" + person + "&rule=WEEKLY_HOURS")
            .then()
            .extract()
            .path("[0].id");

    for (String viewer : List.of(person, "lead-" + run, "cto-" + run)) {
      given()
          .header("X-Wellbeing-User", viewer)
          .get("/api/v1/alerts?personId=" + person + "&rule=WEEKLY_HOURS")
          .then()
          .body("size()", equalTo(1));
      given().header("X-Wellbeing-User", viewer).get("/api/v1/alerts/" + id).then().statusCode(200);
    }
    given()
        .header("X-Wellbeing-User", "stranger")
        .get("/api/v1/alerts?personId=" + person)
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    given()
        .header("X-Wellbeing-User", "stranger")
        .get("/api/v1/alerts/" + id)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .header("X-Wellbeing-User", "stranger")
        .contentType("application/json")
        .body("{\"reason\": \"not mine\"}")
        .post("/api/v1/alerts/" + id + "/ack")
        .then()
        .statusCode(403);
  }
}
