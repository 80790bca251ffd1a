package org.wellbeing.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;

/** DailyMetrics in through the real broker; alerts open, escalate, resolve and are acked. */
@QuarkusTest
// the suites below test figures, not access: they run as an administrator (see the BOLA matrix)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class AlertLifecycleTest {

  @KafkaBootstrap String bootstrap;

  private final ObjectMapper json = new ObjectMapper();
  private KafkaCompanion companion;
  private String person;

  @BeforeEach
  void setUp() {
    companion = new KafkaCompanion(bootstrap);
    person = "p-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void tearDown() {
    companion.close();
  }

  @Test
  void weekOver48HoursOpensOneWarningHoweverOftenTheWeekIsRecomputed() {
    produceWeek(10, 10, 10, 10, 10);
    JsonPath alert = awaitAlerts(1, "OPEN");
    assertThat(alert.getString("[0].rule")).isEqualTo("WEEKLY_HOURS");
    assertThat(alert.getString("[0].period")).isEqualTo("2026-W10");
    assertThat(alert.getDouble("[0].value")).isEqualTo(50.0);
    assertThat(alert.getDouble("[0].threshold")).isEqualTo(48.0);
    assertThat(alert.getString("[0].severity")).isEqualTo("WARNING");
    assertThat(alert.getString("[0].subjectType")).isEqualTo("PERSON");
    String id = alert.getString("[0].id");

    produceWeek(10, 10, 10, 10, 10);
    produceWeek(10, 10, 10, 10, 10);
    List<JsonNode> events = awaitEvents(1);
    assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("OPENED");
    given().get("/api/v1/alerts?personId=" + person).then().body("size()", equalTo(1));

    given()
        .get("/api/v1/alerts/" + id)
        .then()
        .statusCode(200)
        .body("evidence.from", equalTo("2026-03-02"))
        .body("evidence.days.size()", equalTo(5))
        .body("evidence.days[0].workedHours", equalTo(10.0f));
  }

  @Test
  void worseWeekEscalatesInPlaceAndACorrectedWeekResolves() {
    produceWeek(10, 10, 10, 10, 10);
    String id = awaitAlerts(1, "OPEN").getString("[0].id");

    produceWeek(10, 10, 10, 10, 16);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/alerts/" + id)
                    .then()
                    .body("severity", equalTo("CRITICAL"))
                    .body("value", equalTo(56.0f)));

    produceWeek(8, 8, 8, 8, 8);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> given().get("/api/v1/alerts/" + id).then().body("status", equalTo("RESOLVED")));
    assertThat(awaitEvents(3))
        .extracting(e -> e.get("type").asText())
        .containsExactly("OPENED", "ESCALATED", "RESOLVED");
    given().get("/api/v1/alerts?personId=" + person).then().body("size()", equalTo(1));
  }

  @Test
  void acknowledgedAlertStillResolvesAndCannotBeAcknowledgedOnceResolved() {
    produceWeek(10, 10, 10, 10, 10);
    String id = awaitAlerts(1, "OPEN").getString("[0].id");

    given()
        .contentType("application/json")
        .body("{\"reason\": \"agreed overtime for the release\", \"until\": \"2026-03-31\"}")
        .post("/api/v1/alerts/" + id + "/ack")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACKNOWLEDGED"))
        .body("ackReason", equalTo("agreed overtime for the release"))
        .body("ackUntil", equalTo("2026-03-31"));

    produceWeek(8, 8, 8, 8, 8);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> given().get("/api/v1/alerts/" + id).then().body("status", equalTo("RESOLVED")));
    given()
        .contentType("application/json")
        .body("{\"reason\": \"late\"}")
        .post("/api/v1/alerts/" + id + "/ack")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void badRequestsAreProblems() {
    given()
        .get("/api/v1/alerts/does-not-exist")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .get("/api/v1/alerts?status=MAYBE&size=0")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.hasItems("status", "size"));
  }

  @Test
  void aRecordTheDatabaseCannotStoreIsDeadLetteredAndTheRestOfItsBatchStillCounts() {
    // a NUL character passes the parser but not PostgreSQL: that one record must not stop the
    // consumer or take the others of its batch with it
    LocalDate monday = LocalDate.parse("2026-03-02");
    Instant computedAt = Instant.now();
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    String poison = "poison-" + person;
    records.add(
        new ProducerRecord<>(
            Topics.WELLBEING_METRICS,
            poison,
            metrics(monday, 10, computedAt).replace(person, poison).replace("t-", "t\\u0000")));
    for (int i = 0; i < 5; i++) {
      records.add(
          new ProducerRecord<>(
              Topics.WELLBEING_METRICS, person, metrics(monday.plusDays(i), 10, computedAt)));
    }
    companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));

    assertThat(awaitAlerts(1, "OPEN").getString("[0].rule")).isEqualTo("WEEKLY_HOURS");
    ConsumerTask<String, String> dlq =
        companion
            .consumeStrings()
            .withOffsetReset(OffsetResetStrategy.EARLIEST)
            .withGroupId("test-" + UUID.randomUUID())
            .fromTopics(Topics.WELLBEING_METRICS + "-dlq");
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> dlq.getRecords().stream().anyMatch(r -> poison.equals(r.key())));
      var dead = dlq.getRecords().stream().filter(r -> poison.equals(r.key())).findFirst().get();
      assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value()))
          .startsWith("unstorable:");
    } finally {
      dlq.stop();
    }
    // and the consumer goes on
    person = "p-" + UUID.randomUUID().toString().substring(0, 8);
    produceWeek(10, 10, 10, 10, 10);
    awaitAlerts(1, "OPEN");
  }

  @Test
  void aLaterWeekIsJudgedInTheWeeksAroundItAndLeavesTheEarlierAlertAsItWas() {
    produce(LocalDate.parse("2026-02-23"), 8, 8, 8, 8, 8);
    produceWeek(10, 10, 10, 10, 10);
    String march = awaitAlerts(1, "OPEN").getString("[0].id");
    double inWindow = judgements("window");

    produce(LocalDate.parse("2026-03-09"), 10, 10, 10, 10, 11);
    JsonPath open = awaitAlerts(2, "OPEN");
    assertThat(open.getList("period", String.class))
        .containsExactlyInAnyOrder("2026-W10", "2026-W11");
    assertThat(judgements("window")).isGreaterThan(inWindow);

    // correcting the earlier week resolves its alert and only its alert
    produceWeek(8, 8, 8, 8, 8);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given().get("/api/v1/alerts/" + march).then().body("status", equalTo("RESOLVED")));
    assertThat(awaitAlerts(1, "OPEN").getString("[0].period")).isEqualTo("2026-W11");
  }

  @Test
  void aRunLongerThanTheWindowGrowsFromItsStandingAlertWithoutTheWholeHistory() {
    // 200 days of low balance and no skill growth: LOW_BALANCE and SKILL_STAGNATION runs far
    // longer than the weeks read around a change
    LocalDate first = LocalDate.parse("2025-06-01");
    produceDays(first, 200, 0.2);
    awaitRunLength("LOW_BALANCE", 200);
    awaitRunLength("SKILL_STAGNATION", 200);
    double inWindow = judgements("window");
    double whole = judgements("history");

    produceDays(first.plusDays(200), 1, 0.2);

    JsonPath low = awaitRunLength("LOW_BALANCE", 201);
    assertThat(low.getString("period")).isEqualTo("2025-06-01");
    assertThat(low.getList("evidence.days")).hasSize(201);
    assertThat(low.getString("evidence.days[0].date")).isEqualTo("2025-06-01");
    assertThat(low.getString("evidence.days[200].date")).isEqualTo("2025-12-18");
    awaitRunLength("SKILL_STAGNATION", 201);
    assertThat(judgements("window")).isGreaterThan(inWindow);
    assertThat(judgements("history")).isEqualTo(whole);
  }

  /** The person's open alert of {@code rule}, with its evidence, once its run is that long. */
  private JsonPath awaitRunLength(String rule, int days) {
    String id =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    given()
                        .get("/api/v1/alerts?personId=" + person + "&status=OPEN")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString(
                            "find { it.rule == '%s' && it.value == %d }.id".formatted(rule, days)),
                java.util.Objects::nonNull);
    return given().get("/api/v1/alerts/" + id).then().statusCode(200).extract().jsonPath();
  }

  /**
   * {@code days} days of six hours' work from {@code first} at work-life balance {@code balance}.
   */
  private void produceDays(LocalDate first, int days, double balance) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    Instant computedAt = Instant.now();
    for (int i = 0; i < days; i++) {
      records.add(
          new ProducerRecord<>(
              Topics.WELLBEING_METRICS,
              person,
              metrics(first.plusDays(i), 6, computedAt)
                  .replace("\"balance\": 1,", "\"balance\": " + balance + ",")));
    }
    companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
  }

  /** {@code alerts.judgements} of a scope, from /q/metrics. */
  private static double judgements(String scope) {
    String tag = "scope=\"" + scope + "\"";
    return given()
        .get("/q/metrics")
        .asString()
        .lines()
        .filter(l -> l.startsWith("alerts_judgements_total{") && l.contains(tag))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void aPageTooDeepToServeIsA400ProblemNotA500() {
    given()
        .get("/api/v1/alerts?page=5000000&size=500")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("page"));
  }

  private void produceWeek(double... hours) {
    produce(LocalDate.parse("2026-03-02"), hours);
  }

  private void produce(LocalDate monday, double... hours) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    Instant computedAt = Instant.now();
    for (int i = 0; i < hours.length; i++) {
      records.add(
          new ProducerRecord<>(
              Topics.WELLBEING_METRICS, person, metrics(monday.plusDays(i), hours[i], computedAt)));
    }
    companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
  }

  private String metrics(LocalDate date, double worked, Instant computedAt) {
    return """
        {"personId": "%s", "teamId": "t-%s", "managerId": "boss", "date": "%s",
         "workedHours": %s, "meetingHours": 0, "focusHours": 0, "learningHours": 0,
         "plannedLearningHours": 0, "afterHoursHours": 0, "restHours": null, "absence": false,
         "balance": 1, "timeManagement": 1, "planAccuracy": 0.5, "learningEfficiency": 0.5,
         "skillRate": 0.25, "skillDelta": 0, "skill": 50, "computedAt": "%s",
         "contractHours": 8, "workingDay": true, "weeklyRestHours": 100}"""
        .formatted(person, person, date, worked, computedAt);
  }

  private JsonPath awaitAlerts(int count, String status) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                    .get("/api/v1/alerts?personId=" + person + "&status=" + status)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            j -> j.getList("$").size() == count);
  }

  private List<JsonNode> awaitEvents(int count) {
    ConsumerTask<String, String> task =
        companion
            .consumeStrings()
            .withOffsetReset(OffsetResetStrategy.EARLIEST)
            .withGroupId("test-" + UUID.randomUUID())
            .fromTopics(Topics.OVERWORK_ALERTS);
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  task.getRecords().stream().filter(r -> person.equals(r.key())).count() >= count);
      // a moment more would show an extra event; the lifecycle must not produce one
      List<JsonNode> events = new ArrayList<>();
      for (var r : task.getRecords()) {
        if (person.equals(r.key())) {
          events.add(json.readTree(r.value()));
        }
      }
      return events;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      task.stop();
    }
  }
}
