package org.wellbeing.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wellbeing.alert.domain.TeamOverloadRule.MemberAlert;

/** Each rule of MODEL.md at its boundary, with the EU preset. */
class RulesTest {

  private final RuleBook eu = RuleBook.of(RuleBook.Preset.EU);

  private List<Finding> run(PersonRule rule, List<Figure> figures) {
    return rule.evaluate(figures, eu.settings(rule.id()));
  }

  /** Five working days of {@code hours} each, Monday 2026-03-02 to Friday. */
  private static List<Figure> week(double hours) {
    return new Figures().days("2026-03-02", 5, f -> Figures.withWorked(f, hours)).list();
  }

  @Test
  void weeklyHoursOf48DoNotFireAnd48point01Do() {
    assertThat(run(new WeeklyHoursRule(), week(9.6))).isEmpty();

    List<Figure> over = new java.util.ArrayList<>(week(9.6));
    over.set(4, Figures.withWorked(over.get(4), 9.61));
    assertThat(run(new WeeklyHoursRule(), over))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.period().label()).isEqualTo("2026-W10");
              assertThat(f.value()).isCloseTo(48.01, within(1e-9));
              assertThat(f.threshold()).isEqualTo(48.0);
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
            });
  }

  @Test
  void weeklyHoursOver55AreCritical() {
    assertThat(run(new WeeklyHoursRule(), week(11)))
        .singleElement()
        .returns(Severity.WARNING, Finding::severity);
    assertThat(run(new WeeklyHoursRule(), week(11.01)))
        .singleElement()
        .returns(Severity.CRITICAL, Finding::severity);
  }

  @Test
  void dailyRestOf11HoursDoesNotFireAnd10point99Does() {
    List<Figure> figures =
        List.of(
            Figures.withRest(Figures.quiet(LocalDate.parse("2026-03-02")), 11.0),
            Figures.withRest(Figures.quiet(LocalDate.parse("2026-03-03")), 10.99),
            Figures.withRest(Figures.quiet(LocalDate.parse("2026-03-04")), null));

    assertThat(run(new DailyRestRule(), figures))
        .extracting(f -> f.period().label(), Finding::value, Finding::severity)
        .containsExactly(tuple("2026-03-03", 10.99, Severity.WARNING));
  }

  @Test
  void weeklyRestOf35HoursOrAnOpenStretchDoesNotFireAndLessDoes() {
    List<Figure> figures =
        new Figures()
            .days("2026-03-02", 7, f -> Figures.withWeeklyRest(f, 35.0))
            .days(
                "2026-03-09",
                7,
                f -> Figures.withWeeklyRest(f, f.date().getDayOfMonth() == 12 ? 34.99 : 40.0))
            .days("2026-03-16", 7, f -> Figures.withWeeklyRest(f, null))
            .list();

    assertThat(run(new WeeklyRestRule(), figures))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.period().label()).isEqualTo("2026-W11");
              assertThat(f.value()).isEqualTo(34.99);
            });
  }

  @Test
  void averageOver17WeeksFiresOnlyOnceFourWeeksAreKnown() {
    // three weeks of 60 h: too few weeks to judge
    Figures figures = new Figures();
    for (int w = 0; w < 3; w++) {
      figures.days(
          LocalDate.parse("2026-01-05").plusWeeks(w).toString(), 5, f -> Figures.withWorked(f, 12));
    }
    assertThat(run(new AverageWeeklyHoursRule(), figures.list())).isEmpty();

    // a fourth week of 60 h: the mean of 4 weeks is 60 h
    figures.days("2026-01-26", 5, f -> Figures.withWorked(f, 12));
    assertThat(run(new AverageWeeklyHoursRule(), figures.list()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.period().label()).isEqualTo("2026-W05");
              assertThat(f.value()).isEqualTo(60.0);
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            });
  }

  @Test
  void averageUsesTheTrailing17WeeksOnly() {
    // 17 weeks at exactly 48 h, then one week at 49 h: (16·48 + 49) / 17 > 48
    Figures figures = new Figures();
    for (int w = 0; w < 17; w++) {
      figures.days(
          LocalDate.parse("2026-01-05").plusWeeks(w).toString(), 4, f -> Figures.withWorked(f, 12));
    }
    assertThat(run(new AverageWeeklyHoursRule(), figures.list())).isEmpty();
    figures.days("2026-05-04", 1, f -> Figures.withWorked(f, 49));
    assertThat(run(new AverageWeeklyHoursRule(), figures.list()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.period().label()).isEqualTo("2026-W19");
              assertThat(f.value()).isCloseTo((16 * 48 + 49) / 17.0, within(1e-9));
            });
  }

  @Test
  void monthlyOvertimeFiresOver45AndIsCriticalOver80() {
    // 22 working days of March 2026 with 8 h contract each
    Figures month = new Figures();
    LocalDate day = LocalDate.parse("2026-03-01");
    double[] extra = {45.0 / 22};
    for (int i = 0; i < 31; i++) {
      LocalDate date = day.plusDays(i);
      boolean weekday = date.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
      month.days(
          date.toString(),
          1,
          f -> weekday ? Figures.withContract(Figures.withWorked(f, 8 + extra[0]), 8) : f);
    }
    assertThat(run(new MonthlyOvertimeRule(), month.list())).isEmpty();

    Figures over = new Figures();
    for (int i = 0; i < 31; i++) {
      LocalDate date = day.plusDays(i);
      boolean weekday = date.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
      over.days(
          date.toString(),
          1,
          f -> weekday ? Figures.withContract(Figures.withWorked(f, 12), 8) : f);
    }
    assertThat(run(new MonthlyOvertimeRule(), over.list()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.period().label()).isEqualTo("2026-03");
              assertThat(f.value()).isEqualTo(88.0);
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            });
  }

  @Test
  void monthlyOvertimeOfExactly80StaysWarning() {
    Figures month =
        new Figures()
            .days("2026-03-02", 10, f -> Figures.withContract(Figures.withWorked(f, 16), 8));
    assertThat(run(new MonthlyOvertimeRule(), month.list()))
        .singleElement()
        .returns(80.0, Finding::value)
        .returns(Severity.WARNING, Finding::severity);
  }

  @Test
  void afterHoursOnThreeConsecutiveDaysIsOneStreakNamedByItsFirstDate() {
    List<Figure> figures =
        new Figures()
            .days("2026-03-02", 2, f -> Figures.withAfterHours(f, 1))
            .days("2026-03-04", 1, f -> Figures.withAfterHours(f, 0.99))
            .days("2026-03-05", 4, f -> Figures.withAfterHours(f, 1.5))
            .list();

    assertThat(run(new AfterHoursStreakRule(), figures))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.period().label()).isEqualTo("2026-03-05");
              assertThat(f.period().to()).isEqualTo(LocalDate.parse("2026-03-08"));
              assertThat(f.value()).isEqualTo(4.0);
            });
  }

  @Test
  void lowBalanceNeeds14ConsecutiveDays() {
    List<Figure> thirteen =
        new Figures().days("2026-03-01", 13, f -> Figures.withBalance(f, 0.49)).list();
    assertThat(run(new LowBalanceRule(), thirteen)).isEmpty();

    List<Figure> fourteen =
        new Figures().days("2026-03-01", 14, f -> Figures.withBalance(f, 0.49)).list();
    assertThat(run(new LowBalanceRule(), fourteen))
        .singleElement()
        .returns("2026-03-01", f -> f.period().label());

    List<Figure> atHalf =
        new Figures().days("2026-03-01", 20, f -> Figures.withBalance(f, 0.5)).list();
    assertThat(run(new LowBalanceRule(), atHalf)).isEmpty();
  }

  @Test
  void skillStagnationCountsOnlyDaysWithWork() {
    // 28 work days without growth, spread over weekends that do not break the run
    Figures figures = new Figures();
    LocalDate date = LocalDate.parse("2026-03-02");
    int workDays = 0;
    while (workDays < 28) {
      boolean weekday = date.getDayOfWeek().getValue() <= 5;
      figures.days(date.toString(), 1, f -> weekday ? Figures.withWorked(f, 8) : f);
      if (weekday) {
        workDays++;
      }
      date = date.plusDays(1);
    }
    assertThat(run(new SkillStagnationRule(), figures.list()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.period().label()).isEqualTo("2026-03-02");
              assertThat(f.severity()).isEqualTo(Severity.INFO);
            });

    List<Figure> grew = new java.util.ArrayList<>(figures.list());
    grew.set(10, Figures.withSkillDelta(grew.get(10), 0.1));
    assertThat(run(new SkillStagnationRule(), grew)).isEmpty();
  }

  @Test
  void teamOverloadFiresAt30PercentOfAtLeastFiveMembers() {
    TeamOverloadRule rule = new TeamOverloadRule();
    RuleSettings settings = eu.settings(RuleId.TEAM_OVERLOAD);
    LocalDate monday = LocalDate.parse("2026-03-02");
    List<MemberAlert> three =
        List.of(
            new MemberAlert("a", monday, monday.plusDays(6)),
            new MemberAlert("b", monday.plusDays(2), monday.plusDays(2)),
            new MemberAlert("c", monday.plusDays(3), monday.plusDays(3)));

    assertThat(rule.evaluate(10, three, settings, 5))
        .singleElement()
        .returns("2026-W10", f -> f.period().label())
        .returns(0.3, Finding::value)
        .returns(Severity.CRITICAL, Finding::severity);
    assertThat(rule.evaluate(11, three, settings, 5)).isEmpty();
    assertThat(rule.evaluate(4, three, settings, 5)).as("below the min group size").isEmpty();
  }

  @Test
  void presetsDifferWhereTheirJurisdictionsDo() {
    RuleBook japan = RuleBook.of(RuleBook.Preset.JAPAN);
    RuleBook none = RuleBook.of(RuleBook.Preset.NONE);

    assertThat(japan.settings(RuleId.MONTHLY_OVERTIME).critical()).isEqualTo(80.0);
    assertThat(japan.settings(RuleId.WEEKLY_REST).threshold()).isEqualTo(24.0);
    assertThat(none.settings(RuleId.DAILY_REST).enabled()).isFalse();
    assertThat(none.evaluate(week(11))).isEmpty();
    assertThat(eu.evaluate(week(11))).extracting(Finding::rule).contains(RuleId.WEEKLY_HOURS);
  }
}
