package org.wellbeing.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.ingest.service.ClockService;
import org.wellbeing.ingest.service.FeedService;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.TopicReader;
import org.wellbeing.testing.TopicReader.Record;

/** Calendars, timesheets, clock punches and feeds through the real broker and database. */
@QuarkusTest
// the suites below test figures, not access: they run as an administrator (see the BOLA matrix)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class IngestFormatsTest {

  @KafkaBootstrap String bootstrap;
  @Inject ClockService clock;
  @Inject FeedService feeds;

  private TopicReader topic;
  private String person;

  @BeforeEach
  void setUp() {
    topic = new TopicReader(bootstrap);
    person = "p-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private List<Record> events(String personId, int count) {
    return topic.await(Topics.WORK_EVENTS, r -> personId.equals(r.key()), count);
  }

  @Test
  void calendarOccurrencesArePublishedWithStableIdsAndCloudEventsHeaders() {
    given()
        .contentType("text/calendar")
        .body(fixture("weekly-rrule.ics"))
        .post("/api/v1/people/" + person + "/calendar")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(3))
        .body("skipped", equalTo(0));

    List<Record> records = events(person, 3);
    assertThat(records)
        .extracting(
            r -> r.value().get("eventId").asText(),
            r -> r.value().get("version").asLong(),
            r -> r.value().get("kind").asText(),
            r -> OffsetDateTime.parse(r.value().get("start").asText()).toInstant().toString(),
            r -> r.header("ce_id"),
            r -> r.header("ce_source"))
        .containsExactlyInAnyOrder(
            tuple(
                "calendar:%s|weekly-sync@example.org|20260316T090000Z".formatted(person),
                2L,
                "MEETING",
                "2026-03-16T09:00:00Z",
                "calendar:%s|weekly-sync@example.org|20260316T090000Z".formatted(person),
                "urn:wellbeing:ingest:ics"),
            tuple(
                "calendar:%s|weekly-sync@example.org|20260406T080000Z".formatted(person),
                2L,
                "MEETING",
                "2026-04-06T08:00:00Z",
                "calendar:%s|weekly-sync@example.org|20260406T080000Z".formatted(person),
                "urn:wellbeing:ingest:ics"),
            tuple(
                "calendar:%s|weekly-sync@example.org|20260330T080000Z".formatted(person),
                3L,
                "MEETING",
                "2026-03-30T12:00:00Z",
                "calendar:%s|weekly-sync@example.org|20260330T080000Z".formatted(person),
                "urn:wellbeing:ingest:ics"));
  }

  @Test
  void malformedCalendarIsAProblem() {
    given()
        .contentType("text/calendar")
        .body(fixture("malformed.ics"))
        .post("/api/v1/people/" + person + "/calendar")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Invalid input"));
  }

  @Test
  void declinedMeetingsAreSkippedForPeopleTheDirectoryKnows() {
    knownPerson(person, "Europe/Berlin", "alice@example.org");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .contentType("text/calendar")
                    .body(fixture("declined-cancelled.ics"))
                    .post("/api/v1/people/" + person + "/calendar")
                    .then()
                    .statusCode(202)
                    .body("skipped", equalTo(1))
                    .body("accepted", equalTo(2)));
  }

  @Test
  void timesheetLocalTimesUseTheZoneLearnedFromTheOrgDirectory() {
    knownPerson(person, "America/New_York", null);
    String csv =
        """
        personId,date,start,end,kind,skill
        %s,2026-03-02,09:00,17:00,WORK,
        %s,2026-03-02,13:00,14:00,LEARNING,kafka
        """
            .formatted(person, person);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .contentType("text/csv")
                    .body(csv)
                    .post("/api/v1/timesheets")
                    .then()
                    .statusCode(202)
                    .body("accepted", equalTo(2)));

    assertThat(events(person, 2))
        .extracting(
            r -> r.value().get("kind").asText(),
            r -> OffsetDateTime.parse(r.value().get("start").asText()).toInstant().toString(),
            r -> r.value().get("skill").isNull() ? null : r.value().get("skill").asText())
        .contains(
            tuple("WORK", "2026-03-02T14:00:00Z", null),
            tuple("LEARNING", "2026-03-02T18:00:00Z", "kafka"));
  }

  @Test
  void timesheetWithABadLineIsRejectedByLineAndNothingOfItIsPublished() {
    knownPerson(person, "Europe/Berlin", null);
    String good = person + ",2026-03-02,09:00,17:00,WORK\n";
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .contentType("text/csv")
                    .body("personId,date,start,end,kind\n" + good)
                    .post("/api/v1/timesheets")
                    .then()
                    .statusCode(202));
    String marker = person + ",2026-03-09,09:00,10:00,WORK\n";

    given()
        .contentType("text/csv")
        .body(
            "personId,date,start,end,kind\n"
                + person
                + ",2026-03-03,09:00,17:00,WORK\n"
                + person
                + ",2026-03-04,09:00,17:00,SLEEP\n")
        .post("/api/v1/timesheets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].index", equalTo(3))
        .body("errors[0].field", equalTo("kind"));
    given()
        .contentType("text/csv")
        .body("personId,date,start,end,kind\n" + marker)
        .post("/api/v1/timesheets")
        .then()
        .statusCode(202);

    List<Record> records = events(person, 2);
    assertThat(records)
        .extracting(r -> r.value().get("start").asText().substring(0, 10))
        .doesNotContain("2026-03-03");
  }

  @Test
  void clockPairBecomesOneWorkEventAndOutWithoutInIsAConflict() {
    given()
        .contentType("application/json")
        .body("{\"action\": \"OUT\", \"at\": \"2026-03-02T17:00:00+01:00\"}")
        .post("/api/v1/clock/" + person)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");

    given()
        .contentType("application/json")
        .body(
            "{\"action\": \"IN\", \"at\": \"2026-03-02T08:30:00+01:00\", \"eventId\": \"shift-"
                + person
                + "\"}")
        .post("/api/v1/clock/" + person)
        .then()
        .statusCode(202);
    given()
        .contentType("application/json")
        .body("{\"action\": \"IN\", \"at\": \"2026-03-02T09:00:00+01:00\"}")
        .post("/api/v1/clock/" + person)
        .then()
        .statusCode(409);
    given()
        .contentType("application/json")
        .body("{\"action\": \"OUT\", \"at\": \"2026-03-02T17:15:00+01:00\"}")
        .post("/api/v1/clock/" + person)
        .then()
        .statusCode(202)
        .body("eventId", equalTo("shift-" + person));

    Record work = events(person, 1).get(0);
    assertThat(work.value().get("eventId").asText()).isEqualTo("shift-" + person);
    assertThat(work.value().get("kind").asText()).isEqualTo("WORK");
    assertThat(OffsetDateTime.parse(work.value().get("start").asText()).toInstant().toString())
        .isEqualTo("2026-03-02T07:30:00Z");
    assertThat(OffsetDateTime.parse(work.value().get("end").asText()).toInstant().toString())
        .isEqualTo("2026-03-02T16:15:00Z");
    assertThat(work.value().has("autoClosed")).isFalse();
  }

  @Test
  void inLeftOpenLongerThan16HoursIsClosedAndFlagged() {
    OffsetDateTime in = OffsetDateTime.now(ZoneOffset.UTC).minusHours(17).withNano(0);
    given()
        .contentType("application/json")
        .body("{\"action\": \"IN\", \"at\": \"" + in + "\"}")
        .post("/api/v1/clock/" + person)
        .then()
        .statusCode(202);

    clock.closeStalePunches();

    Record work = events(person, 1).get(0);
    assertThat(work.value().get("autoClosed").asBoolean()).isTrue();
    assertThat(OffsetDateTime.parse(work.value().get("end").asText()).toInstant())
        .isEqualTo(in.plusHours(16).toInstant());
    given()
        .accept("text/plain")
        .get("/q/metrics")
        .then()
        .body(org.hamcrest.Matchers.containsString("ingest_clock_auto_closed_total"));
    // the punch is closed: a new OUT has nothing to close
    given()
        .contentType("application/json")
        .body("{\"action\": \"OUT\"}")
        .post("/api/v1/clock/" + person)
        .then()
        .statusCode(409);
  }

  @Test
  void aFeedThatTricklesDelaysNoOtherFeed() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/slow.ics",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try {
            for (int i = 0; i < 60; i++) {
              exchange.getResponseBody().write('B');
              exchange.getResponseBody().flush();
              Thread.sleep(500);
            }
          } catch (Exception e) {
            // the poller gave up
          }
          exchange.close();
        });
    server.createContext(
        "/fast.ics",
        exchange -> {
          byte[] bytes = feedDocument("T100000", "T110000", false).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      for (String name : new String[] {"slow", "fast"}) {
        given()
            .contentType("application/json")
            .body(
                "{\"personId\": \"%s\", \"url\": \"%s/%s.ics\", \"pollMinutes\": 15}"
                    .formatted(person, base, name))
            .put("/api/v1/feeds/" + name + "-" + person)
            .then()
            .statusCode(201);
      }
      long started = System.nanoTime();
      feeds.pollDue();
      // the fast feed's stand-up is published while the slow one still trickles
      assertThat(events(person, 1)).isNotEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      given()
          .get("/api/v1/feeds/slow-" + person)
          .then()
          .statusCode(200)
          .body("lastSuccessAt", org.hamcrest.Matchers.nullValue());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void feedPublishesNewChangedAndVanishedOccurrencesAndReportsFailures() throws Exception {
    AtomicReference<String> document =
        new AtomicReference<>(feedDocument("T100000", "T110000", true));
    AtomicInteger status = new AtomicInteger(200);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/cal.ics",
        exchange -> {
          String body = document.get();
          String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
          if (status.get() != 200) {
            exchange.sendResponseHeaders(status.get(), -1);
          } else if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
          } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    server.start();
    try {
      String feedId = "feed-" + person;
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cal.ics";
      given()
          .contentType("application/json")
          .body("{\"personId\": \"" + person + "\", \"url\": \"" + url + "\", \"pollMinutes\": 15}")
          .put("/api/v1/feeds/" + feedId)
          .then()
          .statusCode(201);

      assertThat(feeds.poll(feedId)).isEqualTo("ok");
      assertThat(events(person, 2))
          .extracting(r -> r.value().get("status").asText())
          .containsOnly("CONFIRMED");
      assertThat(feeds.poll(feedId)).isEqualTo("not_modified");

      // the stand-up moves by an hour and the review disappears
      document.set(feedDocument("T110000", "T120000", false));
      assertThat(feeds.poll(feedId)).isEqualTo("ok");
      List<Record> all = events(person, 4);
      assertThat(all)
          .extracting(
              r -> r.value().get("eventId").asText().split("\\|")[1],
              r -> r.value().get("version").asLong(),
              r -> r.value().get("status").asText())
          .containsExactlyInAnyOrder(
              tuple("standup@example.org", 1L, "CONFIRMED"),
              tuple("review@example.org", 1L, "CONFIRMED"),
              tuple("standup@example.org", 2L, "CONFIRMED"),
              tuple("review@example.org", 2L, "CANCELLED"));

      status.set(500);
      assertThat(feeds.poll(feedId)).isEqualTo("error");
      given()
          .get("/api/v1/feeds/" + feedId)
          .then()
          .statusCode(200)
          .body("lastError", equalTo("the server answered HTTP 500"))
          .body("consecutiveFailures", equalTo(1))
          .body("events", equalTo(1));
      given()
          .accept("text/plain")
          .get("/q/metrics")
          .then()
          .body(org.hamcrest.Matchers.containsString("ingest_feed_polls_total{result=\"error\""));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void badFeedSubscriptionIsAProblem() {
    given()
        .contentType("application/json")
        .body("{\"url\": \"ftp://x\", \"pollMinutes\": 0}")
        .put("/api/v1/feeds/f1")
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("personId", "url", "pollMinutes"));
    given().get("/api/v1/feeds/nope").then().statusCode(404);
  }

  private String feedDocument(String standupStart, String standupEnd, boolean withReview) {
    String review =
        withReview
            ? "BEGIN:VEVENT\r\nUID:review@example.org\r\nDTSTAMP:20260301T000000Z\r\n"
                + "DTSTART:20260318T150000Z\r\nDTEND:20260318T160000Z\r\nSUMMARY:Review\r\nEND:VEVENT\r\n"
            : "";
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//feed//EN\r\n"
        + "BEGIN:VEVENT\r\nUID:standup@example.org\r\nDTSTAMP:20260301T000000Z\r\n"
        + "DTSTART:20260317"
        + standupStart
        + "Z\r\nDTEND:20260317"
        + standupEnd
        + "Z\r\n"
        + "SUMMARY:Stand-up\r\nEND:VEVENT\r\n"
        + review
        + "END:VCALENDAR\r\n";
  }

  private void knownPerson(String personId, String zone, String email) {
    String emails = email == null ? "[]" : "[\"" + email + "\"]";
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion
          .produceStrings()
          .fromRecords(
              new ProducerRecord<>(
                  Topics.ORG_DIRECTORY,
                  personId,
                  "{\"personId\": \"%s\", \"teamId\": \"t\", \"timeZone\": \"%s\", \"emails\": %s}"
                      .formatted(personId, zone, emails)))
          .awaitCompletion(Duration.ofSeconds(30));
    }
  }

  private static String fixture(String name) {
    try (InputStream in = IngestFormatsTest.class.getResourceAsStream("/ics/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
