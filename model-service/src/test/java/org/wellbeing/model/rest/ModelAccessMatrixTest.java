package org.wellbeing.model.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wellbeing.testing.AccessMatrix;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.TestTokens;

/**
 * Every model-service endpoint × every kind of caller (CONTRACT.md "Identity"), with real signed
 * bearer tokens: a person's data is for them, the managers above them per the directory, and
 * administrators; intake accounts read nothing; only administrators write the directory.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class ModelAccessMatrixTest {

  private static final String ADMIN = TestTokens.bearer("admin", "admin");

  private String run;
  private String dev;
  private String lead;
  private String cto;
  private String peer;
  private String opsLead;

  @BeforeEach
  void setUp() {
    run = UUID.randomUUID().toString().substring(0, 8);
    dev = "dev-" + run;
    lead = "lead-" + run;
    cto = "cto-" + run;
    peer = "peer-" + run;
    opsLead = "opslead-" + run;
    StringBuilder people = new StringBuilder();
    for (String member : List.of(dev, lead, "m1-" + run, "m2-" + run, "m3-" + run)) {
      people.append(
          "{\"personId\": \"%s\", \"teamId\": \"web-%s\", \"timeZone\": \"UTC\"},"
              .formatted(member, run));
    }
    people.append(
        "{\"personId\": \"%s\", \"teamId\": \"ops-%s\", \"timeZone\": \"UTC\"}"
            .formatted(peer, run));
    String directory =
        """
        {"teams": [{"teamId": "org-%1$s", "name": "Org", "managerId": "%2$s"},
                   {"teamId": "web-%1$s", "name": "Web", "managerId": "%3$s", "parentTeamId": "org-%1$s"},
                   {"teamId": "ops-%1$s", "name": "Ops", "managerId": "%4$s"}],
         "people": [%5$s]}
        """
            .formatted(run, cto, lead, opsLead, people);
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(directory)
        .post("/api/v1/directory")
        .then()
        .statusCode(200);
  }

  @Test
  void everyEndpointAnswersEachCallerAsTheContractSays() {
    String days = "/api/v1/people/" + dev + "/days?from=2026-03-01&to=2026-03-07";
    String weeks = "/api/v1/teams/web-" + run + "/weeks?from=2026-W10&to=2026-W11";
    String erasureId =
        given()
            .header("Authorization", ADMIN)
            .delete("/api/v1/people/erased-" + run)
            .then()
            .statusCode(202)
            .extract()
            .path("erasureId");
    new AccessMatrix()
        .caller(dev)
        .caller(lead, "manager")
        .caller(cto, "manager")
        .caller(peer)
        .caller(opsLead, "manager")
        .caller("ingest", "ingest")
        .caller("admin", "admin")
        .on(
            "PUT /api/v1/people/{personId}",
            "PUT",
            "/api/v1/people/" + dev,
            "application/json",
            "{\"teamId\": \"web-" + run + "\", \"timeZone\": \"UTC\"}")
        .expect(200, "admin")
        .otherwise(403)
        .on(
            "PUT /api/v1/teams/{teamId}",
            "PUT",
            "/api/v1/teams/web-" + run,
            "application/json",
            "{\"name\": \"Web\", \"managerId\": \"%s\", \"parentTeamId\": \"org-%s\"}"
                .formatted(lead, run))
        .expect(200, "admin")
        .otherwise(403)
        .on(
            "POST /api/v1/directory",
            "POST",
            "/api/v1/directory",
            "application/json",
            "{\"teams\": [{\"teamId\": \"ops-%s\", \"name\": \"Ops\", \"managerId\": \"%s\"}]}"
                .formatted(run, opsLead))
        .expect(200, "admin")
        .otherwise(403)
        .on("GET /api/v1/people/{personId}", "GET", "/api/v1/people/" + dev)
        .expect(200, dev, lead, cto, "admin")
        .otherwise(403)
        .on("GET /api/v1/people/{personId}/days", "GET", days)
        .expect(200, dev, lead, cto, "admin")
        .otherwise(403)
        .on(
            "GET /api/v1/people/{personId}/growth",
            "GET",
            "/api/v1/people/" + dev + "/growth?date=2026-03-02")
        .expect(200, dev, lead, cto, "admin")
        .otherwise(403)
        .on(
            "GET /api/v1/people/{personId}/access-log",
            "GET",
            "/api/v1/people/" + dev + "/access-log")
        .expect(200, dev, "admin")
        .otherwise(403)
        .on("GET /api/v1/teams/{teamId}", "GET", "/api/v1/teams/web-" + run)
        .expect(200, lead, cto, "admin")
        .otherwise(403)
        .on("GET /api/v1/teams/{teamId}/weeks", "GET", weeks)
        .expect(200, lead, cto, "admin")
        .otherwise(403)
        .on("GET /api/v1/people/{personId}/export", "GET", "/api/v1/people/" + dev + "/export")
        .expect(200, dev, "admin")
        .otherwise(403)
        .on("GET /api/v1/erasures/{erasureId}", "GET", "/api/v1/erasures/" + erasureId)
        .expect(200, "admin")
        .otherwise(403)
        .on("DELETE /api/v1/people/{personId}", "DELETE", "/api/v1/people/gone-" + run)
        .expect(202, "admin")
        .otherwise(403)
        .verify(
            PeopleResource.class,
            TeamsResource.class,
            DirectoryResource.class,
            ErasureResource.class);
  }

  @Test
  void aRefusalIsAProblemDocumentThatNamesNoData() {
    given()
        .header("Authorization", TestTokens.bearer(peer))
        .get("/api/v1/people/" + dev + "/days?from=2026-03-01&to=2026-03-02")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
    given()
        .get("/api/v1/people/" + dev)
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
        .contentType("application/problem+json");
  }

  @Test
  void readsBySomeoneElseAreLoggedForThePersonAndTheirOwnAreNot() {
    String days = "/api/v1/people/" + dev + "/days?from=2026-03-01&to=2026-03-02";
    given().header("Authorization", TestTokens.bearer(dev)).get(days).then().statusCode(200);
    given()
        .header("Authorization", TestTokens.bearer(lead, "manager"))
        .get(days)
        .then()
        .statusCode(200);
    given()
        .header("Authorization", TestTokens.bearer(cto, "manager"))
        .get("/api/v1/people/" + dev)
        .then()
        .statusCode(200);
    // refused reads are not reads
    given().header("Authorization", TestTokens.bearer(peer)).get(days).then().statusCode(403);

    List<Map<String, Object>> log =
        given()
            .header("Authorization", TestTokens.bearer(dev))
            .get("/api/v1/people/" + dev + "/access-log")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(log)
        .extracting(r -> r.get("reader") + " " + r.get("endpoint"))
        .containsExactly(
            cto + " GET /api/v1/people/{personId}", lead + " GET /api/v1/people/{personId}/days");
    assertThat(log).allSatisfy(r -> assertThat(r.get("subject")).isEqualTo(dev));
    assertThat(log).allSatisfy(r -> assertThat(r.get("at")).isNotNull());
  }
}
