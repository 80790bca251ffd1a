package org.wellbeing.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.TestTokens;
import org.wellbeing.testing.TopicReader;

/** A {@code person-erasures} record removes the person's feeds and open punch, and is reported. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class IngestErasureTest {

  private static final String INGEST = TestTokens.bearer("ingest", "ingest");

  @KafkaBootstrap String bootstrap;

  @Test
  void anErasureRemovesFeedsAndTheOpenPunchAndIsReported() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String person = "erin-" + run;
    given()
        .header("Authorization", INGEST)
        .contentType("application/json")
        .body(
            "{\"personId\": \"%s\", \"url\": \"http://127.0.0.1:9/x.ics\", \"pollMinutes\": 60}"
                .formatted(person))
        .put("/api/v1/feeds/f-" + run)
        .then()
        .statusCode(201);
    given()
        .header("Authorization", INGEST)
        .contentType("application/json")
        .body("{\"action\": \"IN\", \"at\": \"2026-03-02T08:00:00Z\"}")
        .post("/api/v1/clock/" + person)
        .then()
        .statusCode(202);

    String erasureId = UUID.randomUUID().toString();
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion
          .produceStrings()
          .fromRecords(
              new ProducerRecord<>(
                  Topics.PERSON_ERASURES,
                  person,
                  "{\"erasureId\": \"%s\", \"personId\": \"%s\", \"requestedAt\": \"%s\"}"
                      .formatted(erasureId, person, Instant.now())))
          .awaitCompletion(Duration.ofSeconds(30));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given().header("Authorization", INGEST).get("/api/v1/feeds/f-" + run).statusCode()
                    == 404);
    // the open punch went too: an OUT finds nothing to close
    given()
        .header("Authorization", INGEST)
        .contentType("application/json")
        .body("{\"action\": \"OUT\", \"at\": \"2026-03-02T17:00:00Z\"}")
        .post("/api/v1/clock/" + person)
        .then()
        .statusCode(409);
    assertThat(
            new TopicReader(bootstrap)
                .await(
                    Topics.ERASURE_REPORTS,
                    r -> erasureId.equals(r.value().path("erasureId").asText()),
                    1))
        .first()
        .satisfies(r -> assertThat(r.value().path("service").asText()).isEqualTo("ingest-service"));
  }
}
