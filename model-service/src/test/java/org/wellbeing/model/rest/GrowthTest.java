package org.wellbeing.model.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;

/** {@code GET /api/v1/people/{personId}/growth} on figures computed from real events. */
@QuarkusTest
// the suites below test figures, not access: they run as an administrator (see the BOLA matrix)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class GrowthTest {

  private static final double EPS = 1e-9;

  /** Numbers as doubles: the figures are compared to 1e-9. */
  private static RequestSpecification api() {
    return given()
        .config(
            RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE)));
  }

  @KafkaBootstrap String bootstrap;

  /**
   * One 8 h day in UTC with 2 h of planned learning: W = M = P = 1, E = 0.5, g = 0.5, S = 51, and a
   * pace of 2 h / 4 = 0.5 h a week.
   */
  private String personWithOneDay() {
    String person = "grower-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType("application/json")
        .body("{\"teamId\": \"t\", \"timeZone\": \"UTC\", \"careerSkills\": [\"kafka\"]}")
        .put("/api/v1/people/" + person)
        .then()
        .statusCode(201);
    String learning =
        """
        {"eventId": "%s-l", "version": 1, "personId": "%s", "kind": "LEARNING",
         "start": "2026-03-02T15:00:00Z", "end": "2026-03-02T17:00:00Z", "skill": "kafka"}"""
            .formatted(person, person);
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion
          .produceStrings()
          .fromRecords(
              List.of(
                  new ProducerRecord<>(
                      Topics.WORK_EVENTS,
                      person,
                      ModelPipelineTest.event(
                          person + "-w",
                          person,
                          "WORK",
                          "2026-03-02T09:00:00Z",
                          "2026-03-02T17:00:00Z")),
                  new ProducerRecord<>(Topics.WORK_EVENTS, person, learning)))
          .awaitCompletion(Duration.ofSeconds(30));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                        .get("/api/v1/people/" + person + "/days?from=2026-03-02&to=2026-03-02")
                        .then()
                        .extract()
                        .jsonPath()
                        .getDouble("[0].skill")
                    == 51.0);
    return person;
  }

  @Test
  void growthNamesTheBottleneckAndProjectsTwelveWeeksAtThePace() {
    String person = personWithOneDay();

    api()
        .get("/api/v1/people/" + person + "/growth?date=2026-03-02")
        .then()
        .statusCode(200)
        .body("personId", equalTo(person))
        .body("date", equalTo("2026-03-02"))
        .body("skill", closeTo(51.0, EPS))
        .body("skillRate", closeTo(0.5, EPS))
        .body("factors.W", closeTo(1.0, EPS))
        .body("factors.M", closeTo(1.0, EPS))
        .body("factors.P", closeTo(1.0, EPS))
        .body("factors.E", closeTo(0.5, EPS))
        .body("bottleneck", equalTo("E"))
        .body("rateWithoutBottleneck", closeTo(1.0, EPS))
        .body("learningPerWeek", closeTo(0.5, EPS))
        .body("weeks", equalTo(12))
        // 51 + 12 · 0.5 · 0.5 and 51 + 12 · 0.5 · 1
        .body("skillAtPace", closeTo(54.0, EPS))
        .body("skillWithoutBottleneck", closeTo(57.0, EPS))
        .body("stoppedBy", nullValue());
  }

  @Test
  void whatIfParametersReplaceFactorsAndPace() {
    String person = personWithOneDay();

    api()
        .get(
            "/api/v1/people/"
                + person
                + "/growth?date=2026-03-02&weeks=10&W=0.5&E=1&learningPerWeek=2")
        .then()
        .statusCode(200)
        .body("factors.W", closeTo(0.5, EPS))
        .body("factors.E", closeTo(1.0, EPS))
        .body("bottleneck", equalTo("W"))
        .body("skillRate", closeTo(0.5, EPS))
        .body("weeks", equalTo(10))
        .body("skillAtPace", closeTo(51 + 10 * 2 * 0.5, EPS))
        .body("skillWithoutBottleneck", closeTo(51 + 10 * 2 * 1.0, EPS));

    api()
        .get("/api/v1/people/" + person + "/growth?date=2026-03-02&P=0")
        .then()
        .statusCode(200)
        .body("stoppedBy", equalTo("P"))
        .body("skillAtPace", closeTo(51.0, EPS));
  }

  @Test
  void badParametersAreOneProblemListingEach() {
    given()
        .get(
            "/api/v1/people/anyone/growth?date=2026-13-01&weeks=0&W=1.5&M=-0.1&P=x&E=NaN"
                + "&learningPerWeek=-1")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            containsInAnyOrder("date", "weeks", "W", "M", "P", "E", "learningPerWeek"));
  }

  @Test
  void anUnknownPersonHasNoGrowth() {
    given()
        .get("/api/v1/people/nobody-" + UUID.randomUUID() + "/growth?date=2026-03-02")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
