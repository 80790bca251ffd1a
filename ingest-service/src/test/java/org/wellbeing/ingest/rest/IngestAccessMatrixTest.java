package org.wellbeing.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.AccessMatrix;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.TestTokens;
import org.wellbeing.testing.TopicReader;

/**
 * Every ingest-service endpoint × every kind of caller, with real signed bearer tokens: intake
 * accounts and administrators post for anyone, a person only for themselves (a manager too), and
 * feeds are managed by intake accounts and administrators.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class IngestAccessMatrixTest {

  @KafkaBootstrap String bootstrap;

  /** Timesheets are read in the person's zone: ingest must know alice from the directory. */
  private void knownPerson(String personId) {
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion
          .produceStrings()
          .fromRecords(
              new ProducerRecord<>(
                  Topics.ORG_DIRECTORY,
                  personId,
                  "{\"personId\": \"%s\", \"teamId\": \"t\", \"timeZone\": \"UTC\"}"
                      .formatted(personId)))
          .awaitCompletion(Duration.ofSeconds(30));
    }
  }

  @Test
  void everyEndpointAnswersEachCallerAsTheContractSays() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String alice = "alice-" + run;
    String event =
        """
        {"eventId": "m-%s", "personId": "%s", "kind": "WORK",
         "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T10:00:00Z"}"""
            .formatted(run, alice);
    String calendar =
        """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//test//EN\r
        BEGIN:VEVENT\r
        UID:c-%s\r
        DTSTAMP:20260301T000000Z\r
        DTSTART:20260302T090000Z\r
        DTEND:20260302T100000Z\r
        SUMMARY:Work\r
        END:VEVENT\r
        END:VCALENDAR\r
        """
            .formatted(run);
    String timesheet =
        "personId,date,start,end,kind\n%s,2026-03-02,09:00,10:00,WORK\n".formatted(alice);
    knownPerson(alice);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .header("Authorization", TestTokens.bearer("admin", "admin"))
                    .contentType("text/csv")
                    .body(timesheet)
                    .post("/api/v1/timesheets")
                    .then()
                    .statusCode(202));
    new AccessMatrix()
        .caller(alice)
        .caller("bob-" + run)
        .caller("maria-" + run, "manager")
        .caller("ingest", "ingest")
        .caller("admin", "admin")
        .on("POST /api/v1/events", "POST", "/api/v1/events", "application/json", event)
        .expect(202, alice, "ingest", "admin")
        .otherwise(403)
        .on(
            "POST /api/v1/people/{personId}/calendar",
            "POST",
            "/api/v1/people/" + alice + "/calendar",
            "text/calendar",
            calendar)
        .expect(202, alice, "ingest", "admin")
        .otherwise(403)
        .on("POST /api/v1/timesheets", "POST", "/api/v1/timesheets", "text/csv", timesheet)
        .expect(202, alice, "ingest", "admin")
        .otherwise(403)
        .on(
            "POST /api/v1/clock/{personId}",
            "POST",
            "/api/v1/clock/" + alice,
            "application/json",
            "{\"action\": \"IN\", \"at\": \"2026-03-03T08:00:00Z\"}")
        // alice clocks in first; the others get past access control to find her clocked in
        .expect(202, alice)
        .expect(409, "ingest", "admin")
        .otherwise(403)
        .on(
            "PUT /api/v1/feeds/{feedId}",
            "PUT",
            "/api/v1/feeds/feed-" + run,
            "application/json",
            "{\"personId\": \"%s\", \"url\": \"http://127.0.0.1:9/x.ics\", \"pollMinutes\": 60}"
                .formatted(alice))
        .expect(201, "ingest")
        .expect(200, "admin")
        .otherwise(403)
        .on("GET /api/v1/feeds/{feedId}", "GET", "/api/v1/feeds/feed-" + run)
        .expect(200, "ingest", "admin")
        .otherwise(403)
        .on("GET /api/v1/feeds", "GET", "/api/v1/feeds")
        .expect(200, "ingest", "admin")
        .otherwise(403)
        .on("GET /api/v1/people/{personId}/export", "GET", "/api/v1/people/" + alice + "/export")
        .expect(200, alice, "admin")
        .otherwise(403)
        .verify(
            ExportResource.class,
            EventResource.class,
            CalendarResource.class,
            TimesheetResource.class,
            ClockResource.class,
            FeedResource.class,
            FeedListResource.class);
  }

  @Test
  void aPersonsOwnEventIdsLiveInTheirNamespaceSoNobodyTakesOverAnothersEvent() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String mallory = "mallory-" + run;
    String intake = "intake-" + run;
    String event =
        """
        {"eventId": "%s", "version": 9, "personId": "%s", "kind": "WORK", "status": "CANCELLED",
         "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T10:00:00Z"}""";
    // mallory names bob's event id for herself: it becomes hers, in her namespace
    given()
        .header("Authorization", TestTokens.bearer(mallory))
        .contentType("application/json")
        .body(event.formatted("csv:bob:2026-03-02:09:00:work", mallory))
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    given()
        .header("Authorization", TestTokens.bearer("ingest", "ingest"))
        .contentType("application/json")
        .body(event.formatted("csv:bob:2026-03-02:09:00:work", intake))
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    TopicReader topic = new TopicReader(bootstrap);
    assertThat(topic.await(Topics.WORK_EVENTS, r -> mallory.equals(r.key()), 1))
        .extracting(r -> r.value().get("eventId").asText())
        .containsExactly(mallory + "/csv:bob:2026-03-02:09:00:work");
    // an intake account's ids are the organisation's, as MODEL.md has them
    assertThat(topic.await(Topics.WORK_EVENTS, r -> intake.equals(r.key()), 1))
        .extracting(r -> r.value().get("eventId").asText())
        .containsExactly("csv:bob:2026-03-02:09:00:work");
  }
}
