package org.wellbeing.model.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.IsoWeek;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.PrometheusText;
import org.wellbeing.testing.TopicReader;

/** Team weeks: served, published and exported for teams of five or more, refused below. */
@QuarkusTest
// the suites below test figures, not access: they run as an administrator (see the BOLA matrix)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class TeamFiguresTest {

  @KafkaBootstrap String bootstrap;

  @Test
  void teamOfFiveGetsItsWeekAndATeamOfFourA403() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String team = "five-" + run;
    String small = "four-" + run;
    // last complete week, so the gauges show it too
    LocalDate monday =
        LocalDate.now(ZoneOffset.UTC)
            .minusWeeks(1)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    IsoWeek week = IsoWeek.of(monday);
    double[] dailyHours = {8, 9, 10, 10.4, 12};
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int m = 0; m < 5; m++) {
      String person = "m%d-%s".formatted(m, run);
      given()
          .contentType("application/json")
          .body(
              "{\"teamId\": \""
                  + team
                  + "\", \"timeZone\": \"UTC\", \"effectiveFrom\": \"2020-01-01\"}")
          .put("/api/v1/people/" + person)
          .then()
          .statusCode(201);
      for (int d = 0; d < 5; d++) {
        LocalDate date = monday.plusDays(d);
        int minutes = (int) Math.round(dailyHours[m] * 60);
        records.add(
            new ProducerRecord<>(
                Topics.WORK_EVENTS,
                person,
                ModelPipelineTest.event(
                    "%s-%s".formatted(person, date),
                    person,
                    "WORK",
                    date.atTime(8, 0).atOffset(ZoneOffset.UTC).toString(),
                    date.atTime(8, 0).plusMinutes(minutes).atOffset(ZoneOffset.UTC).toString())));
      }
      if (m < 4) {
        given()
            .contentType("application/json")
            .body(
                "{\"teamId\": \""
                    + small
                    + "\", \"timeZone\": \"UTC\", \"effectiveFrom\": \"2020-01-01\"}")
            .put("/api/v1/people/s" + m + "-" + run)
            .then()
            .statusCode(201);
      }
    }
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }

    // weekly hours 40, 45, 50, 52, 60
    JsonPath figures =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    given()
                        .get("/api/v1/teams/%s/weeks?from=%s&to=%s".formatted(team, week, week))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                j -> j.getDouble("[0].meanWeeklyHours") > 49);
    assertThat(figures.getInt("[0].members")).isEqualTo(5);
    assertThat(figures.getDouble("[0].meanWeeklyHours")).isCloseTo(49.4, within(1e-6));
    assertThat(figures.getDouble("[0].medianWeeklyHours")).isCloseTo(50.0, within(1e-6));
    assertThat(figures.getDouble("[0].p90WeeklyHours")).isCloseTo(56.8, within(1e-6));
    assertThat(figures.getDouble("[0].shareOver48h")).isCloseTo(0.6, within(1e-9));
    assertThat(figures.getString("[0].week")).isEqualTo(week.toString());

    given()
        .get("/api/v1/teams/%s/weeks?from=%s&to=%s".formatted(small, week, week))
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("title", equalTo("Group too small"));

    var published =
        new TopicReader(bootstrap)
            .await(
                Topics.TEAM_METRICS,
                r -> team.equals(r.key()) && r.value().get("meanWeeklyHours").asDouble() > 49,
                1);
    assertThat(published.get(0).value().get("members").asInt()).isEqualTo(5);
    assertThat(published.get(0).header("ce_type")).isEqualTo("wellbeing.team-week-metrics.v1");
    assertThat(new TopicReader(bootstrap).await(Topics.TEAM_METRICS, r -> true, 1))
        .noneMatch(r -> small.equals(r.key()));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String metrics = given().accept("text/plain").get("/q/metrics").asString();
              assertThat(PrometheusText.value(metrics, "model_team_week_hours_mean", "team", team))
                  .hasValueSatisfying(v -> assertThat(v).isCloseTo(49.4, within(1e-6)));
              assertThat(PrometheusText.value(metrics, "model_team_week_hours_mean", "team", small))
                  .isEmpty();
              assertThat(metrics).doesNotContain("person=");
            });
  }
}
