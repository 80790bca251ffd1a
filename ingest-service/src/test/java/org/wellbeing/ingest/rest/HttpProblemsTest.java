package org.wellbeing.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;

/** Whatever the HTTP layer refuses is a problem document, never HTML or a 500. */
@QuarkusTest
// the suites below test figures, not access: they run as an administrator (see the BOLA matrix)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class HttpProblemsTest {

  @Test
  void anUnknownRouteIsA404Problem() {
    given()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void aMethodTheRouteDoesNotTakeIsA405Problem() {
    given()
        .delete("/api/v1/events")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("status", equalTo(405));
  }

  @Test
  void aMediaTypeTheRouteDoesNotTakeIsA415Problem() {
    given()
        .contentType("application/xml")
        .body("<event/>")
        .post("/api/v1/events")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("status", equalTo(415));
  }

  @Test
  void jsonNestedDeeperThanTheParserTakesIsA400Problem() {
    given()
        .contentType("application/json")
        .body("[".repeat(2_000) + "]".repeat(2_000))
        .post("/api/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].message", equalTo("malformed JSON, or nested or sized beyond the limits"));
  }

  @Test
  void aTimesheetOrCalendarLargerThanTheLimitIsA413Problem() {
    String header = "personId,date,start,end,kind\n";
    String big = header + "x".repeat(4_194_305 - header.length() + 1);
    given()
        .contentType("text/csv")
        .body(big)
        .post("/api/v1/timesheets")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    given()
        .contentType("text/calendar")
        .body(big)
        .post("/api/v1/people/alice/calendar")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }

  @Test
  void aFeedThatPointsAtOurOwnNetworkIsRefused() {
    for (String url :
        new String[] {
          "http://169.254.169.254/latest/meta-data/",
          "http://10.0.0.5:5432/",
          "https://user:password@93.184.216.34/x.ics",
          "file:///etc/passwd"
        }) {
      given()
          .contentType("application/json")
          .body("{\"personId\": \"alice\", \"url\": \"%s\"}".formatted(url))
          .put("/api/v1/feeds/inward")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("url"));
    }
  }

  @Test
  void aTextFieldWithANulCharacterIsA400ProblemNotA202() {
    given()
        .contentType("application/json")
        .body(
            """
            {"eventId": "nul-1", "personId": "alice", "kind": "WORK", "title": "a\\u0000b",
             "start": "2026-03-02T09:00:00Z", "end": "2026-03-02T17:00:00Z"}""")
        .post("/api/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("title"));
  }

  @Test
  void aBodyOverTheHttpLimitIsA413ProblemNotAnEmptyAnswer() {
    given()
        .contentType("text/calendar")
        .body("x".repeat(17 * 1024 * 1024))
        .post("/api/v1/people/alice/calendar")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", equalTo(413));
  }
}
