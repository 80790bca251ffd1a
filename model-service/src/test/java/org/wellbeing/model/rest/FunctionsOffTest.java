package org.wellbeing.model.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.TopicReader;

/**
 * A works agreement without after-hours tracking and without learning and skill figures: model-
 * service's API, its topics and its metrics carry none of them, and W leaves the after-hours factor
 * out.
 */
@QuarkusTest
@TestProfile(FunctionsOffTest.Off.class)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class FunctionsOffTest {

  /** Both switches off. */
  public static class Off implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "wellbeing.functions.after-hours", "false", "wellbeing.functions.learning", "false");
    }
  }

  @KafkaBootstrap String bootstrap;

  @Test
  void noAfterHoursNoLearningAndNoSkillReachTheApiTheTopicsOrTheMetrics() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String team = "quiet-" + run;
    List<String> people = new ArrayList<>();
    StringBuilder directory = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      String person = "q" + i + "-" + run;
      people.add(person);
      directory.append(
          "%s{\"personId\": \"%s\", \"teamId\": \"%s\", \"timeZone\": \"UTC\", \"careerSkills\": [\"kafka\"]}"
              .formatted(i == 0 ? "" : ",", person, team));
    }
    given()
        .contentType("application/json")
        .body(
            "{\"teams\": [{\"teamId\": \"%s\", \"name\": \"Quiet\"}], \"people\": [%s]}"
                .formatted(team, directory))
        .post("/api/v1/directory")
        .then()
        .statusCode(200);

    // Monday to Friday: 09:00-17:00 with an hour of planned learning, and 18:00-20:00 after hours
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (String person : people) {
      for (int d = 2; d <= 6; d++) {
        String day = "2026-03-%02d".formatted(d);
        records.add(
            work(person, person + "-w" + d, "WORK", day + "T09:00:00Z", day + "T17:00:00Z"));
        records.add(
            work(person, person + "-e" + d, "WORK", day + "T18:00:00Z", day + "T20:00:00Z"));
        records.add(
            new ProducerRecord<>(
                Topics.WORK_EVENTS,
                person,
                """
                {"eventId": "%s-l%d", "version": 1, "personId": "%s", "kind": "LEARNING",
                 "start": "%sT10:00:00Z", "end": "%sT11:00:00Z", "skill": "kafka"}"""
                    .formatted(person, d, person, day, day)));
      }
    }
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }
    String person = people.get(0);
    String days = "/api/v1/people/" + person + "/days?from=2026-03-02&to=2026-03-06";
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> given().get(days).jsonPath().getDouble("[4].workedHours") == 10.0);

    JsonPath friday = given().get(days).then().statusCode(200).extract().jsonPath();
    for (String hidden :
        List.of(
            "afterHoursHours",
            "learningHours",
            "plannedLearningHours",
            "planAccuracy",
            "learningEfficiency",
            "skillRate",
            "skillDelta",
            "skill")) {
      assertThat(friday.getList(hidden)).as(hidden).containsOnlyNulls().hasSize(5);
    }
    // 50 h against a 40 h contract: h = 0.75; rest 13 h a night and a weekend before, r = 1;
    // after hours would have made a = 0 (A7 = 10 h) and W = 0
    assertThat(friday.getDouble("[4].balance")).isCloseTo(0.75, within(1e-9));

    given()
        .get("/api/v1/people/" + person + "/growth?date=2026-03-06")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");

    TopicReader topics = new TopicReader(bootstrap);
    List<TopicReader.Record> published =
        topics.await(
            Topics.WELLBEING_METRICS,
            r -> person.equals(r.key()) && "2026-03-06".equals(r.value().path("date").asText()),
            1);
    JsonNode latest = published.get(published.size() - 1).value();
    assertThat(latest.path("workedHours").asDouble()).isEqualTo(10.0);
    assertThat(latest.get("afterHoursHours").isNull()).isTrue();
    assertThat(latest.get("learningHours").isNull()).isTrue();
    assertThat(latest.get("skill").isNull()).isTrue();
    List<TopicReader.Record> weeks =
        topics.await(Topics.TEAM_METRICS, r -> team.equals(r.key()), 1);
    assertThat(weeks.get(weeks.size() - 1).value().get("learningHours").isNull()).isTrue();
    assertThat(
            given()
                .get("/api/v1/teams/" + team + "/weeks?from=2026-W10&to=2026-W10")
                .jsonPath()
                .getList("learningHours"))
        .containsOnlyNulls();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> given().get("/q/metrics").asString().contains("model_team_week_members"));
    assertThat(given().get("/q/metrics").asString())
        .doesNotContain("model_team_week_learning_hours");
  }

  private static ProducerRecord<String, String> work(
      String person, String id, String kind, String start, String end) {
    return new ProducerRecord<>(
        Topics.WORK_EVENTS, person, ModelPipelineTest.event(id, person, kind, start, end));
  }
}
