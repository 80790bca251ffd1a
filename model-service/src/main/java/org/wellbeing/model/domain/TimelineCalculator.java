package org.wellbeing.model.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wellbeing.contract.EventKind;

/**
 * Computes a person's days from a date forward: daily facts, the trailing 7- and 28-day figures, W,
 * M, P and skill (MODEL.md). Days before the start come from earlier results, so a change
 * recomputes from its own date only, and the result never depends on where a run starts.
 */
public final class TimelineCalculator {

  /** Days of history a day's figures read besides itself: P's trailing 28 days. */
  public static final int LOOKBACK_DAYS = 27;

  /** Days of events before the start a run reads: the 7-day rest window of its first day. */
  public static final int EVENT_LOOKBACK_DAYS = 7;

  private static final long SHIFT_GAP_NANOS = Duration.ofHours(3).toNanos();
  private static final long FOCUS_BLOCK_NANOS = Duration.ofHours(1).toNanos();
  private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

  private final boolean afterHoursTracked;

  /** A calculator of MODEL.md as written. */
  public TimelineCalculator() {
    this(true);
  }

  /**
   * @param afterHoursTracked false where a works agreement switched after-hours tracking off: no
   *     day has after-hours time, so W's after-hours factor a is 1
   */
  public TimelineCalculator(boolean afterHoursTracked) {
    this.afterHoursTracked = afterHoursTracked;
  }

  /**
   * What a run needs.
   *
   * @param prior earlier results by date, for dates in {@code [from − 27, from − 1]}; dates missing
   *     here had nothing happen
   * @param skillBefore S on the day before {@code from}
   * @param events the person's CONFIRMED events; at least every one that ends after the start of
   *     {@code from − 7}
   */
  public record Input(
      PersonModel person,
      LocalDate from,
      LocalDate to,
      Map<LocalDate, DayResult> prior,
      double skillBefore,
      List<StoredEvent> events) {}

  /** The start of the local day {@code date} in {@code zone}. */
  public static Instant dayStart(LocalDate date, ZoneId zone) {
    return date.atStartOfDay(zone).toInstant();
  }

  /** The first instant from which {@code from}'s run needs events. */
  public static Instant eventWindowStart(LocalDate from, ZoneId zone) {
    return dayStart(from.minusDays(EVENT_LOOKBACK_DAYS), zone);
  }

  public List<DayResult> compute(Input input) {
    if (input.to().isBefore(input.from())) {
      return List.of();
    }
    Run run = new Run(input, afterHoursTracked);
    List<DayResult> results = new ArrayList<>();
    double skill = input.skillBefore();
    for (LocalDate date = input.from(); !date.isAfter(input.to()); date = date.plusDays(1)) {
      DayFacts facts = run.facts(date);
      DayResult result = run.figures(facts, skill);
      skill = result.skill();
      results.add(result);
    }
    return results;
  }

  /** One run's prepared intervals and its window of recent facts. */
  private static final class Run {

    private final PersonModel person;
    private final ZoneId zone;
    private final LocalDate from;
    private final IntervalSet work;
    private final IntervalSet meetings;
    private final IntervalSet learning;
    private final Map<String, IntervalSet> learningBySkill;
    private final IntervalSet absence;
    private final IntervalSet anyEvent;
    private final Instant workEndBeforeLoad;
    private final List<ShiftStart> shiftStarts;
    private final Map<LocalDate, DayFacts> recent = new HashMap<>();
    private final boolean afterHoursTracked;

