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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimelineCalculatorTest {

  private static final double EPS = 1e-9;

  private static DayFacts facts(Map<LocalDate, DayResult> days, String date) {
    return days.get(LocalDate.parse(date)).facts();
  }

  /** Monday to Friday 09:00 to 17:00 UTC for two weeks from 2 March, then one more Monday. */
  private static Timeline regularWeeks() {
    Timeline timeline = Timeline.in("UTC");
    for (LocalDate day = LocalDate.parse("2026-03-02");
        !day.isAfter(LocalDate.parse("2026-03-16"));
        day = day.plusDays(1)) {
      if (day.getDayOfWeek().getValue() <= 5) {
        timeline.event(WORK, day + "T09:00:00Z", day + "T17:00:00Z");
      }
    }
    return timeline;
  }

  @Test
  void withoutAfterHoursTrackingNoDayHasAfterHoursAndWLeavesTheFactorOut() {
    Timeline evenings = regularWeeks();
    // two hours every evening of the second week, outside the default 09:00-17:00 windows
    for (int d = 9; d <= 13; d++) {
      String day = "2026-03-%02d".formatted(d);
      evenings.event(WORK, day + "T18:00:00Z", day + "T20:00:00Z");
    }
    var tracked = evenings.compute("2026-03-02", "2026-03-13");
    var untracked = evenings.withoutAfterHours().compute("2026-03-02", "2026-03-13");

    DayResult friday = tracked.get(LocalDate.parse("2026-03-13"));
    DayResult fridayUntracked = untracked.get(LocalDate.parse("2026-03-13"));
    assertThat(friday.facts().afterHours()).isEqualTo(2.0);
    assertThat(fridayUntracked.facts().afterHours()).isZero();
    assertThat(fridayUntracked.facts().worked()).isEqualTo(friday.facts().worked());
    // A7 = 10 h makes a = 0 and W = 0; untracked, W = h * r = (1 - (50 - 40) / 40) * 1
    assertThat(friday.balance()).isZero();
    assertThat(fridayUntracked.balance()).isCloseTo(0.75, within(EPS));
  }

  @Test
  void weeklyRestMeasuresTheWeekendWholeWhereverTheWindowCutsIt() {
    var days = regularWeeks().compute("2026-03-02", "2026-03-20");

    // Saturday's window starts on Sunday: it cuts the first weekend to 33 h and the second to
    // 31 h, but each is 64 h long
    assertThat(facts(days, "2026-03-14").weeklyRest()).isEqualTo(64.0);
    assertThat(facts(days, "2026-03-14").clippedRest()).isEqualTo(33.0);
    for (String date : new String[] {"2026-03-09", "2026-03-11", "2026-03-13", "2026-03-15"}) {
      assertThat(facts(days, date).weeklyRest()).as(date).isEqualTo(64.0);
    }
  }

  @Test
  void theTimeBeforeTheFirstAndAfterTheLastWorkIsAStretchWithoutEnd() {
    var days = regularWeeks().compute("2026-02-20", "2026-03-20");

    assertThat(facts(days, "2026-02-20").weeklyRest()).isNull();
    // 2 March 09:00 ends the stretch from before: it still overlaps the window of Sunday 8 March
    assertThat(facts(days, "2026-03-08").weeklyRest()).isNull();
    // 16 March 17:00 starts the stretch after: Monday's window already overlaps it
    assertThat(facts(days, "2026-03-16").weeklyRest()).isNull();
    assertThat(facts(days, "2026-03-20").weeklyRest()).isNull();
    assertThat(facts(days, "2026-03-15").weeklyRest()).isEqualTo(64.0);
  }

  @Test
  void twelveDaysInARowLeaveOnlyTheNightsInTheMiddleWindows() {
    Timeline timeline = Timeline.in("UTC");
    timeline.event(WORK, "2026-02-20T09:00:00Z", "2026-02-20T17:00:00Z");
    for (int i = 0; i < 12; i++) {
      LocalDate day = LocalDate.parse("2026-03-02").plusDays(i);
      timeline.event(WORK, day + "T09:00:00Z", day + "T17:00:00Z");
    }
    timeline.event(WORK, "2026-03-20T09:00:00Z", "2026-03-20T17:00:00Z");
    var days = timeline.compute("2026-02-20", "2026-03-22");

    // the windows of 9 to 12 March lie inside the run: only its 16 h nights overlap them
    assertThat(facts(days, "2026-03-08").weeklyRest()).isEqualTo(232.0);
    for (int i = 7; i <= 10; i++) {
      String date = LocalDate.parse("2026-03-02").plusDays(i).toString();
      assertThat(facts(days, date).weeklyRest()).as(date).isEqualTo(16.0);
    }
    // from 13 March on the windows reach the stretch from 13 March 17:00 to 20 March 09:00
    assertThat(facts(days, "2026-03-13").weeklyRest()).isEqualTo(160.0);
    assertThat(facts(days, "2026-03-14").weeklyRest()).isEqualTo(160.0);
  }

  @Test
  void aDayHasEventsWhenAnyConfirmedEventCoversPartOfIt() {
    var days =
        Timeline.in("UTC")
            .event(ABSENCE, "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")
            .event(BREAK, "2026-03-04T23:00:00Z", "2026-03-05T01:00:00Z")
            .compute("2026-03-01", "2026-03-06");

    assertThat(days.values().stream().map(d -> d.facts().hasEvents()))
        .containsExactly(false, true, false, true, true, false);
  }

  @Test
  void workAcrossMidnightIsSplitAtLocalMidnight() {
    var days =
        Timeline.in("UTC")
            .event(WORK, "2026-03-02T22:00:00Z", "2026-03-03T06:00:00Z")
            .compute("2026-03-02", "2026-03-03");

    assertThat(facts(days, "2026-03-02").worked()).isEqualTo(2.0);
    assertThat(facts(days, "2026-03-03").worked()).isEqualTo(6.0);
  }

  @Test
  void localMidnightDependsOnThePersonsZone() {
    // 22:00Z to 06:00Z is 23:00 to 07:00 in Berlin in March
    var days =
        Timeline.in("Europe/Berlin")
            .event(WORK, "2026-03-02T22:00:00Z", "2026-03-03T06:00:00Z")
            .compute("2026-03-02", "2026-03-03");

    assertThat(facts(days, "2026-03-02").worked()).isEqualTo(1.0);
    assertThat(facts(days, "2026-03-03").worked()).isEqualTo(7.0);
  }

  @Test
  void springForwardDayInBerlinHas23Hours() {
    var days =
        Timeline.in("Europe/Berlin")
            .event(WORK, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00")
            .compute("2026-03-28", "2026-03-30");

    assertThat(facts(days, "2026-03-28").worked()).isEqualTo(0.0);
    assertThat(facts(days, "2026-03-29").worked()).isEqualTo(23.0);
    assertThat(facts(days, "2026-03-30").worked()).isEqualTo(0.0);
  }

  @Test
  void fallBackDayInBerlinHas25Hours() {
    var days =
        Timeline.in("Europe/Berlin")
            .event(WORK, "2026-10-25T00:00:00+02:00", "2026-10-25T12:00:00+01:00")
            .event(WORK, "2026-10-25T12:00:00+01:00", "2026-10-26T00:00:00+01:00")
            .compute("2026-10-25", "2026-10-26");

    assertThat(facts(days, "2026-10-25").worked()).isEqualTo(25.0);
    assertThat(facts(days, "2026-10-26").worked()).isEqualTo(0.0);
  }

  @Test
  void springForwardDayInNewYorkHas23Hours() {
    var days =
        Timeline.in("America/New_York")
            .event(WORK, "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00")
            .compute("2026-03-08", "2026-03-08");

    assertThat(facts(days, "2026-03-08").worked()).isEqualTo(23.0);
  }

  @Test
  void fallBackDayInNewYorkHas25Hours() {
    var days =
        Timeline.in("America/New_York")
            .event(WORK, "2026-11-01T00:00:00-04:00", "2026-11-01T12:00:00-05:00")
            .event(WORK, "2026-11-01T12:00:00-05:00", "2026-11-02T00:00:00-05:00")
            .compute("2026-11-01", "2026-11-01");

    assertThat(facts(days, "2026-11-01").worked()).isEqualTo(25.0);
  }

  @Test
  void workAcrossTheDstGapCountsElapsedTime() {
    // 01:00 to 04:00 on the clock, but 02:00 to 03:00 does not exist that night
    var days =
        Timeline.in("Europe/Berlin")
            .event(WORK, "2026-03-29T01:00:00+01:00", "2026-03-29T04:00:00+02:00")
            .compute("2026-03-29", "2026-03-29");

    assertThat(facts(days, "2026-03-29").worked()).isEqualTo(2.0);
  }

  @Test
  void meetingInsideWorkAddsNothingAndBreaksCutWork() {
    var days =
        Timeline.in("UTC")
            .event(WORK, "2026-03-02T08:00:00Z", "2026-03-02T18:00:00Z")
            .event(MEETING, "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z")
            .event(BREAK, "2026-03-02T12:00:00Z", "2026-03-02T12:30:00Z")
            .compute("2026-03-02", "2026-03-02");

    assertThat(facts(days, "2026-03-02").worked()).isEqualTo(9.5);
    assertThat(facts(days, "2026-03-02").meetings()).isEqualTo(1.0);
  }

  @Test
  void calendarOnlyTimeCountsAsWork() {
    var days =
        Timeline.in("UTC")
            .event(MEETING, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")
            .event(LEARNING, "2026-03-02T10:00:00Z", "2026-03-02T11:30:00Z", "kafka")
            .compute("2026-03-02", "2026-03-02");

    assertThat(facts(days, "2026-03-02").worked()).isEqualTo(2.5);
    assertThat(facts(days, "2026-03-02").learning()).isEqualTo(1.5);
    // 1.5 h meeting-free, so all of it is focus
    assertThat(facts(days, "2026-03-02").focus()).isEqualTo(1.5);
  }

  @Test
  void exactlySixtyMinutesCountsAsFocusAndFiftyNineDoNot() {
    var days =
        Timeline.in("UTC")
            .event(WORK, "2026-03-02T09:00:00Z", "2026-03-02T12:59:00Z")
            .event(MEETING, "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z")
            .event(MEETING, "2026-03-02T12:00:00Z", "2026-03-02T12:01:00Z")
            .compute("2026-03-02", "2026-03-02");

    // pieces: 09:00-10:00 (60 min), 11:00-12:00 (60 min), 12:01-12:59 (58 min)
    assertThat(facts(days, "2026-03-02").focus()).isEqualTo(2.0);
  }

  @Test
  void restIsMeasuredFromTheEndOfTheShiftBeforeHoweverLongAgo() {
    var days =
        Timeline.in("UTC")
            .event(WORK, "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z")
            .event(WORK, "2026-03-12T09:00:00Z", "2026-03-12T17:00:00Z")
            .compute("2026-03-02", "2026-03-12");

    assertThat(facts(days, "2026-03-02").rest()).isNull();
    assertThat(facts(days, "2026-03-05").rest()).isNull();
    assertThat(facts(days, "2026-03-12").rest()).isEqualTo(232.0);
  }

  @Test
  void aGapUnderThreeHoursDoesNotEndAShift() {
    var days =
        Timeline.in("UTC")
            .event(WORK, "2026-03-02T18:00:00Z", "2026-03-02T23:00:00Z")
            // 2h59 later: the same night shift, although it is another date
            .event(WORK, "2026-03-03T01:59:00Z", "2026-03-03T05:00:00Z")
            // 3h later: a new shift
            .event(WORK, "2026-03-03T08:00:00Z", "2026-03-03T10:00:00Z")
            .compute("2026-03-02", "2026-03-03");

    assertThat(facts(days, "2026-03-03").rest()).isEqualTo(3.0);
  }

  @Test
  void overnightWindowBelongsToItsStartDayAndCoversTheNextMorningForAfterHours() {
    Profile nights =
        Timeline.profile("2000-01-01", 40, Set.of(), 0.5, DayOfWeek.MONDAY, "22:00-06:00");
    var days =
        Timeline.in("UTC")
            .profile(nights)
            .event(WORK, "2026-03-02T21:00:00Z", "2026-03-03T07:00:00Z")
            .compute("2026-03-02", "2026-03-03");

    assertThat(facts(days, "2026-03-02").afterHours()).isEqualTo(1.0);
    assertThat(facts(days, "2026-03-03").afterHours()).isEqualTo(1.0);
    assertThat(facts(days, "2026-03-02").workingDay()).isTrue();
    assertThat(facts(days, "2026-03-03").workingDay()).isFalse();
    // the whole week's contract falls on the one working weekday
    assertThat(facts(days, "2026-03-02").contractHours()).isEqualTo(40.0);
  }

  @Test
  void splitShiftWindowsMakeTheGapAfterHours() {
    Profile split =
        Timeline.profile(
            "2000-01-01", 40, Set.of(), 0.5, DayOfWeek.TUESDAY, "07:00-11:00,15:00-19:00");
    var days =
        Timeline.in("UTC")
            .profile(split)
            .event(WORK, "2026-03-03T07:00:00Z", "2026-03-03T19:00:00Z")
            .compute("2026-03-03", "2026-03-03");

    assertThat(facts(days, "2026-03-03").afterHours()).isEqualTo(4.0);
  }

  @Test
  void absenceOverHalfTheWindowsMakesAnAbsenceDay() {
    var days =
        Timeline.in("UTC")
            .event(ABSENCE, "2026-03-02T09:00:00Z", "2026-03-02T13:00:00Z")
            .event(ABSENCE, "2026-03-03T09:00:00Z", "2026-03-03T12:59:00Z")
            .event(ABSENCE, "2026-03-07T00:00:00Z", "2026-03-08T00:00:00Z")
            .compute("2026-03-02", "2026-03-07");

    assertThat(facts(days, "2026-03-02").absence()).isTrue();
    assertThat(facts(days, "2026-03-02").contractHours()).isEqualTo(0.0);
    assertThat(facts(days, "2026-03-03").absence()).isFalse();
    assertThat(facts(days, "2026-03-03").contractHours()).isEqualTo(8.0);
    // a Saturday has no windows, so it is never an absence day
    assertThat(facts(days, "2026-03-07").absence()).isFalse();
  }

  @Test
  void workedWeekOfModelFiguresDayByDay() {
    Profile kafka =
        Timeline.profile(
            "2000-01-01",
            40,
            Set.of("kafka"),
            0.5,
            DayOfWeek.MONDAY,
            "09:00-17:00",
            DayOfWeek.TUESDAY,
            "09:00-17:00",
            DayOfWeek.WEDNESDAY,
            "09:00-17:00",
            DayOfWeek.THURSDAY,
            "09:00-17:00",
            DayOfWeek.FRIDAY,
            "09:00-17:00");
    var days =
        Timeline.in("UTC")
            .profile(kafka)
            .event(WORK, "2026-03-02T08:00:00Z", "2026-03-02T18:00:00Z")
            .event(MEETING, "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z")
            .event(MEETING, "2026-03-02T14:00:00Z", "2026-03-02T14:30:00Z")
            .event(BREAK, "2026-03-02T12:00:00Z", "2026-03-02T12:30:00Z")
            .event(LEARNING, "2026-03-02T16:00:00Z", "2026-03-02T17:00:00Z", "kafka")
            .event(WORK, "2026-03-03T06:00:00Z", "2026-03-03T16:00:00Z")
            .event(WORK, "2026-03-04T01:00:00Z", "2026-03-04T05:00:00Z")
            .event(WORK, "2026-03-04T07:00:00Z", "2026-03-04T12:00:00Z")
            .event(ABSENCE, "2026-03-05T00:00:00Z", "2026-03-06T00:00:00Z")
            .event(WORK, "2026-03-06T09:00:00Z", "2026-03-06T17:00:00Z")
            .event(ABSENCE, "2026-03-06T09:00:00Z", "2026-03-06T12:00:00Z")
            .compute("2026-03-02", "2026-03-06");

    DayResult monday = days.get(LocalDate.parse("2026-03-02"));
    assertThat(monday.facts())
        .returns(9.5, DayFacts::worked)
        .returns(1.5, DayFacts::meetings)
        .returns(8.0, DayFacts::focus)
        .returns(1.0, DayFacts::learning)
        .returns(1.0, DayFacts::plannedLearning)
        .returns(2.0, DayFacts::afterHours)
        .returns(null, DayFacts::rest)
        .returns(false, DayFacts::absence)
        .returns(8.0, DayFacts::contractHours)
        .returns(152.0, DayFacts::clippedRest)
        .returns(null, DayFacts::weeklyRest)
        .returns(true, DayFacts::hasEvents);
    assertThat(monday.balance()).isCloseTo(0.8, within(EPS));
    assertThat(monday.timeManagement()).isEqualTo(1.0);
    assertThat(monday.planAccuracy()).isEqualTo(1.0);
    assertThat(monday.skillRate()).isCloseTo(0.4, within(EPS));
    assertThat(monday.skillDelta()).isCloseTo(0.4, within(EPS));
    assertThat(monday.skill()).isCloseTo(50.4, within(EPS));

    DayResult tuesday = days.get(LocalDate.parse("2026-03-03"));
    assertThat(tuesday.facts())
        .returns(10.0, DayFacts::worked)
        .returns(10.0, DayFacts::focus)
        .returns(3.0, DayFacts::afterHours)
        .returns(12.0, DayFacts::rest);
    assertThat(tuesday.balance()).isCloseTo(0.5, within(EPS));
    assertThat(tuesday.skillRate()).isCloseTo(0.25, within(EPS));
    assertThat(tuesday.skillDelta()).isEqualTo(0.0);
    assertThat(tuesday.skill()).isCloseTo(50.4, within(EPS));

    DayResult wednesday = days.get(LocalDate.parse("2026-03-04"));
    // 01:00 after 16:00 the day before: a new shift after 9 h; 07:00 continues it
    assertThat(wednesday.facts())
        .returns(9.0, DayFacts::worked)
        .returns(6.0, DayFacts::afterHours)
        .returns(9.0, DayFacts::rest);
    // A7 = 2 + 3 + 6 = 11 h: a = 0
    assertThat(wednesday.balance()).isEqualTo(0.0);

    DayResult thursday = days.get(LocalDate.parse("2026-03-05"));
    assertThat(thursday.facts())
        .returns(0.0, DayFacts::worked)
        .returns(true, DayFacts::absence)
        .returns(0.0, DayFacts::contractHours);

    DayResult friday = days.get(LocalDate.parse("2026-03-06"));
    // the morning's absence cuts the work, and 3 of 8 window hours is no absence day
    assertThat(friday.facts())
        .returns(5.0, DayFacts::worked)
        .returns(0.0, DayFacts::afterHours)
        .returns(48.0, DayFacts::rest)
        .returns(false, DayFacts::absence);
  }
}
