package org.wellbeing.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wellbeing.alert.Fixtures;
import org.wellbeing.alert.persistence.DirectoryPersonEntity;
import org.wellbeing.alert.persistence.DirectoryTeamEntity;
import org.wellbeing.alert.persistence.WebhookEntity;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.AccessMatrix;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.TestTokens;

/**
 * Every alert-service endpoint × every kind of caller, with real signed bearer tokens: alerts are
 * for their subject, the managers above and administrators; acknowledgement is for the managers
 * above and administrators, never the subject; webhooks are for administrators.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class AlertAccessMatrixTest {

  private static final String ADMIN = TestTokens.bearer("admin", "admin");

  @KafkaBootstrap String bootstrap;

  private String run;
  private String person;
  private String lead;
  private String cto;

  @BeforeEach
  void setUp() {
    run = UUID.randomUUID().toString().substring(0, 8);
    person = "p-" + run;
    lead = "lead-" + run;
    cto = "cto-" + run;
  }

  /** A WEEKLY_HOURS alert about {@code subject} of team web-run (lead, under cto). */
  private String alertAbout(String subject) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    records.add(
        new ProducerRecord<>(
            Topics.ORG_DIRECTORY,
            "team:org-" + run,
            "{\"teamId\": \"org-%1$s\", \"managerId\": \"cto-%1$s\"}".formatted(run)));
    records.add(
        new ProducerRecord<>(
            Topics.ORG_DIRECTORY,
            "team:web-" + run,
            "{\"teamId\": \"web-%1$s\", \"managerId\": \"lead-%1$s\", \"parentTeamId\": \"org-%1$s\"}"
                .formatted(run)));
    records.add(
        new ProducerRecord<>(
            Topics.ORG_DIRECTORY,
            subject,
            "{\"personId\": \"%s\", \"teamId\": \"web-%s\", \"timeZone\": \"UTC\"}"
                .formatted(subject, run)));
    for (int d = 0; d < 5; d++) {
      records.add(
          new ProducerRecord<>(
              Topics.WELLBEING_METRICS,
              subject,
              """
          {"personId": "%s", "teamId": "web-%s", "date": "%s", "workedHours": 10,
           "meetingHours": 0, "focusHours": 0, "learningHours": 0, "plannedLearningHours": 0,
           "afterHoursHours": 0, "restHours": null, "absence": false, "balance": 1,
           "timeManagement": 1, "planAccuracy": 0.5, "learningEfficiency": 0.5, "skillRate": 0.25,
           "skillDelta": 0, "skill": 50, "computedAt": "%s", "contractHours": 8,
           "workingDay": true, "weeklyRestHours": 100}"""
                  .formatted(
                      subject, run, LocalDate.parse("2026-03-02").plusDays(d), Instant.now())));
    }
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }
    String query = "/api/v1/alerts?personId=" + subject + "&rule=WEEKLY_HOURS";
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .header("Authorization", ADMIN)
                    .get(query)
                    .then()
                    .body("size()", equalTo(1))
                    .body("[0].teamId", equalTo("web-" + run)));
    // the directory has its own consumer: who manages whom may arrive after the alert
    Fixtures.awaitStored(
        () ->
            DirectoryTeamEntity.findById("org-" + run) != null
                && DirectoryTeamEntity.findById("web-" + run) != null
                && DirectoryPersonEntity.findById(subject) != null);
    return given().header("Authorization", ADMIN).get(query).then().extract().path("[0].id");
  }

  @Test
  void everyEndpointAnswersEachCallerAsTheContractSays() {
    String id = alertAbout(person);
    new AccessMatrix()
        .caller(person)
        .caller(lead, "manager")
        .caller(cto, "manager")
        .caller("stranger")
        .caller("ingest", "ingest")
        .caller("admin", "admin")
        .on("GET /api/v1/alerts", "GET", "/api/v1/alerts?personId=" + person)
        .expect(403, "ingest")
        .otherwise(200)
        .on("GET /api/v1/alerts/{id}", "GET", "/api/v1/alerts/" + id)
        .expect(200, person, lead, cto, "admin")
        .otherwise(403)
        .on(
            "POST /api/v1/alerts/{id}/ack",
            "POST",
            "/api/v1/alerts/" + id + "/ack",
            "application/json",
            "{\"reason\": \"talked it through\"}")
        .expect(200, lead, cto, "admin")
        .otherwise(403)
        .on(
            "PUT /api/v1/webhooks/{id}",
            "PUT",
            "/api/v1/webhooks/hook-" + run,
            "application/json",
            "{\"url\": \"http://127.0.0.1:9/" + run + "\"}")
        .expect(201, "admin")
        .otherwise(403)
        .on("GET /api/v1/webhooks/{id}", "GET", "/api/v1/webhooks/hook-" + run)
        .expect(200, "admin")
        .otherwise(403)
        .on("GET /api/v1/webhooks", "GET", "/api/v1/webhooks")
        .expect(200, "admin")
        .otherwise(403)
        .on("DELETE /api/v1/webhooks/{id}", "DELETE", "/api/v1/webhooks/hook-" + run)
        .expect(204, "admin")
        .otherwise(403)
        .on("GET /api/v1/people/{personId}/export", "GET", "/api/v1/people/" + person + "/export")
        .expect(200, person, "admin")
        .otherwise(403)
        .verify(
            AlertResource.class,
            WebhookResource.class,
            WebhookListResource.class,
            ExportResource.class);
  }

  @Test
  void eachCallerListsOnlyTheAlertsTheyMaySee() {
    alertAbout(person);
    String query = "/api/v1/alerts?personId=" + person;
    for (String viewer : List.of(person, lead, cto)) {
      given()
          .header("Authorization", TestTokens.bearer(viewer, "manager"))
          .get(query)
          .then()
          .statusCode(200)
          .body("size()", equalTo(1));
    }
    // a manager of another team, or anyone else, sees none of them
    given()
        .header("Authorization", TestTokens.bearer("lead-elsewhere", "manager"))
        .get(query)
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
  }

  @Test
  void nobodyAcknowledgesTheirOwnAlertNotEvenAManagerOrAdministrator() {
    // the lead's own alert: the lead is the subject and also "manages" the team it is filed under
    String id = alertAbout(lead);
    given()
        .header("Authorization", TestTokens.bearer(lead, "manager", "admin"))
        .contentType("application/json")
        .body("{\"reason\": \"I am fine\"}")
        .post("/api/v1/alerts/" + id + "/ack")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .header("Authorization", TestTokens.bearer(cto, "manager"))
        .contentType("application/json")
        .body("{\"reason\": \"covered next sprint\"}")
        .post("/api/v1/alerts/" + id + "/ack")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACKNOWLEDGED"));
  }

  @Test
  void aWebhookSecretIsShownOnceStoredSealedAndARePutChangesOnlyTheFieldsGiven() {
    String hook = "/api/v1/webhooks/once-" + run;
    String secret =
        given()
            .header("Authorization", ADMIN)
            .contentType("application/json")
            .body("{\"url\": \"http://127.0.0.1:9/a\", \"teamId\": \"web-" + run + "\"}")
            .put(hook)
            .then()
            .statusCode(201)
            .body("secret", notNullValue())
            .extract()
            .path("secret");
    given()
        .header("Authorization", ADMIN)
        .get(hook)
        .then()
        .statusCode(200)
        .body("secret", nullValue());
    given()
        .header("Authorization", ADMIN)
        .contentType("application/json")
        .body("{\"url\": \"http://127.0.0.1:9/b\"}")
        .put(hook)
        .then()
        .statusCode(200)
        .body("secret", nullValue())
        .body("url", equalTo("http://127.0.0.1:9/b"))
        .body("teamId", equalTo("web-" + run));
    // a secret that is not a string is refused, not silently ignored
    given()
        .header("Authorization", ADMIN)
        .contentType("application/json")
        .body("{\"secret\": 12345}")
        .put(hook)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("secret"));
    String stored =
        QuarkusTransaction.requiringNew()
            .call(() -> WebhookEntity.<WebhookEntity>findById("once-" + run).secret);
    assertThat(stored).startsWith("sealed:v1:").doesNotContain(secret);
  }

  @Test
  void aPersonsAlertsFollowThemToTheirNewTeamAndLeaveTheFormerManager() {
    String id = alertAbout(person);
    String newLead = "newlead-" + run;
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion
          .produceStrings()
          .fromRecords(
              new ProducerRecord<>(
                  Topics.ORG_DIRECTORY,
                  "team:ops-" + run,
                  "{\"teamId\": \"ops-%s\", \"managerId\": \"%s\"}".formatted(run, newLead)),
              new ProducerRecord<>(
                  Topics.ORG_DIRECTORY,
                  person,
                  "{\"personId\": \"%s\", \"teamId\": \"ops-%s\", \"timeZone\": \"UTC\"}"
                      .formatted(person, run)))
          .awaitCompletion(Duration.ofSeconds(30));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .header("Authorization", TestTokens.bearer(newLead, "manager"))
                    .get("/api/v1/alerts/" + id)
                    .then()
                    .statusCode(200));
    given()
        .header("Authorization", TestTokens.bearer(lead, "manager"))
        .get("/api/v1/alerts/" + id)
        .then()
        .statusCode(403);
    given()
        .header("Authorization", TestTokens.bearer(lead, "manager"))
        .get("/api/v1/alerts?personId=" + person)
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    given()
        .header("Authorization", TestTokens.bearer(newLead, "manager"))
        .get("/api/v1/alerts?personId=" + person)
        .then()
        .statusCode(200)
        .body("size()", equalTo(1));
  }
}
