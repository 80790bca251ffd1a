package org.wellbeing.alert.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;
import org.wellbeing.testing.TestTokens;

/** A resolved alert past its retention goes; open alerts and figures within theirs stay. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class AlertRetentionTest {

  @KafkaBootstrap String bootstrap;
  @Inject RetentionService retention;

  private static List<ProducerRecord<String, String>> week(String person, double hours) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int d = 0; d < 5; d++) {
      records.add(
          new ProducerRecord<>(
              Topics.WELLBEING_METRICS,
              0,
              null,
              person,
              """
              {"personId": "%s", "teamId": "t", "date": "%s", "workedHours": %s,
               "meetingHours": 0, "focusHours": 0, "learningHours": 0, "plannedLearningHours": 0,
               "afterHoursHours": 0, "restHours": null, "absence": false, "balance": 1,
               "timeManagement": 1, "planAccuracy": 0.5, "learningEfficiency": 0.5,
               "skillRate": 0.25, "skillDelta": 0, "skill": 50, "computedAt": "%s",
               "contractHours": 8, "workingDay": true, "weeklyRestHours": 100}"""
                  .formatted(
                      person, LocalDate.parse("2025-03-03").plusDays(d), hours, Instant.now())));
    }
    return records;
  }

  private static String status(String person) {
    List<String> statuses =
        given()
            .header("Authorization", TestTokens.bearer("admin", "admin"))
            .get("/api/v1/alerts?rule=WEEKLY_HOURS&personId=" + person)
            .then()
            .extract()
            .jsonPath()
            .getList("status", String.class);
    return statuses.isEmpty() ? "NONE" : statuses.get(0);
  }

  private static long count(String sql) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number) Panache.getEntityManager().createNativeQuery(sql).getSingleResult())
                    .longValue());
  }

  @Test
  void aResolvedAlertPastItsRetentionIsDeletedAndOpenAlertsAndRecentFiguresStay() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String resolved = "res-" + run;
    String open = "open-" + run;
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      List<ProducerRecord<String, String>> records = new ArrayList<>(week(resolved, 10));
      records.addAll(week(open, 10));
      companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
      await().atMost(Duration.ofSeconds(30)).until(() -> "OPEN".equals(status(resolved)));
      companion
          .produceStrings()
          .fromRecords(week(resolved, 8))
          .awaitCompletion(Duration.ofSeconds(30));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(status(resolved)));
    // it resolved three years ago
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Panache.getEntityManager()
                    .createNativeQuery(
                        "UPDATE alert SET resolved_at = TIMESTAMPTZ '2023-11-01 00:00:00+00'"
                            + " WHERE subject = ?1")
                    .setParameter(1, resolved)
                    .executeUpdate());

    assertThat(retention.purge(Instant.parse("2026-12-01T00:00:00Z")).get("resolved_alerts"))
        .isPositive();

    assertThat(status(resolved)).isEqualTo("NONE");
    assertThat(status(open)).isEqualTo("OPEN");
    // figures of March 2025 are within three years
    assertThat(
            count(
                "SELECT count(*) FROM daily_figure WHERE person_id IN ('"
                    + resolved
                    + "', '"
                    + open
                    + "')"))
        .isEqualTo(10);
  }
}
