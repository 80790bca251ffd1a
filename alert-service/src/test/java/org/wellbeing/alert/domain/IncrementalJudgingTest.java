package org.wellbeing.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Judging only what a change can affect gives what judging the whole history gives: on random
 * histories and random changes, the findings in the judged periods are the whole history's, and
 * outside them the findings before and after the change are the same.
 */
class IncrementalJudgingTest {

  private static final int CASES = 800;

  @Test
  void judgingAroundAChangeAgreesWithTheWholeHistoryInEveryPreset() {
    for (RuleBook.Preset preset : RuleBook.Preset.values()) {
      RuleBook rules = RuleBook.of(preset);
      int judged = 0;
      int headed = 0;
      for (int seed = 0; seed < CASES; seed++) {
        Outcome outcome =
            agrees(rules, new Random(seed * 31L + preset.ordinal()), preset + " seed " + seed);
        judged += outcome == Outcome.WHOLE ? 0 : 1;
        headed += outcome == Outcome.HEADED ? 1 : 0;
      }
      // the whole history is read only when a change starts the history or a run outgrows the
      // window with no standing alert to say where it began; most random changes must be judged
      // in their window, some of them through a run's head
      assertThat(judged).as(preset + ": changes judged in a window").isGreaterThan(CASES * 3 / 4);
      assertThat(headed).as(preset + ": changes judged through a run's head").isGreaterThan(20);
    }
  }

  @Test
  void aChangeOnThePersonsFirstDayIsJudgedOnTheWholeHistory() {
    RuleBook rules = RuleBook.of(RuleBook.Preset.EU);
    LocalDate first = LocalDate.parse("2026-01-05");
    List<Figure> history =
        new Figures().days("2026-01-05", 60, f -> Figures.withWorked(f, 8)).list();
    DateSpan changed = DateSpan.of(first);
    PersonSpan person = new PersonSpan(first, first.plusDays(59), first.plusDays(59));
    DateSpan window = rules.reads(changed, person);
    assertThat(rules.judge(changed, window, within(history, window), List.of(), person, Map.of()))
        .isNull();
  }

  @Test
  void aChangeReadsTheWeeksOfTheAverageAroundItNotTheYear() {
    RuleBook rules = RuleBook.of(RuleBook.Preset.EU);
    PersonSpan year =
        new PersonSpan(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), null);
    DateSpan window = rules.reads(DateSpan.of(LocalDate.parse("2026-06-10")), year);
    // 16 trailing weeks either side of the changed week, Monday to Sunday
    assertThat(window.from()).isEqualTo(LocalDate.parse("2026-02-16"));
    assertThat(window.to()).isEqualTo(LocalDate.parse("2026-10-04"));
    // and nothing past the person's figures: a change on their latest day reads back only
    PersonSpan toJune =
        new PersonSpan(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-10"), null);
    assertThat(rules.reads(DateSpan.of(LocalDate.parse("2026-06-10")), toJune))
        .isEqualTo(new DateSpan(LocalDate.parse("2026-02-16"), LocalDate.parse("2026-06-10")));
  }

