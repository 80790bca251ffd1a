package org.wellbeing.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.TestTokens;
import org.wellbeing.testing.TopicReader;

/**
 * A {@code person-erasures} record erases the person's alerts, and a replay does not restore them.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class AlertErasureTest {

  private static final String ADMIN = TestTokens.bearer("admin", "admin");

  @KafkaBootstrap String bootstrap;

  private static List<ProducerRecord<String, String>> week(String person, String run, Long at) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int d = 0; d < 5; d++) {
      String value =
          """
          {"personId": "%s", "teamId": "t-%s", "date": "%s", "workedHours": 10,
           "meetingHours": 0, "focusHours": 0, "learningHours": 0, "plannedLearningHours": 0,
           "afterHoursHours": 0, "restHours": null, "absence": false, "balance": 1,
           "timeManagement": 1, "planAccuracy": 0.5, "learningEfficiency": 0.5, "skillRate": 0.25,
           "skillDelta": 0, "skill": 50, "computedAt": "%s", "contractHours": 8,
           "workingDay": true, "weeklyRestHours": 100}"""
              .formatted(person, run, LocalDate.parse("2026-03-02").plusDays(d), Instant.now());
      // one partition, so a later record is processed after an earlier one
      records.add(new ProducerRecord<>(Topics.WELLBEING_METRICS, 0, at, person, value));
    }
    return records;
  }

  private static int alerts(String person) {
    return given()
        .header("Authorization", ADMIN)
        .get("/api/v1/alerts?personId=" + person)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$")
        .size();
  }

  @Test
  void anErasureRemovesThePersonsAlertsReportsAndAReplayDoesNotRestoreThem() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String person = "erin-" + run;
    long before = Instant.now().toEpochMilli();
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion
          .produceStrings()
          .fromRecords(week(person, run, null))
          .awaitCompletion(Duration.ofSeconds(30));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> alerts(person) == 1);

    String erasureId = UUID.randomUUID().toString();
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion
          .produceStrings()
          .fromRecords(
              // model-service's tombstone for the person's key: ignored, not dead-lettered
              new ProducerRecord<>(Topics.WELLBEING_METRICS, person, null),
              new ProducerRecord<>(
                  Topics.PERSON_ERASURES,
                  person,
                  "{\"erasureId\": \"%s\", \"personId\": \"%s\", \"requestedAt\": \"%s\"}"
                      .formatted(erasureId, person, Instant.now())))
          .awaitCompletion(Duration.ofSeconds(30));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> alerts(person) == 0);
    TopicReader topics = new TopicReader(bootstrap);
    assertThat(
            topics.await(
                Topics.ERASURE_REPORTS,
                r -> erasureId.equals(r.value().path("erasureId").asText()),
                1))
        .first()
        .satisfies(r -> assertThat(r.value().path("service").asText()).isEqualTo("alert-service"));

    // the same figures replayed (produced before the erasure), then a marker after them on the
    // same partition: once the marker's alert is there, the replay has been processed
    String marker = "marker-" + run;
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      List<ProducerRecord<String, String>> replay = new ArrayList<>(week(person, run, before));
      replay.addAll(week(marker, run, null));
      companion.produceStrings().fromRecords(replay).awaitCompletion(Duration.ofSeconds(30));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> alerts(marker) == 1);
    assertThat(alerts(person)).isZero();
    given()
        .header("Authorization", ADMIN)
        .get("/api/v1/alerts?personId=" + person)
        .then()
        .body("size()", equalTo(0));
  }
}
