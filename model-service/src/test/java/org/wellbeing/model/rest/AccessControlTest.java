package org.wellbeing.model.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;

/** With access control on, a person's data is for them, their managers and administrators. */
@QuarkusTest
@TestProfile(AccessControlTest.Enforced.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class AccessControlTest {

  /** Access control on, as behind an authenticating gateway. */
  public static class Enforced implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("wellbeing.access.enforce", "true");
    }
  }

  private String run;

  @BeforeEach
  void setUp() {
    run = UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType("application/json")
        .body("{\"name\": \"Org\", \"managerId\": \"cto-" + run + "\"}")
        .put("/api/v1/teams/org-" + run)
        .then()
        .statusCode(201);
    given()
        .contentType("application/json")
        .body(
            "{\"name\": \"Web\", \"managerId\": \"lead-"
                + run
                + "\", \"parentTeamId\": \"org-"
                + run
                + "\"}")
        .put("/api/v1/teams/web-" + run)
        .then()
        .statusCode(201);
    given()
        .contentType("application/json")
        .body("{\"teamId\": \"web-" + run + "\", \"timeZone\": \"UTC\"}")
        .put("/api/v1/people/dev-" + run)
        .then()
        .statusCode(201);
  }

  private int days(String user, String roles) {
    var request = given();
    if (user != null) {
      request.header("X-Wellbeing-User", user);
    }
    if (roles != null) {
      request.header("X-Wellbeing-Roles", roles);
    }
    return request
        .get("/api/v1/people/dev-" + run + "/days?from=2026-03-01&to=2026-03-02")
        .statusCode();
  }

  @Test
  void thePersonAndEveryManagerAboveThemSeeTheirDays() {
    assertEquals(200, days("dev-" + run, null));
    assertEquals(200, days("lead-" + run, null));
    assertEquals(200, days("cto-" + run, null));
    assertEquals(200, days("auditor", "viewer, admin"));
  }

  @Test
  void colleaguesAndAnonymousCallersGetA403Problem() {
    assertEquals(403, days("other-" + run, null));
    assertEquals(403, days(null, null));
    given()
        .header("X-Wellbeing-User", "other-" + run)
        .get("/api/v1/people/dev-" + run)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("title", equalTo("Access denied"));
  }

  @Test
  void teamFiguresAreForTheTeamsManagers() {
    given()
        .header("X-Wellbeing-User", "dev-" + run)
        .get("/api/v1/teams/web-" + run + "/weeks?from=2026-W10&to=2026-W10")
        .then()
        .statusCode(403);
    // the lead may look, and is then told the team is too small to show
    given()
        .header("X-Wellbeing-User", "lead-" + run)
        .get("/api/v1/teams/web-" + run + "/weeks?from=2026-W10&to=2026-W10")
        .then()
        .statusCode(403)
        .body("title", equalTo("Group too small"));
  }

  private static void assertEquals(int expected, int actual) {
    org.assertj.core.api.Assertions.assertThat(actual).isEqualTo(expected);
  }
}
