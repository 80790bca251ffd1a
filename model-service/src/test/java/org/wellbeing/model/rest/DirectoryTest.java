package org.wellbeing.model.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.TopicReader;

/** The org directory: people and teams, effective dating, bulk import, validation. */
@QuarkusTest
// the suites below test figures, not access: they run as an administrator (see the BOLA matrix)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class DirectoryTest {

  @KafkaBootstrap String bootstrap;
  private String run;

  @BeforeEach
  void setUp() {
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void newPersonGetsTheDefaultsAndIsPublishedToTheOrgDirectory() {
    given()
        .contentType("application/json")
        .body(
            "{\"teamId\": \"t-"
                + run
                + "\", \"timeZone\": \"Europe/Berlin\", \"emails\": [\"a@example.org\"]}")
        .put("/api/v1/people/a-" + run)
        .then()
        .statusCode(201)
        .body("contractHoursPerWeek", equalTo(40.0f))
        .body("workingWindows.MONDAY[0].start", equalTo("09:00"))
        .body("workingWindows.SATURDAY", nullValue())
        .body("initialSkill", equalTo(50.0f))
        .body("learningEfficiency", equalTo(0.5f));

    given()
        .get("/api/v1/people/a-" + run)
        .then()
        .statusCode(200)
        .body("timeZone", equalTo("Europe/Berlin"))
        .body("teamId", equalTo("t-" + run));
    var records =
        new TopicReader(bootstrap)
            .await(Topics.ORG_DIRECTORY, r -> ("a-" + run).equals(r.key()), 1);
    assertThat(records.get(0).value().get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(records.get(0).header("ce_type")).isEqualTo("wellbeing.person.v1");
  }

  @Test
  void fieldsLeftOutKeepTheirValues() {
    given()
        .contentType("application/json")
        .body(
            "{\"teamId\": \"t\", \"timeZone\": \"UTC\", \"contractHoursPerWeek\": 32, \"careerSkills\": [\"kafka\"], \"effectiveFrom\": \"2026-01-01\"}")
        .put("/api/v1/people/b-" + run)
        .then()
        .statusCode(201);
    given()
        .contentType("application/json")
        .body("{\"displayName\": \"Bea\", \"effectiveFrom\": \"2026-01-01\"}")
        .put("/api/v1/people/b-" + run)
        .then()
        .statusCode(200)
        .body("contractHoursPerWeek", equalTo(32.0f))
        .body("careerSkills", hasItems("kafka"))
        .body("displayName", equalTo("Bea"));
  }

  @Test
  void invalidPersonIsAProblemNamingEachField() {
    given()
        .contentType("application/json")
        .body(
            "{\"timeZone\": \"Mars/Olympus\", \"contractHoursPerWeek\": -1, \"learningEfficiency\": 2,"
                + " \"workingWindows\": {\"MONDAY\": [{\"start\": \"25:00\", \"end\": \"17:00\"}], \"FUNDAY\": []}}")
        .put("/api/v1/people/c-" + run)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            hasItems(
                "timeZone",
                "contractHoursPerWeek",
                "learningEfficiency",
                "workingWindows.MONDAY[0]",
                "workingWindows.FUNDAY"));
    given().get("/api/v1/people/c-" + run).then().statusCode(404);
  }

  @Test
  void newPersonWithoutTeamOrZoneIsRejected() {
    given()
        .contentType("application/json")
        .body("{}")
        .put("/api/v1/people/d-" + run)
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("teamId", "timeZone"));
  }

  @Test
  void teamCannotBecomeItsOwnAncestor() {
    given()
        .contentType("application/json")
        .body("{\"name\": \"A\"}")
        .put("/api/v1/teams/a-" + run)
        .then()
        .statusCode(201);
    given()
        .contentType("application/json")
        .body("{\"name\": \"B\", \"parentTeamId\": \"a-" + run + "\"}")
        .put("/api/v1/teams/b-" + run)
        .then()
        .statusCode(201);
    given()
        .contentType("application/json")
        .body("{\"parentTeamId\": \"b-" + run + "\"}")
        .put("/api/v1/teams/a-" + run)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("parentTeamId"));
  }

  @Test
  void bulkJsonImportWritesTeamsAndPeopleOrNothing() {
    String good =
        """
        {"teams": [{"teamId": "eng-%1$s", "name": "Engineering", "managerId": "cto-%1$s"},
                   {"teamId": "web-%1$s", "name": "Web", "managerId": "lead-%1$s", "parentTeamId": "eng-%1$s"}],
         "people": [{"personId": "lead-%1$s", "teamId": "web-%1$s", "timeZone": "Europe/Paris"},
                    {"personId": "dev-%1$s", "teamId": "web-%1$s", "timeZone": "Europe/Paris"}]}
        """
            .formatted(run);
    given()
        .contentType("application/json")
        .body(good)
        .post("/api/v1/directory")
        .then()
        .statusCode(200)
        .body("teams", equalTo(2))
        .body("people", equalTo(2));
    // the team's manager reports to the parent team's manager
    given().get("/api/v1/people/lead-" + run).then().body("managerId", equalTo("cto-" + run));
    given().get("/api/v1/people/dev-" + run).then().body("managerId", equalTo("lead-" + run));

    String bad =
        """
        {"teams": [{"teamId": "ops-%1$s", "name": "Ops"}],
         "people": [{"personId": "ok-%1$s", "teamId": "ops-%1$s", "timeZone": "UTC"},
                    {"personId": "bad-%1$s", "teamId": "ops-%1$s"}]}
        """
            .formatted(run);
    given()
        .contentType("application/json")
        .body(bad)
        .post("/api/v1/directory")
        .then()
        .statusCode(400)
        .body("errors[0].index", equalTo(1))
        .body("errors[0].field", equalTo("people.timeZone"));
    given().get("/api/v1/teams/ops-" + run).then().statusCode(404);
    given().get("/api/v1/people/ok-" + run).then().statusCode(404);
  }

  @Test
  void bulkCsvImportReadsTeamsAndPeople() {
    String csv =
        """
        kind,id,name,teamId,managerId,parentTeamId,timeZone,emails,contractHoursPerWeek,careerSkills,workingWindows,effectiveFrom
        team,qa-%1$s,Quality,,qlead-%1$s,,,,,,,
        person,qlead-%1$s,Quinn,qa-%1$s,,,Europe/Berlin,quinn@example.org,30,kafka;sql,"MONDAY=09:00-17:00;TUESDAY=07:00-11:00,15:00-19:00",2026-01-01
        """
            .formatted(run);
    given()
        .contentType("text/csv")
        .body(csv)
        .post("/api/v1/directory")
        .then()
        .statusCode(200)
        .body("teams", equalTo(1))
        .body("people", equalTo(1));
    given()
        .get("/api/v1/people/qlead-" + run)
        .then()
        .body("contractHoursPerWeek", equalTo(30.0f))
        .body("careerSkills", hasItems("kafka", "sql"))
        .body("workingWindows.TUESDAY[1].start", equalTo("15:00"))
        .body("emails[0]", equalTo("quinn@example.org"));
  }
}
