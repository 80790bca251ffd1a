package org.wellbeing.model.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.wellbeing.contract.EventKind.ABSENCE;
import static org.wellbeing.contract.EventKind.BREAK;
import static org.wellbeing.contract.EventKind.LEARNING;
import static org.wellbeing.contract.EventKind.MEETING;
import static org.wellbeing.contract.EventKind.WORK;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two weeks in Berlin across the switch to summer time, every field of every day asserted: split
 * shifts, a night shift across midnight, short rest, an absence day, after-hours, learning on a
 * planned and an unplanned skill. The expected figures were worked out from MODEL.md by hand and
 * checked against a separate minute-by-minute reading of the model.
 */
class TwoWeekScenarioTest {

  private static final double EPS = 1e-9;

  /** One day's expected figures, in the order of DailyMetrics. */
  record Day(
      String date,
      double worked,
      double meetings,
      double focus,
      double learning,
      double planned,
      double afterHours,
      Double rest,
      boolean absence,
      double contract,
      double clippedRest,
      Double weeklyRest,
      double balance,
      double timeManagement,
      double planAccuracy,
      double skillRate,
      double skillDelta,
      double skill) {}

  private static final List<Day> EXPECTED =
      List.of(
          new Day(
              "2026-03-23",
              9.5,
              1.0,
              8.5,
              0.0,
              0.0,
              2.0,
              null,
              false,
              8.0,
              152.0,
              null,
              0.8,
              1.0,
              0.0,
              0.0,
              0.0,
              50.0),
          new Day(
              "2026-03-24",
              8.5,
              0.0,
              8.5,
              1.0,
              1.0,
              0.5,
              13.0,
              false,
              8.0,
              128.0,
              null,
              0.75,
              1.0,
              1.0,
              0.375,
              0.375,
              50.375),
          new Day(
              "2026-03-25",
              2.0,
              0.0,
              2.0,
              0.0,
              0.0,
              2.0,
              26.5,
              false,
              8.0,
              104.0,
              null,
              0.55,
              1.0,
              1.0,
              0.275,
              0.0,
              50.375),
          new Day(
              "2026-03-26",
              12.0,
              0.0,
              12.0,
              0.0,
              0.0,
              9.0,
              8.0,
              false,
              8.0,
              80.0,
              null,
              0.0,
              1.0,
              1.0,
              0.0,
              0.0,
              50.375),
          new Day(
              "2026-03-27",
              1.0,
              0.0,
              1.0,
              1.0,
              0.0,
              1.0,
              18.0,
              true,
              0.0,
              56.0,
              null,
              0.0,
              1.0,
              0.5,
              0.0,
              0.0,
              50.375),
          new Day(
              "2026-03-28",
              0.0,
              0.0,
              0.0,
              0.0,
              0.0,
              0.0,
              null,
              false,
              0.0,
              33.0,
              null,
              0.0,
              1.0,
              0.5,
              0.0,
              0.0,
              50.375),
          new Day(
              "2026-03-29",
              2.0,
              0.0,
              2.0,
              0.0,
              0.0,
              2.0,
              34.0,
              false,
              0.0,
              34.0,
              null,
              0.0,
              1.0,
              0.5,
              0.0,
              0.0,
              50.375),
          new Day(
              "2026-03-30",
              8.0,
              1.5,
              6.5,
              2.0,
              2.0,
              0.0,
              29.0,
              false,
              8.0,
              34.0,
              34.0,
              0.0,
              1.0,
              0.75,
              0.0,
              0.0,
              50.375),
          new Day(
              "2026-03-31",
              4.0,
              0.0,
              4.0,
              0.0,
              0.0,
              0.0,
              14.0,
              false,
              8.0,
              34.0,
              null,
              0.0,
              1.0,
              0.75,
              0.0,
              0.0,
              50.375),
          new Day(
              "2026-04-01",
              0.0,
              0.0,
              0.0,
              0.0,
              0.0,
              0.0,
              null,
              false,
              8.0,
              37.0,
              null,
              0.0,
              1.0,
              0.75,
              0.0,
              0.0,
              50.375),
          new Day(
              "2026-04-02",
              0.0,
              0.0,
              0.0,
              0.0,
              0.0,
              0.0,
              null,
              false,
              8.0,
              61.0,
              null,
              0.7,
              1.0,
              0.75,
              0.26249999999999996,
              0.0,
              50.375),
          new Day(
              "2026-04-03",
              0.0,
              0.0,
              0.0,
              0.0,
              0.0,
              0.0,
              null,
              false,
              8.0,
              85.0,
              null,
              0.8,
              1.0,
              0.75,
              0.30000000000000004,
              0.0,
              50.375),
          new Day(
              "2026-04-04",
              0.0,
              0.0,
              0.0,
              0.0,
              0.0,
              0.0,
              null,
              false,
              0.0,
              109.0,
              null,
              0.8,
              1.0,
              0.75,
              0.30000000000000004,
              0.0,
              50.375),
          new Day(
              "2026-04-05",
              0.0,
              0.0,
              0.0,
              0.0,
              0.0,
              0.0,
              null,
              false,
              0.0,
              133.0,
              null,
              1.0,
              1.0,
              0.75,
              0.375,
              0.0,
              50.375));

