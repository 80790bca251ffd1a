package org.wellbeing.people.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Alert;
import org.wellbeing.contract.Growth;

class ViewsTest {

  @Test
  void theInboxPutsTheMostSevereFirstAndTheNewestFirstWithinASeverity() {
    Alert oldWarning = alert("a", "WARNING", "2026-03-01T09:00:00Z");
    Alert newWarning = alert("b", "WARNING", "2026-03-05T09:00:00Z");
    Alert oldCritical = alert("c", "CRITICAL", "2026-02-01T09:00:00Z");
    Alert info = alert("d", "INFO", "2026-03-09T09:00:00Z");

    assertThat(Inbox.order(List.of(oldWarning, info, newWarning, oldCritical)))
        .extracting(Alert::id)
        .containsExactly("c", "b", "a", "d");
  }

  @Test
  @SuppressWarnings("unchecked")
  void weeklyHoursAreDrawnAgainstTheirThresholdAsARunningTotal() {
    Alert alert =
        withEvidence(
            "WEEKLY_HOURS",
            48,
            List.of(
                Map.of("date", "2026-03-02", "workedHours", 11.0),
                Map.of("date", "2026-03-03", "workedHours", 12.5),
                Map.of("date", "2026-03-04", "workedHours", 30.0)));

    Map<String, Object> option = EvidenceChart.of(alert);

    List<Map<String, Object>> series = (List<Map<String, Object>>) option.get("series");
    assertThat(series)
        .extracting(s -> s.get("name"))
        .containsExactly("workedHours", "total so far");
    assertThat(series.get(1).get("data")).isEqualTo(List.of(11.0, 23.5, 53.5));
    Map<String, Object> threshold = (Map<String, Object>) series.get(1).get("markLine");
    assertThat(threshold.get("data")).isEqualTo(List.of(Map.of("yAxis", 48.0)));
    assertThat(((Map<String, Object>) option.get("xAxis")).get("data"))
        .isEqualTo(List.of("2026-03-02", "2026-03-03", "2026-03-04"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void monthlyOvertimeIsTheRunningSumOfHoursBeyondTheContract() {
    Alert alert =
        withEvidence(
            "MONTHLY_OVERTIME",
            20,
            List.of(
                Map.of("date", "2026-03-02", "workedHours", 10.0, "contractHours", 8.0),
                Map.of("date", "2026-03-03", "workedHours", 7.0, "contractHours", 8.0)));

    List<Map<String, Object>> series =
        (List<Map<String, Object>>) EvidenceChart.of(alert).get("series");

    assertThat(series)
        .extracting(s -> s.get("name"))
        .containsExactly("workedHours", "overtime so far");
    assertThat(series.get(1).get("data")).isEqualTo(List.of(2.0, 1.0));
  }

  @Test
  void aDailyRuleMarksItsThresholdOnTheDaysThemselves() {
    Alert alert =
        withEvidence("DAILY_REST", 11, List.of(Map.of("date", "2026-03-02", "restHours", 9.5)));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> series =
        (List<Map<String, Object>>) EvidenceChart.of(alert).get("series");

    assertThat(series).singleElement().satisfies(s -> assertThat(s).containsKey("markLine"));
  }

  @Test
  void anAlertWithoutDaysHasNoChart() {
    assertThat(EvidenceChart.of(alert("a", "WARNING", "2026-03-01T09:00:00Z"))).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theProjectionFollowsModelMdWeekByWeek() {
    Growth growth =
        new Growth(
            "alice",
            LocalDate.parse("2026-03-02"),
            50,
            0.2,
            new Growth.Factors(0.7, 0.8, 0.9, 0.5),
            "E",
            0.4,
            2.5,
            12,
            56,
            62,
            null);

    List<Map<String, Object>> series =
        (List<Map<String, Object>>) Charts.growth(growth).get("series");

    List<Double> pace = (List<Double>) series.get(0).get("data");
    List<Double> lifted = (List<Double>) series.get(1).get("data");
    assertThat(pace).hasSize(13).startsWith(50.0).endsWith(56.0);
    assertThat(lifted).endsWith(62.0);
    assertThat(series.get(1).get("name")).isEqualTo("without the bottleneck E");
  }

  private static Alert alert(String id, String severity, String opened) {
    return new Alert(
        id,
        "alice",
        "PERSON",
        "platform",
        "maria",
        "WEEKLY_HOURS",
        severity,
        "2026-W10",
        "OPEN",
        52,
        48,
        Instant.parse(opened),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static Alert withEvidence(String rule, double threshold, List<Map<String, Object>> days) {
    return new Alert(
        "x",
        "alice",
        "PERSON",
        "platform",
        "maria",
        rule,
        "WARNING",
        "2026-W10",
        "OPEN",
        0,
        threshold,
        Instant.parse("2026-03-05T09:00:00Z"),
        null,
        null,
        null,
        null,
        null,
        new Alert.Evidence(
            LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-08"), "s", days));
  }
}
