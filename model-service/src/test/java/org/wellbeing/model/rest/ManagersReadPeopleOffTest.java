package org.wellbeing.model.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.TestTokens;

/**
 * With {@code model.managers-read-people=false} (a works agreement), managers see team figures but
 * no person's profile, days or growth; the person and administrators still do.
 */
@QuarkusTest
@TestProfile(ManagersReadPeopleOffTest.Off.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class ManagersReadPeopleOffTest {

  /** The switch off. */
  public static class Off implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("model.managers-read-people", "false");
    }
  }

  @Test
  void managersSeeTeamFiguresButNoPersonsDataWhileThePersonAndAdminsDo() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String lead = "lead-" + run;
    String dev = "dev-" + run;
    StringBuilder people = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      people.append(
          "%s{\"personId\": \"%s\", \"teamId\": \"web-%s\", \"timeZone\": \"UTC\"}"
              .formatted(i == 0 ? "" : ",", i == 0 ? dev : "m" + i + "-" + run, run));
    }
    given()
        .header("Authorization", TestTokens.bearer("admin", "admin"))
        .contentType("application/json")
        .body(
            "{\"teams\": [{\"teamId\": \"web-%s\", \"name\": \"Web\", \"managerId\": \"%s\"}], \"people\": [%s]}"
                .formatted(run, lead, people))
        .post("/api/v1/directory")
        .then()
        .statusCode(200);
    String days = "/api/v1/people/" + dev + "/days?from=2026-03-02&to=2026-03-03";
    for (String path : new String[] {days, "/api/v1/people/" + dev}) {
      given()
          .header("Authorization", TestTokens.bearer(lead, "manager"))
          .get(path)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
      given().header("Authorization", TestTokens.bearer(dev)).get(path).then().statusCode(200);
      given()
          .header("Authorization", TestTokens.bearer("admin", "admin"))
          .get(path)
          .then()
          .statusCode(200);
    }
    given()
        .header("Authorization", TestTokens.bearer(lead, "manager"))
        .get("/api/v1/teams/web-" + run)
        .then()
        .statusCode(200);
  }
}
