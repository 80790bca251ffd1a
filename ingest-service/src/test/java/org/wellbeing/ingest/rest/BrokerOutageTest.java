package org.wellbeing.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.InjectKafkaBroker;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaBroker;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.TopicReader;

/**
 * The broker goes away while events arrive: ingest-service answers 202 only for what Kafka
 * acknowledged, refuses the rest with a 503 problem (the client retries), is not ready meanwhile,
 * and takes events again once the broker is back, without a restart.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.ShortTimeouts.class)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class BrokerOutageTest {

  /** Kafka's timeouts cut to seconds, so an outage is told within the test's patience. */
  public static class ShortTimeouts implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "mp.messaging.outgoing.work-events-out.request.timeout.ms", "1500",
          "mp.messaging.outgoing.work-events-out.delivery.timeout.ms", "4000",
          "mp.messaging.outgoing.work-events-out.max.block.ms", "1500",
          "ingest.publish-timeout", "6s");
    }
  }

  private static final int BATCH = 25;

  @KafkaBootstrap String bootstrap;
  @InjectKafkaBroker KafkaBroker broker;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private int batches;

  @AfterEach
  void brokerBack() {
    broker.restart();
  }

  @Test
  void noEventIsAcceptedWhileTheBrokerIsDownAndEveryAcceptedOneArrives() {
    Set<String> accepted = new HashSet<>();
    accepted.addAll(postExpecting(202));

    broker.stop();
    for (int i = 0; i < 2; i++) {
      Response refused = post(batch());
      assertThat(refused.statusCode()).as("answer while the broker is down").isEqualTo(503);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.asString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    // readiness says so, and comes back by itself
    given().get("/q/health/ready").then().statusCode(503);
    broker.restart();
    // the producer reconnects by itself; until it has, requests may still be refused
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              List<String> ids = batch();
              Response answer = post(ids);
              if (answer.statusCode() == 202) {
                accepted.addAll(ids);
                return true;
              }
              assertThat(answer.statusCode()).as("answer while reconnecting").isEqualTo(503);
              return false;
            });
    accepted.addAll(postExpecting(202));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> given().get("/q/health/ready").statusCode() == 200);

    List<TopicReader.Record> arrived =
        new TopicReader(bootstrap)
            .await(
                Topics.WORK_EVENTS,
                r -> accepted.contains(r.value().path("eventId").asText()),
                accepted.size());
    assertThat(arrived).extracting(r -> r.value().path("eventId").asText()).containsAll(accepted);
  }

  private List<String> postExpecting(int status) {
    List<String> ids = batch();
    assertThat(post(ids).statusCode()).isEqualTo(status);
    return ids;
  }

  /** The event ids of a new batch: one day's quarter hours for one person. */
  private List<String> batch() {
    int n = batches++;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      ids.add("outage-%s-%d-%d".formatted(run, n, i));
    }
    return ids;
  }

  private Response post(List<String> ids) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < ids.size(); i++) {
      int minutes = i * 15;
      body.append(i == 0 ? "" : ",")
          .append(
              """
              {"eventId": "%s", "personId": "outage-%s", "kind": "WORK",
               "start": "2026-03-02T%02d:%02d:00Z", "end": "2026-03-02T%02d:%02d:00Z"}"""
                  .formatted(
                      ids.get(i),
                      run,
                      minutes / 60,
                      minutes % 60,
                      (minutes + 15) / 60,
                      (minutes + 15) % 60));
    }
    return given()
        .contentType("application/json")
        .body(body.append("]").toString())
        .post("/api/v1/events");
  }
}
