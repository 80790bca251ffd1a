package org.wellbeing.model.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.Compaction;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.TestTokens;
import org.wellbeing.testing.TopicReader;

/**
 * {@code DELETE /api/v1/people/{personId}}: nothing of the person stays in model-service, their
 * keys are tombstoned, the other services are told, and a replay does not bring them back.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class ErasureTest {

  private static final String ADMIN = TestTokens.bearer("admin", "admin");

  @KafkaBootstrap String bootstrap;

  private static String event(String id, String person, String day) {
    return """
        {"eventId": "%s", "personId": "%s", "kind": "WORK",
         "start": "2026-03-%sT08:00:00Z", "end": "2026-03-%sT18:00:00Z"}"""
        .formatted(id, person, day, day);
  }

  private long rows(String sql, String person) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        Panache.getEntityManager()
                            .createNativeQuery(sql)
                            .setParameter(1, person)
                            .getSingleResult())
                    .longValue());
  }

  /** A record on every partition, so each closes its segment and the cleaner may take it. */
  private void rollSegments(String topic) {
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      List<ProducerRecord<String, String>> records = new java.util.ArrayList<>();
      for (int i = 0; i < 12; i++) {
        records.add(new ProducerRecord<>(topic, "roll-" + i, null));
      }
      companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }
  }

  @Test
  void anErasedPersonLeavesNothingBehindAndAReplayDoesNotBringThemBack() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String person = "erin-" + run;
    String days = "/api/v1/people/" + person + "/days?from=2026-03-02&to=2026-03-03";
    given()
        .header("Authorization", ADMIN)
        .contentType("application/json")
        .body("{\"teamId\": \"t-" + run + "\", \"timeZone\": \"UTC\"}")
        .put("/api/v1/people/" + person)
        .then()
        .statusCode(201);
    Instant before = Instant.now().minusSeconds(5);
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion
          .produceStrings()
          .fromRecords(
              new ProducerRecord<>(Topics.WORK_EVENTS, person, event(run + "-1", person, "02")),
              new ProducerRecord<>(Topics.WORK_EVENTS, person, event(run + "-2", person, "03")))
          .awaitCompletion(Duration.ofSeconds(30));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .header("Authorization", ADMIN)
                    .get(days)
                    .then()
                    .statusCode(200)
                    .body("[0].workedHours", equalTo(10.0f)));
    // someone else's read, so the access log holds a row about them
    given()
        .header("Authorization", TestTokens.bearer("auditor-" + run, "admin"))
        .get(days)
        .then()
        .statusCode(200);

    // only an administrator erases
    given()
        .header("Authorization", TestTokens.bearer(person))
        .delete("/api/v1/people/" + person)
        .then()
        .statusCode(403);
    String erasureId =
        given()
            .header("Authorization", ADMIN)
            .delete("/api/v1/people/" + person)
            .then()
            .statusCode(202)
            .body("personId", equalTo(person))
            .body("complete", equalTo(false))
            .extract()
            .path("erasureId");
    // erasing again is the same erasure
    given()
        .header("Authorization", ADMIN)
        .delete("/api/v1/people/" + person)
        .then()
        .statusCode(202)
        .body("erasureId", equalTo(erasureId));

    for (String table :
        List.of(
            "SELECT count(*) FROM work_event WHERE person_id = ?1",
            "SELECT count(*) FROM daily_metrics WHERE person_id = ?1",
            "SELECT count(*) FROM person WHERE person_id = ?1",
            "SELECT count(*) FROM person_profile WHERE person_id = ?1",
            "SELECT count(*) FROM access_log WHERE subject = ?1")) {
      assertThat(rows(table, person)).as(table).isZero();
    }

    TopicReader topics = new TopicReader(bootstrap);
    assertThat(
            topics.await(
                Topics.ORG_DIRECTORY, r -> person.equals(r.key()) && r.raw().value() == null, 1))
        .as("org-directory tombstone")
        .hasSize(1);
    // their directory record is still in the log; once the log cleaner has run, only the
    // tombstone is
    assertThat(topics.readToEnd(Topics.ORG_DIRECTORY))
        .anyMatch(r -> person.equals(r.key()) && r.raw().value() != null);
    Compaction.soon(bootstrap, Topics.ORG_DIRECTORY);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              rollSegments(Topics.ORG_DIRECTORY);
              return topics.readToEnd(Topics.ORG_DIRECTORY).stream()
                  .noneMatch(r -> person.equals(r.key()) && r.raw().value() != null);
            });
    assertThat(
            topics.await(
                Topics.PERSON_ERASURES,
                r ->
                    person.equals(r.key())
                        && erasureId.equals(r.value().path("erasureId").asText()),
                1))
        .hasSize(1);

    // a replay: the same events again, produced (timestamped) before the erasure
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion
          .produceStrings()
          .fromRecords(
              new ProducerRecord<>(
                  Topics.WORK_EVENTS,
                  0,
                  before.toEpochMilli(),
                  person,
                  event(run + "-1", person, "02")),
              // then a marker on the same partition: once it is stored, the replay was processed
              new ProducerRecord<>(
                  Topics.WORK_EVENTS,
                  0,
                  null,
                  "marker-" + run,
                  event(run + "-new", "marker-" + run, "02")))
          .awaitCompletion(Duration.ofSeconds(30));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                rows("SELECT count(*) FROM work_event WHERE person_id = ?1", "marker-" + run) == 1);
    assertThat(rows("SELECT count(*) FROM work_event WHERE person_id = ?1", person)).isZero();

    // the other services report; the erasure completes
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion
          .produceStrings()
          .fromRecords(
              new ProducerRecord<>(
                  Topics.ERASURE_REPORTS,
                  person,
                  "{\"erasureId\": \"%s\", \"personId\": \"%s\", \"service\": \"ingest-service\", \"completedAt\": \"%s\"}"
                      .formatted(erasureId, person, Instant.now())),
              new ProducerRecord<>(
                  Topics.ERASURE_REPORTS,
                  person,
                  "{\"erasureId\": \"%s\", \"personId\": \"%s\", \"service\": \"alert-service\", \"completedAt\": \"%s\"}"
                      .formatted(erasureId, person, Instant.now())))
          .awaitCompletion(Duration.ofSeconds(30));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .header("Authorization", ADMIN)
                    .get("/api/v1/erasures/" + erasureId)
                    .then()
                    .statusCode(200)
                    .body("complete", equalTo(true)));
  }
}
