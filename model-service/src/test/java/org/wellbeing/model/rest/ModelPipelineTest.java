package org.wellbeing.model.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.PrometheusText;

/** Events in through the real broker, figures stored in the real database and published. */
@QuarkusTest
// the suites below test figures, not access: they run as an administrator (see the BOLA matrix)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class ModelPipelineTest {

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
  void eventsBecomeStoredDaysAndPublishedDailyMetrics() throws Exception {
    String team = "team-" + run;
    String alice = "alice-" + run;
    given()
        .contentType("application/json")
        .body("{\"name\": \"Platform\", \"managerId\": \"bob-" + run + "\"}")
        .put("/api/v1/teams/" + team)
        .then()
        .statusCode(201);
    given()
        .contentType("application/json")
        .body("{\"teamId\": \"" + team + "\", \"timeZone\": \"Europe/Berlin\"}")
        .put("/api/v1/people/" + alice)
        .then()
        .statusCode(201);

    produce(
        event(run + "-1", alice, "WORK", "2026-03-02T08:00:00+01:00", "2026-03-02T18:00:00+01:00"),
        // the same event again and an overlapping meeting: both add nothing
        event(run + "-1", alice, "WORK", "2026-03-02T08:00:00+01:00", "2026-03-02T18:00:00+01:00"),
        event(
            run + "-2", alice, "MEETING", "2026-03-02T09:00:00+01:00", "2026-03-02T10:00:00+01:00"),
        event(run + "-3", alice, "WORK", "2026-03-03T09:00:00+01:00", "2026-03-03T17:00:00+01:00"));

    JsonPath days =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    given()
                        .get("/api/v1/people/" + alice + "/days?from=2026-03-01&to=2026-03-04")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                d -> d.getList("$").size() == 4 && d.getDouble("[2].workedHours") == 8.0);
    assertThat(days.getString("[0].date")).isEqualTo("2026-03-01");
    assertThat(days.getDouble("[0].workedHours")).isEqualTo(0.0);
    assertThat(days.getDouble("[0].skill")).isEqualTo(50.0);
    assertThat(days.getDouble("[1].workedHours")).isEqualTo(10.0);
    assertThat(days.getDouble("[1].meetingHours")).isEqualTo(1.0);
    assertThat(days.getDouble("[1].afterHoursHours")).isEqualTo(2.0);
    assertThat(days.getString("[1].teamId")).isEqualTo(team);
    assertThat(days.getString("[1].managerId")).isEqualTo("bob-" + run);
    assertThat(days.getObject("[1].restHours", Double.class)).isNull();
    assertThat(days.getDouble("[2].restHours")).isEqualTo(15.0);
    assertThat(days.getDouble("[3].workedHours")).isEqualTo(0.0);

    List<JsonNode> published = awaitValues(Topics.WELLBEING_METRICS, alice, 2);
    assertThat(published)
        .anySatisfy(
            m -> {
              assertThat(m.get("date").asText()).isEqualTo("2026-03-02");
              assertThat(m.get("workedHours").asDouble()).isEqualTo(10.0);
              assertThat(m.get("managerId").asText()).isEqualTo("bob-" + run);
            });
  }

  @Test
  void recordThatIsNotAWorkEventGoesToTheDeadLetterTopicAndTheRestIsProcessed() {
    String person = "dlq-" + run;
    companion
        .produceStrings()
        .fromRecords(
            new ProducerRecord<>(Topics.WORK_EVENTS, person, "{not json"),
            new ProducerRecord<>(
                Topics.WORK_EVENTS,
                person,
                event(run + "-bad", person, "NAP", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z")),
            new ProducerRecord<>(
                Topics.WORK_EVENTS,
                person,
                event(run + "-ok", person, "WORK", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z")))
        .awaitCompletion(Duration.ofSeconds(30));

    ConsumerTask<String, String> dlq =
        companion
            .consumeStrings()
            .withOffsetReset(OffsetResetStrategy.EARLIEST)
            .withGroupId("test-" + run)
            .fromTopics(Topics.deadLetter(Topics.WORK_EVENTS));
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> dlq.getRecords().stream().filter(r -> person.equals(r.key())).count() == 2);
      assertThat(dlq.getRecords().stream().filter(r -> person.equals(r.key())))
          .allSatisfy(r -> assertThat(header(r, "dead-letter-reason")).isNotBlank());
    } finally {
      dlq.stop();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/people/" + person + "/days?from=2026-03-02&to=2026-03-02")
                    .then()
                    .statusCode(200)
                    .body("[0].workedHours", equalTo(1.0f)));
    String metrics = given().accept("text/plain").get("/q/metrics").then().extract().asString();
    assertThat(PrometheusText.sum(metrics, "model_events_rejected_total"))
        .isGreaterThanOrEqualTo(2);
    assertThat(PrometheusText.value(metrics, "model_events_applied_total"))
        .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
  }

  @Test
  void daysLongAfterTheLastEventCarrySkillForward() {
    String learner = "learner-" + run;
    given()
        .contentType("application/json")
        .body(
            "{\"teamId\": \"t\", \"timeZone\": \"UTC\", \"careerSkills\": [\"kafka\"],"
                + " \"effectiveFrom\": \"2026-01-01\"}")
        .put("/api/v1/people/" + learner)
        .then()
        .statusCode(201);
    produce(
        """
        {"eventId": "%s-l", "version": 1, "personId": "%s", "kind": "LEARNING", "skill": "kafka",
         "start": "2026-03-02T10:00:00Z", "end": "2026-03-02T12:00:00Z", "status": "CONFIRMED"}"""
            .formatted(learner, learner));
    // 2 h of planned learning, alone in the week: W = 1, M = 1, P = 1, E = 0.5, so S = 51
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/people/" + learner + "/days?from=2026-03-02&to=2026-03-02")
                    .then()
                    .body("[0].skill", equalTo(51.0f)));

    JsonPath later =
        given()
            .get("/api/v1/people/" + learner + "/days?from=2026-09-01&to=2026-09-02")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(later.getList("$")).hasSize(2);
    assertThat(later.getDouble("[1].skill")).isEqualTo(51.0);
    assertThat(later.getDouble("[1].planAccuracy")).isEqualTo(0.0);
    assertThat(later.getDouble("[1].balance")).isEqualTo(1.0);
    assertThat(later.getObject("[1].restHours", Double.class)).isNull();

    JsonPath before =
        given()
            .get("/api/v1/people/" + learner + "/days?from=2026-02-27&to=2026-02-28")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(before.getDouble("[0].skill")).isEqualTo(50.0);
  }

  @Test
  void weekRangeEndingBeforeItStartsIsA400() {
    given()
        .get("/api/v1/teams/any/weeks?from=2026-W10&to=2026-W09")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("to"));
    given().get("/api/v1/teams/any/weeks?from=2026-W10&to=2026-13").then().statusCode(400);
  }

  @Test
  void healthReportsKafkaAndTheDatabase() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/live").then().statusCode(200);
    given()
        .get("/q/health/ready")
        .then()
        .body(
            "checks.name",
            org.hamcrest.Matchers.hasItems(
                "Database connections health check",
                "SmallRye Reactive Messaging - readiness check"));
  }

  @Test
  void unknownPersonIsA404Problem() {
    given()
        .get("/api/v1/people/nobody-" + run)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
    given()
        .get("/api/v1/people/nobody-" + run + "/days?from=2026-03-01&to=2026-03-02")
        .then()
        .statusCode(404);
  }

  @Test
  void badRangeIsA400Problem() {
    given()
        .get("/api/v1/people/x/days?from=2026-03-05&to=2026-03-01")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo("to"));
  }

  private void produce(String... values) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (String value : values) {
      records.add(new ProducerRecord<>(Topics.WORK_EVENTS, personOf(value), value));
    }
    companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
  }

  private List<JsonNode> awaitValues(String topic, String key, int atLeast) {
    ConsumerTask<String, String> task =
        companion
            .consumeStrings()
            .withOffsetReset(OffsetResetStrategy.EARLIEST)
            .withGroupId("test-" + UUID.randomUUID())
            .fromTopics(topic);
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> task.getRecords().stream().filter(r -> key.equals(r.key())).count() >= atLeast);
      List<JsonNode> values = new ArrayList<>();
      for (ConsumerRecord<String, String> r : task.getRecords()) {
        if (key.equals(r.key())) {
          values.add(json.readTree(r.value()));
        }
      }
      return values;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      task.stop();
    }
  }

  private String personOf(String value) {
    try {
      return json.readTree(value).get("personId").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static String event(String id, String person, String kind, String start, String end) {
    return """
        {"eventId": "%s", "version": 1, "personId": "%s", "kind": "%s", "start": "%s",
         "end": "%s", "status": "CONFIRMED"}"""
        .formatted(id, person, kind, start, end);
  }
}