    Run(Input input, boolean afterHoursTracked) {
      this.afterHoursTracked = afterHoursTracked;
      person = input.person();
      zone = person.zone();
      from = input.from();
      Instant loadStart = eventWindowStart(from, zone);
      Map<EventKind, List<Interval>> byKind = new HashMap<>();
      Map<String, List<Interval>> bySkill = new HashMap<>();
      for (StoredEvent event : input.events()) {
        if (!event.confirmed()) {
          continue;
        }
        byKind.computeIfAbsent(event.kind(), k -> new ArrayList<>()).add(event.interval());
        if (event.kind() == EventKind.LEARNING && event.skill() != null) {
          bySkill.computeIfAbsent(event.skill(), k -> new ArrayList<>()).add(event.interval());
        }
      }
      List<Interval> all = new ArrayList<>();
      byKind.values().forEach(all::addAll);
      anyEvent = IntervalSet.of(all);
      List<Interval> working = new ArrayList<>();
      List<Interval> cuts = new ArrayList<>();
      byKind.forEach((kind, intervals) -> (kind.countsAsWork() ? working : cuts).addAll(intervals));
      // U outside the loaded range is unknown here; older days come from earlier results
      work = IntervalSet.of(working).minus(IntervalSet.of(cuts)).clip(loadStart, END_OF_TIME);
      meetings = set(byKind, EventKind.MEETING);
      learning = set(byKind, EventKind.LEARNING);
      absence = set(byKind, EventKind.ABSENCE);
      learningBySkill = new HashMap<>();
      bySkill.forEach((skill, intervals) -> learningBySkill.put(skill, IntervalSet.of(intervals)));

      for (int back = LOOKBACK_DAYS; back >= 1; back--) {
        LocalDate date = from.minusDays(back);
        DayResult earlier = input.prior().get(date);
        recent.put(date, earlier != null ? earlier.facts() : quietFacts(date));
      }
      DayResult atLoadStart = input.prior().get(from.minusDays(EVENT_LOOKBACK_DAYS));
      workEndBeforeLoad = atLoadStart == null ? null : atLoadStart.facts().previousWorkEnd();
      shiftStarts = shiftStarts(work, workEndBeforeLoad);
    }

    private static IntervalSet set(Map<EventKind, List<Interval>> byKind, EventKind kind) {
      return IntervalSet.of(byKind.getOrDefault(kind, List.of()));
    }

    /** Shift starts with the rest before each: a gap of 3 h or more between pieces of U. */
    private static List<ShiftStart> shiftStarts(IntervalSet work, Instant endBefore) {
      List<ShiftStart> starts = new ArrayList<>();
      Instant previousEnd = endBefore;
      for (Interval piece : work.intervals()) {
        if (previousEnd == null) {
          starts.add(new ShiftStart(piece.start(), null));
        } else {
          long gap = Duration.between(previousEnd, piece.start()).toNanos();
          if (gap >= SHIFT_GAP_NANOS) {
            starts.add(new ShiftStart(piece.start(), gap / IntervalSet.NANOS_PER_HOUR));
          }
        }
        previousEnd = piece.end();
      }
      return starts;
    }

    DayFacts facts(LocalDate date) {
      Profile profile = person.profileOn(date);
      Instant start = dayStart(date, zone);
      Instant end = dayStart(date.plusDays(1), zone);
      IntervalSet day = work.clip(start, end);

      IntervalSet planned = IntervalSet.EMPTY;
      for (String skill : profile.careerSkills()) {
        IntervalSet learned = learningBySkill.get(skill);
        if (learned != null) {
          planned = planned.union(learned.clip(start, end));
        }
      }
      List<Interval> windowTime = new ArrayList<>(profile.windowsOn(date, zone));
      windowTime.addAll(person.profileOn(date.minusDays(1)).windowsOn(date.minusDays(1), zone));
      IntervalSet ownWindows = IntervalSet.of(profile.windowsOn(date, zone));

      long focus = 0;
      for (Interval piece : day.minus(meetings.clip(start, end)).intervals()) {
        if (piece.nanos() >= FOCUS_BLOCK_NANOS) {
          focus += piece.nanos();
        }
      }
      boolean workingDay = ownWindows.nanos() > 0;
      boolean absent =
          workingDay && 2 * absence.intersect(ownWindows).nanos() >= ownWindows.nanos();
      Instant previousWorkEnd = work.lastEndBefore(start);
      Instant windowStart = dayStart(date.minusDays(6), zone);
      Duration wholeRest = work.longestWholeGap(workEndBeforeLoad, windowStart, end);

      DayFacts facts =
          new DayFacts(
              date,
              day.hours(),
              day.intersect(meetings.clip(start, end)).hours(),
              focus / IntervalSet.NANOS_PER_HOUR,
              day.intersect(learning.clip(start, end)).hours(),
              day.intersect(planned).hours(),
              afterHoursTracked
                  ? day.minus(IntervalSet.of(windowTime).clip(start, end)).hours()
                  : 0,
              restOn(start, end),
              absent,
              workingDay,
              dailyContract(profile, workingDay, absent),
              hours(work.longestGap(windowStart, end)),
              wholeRest == null ? null : hours(wholeRest),
              !anyEvent.clip(start, end).isEmpty(),
              previousWorkEnd != null ? previousWorkEnd : workEndBeforeLoad);
      recent.put(date, facts);
      recent.remove(date.minusDays(LOOKBACK_DAYS + 1));
      return facts;
    }