  private static Timeline scenario() {
    Profile profile =
        Timeline.profile(
            "2026-01-01",
            40,
            Set.of("kafka"),
            0.5,
            DayOfWeek.MONDAY,
            "09:00-17:00",
            DayOfWeek.TUESDAY,
            "07:00-11:00,15:00-19:00",
            DayOfWeek.WEDNESDAY,
            "09:00-17:00",
            DayOfWeek.THURSDAY,
            "09:00-17:00",
            DayOfWeek.FRIDAY,
            "09:00-13:00");
    return Timeline.in("Europe/Berlin")
        .profile(profile)
        .event(WORK, "2026-03-23T08:00:00+01:00", "2026-03-23T18:00:00+01:00")
        .event(MEETING, "2026-03-23T10:00:00+01:00", "2026-03-23T11:00:00+01:00")
        .event(BREAK, "2026-03-23T12:00:00+01:00", "2026-03-23T12:30:00+01:00")
        // a split shift: the second part runs half an hour past its window
        .event(WORK, "2026-03-24T07:00:00+01:00", "2026-03-24T11:00:00+01:00")
        .event(WORK, "2026-03-24T15:00:00+01:00", "2026-03-24T19:30:00+01:00")
        .event(LEARNING, "2026-03-24T16:00:00+01:00", "2026-03-24T17:00:00+01:00", "kafka")
        // a night shift across midnight, then back at 14:00 after 8 hours' rest
        .event(WORK, "2026-03-25T22:00:00+01:00", "2026-03-26T06:00:00+01:00")
        .event(WORK, "2026-03-26T14:00:00+01:00", "2026-03-26T20:00:00+01:00")
        // absent for the whole of Friday's window; learning something off the plan after
        .event(ABSENCE, "2026-03-27T09:00:00+01:00", "2026-03-27T13:00:00+01:00")
        .event(LEARNING, "2026-03-27T14:00:00+01:00", "2026-03-27T15:00:00+01:00")
        // 01:00 to 04:00 on the night the clocks go forward: two hours
        .event(WORK, "2026-03-29T01:00:00+01:00", "2026-03-29T04:00:00+02:00")
        .event(WORK, "2026-03-30T09:00:00+02:00", "2026-03-30T17:00:00+02:00")
        .event(LEARNING, "2026-03-30T09:00:00+02:00", "2026-03-30T11:00:00+02:00", "kafka")
        .event(MEETING, "2026-03-30T11:00:00+02:00", "2026-03-30T11:30:00+02:00")
        .event(MEETING, "2026-03-30T13:00:00+02:00", "2026-03-30T14:00:00+02:00")
        .event(WORK, "2026-03-31T07:00:00+02:00", "2026-03-31T11:00:00+02:00");
  }

  @Test
  void everyFieldOfEveryDayIsAsWorkedOut() {
    assertDays(scenario().compute("2026-03-16", "2026-04-05"));
  }

  @Test
  void aRecomputationFromTheMiddleGivesTheSameDays() {
    Timeline timeline = scenario();
    assertDays(
        timeline.computeSplit(
            LocalDate.parse("2026-03-16"),
            LocalDate.parse("2026-04-05"),
            LocalDate.parse("2026-03-28")));
  }

  private static void assertDays(Map<LocalDate, DayResult> days) {
    for (Day expected : EXPECTED) {
      DayResult actual = days.get(LocalDate.parse(expected.date()));
      DayFacts f = actual.facts();
      String on = expected.date();
      assertThat(f.worked()).as("worked on %s", on).isCloseTo(expected.worked(), within(EPS));
      assertThat(f.meetings()).as("meetings on %s", on).isCloseTo(expected.meetings(), within(EPS));
      assertThat(f.focus()).as("focus on %s", on).isCloseTo(expected.focus(), within(EPS));
      assertThat(f.learning()).as("learning on %s", on).isCloseTo(expected.learning(), within(EPS));
      assertThat(f.plannedLearning())
          .as("planned on %s", on)
          .isCloseTo(expected.planned(), within(EPS));
      assertThat(f.afterHours())
          .as("after hours on %s", on)
          .isCloseTo(expected.afterHours(), within(EPS));
      if (expected.rest() == null) {
        assertThat(f.rest()).as("rest on %s", on).isNull();
      } else {
        assertThat(f.rest()).as("rest on %s", on).isCloseTo(expected.rest(), within(EPS));
      }
      assertThat(f.absence()).as("absence on %s", on).isEqualTo(expected.absence());
      assertThat(f.contractHours())
          .as("contract on %s", on)
          .isCloseTo(expected.contract(), within(EPS));
      assertThat(f.clippedRest())
          .as("clipped rest on %s", on)
          .isCloseTo(expected.clippedRest(), within(EPS));
      if (expected.weeklyRest() == null) {
        assertThat(f.weeklyRest()).as("weekly rest on %s", on).isNull();
      } else {
        assertThat(f.weeklyRest())
            .as("weekly rest on %s", on)
            .isCloseTo(expected.weeklyRest(), within(EPS));
      }
      assertThat(actual.balance()).as("W on %s", on).isCloseTo(expected.balance(), within(EPS));
      assertThat(actual.timeManagement())
          .as("M on %s", on)
          .isCloseTo(expected.timeManagement(), within(EPS));
      assertThat(actual.planAccuracy())
          .as("P on %s", on)
          .isCloseTo(expected.planAccuracy(), within(EPS));
      assertThat(actual.learningEfficiency()).as("E on %s", on).isEqualTo(0.5);
      assertThat(actual.skillRate()).as("g on %s", on).isCloseTo(expected.skillRate(), within(EPS));
      assertThat(actual.skillDelta())
          .as("dS on %s", on)
          .isCloseTo(expected.skillDelta(), within(EPS));
      assertThat(actual.skill()).as("S on %s", on).isCloseTo(expected.skill(), within(EPS));
    }
  }
}