  @Test
  void aRunReachingPastTheWindowWithNoStandingAlertSendsTheChangeToTheWholeHistory() {
    RuleBook rules = RuleBook.of(RuleBook.Preset.EU);
    // balance below 0.5 every day of a year: a single LOW_BALANCE run longer than any window
    List<Figure> year =
        new Figures().days("2026-01-01", 365, f -> Figures.withBalance(f, 0.2)).list();
    DateSpan changed = DateSpan.of(LocalDate.parse("2026-07-01"));
    PersonSpan person =
        new PersonSpan(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), null);
    DateSpan window = rules.reads(changed, person);
    assertThat(rules.judge(changed, window, within(year, window), List.of(), person, Map.of()))
        .isNull();
  }

  @Test
  void aYearLongRunIsJudgedInTheWindowFromTheHeadItsStandingAlertHolds() {
    RuleBook rules = RuleBook.of(RuleBook.Preset.EU);
    List<Figure> year =
        new Figures()
            .days("2026-01-01", 365, f -> Figures.withBalance(Figures.withWorked(f, 8), 0.2))
            .list();
    // one more day of the same, as a live feed brings it
    List<Figure> now =
        new Figures()
            .days("2026-01-01", 366, f -> Figures.withBalance(Figures.withWorked(f, 8), 0.2))
            .list();
    LocalDate added = LocalDate.parse("2027-01-01");
    DateSpan changed = DateSpan.of(added);
    PersonSpan person = new PersonSpan(LocalDate.parse("2026-01-01"), added, null);
    DateSpan window = rules.reads(changed, person);
    // what the standing alerts hold: eight hours a day with no skill growth is a year-long
    // SKILL_STAGNATION run as well
    Map<RuleId, RunHead> heads = heads(rules, rules.evaluate(year), window);
    assertThat(heads).containsOnlyKeys(RuleId.LOW_BALANCE, RuleId.SKILL_STAGNATION);

    Judgement judgement =
        rules.judge(changed, window, within(now, window), List.of(), person, heads);

    Finding whole = only(rules.evaluate(now), RuleId.LOW_BALANCE);
    assertThat(judgement).isNotNull();
    assertThat(only(judgement.findings(), RuleId.LOW_BALANCE)).isEqualTo(whole);
    assertThat(only(judgement.findings(), RuleId.SKILL_STAGNATION))
        .isEqualTo(only(rules.evaluate(now), RuleId.SKILL_STAGNATION));
    assertThat(whole.value()).isEqualTo(366);
    assertThat(whole.period().label()).isEqualTo("2026-01-01");
  }

  @Test
  void aHeadThatDoesNotMeetTheWindowsFirstDayIsNotJoinedToARun() {
    RuleBook rules = RuleBook.of(RuleBook.Preset.EU);
    List<Figure> now =
        new Figures().days("2026-01-01", 366, f -> Figures.withBalance(f, 0.2)).list();
    LocalDate added = LocalDate.parse("2027-01-01");
    PersonSpan person = new PersonSpan(LocalDate.parse("2026-01-01"), added, null);
    DateSpan window = rules.reads(DateSpan.of(added), person);
    // a head that ends two days before the window: not the run through its first day
    RunHead stale =
        new RunHead(
            LocalDate.parse("2026-01-01"),
            List.of(Map.of("date", window.from().minusDays(2).toString(), "balance", 0.2)));

    List<Finding> findings =
        new LowBalanceRule()
            .evaluate(
                within(now, window), window, rules.settings(RuleId.LOW_BALANCE), person, stale);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.period().from()).isEqualTo(window.from());
              assertThat(f.days()).hasSize(within(now, window).size());
            });
  }

  private static Finding only(List<Finding> findings, RuleId rule) {
    return findings.stream().filter(f -> f.rule() == rule).collect(onlyElement());
  }

  private static <T> java.util.stream.Collector<T, ?, T> onlyElement() {
    return java.util.stream.Collectors.collectingAndThen(
        java.util.stream.Collectors.toList(),
        list -> {
          assertThat(list).hasSize(1);
          return list.get(0);
        });
  }

  private enum Outcome {
    WINDOW,
    HEADED,
    WHOLE
  }

  /**
   * One random history and change, judged around the change with the heads the standing alerts of
   * the history before it give; whether it was judged in its window, and through a head.
   */
  private static Outcome agrees(RuleBook rules, Random random, String name) {
    LocalDate start = LocalDate.parse("2025-01-01").plusDays(random.nextInt(365));
    int days = 20 + random.nextInt(400);
    TreeMap<LocalDate, Figure> before = new TreeMap<>();
    Gen gen = new Gen(random);
    for (int i = 0; i < days; i++) {
      LocalDate date = start.plusDays(i);
      if (i == 0 || i == days - 1 || random.nextInt(40) != 0) {
        before.put(date, gen.figure(date));
      }
    }
    LocalDate lo = start.plusDays(1 + random.nextInt(days + 20));
    LocalDate hi = lo.plusDays(random.nextInt(random.nextInt(4) == 0 ? 40 : 6));
    TreeMap<LocalDate, Figure> after = new TreeMap<>(before);
    Gen changes = new Gen(random);
    for (LocalDate d = lo; !d.isAfter(hi); d = d.plusDays(1)) {
      if (after.containsKey(d) || d.isAfter(before.lastKey()) || random.nextBoolean()) {
        after.put(d, changes.figure(d));
      }
    }
    List<Figure> old = List.copyOf(before.values());
    List<Figure> now = List.copyOf(after.values());
    DateSpan changed = new DateSpan(lo, hi);
    LocalDate latestEvent =
        now.stream().filter(Figure::hasEvents).map(Figure::date).reduce((a, b) -> b).orElse(null);
    PersonSpan person = new PersonSpan(after.firstKey(), after.lastKey(), latestEvent);
    DateSpan window = rules.reads(changed, person);
    List<Figure> month = List.of();
    if (latestEvent != null) {
      YearMonth m = YearMonth.from(latestEvent);
      month = within(now, new DateSpan(m.atDay(1), m.atEndOfMonth()));
    }
    List<Finding> previous = rules.evaluate(old);
    Map<RuleId, RunHead> heads = heads(rules, previous, window);
    Judgement judgement = rules.judge(changed, window, within(now, window), month, person, heads);
    if (judgement == null) {
      return Outcome.WHOLE;
    }
    List<Finding> whole = rules.evaluate(now);
    assertThat(whole)
        .as(name + ": the whole history's findings in the judged periods")
        .filteredOn(f -> judgement.judges(f.rule(), f.period()))
        .containsExactlyInAnyOrderElementsOf(judgement.findings());
    assertThat(previous)
        .as(name + ": outside the judged periods, nothing changed")
        .filteredOn(f -> !judgement.judges(f.rule(), f.period()))
        .containsExactlyInAnyOrderElementsOf(
            whole.stream().filter(f -> !judgement.judges(f.rule(), f.period())).toList());
    boolean needed =
        !heads.isEmpty()
            && rules.judge(changed, window, within(now, window), month, person, Map.of()) == null;
    return needed ? Outcome.HEADED : Outcome.WINDOW;
  }

  /**
   * What alert-service reads from standing alerts: per run rule, the part before the window of the
   * run whose finding (the alert's period and evidence) begins before it and reaches into it.
   */
  private static Map<RuleId, RunHead> heads(
      RuleBook rules, List<Finding> standing, DateSpan window) {
    Map<RuleId, RunHead> heads = new java.util.EnumMap<>(RuleId.class);
    for (Finding f : standing) {
      if (rules.runRules().contains(f.rule())
          && f.period().from().isBefore(window.from())
          && !f.period().to().isBefore(window.from())) {
        heads.put(f.rule(), RunHead.before(window.from(), f.period().from(), f.days()));
      }
    }
    return heads;
  }

  private static List<Figure> within(List<Figure> figures, DateSpan span) {
    return figures.stream().filter(f -> span.contains(f.date())).toList();
  }

  /** Figures near every rule's threshold, with the long stretches that make runs. */
  private static final class Gen {
    private final Random random;
    private boolean lowBalance;
    private boolean stagnant;
    private boolean late;
    private boolean busy;

    /** How rarely balance and skill growth turn: a third of histories hold runs of months. */
    private final int turns;

    Gen(Random random) {
      this.random = random;
      lowBalance = random.nextBoolean();
      stagnant = random.nextBoolean();
      turns = random.nextInt(3) == 0 ? 12 : 1;
    }

    Figure figure(LocalDate date) {
      lowBalance ^= random.nextInt(20 * turns) == 0;
      stagnant ^= random.nextInt(25 * turns) == 0;
      late ^= random.nextInt(4) == 0;
      busy ^= random.nextInt(10) == 0;
      boolean weekday = date.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) <= 0;
      double worked =
          weekday
              ? (random.nextInt(12) == 0 ? 0 : busy ? 10.5 + random.nextInt(3) : 8)
              : (random.nextInt(3) == 0 ? 6 : 0);
      Double rest = worked == 0 ? null : random.nextInt(6) == 0 ? 9.5 : 13.0;
      Double weeklyRest = random.nextInt(8) == 0 ? null : random.nextInt(5) == 0 ? 30.0 : 40.0;
      long epochDay = ChronoUnit.DAYS.between(LocalDate.EPOCH, date);
      return new Figure(
          date,
          worked,
          late && worked > 0 ? 1.5 : 0,
          rest,
          lowBalance ? 0.3 : 0.8,
          stagnant || worked == 0 ? 0 : 0.01 * (1 + epochDay % 3),
          weekday ? 8 : 0,
          weeklyRest,
          worked > 0 || random.nextInt(10) == 0);
    }
  }
}
