package org.wellbeing.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.wellbeing.contract.IsoWeek;
import org.wellbeing.local.DemoLoader;
import org.wellbeing.local.DemoOrganisation;
import org.wellbeing.local.Schedule;
import org.wellbeing.testing.KafkaBroker;
import org.wellbeing.testing.Keycloak;
import org.wellbeing.testing.Postgres;

/**
 * The three packaged services against one real broker and one real database: a week of events
 * posted to ingest-service becomes days in model-service and an alert in alert-service, whose
 * manager's webhook is notified once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static KafkaBroker kafka;
  private static Postgres postgres;
  private static Keycloak keycloak;
  private static WebhookReceiver receiver;
  private static Service ingest;
  private static Service model;
  private static Service alert;
  private static String secret;

  @BeforeAll
  static void startPipeline() throws Exception {
    Path logs = Path.of("target", "e2e-logs");
    Files.createDirectories(logs);
    keycloak = Identity.shared(Path.of("target").toAbsolutePath());
    RestAssured.filters(Identity.defaultCaller(keycloak, "admin"));
    kafka = KafkaBroker.start();
    postgres = Postgres.start();
    receiver = new WebhookReceiver();
    ingest = service("ingest-service", "wellbeing_ingest", logs, Map.of());
    alert =
        service(
            "alert-service",
            "wellbeing_alert",
            logs,
            Map.of(
                "alerts.notifications.grouping-window", "2s",
                "alerts.notifications.dispatch-interval", "250ms"));
    model =
        service(
            "model-service",
            "wellbeing_model",
            logs,
            Map.of(
                "model.gauge-refresh", "1s",
                "model.export.ingest-url", ingest.url(),
                "model.export.alert-url", alert.url()));
    for (Service s : List.of(ingest, model, alert)) {
      s.start();
    }
    for (Service s : List.of(ingest, model, alert)) {
      s.awaitReady();
    }
  }

  private static Service service(
      String name, String database, Path logs, Map<String, String> extra) {
    postgres.createDatabase(database);
    Map<String, String> properties = Service.properties(kafka, postgres, keycloak, database);
    properties.putAll(extra);
    return new Service(name, properties, logs);
  }

  @AfterAll
  static void stopPipeline() throws Exception {
    Service.stopAll(alert, model, ingest);
    if (receiver != null) {
      receiver.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    RestAssured.reset();
  }

  @Test
  @Order(1)
  void aWeekOverFortyEightHoursOpensAnAlertAndNotifiesTheManagerOnce() throws Exception {
    given()
        .contentType("application/json")
        .body("{\"name\": \"Delivery\", \"managerId\": \"boss\"}")
        .put(model.url() + "/api/v1/teams/delivery")
        .then()
        .statusCode(201);
    given()
        .contentType("application/json")
        .body("{\"teamId\": \"delivery\", \"timeZone\": \"Europe/Berlin\"}")
        .put(model.url() + "/api/v1/people/erin")
        .then()
        .statusCode(201);
    secret =
        given()
            .contentType("application/json")
            .body("{\"url\": \"" + receiver.url() + "\", \"teamId\": \"delivery\"}")
            .put(alert.url() + "/api/v1/webhooks/managers")
            .then()
            .statusCode(201)
            .extract()
            .path("secret");

    postWeek();

    JsonPath alerts =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    given()
                        .get(alert.url() + "/api/v1/alerts?personId=erin&rule=WEEKLY_HOURS")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                a -> a.getList("$").size() == 1);
    assertThat(alerts.getDouble("[0].value")).isEqualTo(50.0);
    assertThat(alerts.getString("[0].period")).isEqualTo("2026-W10");
    assertThat(alerts.getString("[0].teamId")).isEqualTo("delivery");
    assertThat(alerts.getString("[0].managerId")).isEqualTo("boss");

    List<Float> worked =
        given()
            .get(model.url() + "/api/v1/people/erin/days?from=2026-03-02&to=2026-03-06")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("workedHours", Float.class);
    assertThat(worked).containsExactly(10f, 10f, 10f, 10f, 10f);

    await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.deliveries().isEmpty());
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.deliveries().size() == 1);
    WebhookReceiver.Delivery delivery = receiver.deliveries().get(0);
    assertThat(delivery.signature()).isEqualTo(sign(secret, delivery.body()));
    JsonNode digest = JSON.readTree(delivery.body());
    assertThat(digest.get("recipient").asText()).isEqualTo("boss");
    assertThat(digest.get("idempotencyKey").asText()).isEqualTo(delivery.idempotencyKey());
    assertThat(digest.get("changes"))
        .anySatisfy(
            change -> {
              assertThat(change.get("type").asText()).isEqualTo("OPENED");
              assertThat(change.get("alert").get("rule").asText()).isEqualTo("WEEKLY_HOURS");
              assertThat(change.get("alert").get("subject").asText()).isEqualTo("erin");
            });
  }

  @Test
  @Order(2)
  void postingTheSameEventsAgainChangesNothingDownstream() {
    String before = given().get(alert.url() + "/api/v1/alerts?personId=erin").asString();

    postWeek();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                    .accept("text/plain")
                    .get(model.url() + "/q/metrics")
                    .asString()
                    .contains("model_events_ignored_total 5.0"));
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                given()
                    .get(alert.url() + "/api/v1/alerts?personId=erin")
                    .asString()
                    .equals(before));
    assertThat(receiver.deliveries()).hasSize(1);
  }

  @Test
  @Order(3)
  void alertsAndDaysSurviveARestart() throws Exception {
    String alertsBefore = given().get(alert.url() + "/api/v1/alerts?personId=erin").asString();
    String daysBefore =
        given()
            .get(model.url() + "/api/v1/people/erin/days?from=2026-03-02&to=2026-03-08")
            .asString();

    Service.stopAll(alert, model);
    model.start();
    alert.start();
    model.awaitReady();
    alert.awaitReady();

    assertThat(given().get(alert.url() + "/api/v1/alerts?personId=erin").asString())
        .isEqualTo(alertsBefore);
    assertThat(
            given()
                .get(model.url() + "/api/v1/people/erin/days?from=2026-03-02&to=2026-03-08")
                .asString())
        .isEqualTo(daysBefore);
  }

  /**
   * A real Prometheus scrapes the three services fed with the demo organisation: every recording
   * rule, alerting rule and dashboard query evaluates without error, and the team series show what
   * model-service computed.
   */
  @Test
  @Order(4)
  void prometheusRulesAndDashboardsEvaluateAgainstTheRunningServices() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    DemoLoader.load(ingest.url(), model.url(), today, keycloak.bearer("admin"));
    IsoWeek lastWeek = IsoWeek.of(today.minusWeeks(1));
    String weeks =
        model.url() + "/api/v1/teams/platform/weeks?from=" + lastWeek + "&to=" + lastWeek;
    JsonPath expected =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> given().get(weeks).then().extract().jsonPath(),
                j ->
                    j.getList("$") != null
                        && !j.getList("$").isEmpty()
                        && j.getInt("[0].members") == 6
                        && j.getDouble("[0].meanWeeklyHours") > 20);

    // the demo's inbox on the real stack: the three clear cases and nobody else, no team overload
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              for (DemoOrganisation.Person p : DemoOrganisation.PEOPLE) {
                java.util.Set<String> rules = openRules(p.id());
                if (p.schedule().healthy()) {
                  assertThat(rules).as(p.id()).isEmpty();
                } else {
                  assertThat(rules).as(p.id()).isNotEmpty().isSubsetOf(p.schedule().fires());
                }
              }
              for (DemoOrganisation.Team t : DemoOrganisation.TEAMS) {
                assertThat(alertsOf("status=OPEN&rule=TEAM_OVERLOAD&teamId=" + t.id()))
                    .as(t.id())
                    .isEmpty();
              }
            });

    Path root = Path.of(System.getProperty("wellbeing.root", ".."));
    try (Prometheus prometheus =
        Prometheus.start(
            Path.of("target", "e2e-prometheus"),
            root.resolve("deploy/prometheus/rules").toAbsolutePath() + "/*.yml",
            Map.of(
                "ingest-service", ingest.url().substring("http://".length()),
                "model-service", model.url().substring("http://".length()),
                "alert-service", alert.url().substring("http://".length())))) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  prometheus
                              .query("team:model_team_week_hours_mean:max{team=\"platform\"}")
                              .at("/data/result")
                              .size()
                          == 1
                      && prometheus.query("up == 1").at("/data/result").size() == 3);

      List<String> expressions = new ArrayList<>();
      try (var files = Files.newDirectoryStream(root.resolve("deploy/prometheus/rules"), "*.yml")) {
        for (Path file : files) {
          YAML.readTree(file.toFile())
              .at("/groups")
              .forEach(
                  group ->
                      group
                          .get("rules")
                          .forEach(rule -> expressions.add(rule.get("expr").asText())));
        }
      }
      try (var files =
          Files.newDirectoryStream(root.resolve("deploy/grafana/dashboards"), "*.json")) {
        for (Path file : files) {
          JSON.readTree(file.toFile())
              .findValues("expr")
              .forEach(
                  e ->
                      expressions.add(
                          e.asText()
                              .replace("$__rate_interval", "1m")
                              .replace("${team}", "platform")
                              .replace("$team", "platform")));
        }
      }
      assertThat(expressions).hasSizeGreaterThan(20);
      for (String expression : expressions) {
        JsonNode answer = prometheus.query(expression);
        assertThat(answer.get("status").asText())
            .as("%s: %s", expression, answer)
            .isEqualTo("success");
      }

      // the gauge follows the stored figures within a refresh and a scrape
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                // Jackson, not JsonPath: JsonPath reads numbers as floats
                JsonNode figures = JSON.readTree(given().get(weeks).asString()).get(0);
                assertThat(value(prometheus, "model_team_week_hours_mean{team=\"platform\"}"))
                    .isCloseTo(figures.get("meanWeeklyHours").asDouble(), within(1e-9));
                assertThat(
                        value(
                            prometheus,
                            "team:model_team_week_share_over_48h:max{team=\"platform\"}"))
                    .isCloseTo(figures.get("shareOver48h").asDouble(), within(1e-9));
                assertThat(value(prometheus, "model_team_week_members{team=\"platform\"}"))
                    .isEqualTo(figures.get("members").asDouble());
              });
      // the teams' gauges carry no person: no series has a person label
      assertThat(prometheus.query("count({person!=\"\"})").at("/data/result").size()).isZero();
    }
  }

  @Test
  @Order(5)
  void aDeliveryThatFailedBeforeARestartIsRetriedAfterItAndArrivesOnce() throws Exception {
    try (WebhookReceiver flaky = new WebhookReceiver(2)) {
      given()
          .contentType("application/json")
          .body("{\"name\": \"Support\", \"managerId\": \"sam\"}")
          .put(model.url() + "/api/v1/teams/support")
          .then()
          .statusCode(201);
      given()
          .contentType("application/json")
          .body("{\"teamId\": \"support\", \"timeZone\": \"UTC\"}")
          .put(model.url() + "/api/v1/people/frank")
          .then()
          .statusCode(201);
      given()
          .contentType("application/json")
          .body("{\"url\": \"" + flaky.url() + "\", \"teamId\": \"support\"}")
          .put(alert.url() + "/api/v1/webhooks/support")
          .then()
          .statusCode(201);
      postWeek("frank");

      await().atMost(Duration.ofSeconds(30)).until(() -> flaky.deliveries().size() >= 1);
      alert.stop();
      alert.start();
      alert.awaitReady();

      await().atMost(Duration.ofSeconds(60)).until(() -> flaky.deliveries().size() >= 3);
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(() -> flaky.deliveries().size() == 3);
      assertThat(flaky.deliveries())
          .extracting(WebhookReceiver.Delivery::idempotencyKey)
          .containsOnly(flaky.deliveries().get(0).idempotencyKey());
      assertThat(flaky.deliveries())
          .extracting(WebhookReceiver.Delivery::body)
          .containsOnly(flaky.deliveries().get(0).body());
    }
  }

  @Test
  @Order(6)
  void retractingADayResolvesTheWeeksAlertAndNotifiesTheManager() throws Exception {
    String id =
        given()
            .get(alert.url() + "/api/v1/alerts?personId=erin&rule=WEEKLY_HOURS")
            .then()
            .extract()
            .path("[0].id");
    int before = receiver.deliveries().size();
    given()
        .contentType("application/json")
        .body(
            """
            {"eventId": "e2e-erin-6", "version": 2, "personId": "erin", "kind": "WORK",
             "start": "2026-03-06T08:00:00+01:00", "end": "2026-03-06T18:00:00+01:00",
             "status": "CANCELLED"}""")
        .post(ingest.url() + "/api/v1/events")
        .then()
        .statusCode(202);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .get(alert.url() + "/api/v1/alerts/" + id)
                    .then()
                    .body("status", org.hamcrest.Matchers.equalTo("RESOLVED")));
    assertThat(
            given()
                .get(model.url() + "/api/v1/people/erin/days?from=2026-03-06&to=2026-03-06")
                .then()
                .extract()
                .jsonPath()
                .getDouble("[0].workedHours"))
        .isZero();
    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.deliveries().size() > before);
    JsonNode digest =
        JSON.readTree(receiver.deliveries().get(receiver.deliveries().size() - 1).body());
    assertThat(digest.get("changes"))
        .anySatisfy(
            change -> {
              assertThat(change.get("type").asText()).isEqualTo("RESOLVED");
              assertThat(change.get("alert").get("id").asText()).isEqualTo(id);
            });
  }

  private static double value(Prometheus prometheus, String expression) throws Exception {
    JsonNode result = prometheus.query(expression).at("/data/result");
    assertThat(result.size()).as(expression).isEqualTo(1);
    return result.get(0).get("value").get(1).asDouble();
  }

  @Test
  @Order(7)
  void aTeamOnRegularSchedulesRaisesNothingAndTheRealPatternsRaiseTheirRules() throws Exception {
    LocalDate from = LocalDate.parse("2026-02-02");
    LocalDate to = from.plusWeeks(6);
    given()
        .contentType("application/json")
        .body("{\"name\": \"Rota\", \"managerId\": \"rota-lead\"}")
        .put(model.url() + "/api/v1/teams/rota")
        .then()
        .statusCode(201);
    List<String> healthy = new ArrayList<>();
    Map<String, Schedule> unhealthy = new java.util.HashMap<>();
    StringBuilder events = new StringBuilder("[");
    for (Schedule schedule : Schedule.values()) {
      String person =
          "rota-" + schedule.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      // the regular schedules make one team of seven; the others stand alone
      String team = schedule.healthy() ? "rota" : "solo-" + person;
      given()
          .contentType("application/json")
          .body(schedule.personJson(team, schedule.zone(), "kafka", "2025-01-01"))
          .put(model.url() + "/api/v1/people/" + person)
          .then()
          .statusCode(201);
      if (schedule.healthy()) {
        healthy.add(person);
      } else {
        unhealthy.put(person, schedule);
      }
      for (Schedule.Event e :
          schedule.events(person, java.time.ZoneId.of(schedule.zone()), from, to, "kafka")) {
        events.append(events.length() > 1 ? "," : "").append(e.json());
      }
    }
    assertThat(healthy).hasSize(7);
    given()
        .contentType("application/json")
        .body(events.append("]").toString())
        .post(ingest.url() + "/api/v1/events")
        .then()
        .statusCode(202);

    for (Map.Entry<String, Schedule> entry : unhealthy.entrySet()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(openRules(entry.getKey()))
                      .as(entry.getKey())
                      .containsExactlyInAnyOrderElementsOf(entry.getValue().fires()));
    }
    // every healthy person's last day is stored, and for a while after nothing fires for them
    for (String person : healthy) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  given()
                          .get(
                              model.url()
                                  + "/api/v1/people/"
                                  + person
                                  + "/days?from="
                                  + to.minusDays(7)
                                  + "&to="
                                  + to.minusDays(1))
                          .then()
                          .extract()
                          .jsonPath()
                          .getList("findAll { it.workedHours > 0 }")
                          .size()
                      > 0);
    }
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              for (String person : healthy) {
                assertThat(alertsOf("personId=" + person)).as(person).isEmpty();
              }
              assertThat(alertsOf("teamId=rota")).isEmpty();
            });
  }

  @Test
  @Order(8)
  void hostileInputIsRefusedAndThePipelineStillTurnsANormalWeekIntoAnAlert() throws Exception {
    String event =
        """
        {"eventId": "%s", "personId": "mallory", "kind": "WORK", "title": %s,
         "start": "%s", "end": "%s"}""";
    // NUL in a text field, a year past PostgreSQL's range, one before 2000
    for (String bad :
        List.of(
            event.formatted(
                "h-nul", "\"a\\u0000b\"", "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z"),
            event.formatted("h-far", "null", "+294277-03-02T09:00:00Z", "+294277-03-02T17:00:00Z"),
            event.formatted("h-old", "null", "0001-03-02T09:00:00Z", "0001-03-02T17:00:00Z"),
            "[".repeat(2_000) + "]".repeat(2_000))) {
      given()
          .contentType("application/json")
          .body(bad)
          .post(ingest.url() + "/api/v1/events")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    // a calendar of every second without end, and one over the size limit
    String secondly =
        """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//mallory//EN\r
        BEGIN:VEVENT\r
        UID:every-second@mallory\r
        DTSTAMP:20260101T000000Z\r
        DTSTART:%sT090000Z\r
        DURATION:PT1S\r
        RRULE:FREQ=SECONDLY\r
        END:VEVENT\r
        END:VCALENDAR\r
        """
            .formatted(LocalDate.now(ZoneOffset.UTC).minusDays(30).toString().replace("-", ""));
    given()
        .contentType("text/calendar")
        .body(secondly)
        .post(ingest.url() + "/api/v1/people/mallory/calendar")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    given()
        .contentType("text/calendar")
        .body("x".repeat(4_194_305))
        .post(ingest.url() + "/api/v1/people/mallory/calendar")
        .then()
        .statusCode(413);
    // feeds and webhooks that point inward
    given()
        .contentType("application/json")
        .body("{\"personId\": \"mallory\", \"url\": \"http://169.254.169.254/latest/\"}")
        .put(ingest.url() + "/api/v1/feeds/inward")
        .then()
        .statusCode(400);
    given()
        .contentType("application/json")
        .body("{\"url\": \"http://10.0.0.1:5432/\"}")
        .put(alert.url() + "/api/v1/webhooks/inward")
        .then()
        .statusCode(400);
    // pages, routes and methods nobody serves
    given().get(alert.url() + "/api/v1/alerts?page=5000000&size=500").then().statusCode(400);
    for (Service s : List.of(ingest, model, alert)) {
      given()
          .get(s.url() + "/api/v1/no-such-thing")
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
    // a record the store cannot hold, straight onto the topic the model reads
    try (var producer =
        new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
            Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "key.serializer",
                org.apache.kafka.common.serialization.StringSerializer.class.getName(),
                "value.serializer",
                org.apache.kafka.common.serialization.StringSerializer.class.getName()))) {
      producer
          .send(
              new org.apache.kafka.clients.producer.ProducerRecord<>(
                  "work-events",
                  "mallory",
                  event.formatted(
                      "h-raw", "\"a\\u0000b\"", "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z")))
          .get();
    }

    for (Service s : List.of(ingest, model, alert)) {
      s.awaitReady();
    }
    postWeek("after-mallory");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(alertsOf("personId=after-mallory&rule=WEEKLY_HOURS"))
                    .singleElement()
                    .satisfies(a -> assertThat(a.get("value")).isEqualTo(50.0f)));
  }

  private static List<Map<String, Object>> alertsOf(String query) {
    return given()
        .get(alert.url() + "/api/v1/alerts?size=500&" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  private static java.util.Set<String> openRules(String person) {
    java.util.Set<String> rules = new java.util.TreeSet<>();
    for (Map<String, Object> a : alertsOf("status=OPEN&personId=" + person)) {
      rules.add((String) a.get("rule"));
    }
    return rules;
  }

  /**
   * With tokens from the real Keycloak of the local run's realm, over the demo organisation: nobody
   * gets anything without a token, an employee reads only themselves, a manager their subtree, a
   * manager acknowledges their report's alert but nobody their own, intake posts and reads nothing,
   * and every read by someone else lands in the person's access log.
   */
  @Test
  @Order(9)
  void realTokensSeeOnlyWhatTheirRelationAllows() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String days = "/api/v1/people/%s/days?from=" + today.minusDays(7) + "&to=" + today.minusDays(1);
    // anonymous: a 401 problem on every API of every service
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    for (String url :
        List.of(
            model.url() + days.formatted("alice"),
            model.url() + "/api/v1/people/alice",
            model.url() + "/api/v1/teams/platform/weeks?from=2026-W01&to=2026-W02",
            model.url() + "/api/v1/people/alice/access-log",
            alert.url() + "/api/v1/alerts",
            alert.url() + "/api/v1/webhooks/managers",
            ingest.url() + "/api/v1/feeds/any")) {
      var response =
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(url).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .as(url)
          .startsWith("application/problem+json");
    }
    var anonymousPost =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(ingest.url() + "/api/v1/events"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("[]"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(anonymousPost.statusCode()).isEqualTo(401);

    // an employee reads herself and nobody else
    String alice = keycloak.bearer("alice");
    given()
        .header("Authorization", alice)
        .get(model.url() + days.formatted("alice"))
        .then()
        .statusCode(200);
    given()
        .header("Authorization", alice)
        .get(model.url() + days.formatted("bruno"))
        .then()
        .statusCode(403);
    given()
        .header("Authorization", alice)
        .get(model.url() + "/api/v1/teams/platform/weeks?from=2026-W01&to=2026-W02")
        .then()
        .statusCode(403);
    given()
        .header("Authorization", alice)
        .contentType("application/json")
        .body("{\"teamId\": \"platform\", \"timeZone\": \"UTC\", \"contractHoursPerWeek\": 1}")
        .put(model.url() + "/api/v1/people/alice")
        .then()
        .statusCode(403);
    given()
        .header("Authorization", alice)
        .contentType("application/json")
        .body("{\"name\": \"Platform\", \"managerId\": \"alice\"}")
        .put(model.url() + "/api/v1/teams/platform")
        .then()
        .statusCode(403);
    // her own alerts only, and none of them can she acknowledge
    List<String> subjects =
        given()
            .header("Authorization", alice)
            .get(alert.url() + "/api/v1/alerts?size=500")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("subject", String.class);
    assertThat(subjects).isNotEmpty().containsOnly("alice");
    String aliceAlert =
        given()
            .header("Authorization", alice)
            .get(alert.url() + "/api/v1/alerts?personId=alice&status=OPEN")
            .then()
            .extract()
            .path("[0].id");
    given()
        .header("Authorization", alice)
        .contentType("application/json")
        .body("{\"reason\": \"I am fine\"}")
        .post(alert.url() + "/api/v1/alerts/" + aliceAlert + "/ack")
        .then()
        .statusCode(403);

    // her manager and the director above read her days; the other team's manager does not
    for (String manager : List.of("maria", "grace")) {
      given()
          .header("Authorization", keycloak.bearer(manager))
          .get(model.url() + days.formatted("alice"))
          .then()
          .statusCode(200);
    }
    given()
        .header("Authorization", keycloak.bearer("tom"))
        .get(model.url() + days.formatted("alice"))
        .then()
        .statusCode(403);
    given()
        .header("Authorization", keycloak.bearer("tom"))
        .get(alert.url() + "/api/v1/alerts/" + aliceAlert)
        .then()
        .statusCode(403);
    given()
        .header("Authorization", keycloak.bearer("maria"))
        .get(alert.url() + "/api/v1/alerts/" + aliceAlert)
        .then()
        .statusCode(200)
        .body("subject", org.hamcrest.Matchers.equalTo("alice"));
    given()
        .header("Authorization", keycloak.bearer("maria"))
        .contentType("application/json")
        .body("{\"reason\": \"we agreed a lighter sprint\"}")
        .post(alert.url() + "/api/v1/alerts/" + aliceAlert + "/ack")
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("ACKNOWLEDGED"));

    // intake posts for anyone and reads nothing
    String intake = keycloak.bearer("ingest");
    given()
        .header("Authorization", intake)
        .contentType("application/json")
        .body(
            "{\"eventId\": \"idt-1\", \"personId\": \"bruno\", \"kind\": \"MEETING\","
                + " \"start\": \"2026-03-02T09:00:00Z\", \"end\": \"2026-03-02T10:00:00Z\"}")
        .post(ingest.url() + "/api/v1/events")
        .then()
        .statusCode(202);
    given()
        .header("Authorization", intake)
        .get(model.url() + days.formatted("bruno"))
        .then()
        .statusCode(403);
    given()
        .header("Authorization", intake)
        .get(alert.url() + "/api/v1/alerts")
        .then()
        .statusCode(403);
    // a person posts their own time only
    given()
        .header("Authorization", alice)
        .contentType("application/json")
        .body(
            "{\"eventId\": \"idt-2\", \"personId\": \"bruno\", \"kind\": \"MEETING\","
                + " \"start\": \"2026-03-02T09:00:00Z\", \"end\": \"2026-03-02T10:00:00Z\"}")
        .post(ingest.url() + "/api/v1/events")
        .then()
        .statusCode(403);

    // alice sees who read her data: her manager and the director, through both services
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<String> readers =
                  given()
                      .header("Authorization", alice)
                      .get(model.url() + "/api/v1/people/alice/access-log")
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath()
                      .getList("reader", String.class);
              assertThat(readers).contains("maria", "grace").doesNotContain("alice", "tom");
              List<String> endpoints =
                  given()
                      .header("Authorization", alice)
                      .get(model.url() + "/api/v1/people/alice/access-log")
                      .then()
                      .extract()
                      .jsonPath()
                      .getList("endpoint", String.class);
              assertThat(endpoints).contains("GET /api/v1/alerts/{id}");
            });
    given()
        .header("Authorization", keycloak.bearer("maria"))
        .get(model.url() + "/api/v1/people/alice/access-log")
        .then()
        .statusCode(403);
  }

  /**
   * An administrator erases a demo person: every service reports done, nothing of them is served,
   * their alerts are gone and their team's weeks are recomputed without them.
   */
  @Test
  @Order(10)
  void anErasureReachesEveryServiceAndTheTeamIsRecomputedWithoutThePerson() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    IsoWeek lastWeek = IsoWeek.of(today.minusWeeks(1));
    String weeks = model.url() + "/api/v1/teams/mobile/weeks?from=" + lastWeek + "&to=" + lastWeek;
    int membersBefore = given().get(weeks).then().statusCode(200).extract().path("[0].members");
    assertThat(membersBefore).isEqualTo(5);
    assertThat(given().get(alert.url() + "/api/v1/alerts?personId=ivan").jsonPath().getList("$"))
        .isNotEmpty();

    // his export first: every service's part, with what each holds about him
    JsonPath export =
        given()
            .header("Authorization", keycloak.bearer("ivan"))
            .get(model.url() + "/api/v1/people/ivan/export")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(export.getString("personId")).isEqualTo("ivan");
    assertThat(export.getList("model.events")).isNotEmpty();
    assertThat(export.getList("model.days")).isNotEmpty();
    assertThat(export.getList("model.profileHistory")).isNotEmpty();
    assertThat(export.getString("model.person.time_zone")).isEqualTo("Australia/Sydney");
    assertThat(export.getList("alert.alerts")).isNotEmpty();
    assertThat(export.getList("alert.figures")).isNotEmpty();
    assertThat(export.getString("ingest.directory.person_id")).isEqualTo("ivan");
    given()
        .header("Authorization", keycloak.bearer("tom"))
        .get(model.url() + "/api/v1/people/ivan/export")
        .then()
        .statusCode(403);

    given()
        .header("Authorization", keycloak.bearer("tom"))
        .delete(model.url() + "/api/v1/people/ivan")
        .then()
        .statusCode(403);
    String erasureId =
        given()
            .delete(model.url() + "/api/v1/people/ivan")
            .then()
            .statusCode(202)
            .extract()
            .path("erasureId");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                given()
                    .get(model.url() + "/api/v1/erasures/" + erasureId)
                    .then()
                    .statusCode(200)
                    .body("complete", org.hamcrest.Matchers.equalTo(true)));
    given().get(model.url() + "/api/v1/people/ivan").then().statusCode(404);
    assertThat(given().get(alert.url() + "/api/v1/alerts?personId=ivan").jsonPath().getList("$"))
        .isEmpty();
    // four members left: below the minimum group size, so the week is no longer served
    given().get(weeks).then().statusCode(403);
  }

  private static void postWeek() {
    postWeek("erin");
  }

  private static void postWeek(String person) {
    String events =
        IntStream.rangeClosed(2, 6)
            .mapToObj(
                d ->
                    """
                    {"eventId": "e2e-%s-%d", "personId": "%s", "kind": "WORK",
                     "start": "2026-03-0%dT08:00:00+01:00", "end": "2026-03-0%dT18:00:00+01:00"}"""
                        .formatted(person, d, person, d, d))
            .collect(Collectors.joining(",", "[", "]"));
    given()
        .contentType("application/json")
        .body(events)
        .post(ingest.url() + "/api/v1/events")
        .then()
        .statusCode(202);
  }

  private static String sign(String key, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