    private Double restOn(Instant start, Instant end) {
      for (ShiftStart shift : shiftStarts) {
        if (!shift.at().isBefore(end)) {
          return null;
        }
        if (!shift.at().isBefore(start)) {
          return shift.restHours();
        }
      }
      return null;
    }

    /** Facts of a day on which nothing happened: zeros, and the profile's working-day flag. */
    private DayFacts quietFacts(LocalDate date) {
      Profile profile = person.profileOn(date);
      List<Interval> windows = profile.windowsOn(date, zone);
      boolean workingDay = IntervalSet.of(windows).nanos() > 0;
      Instant start = dayStart(date.minusDays(6), zone);
      Instant end = dayStart(date.plusDays(1), zone);
      return new DayFacts(
          date,
          0,
          0,
          0,
          0,
          0,
          0,
          null,
          false,
          workingDay,
          dailyContract(profile, workingDay, false),
          hours(Duration.between(start, end)),
          null,
          false,
          null);
    }

    DayResult figures(DayFacts today, double skillBefore) {
      LocalDate date = today.date();
      Profile profile = person.profileOn(date);
      double h7 = 0;
      double a7 = 0;
      double f7 = 0;
      int workingDays = 0;
      int presentDays = 0;
      int shortRest = 0;
      for (int back = 6; back >= 0; back--) {
        DayFacts day = recent.get(date.minusDays(back));
        h7 += day.worked();
        a7 += day.afterHours();
        f7 += day.focus();
        if (day.workingDay()) {
          workingDays++;
          if (!day.absence()) {
            presentDays++;
          }
        }
        if (day.rest() != null && day.rest() < Wellbeing.DAILY_REST_HOURS) {
          shortRest++;
        }
      }
      double learning28 = 0;
      double planned28 = 0;
      for (int back = LOOKBACK_DAYS; back >= 0; back--) {
        DayFacts day = recent.get(date.minusDays(back));
        learning28 += day.learning();
        planned28 += day.plannedLearning();
      }
      double contract = profile.contractHoursPerWeek();
      double c7 = Wellbeing.contractInWindow(contract, workingDays, presentDays);
      double h = Wellbeing.hoursFactor(h7, c7, contract);
      double a = Wellbeing.afterHoursFactor(a7);
      double r = Wellbeing.restFactor(shortRest, today.clippedRest() >= Wellbeing.DAY_OFF_HOURS);
      double w = Wellbeing.balance(h, a, r);
      double m = Wellbeing.timeManagement(f7, h7);
      Set<String> skills = profile.careerSkills();
      double p = Wellbeing.planAccuracy(!skills.isEmpty(), learning28, planned28);
      double e = profile.learningEfficiency();
      double g = Wellbeing.growthRate(e, w, m, p);
      double delta = g * today.learning();
      return new DayResult(profile.teamId(), today, w, m, p, e, g, delta, skillBefore + delta);
    }
  }

  private static double hours(Duration duration) {
    return duration.toNanos() / IntervalSet.NANOS_PER_HOUR;
  }

  private static double dailyContract(Profile profile, boolean workingDay, boolean absent) {
    int weekdays = profile.workingWeekdays();
    return workingDay && !absent && weekdays > 0 ? profile.contractHoursPerWeek() / weekdays : 0;
  }

  private record ShiftStart(Instant at, Double restHours) {}
}
