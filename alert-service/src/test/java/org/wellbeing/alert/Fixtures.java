package org.wellbeing.alert;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.wellbeing.alert.persistence.DirectoryPersonEntity;
import org.wellbeing.contract.Topics;

/** What alert-service's tests feed it: directory records and a week of figures, over Kafka. */
public final class Fixtures {

  /** The first day of the week the figures fall in: Monday 2 March 2026 (2026-W10). */
  public static final LocalDate MONDAY = LocalDate.parse("2026-03-02");

  /** Monday to Friday 09:00-17:00, as a Person record's workingWindows. */
  public static final String WEEKDAY_WINDOWS;

  static {
    StringBuilder windows = new StringBuilder("{");
    for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
      windows
          .append(windows.length() > 1 ? ", " : "")
          .append("\"%s\": [{\"start\": \"09:00\", \"end\": \"17:00\"}]".formatted(day));
    }
    WEEKDAY_WINDOWS = windows.append("}").toString();
  }

  private Fixtures() {}

  /**
   * A team and its manager, who works Monday to Friday 09:00-17:00 in Berlin, with an address;
   * returns once alert-service has stored the manager.
   */
  public static void teamWithManager(String bootstrap, String team, String manager) {
    produce(
        bootstrap,
        List.of(
            new ProducerRecord<>(
                Topics.ORG_DIRECTORY,
                Topics.TEAM_KEY_PREFIX + team,
                "{\"teamId\": \"%s\", \"name\": \"T\", \"managerId\": \"%s\"}"
                    .formatted(team, manager)),
            new ProducerRecord<>(
                Topics.ORG_DIRECTORY,
                manager,
                ("{\"personId\": \"%s\", \"teamId\": \"boards\", \"timeZone\": \"Europe/Berlin\","
                        + " \"emails\": [\"%s@example.org\"], \"workingWindows\": %s}")
                    .formatted(manager, manager, WEEKDAY_WINDOWS))));
    awaitStored(() -> DirectoryPersonEntity.findById(manager) != null);
  }

  /**
   * Waits until {@code stored} holds, read in a transaction of its own: alert-service stores the
   * directory with its own consumer, apart from the figures.
   */
  public static void awaitStored(Callable<Boolean> stored) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> QuarkusTransaction.requiringNew().call(stored));
  }

  /**
   * A team of {@code people} in UTC and its manager's id (the manager is not stored); returns once
   * alert-service has stored them all.
   */
  public static void members(String bootstrap, String team, String manager, List<String> people) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    records.add(
        new ProducerRecord<>(
            Topics.ORG_DIRECTORY,
            Topics.TEAM_KEY_PREFIX + team,
            "{\"teamId\": \"%s\", \"name\": \"T\", \"managerId\": \"%s\"}"
                .formatted(team, manager)));
    for (String person : people) {
      records.add(
          new ProducerRecord<>(
              Topics.ORG_DIRECTORY,
              person,
              "{\"personId\": \"%s\", \"teamId\": \"%s\", \"timeZone\": \"UTC\"}"
                  .formatted(person, team)));
    }
    produce(bootstrap, records);
    awaitStored(() -> DirectoryPersonEntity.count("teamId", team) == people.size());
  }

  /** Five working days of {@code hours} each in 2026-W10, as model-service publishes them. */
  public static void week(String bootstrap, String person, String team, String manager, int hours) {
    produce(bootstrap, week(person, team, manager, MONDAY, hours));
  }

  /**
   * Five working days of {@code hours} each from {@code monday}, as model-service publishes them,
   * computed now (so they replace the person's earlier figures of those days).
   */
  public static List<ProducerRecord<String, String>> week(
      String person, String team, String manager, LocalDate monday, double hours) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int d = 0; d < 5; d++) {
      records.add(
          new ProducerRecord<>(
              Topics.WELLBEING_METRICS,
              person,
              """
              {"personId": "%s", "teamId": "%s", "managerId": "%s", "date": "%s",
               "workedHours": %s, "meetingHours": 0, "focusHours": 0, "learningHours": 0,
               "plannedLearningHours": 0, "afterHoursHours": 0, "restHours": null,
               "absence": false, "balance": 1, "timeManagement": 1, "planAccuracy": 0.5,
               "learningEfficiency": 0.5, "skillRate": 0.25, "skillDelta": 0, "skill": 50,
               "computedAt": "%s", "contractHours": 8, "workingDay": true,
               "weeklyRestHours": 100}"""
                  .formatted(person, team, manager, monday.plusDays(d), hours, Instant.now())));
    }
    return records;
  }

  public static void produce(String bootstrap, List<ProducerRecord<String, String>> records) {
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }
  }
}
