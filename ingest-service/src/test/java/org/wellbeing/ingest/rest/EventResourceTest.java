package org.wellbeing.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.PrometheusText;

@QuarkusTest
// the suites below test figures, not access: they run as an administrator (see the BOLA matrix)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class EventResourceTest {

  @KafkaBootstrap String bootstrap;

  private final ObjectMapper json = new ObjectMapper();
  private KafkaCompanion companion;
  private String run;

  @BeforeEach
  void setUp() {
    companion = new KafkaCompanion(bootstrap);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void tearDown() {
    companion.close();
  }

  @Test
  void acceptedEventIsOnTheTopicKeyedByPersonWithCloudEventsHeaders() throws Exception {
    given()
        .contentType("application/json")
        .body(
            event(
                run + "-1",
                "alice",
                "MEETING",
                "2026-03-02T09:00:00+01:00",
                "2026-03-02T10:30:00+01:00"))
        .post("/api/v1/events")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(1));

    ConsumerRecord<String, String> record = awaitRecords(run + "-1").get(0);
    assertThat(record.key()).isEqualTo("alice");
    JsonNode value = json.readTree(record.value());
    assertThat(value.get("eventId").asText()).isEqualTo(run + "-1");
    assertThat(value.get("version").asLong()).isEqualTo(1);
    assertThat(value.get("kind").asText()).isEqualTo("MEETING");
    assertThat(value.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(value.get("start").asText()).isEqualTo("2026-03-02T09:00:00+01:00");
    assertThat(header(record, "ce_id")).isEqualTo(run + "-1");
    assertThat(header(record, "ce_type")).isEqualTo("wellbeing.work-event.v1");
    assertThat(header(record, "ce_source")).isEqualTo("urn:wellbeing:ingest:json");
    assertThat(header(record, "ce_time")).isNotBlank();
  }

  @Test
  void aLongTitleIsAcceptedButNotPublishedByDefaultAndATooLongSkillIsRefused() throws Exception {
    String longTitle = "Quarterly planning " + "x".repeat(1_200);
    given()
        .contentType("application/json")
        .body(
            """
            {"eventId": "%s-title", "personId": "alice", "kind": "MEETING",
             "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T10:00:00Z", "title": "%s"}"""
                .formatted(run, longTitle))
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    JsonNode value = json.readTree(awaitRecords(run + "-title").get(0).value());
    // accepted, and the title not published: titles are kept only where configured
    assertThat(value.path("title").isNull() || value.path("title").isMissingNode()).isTrue();

    given()
        .contentType("application/json")
        .body(
            """
            {"eventId": "%s-skill", "personId": "alice", "kind": "LEARNING",
             "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T10:00:00Z", "skill": "%s"}"""
                .formatted(run, "k".repeat(65)))
        .post("/api/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("skill"));
  }

  @Test
  void arrayIsAcceptedAsAWhole() {
    String body =
        IntStream.range(0, 50)
            .mapToObj(
                i ->
                    event(
                        run + "-" + i,
                        "p" + (i % 5),
                        "WORK",
                        "2026-03-02T09:00:00Z",
                        "2026-03-02T17:00:00Z"))
            .collect(Collectors.joining(",", "[", "]"));

    given()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/events")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(50));

    assertThat(
            awaitRecords(
                IntStream.range(0, 50).mapToObj(i -> run + "-" + i).toArray(String[]::new)))
        .hasSize(50);
  }

  @Test
  void bindingAndFieldRulesAndEventRulesAreAllReportedInOneAnswer() {
    String body =
        "["
            + event(run + "-v1", "alice", "WORK", "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z")
            + ","
            + event(run + "-v2", "bad id!", "WORK", "2026-03-02T09:00:00Z", "2026-03-03T17:00:00Z")
            + ","
            + "{\"eventId\": 5, \"personId\": \"alice\"}"
            + ","
            + event(run + "-v4", "alice", "WORK", "1999-03-02T09:00:00Z", "1999-03-02T17:00:00Z")
            + "]";

    given()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", equalTo("3 of 4 events are invalid; none was published"))
        .body("errors.path", contains("[1].personId", "[2].eventId", "[3].start", "[3].end"))
        .body("errors[1].message", equalTo("must be a string"));
  }

  @Test
  void oneBadItemRejectsTheRequestAndNothingOfItIsPublished() {
    String body =
        "["
            + event(run + "-good", "alice", "WORK", "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z")
            + ","
            + event(run + "-bad", "alice", "WORK", "2026-03-02T17:00:00Z", "2026-03-02T09:00:00Z")
            + "]";

    given()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors", hasSize(1))
        .body("errors[0].index", equalTo(1))
        .body("errors[0].field", equalTo("end"))
        .body("errors[0].path", equalTo("[1].end"));

    // a later request's record arriving proves the earlier one had its chance to show up
    given()
        .contentType("application/json")
        .body(
            event(run + "-marker", "alice", "WORK", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z"))
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    List<String> ids = awaitRecords(run + "-marker").stream().map(this::eventId).toList();
    assertThat(ids).doesNotContain(run + "-good", run + "-bad");
  }

  @Test
  void malformedJsonIsAProblemNotAStackTrace() {
    given()
        .contentType("application/json")
        .body("[{\"eventId\": ")
        .post("/api/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Invalid input"))
        .body(org.hamcrest.Matchers.not(containsString("Exception")));
  }

  @Test
  void moreThanTenThousandEventsGet413() {
    String body =
        IntStream.range(0, 10_001).mapToObj(i -> "{}").collect(Collectors.joining(",", "[", "]"));

    given()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/events")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }

  @Test
  void metricsCountAcceptedAndRejectedBySource() {
    given()
        .contentType("application/json")
        .body(event(run + "-m", "alice", "FOCUS", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"))
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    given()
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/events")
        .then()
        .statusCode(400);

    String metrics =
        given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(PrometheusText.value(metrics, "ingest_events_accepted_total", "source", "json"))
        .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
    assertThat(
            PrometheusText.value(
                metrics, "ingest_events_rejected_total", "source", "json", "reason", "invalid"))
        .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
    assertThat(PrometheusText.value(metrics, "ingest_kafka_send_seconds_count"))
        .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
  }

  @Test
  void metricsAreThePrometheusTextFormatForClientsThatNameNone() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .contentType(org.hamcrest.Matchers.startsWith("text/plain; version=0.0.4"));
  }

  private List<ConsumerRecord<String, String>> awaitRecords(String... eventIds) {
    List<String> wanted = List.of(eventIds);
    ConsumerTask<String, String> task =
        companion
            .consumeStrings()
            .withOffsetReset(OffsetResetStrategy.EARLIEST)
            .withGroupId("test-" + UUID.randomUUID())
            .fromTopics(Topics.WORK_EVENTS);
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  task.getRecords().stream()
                      .map(this::eventId)
                      .collect(Collectors.toSet())
                      .containsAll(wanted));
      return task.getRecords().stream()
          .filter(r -> eventId(r).startsWith(run))
          .filter(
              r ->
                  wanted.contains(eventId(r))
                      || eventId(r).endsWith("-good")
                      || eventId(r).endsWith("-bad"))
          .toList();
    } finally {
      task.stop();
    }
  }

  private String eventId(ConsumerRecord<String, String> record) {
    try {
      return json.readTree(record.value()).get("eventId").asText();
    } catch (Exception e) {
      return "";
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static String event(String id, String person, String kind, String start, String end) {
    return """
        {"eventId": "%s", "personId": "%s", "kind": "%s", "start": "%s", "end": "%s"}"""
        .formatted(id, person, kind, start, end);
  }
}
