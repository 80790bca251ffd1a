package org.wellbeing.alert.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.wellbeing.contract.IsoWeek;

/** The rule set in force: each rule's settings, from a jurisdiction's preset plus overrides. */
public final class RuleBook {

  /** Presets per jurisdiction. */
  public enum Preset {
    /** EU Working Time Directive 2003/88/EC; the thresholds of MODEL.md. */
    EU,
    /** Japan: 45 h/month overtime cap, the ~80 h/month karoshi line, a weekly day off. */
    JAPAN,
    /** Plain overtime tracking: no rest rules, lenient hour limits. */
    NONE
  }

  private static final List<PersonRule> PERSON_RULES =
      List.of(
          new WeeklyHoursRule(),
          new AverageWeeklyHoursRule(),
          new DailyRestRule(),
          new WeeklyRestRule(),
          new MonthlyOvertimeRule(),
          new AfterHoursStreakRule(),
          new LowBalanceRule(),
          new SkillStagnationRule());

  private static final OvertimeForecastRule FORECAST = new OvertimeForecastRule();

  private final Map<RuleId, RuleSettings> settings;

  public RuleBook(Map<RuleId, RuleSettings> settings) {
    this.settings = Map.copyOf(settings);
  }

  public static RuleBook of(Preset preset) {
    return new RuleBook(preset(preset));
  }

  /** The settings of {@code preset}, every rule included. */
  public static Map<RuleId, RuleSettings> preset(Preset preset) {
    Map<RuleId, RuleSettings> eu = new EnumMap<>(RuleId.class);
    eu.put(RuleId.WEEKLY_HOURS, RuleSettings.of(Severity.WARNING, 48, 55.0, 0));
    eu.put(
        RuleId.AVERAGE_WEEKLY_HOURS,
        RuleSettings.of(Severity.CRITICAL, 48, null, 17).withMinimum(4));
    eu.put(RuleId.DAILY_REST, RuleSettings.of(Severity.WARNING, 11, null, 0));
    eu.put(RuleId.WEEKLY_REST, RuleSettings.of(Severity.WARNING, 35, null, 7));
    eu.put(RuleId.MONTHLY_OVERTIME, RuleSettings.of(Severity.WARNING, 45, 80.0, 0));
    eu.put(RuleId.AFTER_HOURS_STREAK, RuleSettings.of(Severity.WARNING, 1, null, 3));
    eu.put(RuleId.LOW_BALANCE, RuleSettings.of(Severity.WARNING, 0.5, null, 14));
    eu.put(RuleId.SKILL_STAGNATION, RuleSettings.of(Severity.INFO, 0, null, 28));
    // judged against MONTHLY_OVERTIME's threshold; minimum = n_e, the elapsed contract days needed
    eu.put(RuleId.OVERTIME_FORECAST, RuleSettings.of(Severity.WARNING, 45, null, 0).withMinimum(5));
    eu.put(RuleId.TEAM_OVERLOAD, RuleSettings.of(Severity.CRITICAL, 0.3, null, 0));
    switch (preset) {
      case EU -> {}
      case JAPAN -> {
        // statutory 40 h week; 45 h/month overtime cap, 80 h/month the karoshi line
        eu.put(RuleId.WEEKLY_HOURS, RuleSettings.of(Severity.WARNING, 50, 60.0, 0));
        eu.put(
            RuleId.AVERAGE_WEEKLY_HOURS,
            RuleSettings.of(Severity.CRITICAL, 60, null, 17).withMinimum(4));
        // one day off a week; the 11 h interval is only an effort obligation
        eu.put(RuleId.WEEKLY_REST, RuleSettings.of(Severity.WARNING, 24, null, 7));
        eu.put(RuleId.DAILY_REST, RuleSettings.of(Severity.INFO, 11, null, 0));
      }
      case NONE -> {
        eu.put(RuleId.AVERAGE_WEEKLY_HOURS, eu.get(RuleId.AVERAGE_WEEKLY_HOURS).disabled());
        eu.put(RuleId.DAILY_REST, eu.get(RuleId.DAILY_REST).disabled());
        eu.put(RuleId.WEEKLY_REST, eu.get(RuleId.WEEKLY_REST).disabled());
        eu.put(RuleId.AFTER_HOURS_STREAK, eu.get(RuleId.AFTER_HOURS_STREAK).disabled());
        eu.put(RuleId.WEEKLY_HOURS, RuleSettings.of(Severity.WARNING, 60, 70.0, 0));
        eu.put(RuleId.MONTHLY_OVERTIME, RuleSettings.of(Severity.WARNING, 60, 100.0, 0));
        eu.put(RuleId.OVERTIME_FORECAST, eu.get(RuleId.OVERTIME_FORECAST).disabled());
      }
    }
    return eu;
  }

  /**
   * The enabled rules over runs, whose runs may begin before the window a change is judged in (see
   * {@link RunHead}).
   */
  public java.util.Set<RuleId> runRules() {
    java.util.Set<RuleId> ids = java.util.EnumSet.noneOf(RuleId.class);
    for (PersonRule rule : PERSON_RULES) {
      if (rule.runs() && settings.get(rule.id()).enabled()) {
        ids.add(rule.id());
      }
    }
    return ids;
  }

  public RuleSettings settings(RuleId rule) {
    return settings.get(rule);
  }

  /** Every finding of every enabled person rule. */
  public List<Finding> evaluate(List<Figure> figures) {
    List<Finding> findings = new ArrayList<>();
    for (PersonRule rule : PERSON_RULES) {
      RuleSettings s = settings.get(rule.id());
      if (s.enabled()) {
        findings.addAll(rule.evaluate(figures, s));
      }
    }
    RuleSettings forecast = settings.get(RuleId.OVERTIME_FORECAST);
    if (forecast.enabled()) {
      findings.addAll(FORECAST.evaluate(figures, forecast, settings.get(RuleId.MONTHLY_OVERTIME)));
    }
    return findings;
  }

  /** Every finding of the whole history, every period judged. */
  public Judgement judgeAll(List<Figure> figures) {
    return Judgement.whole(evaluate(figures));
  }

  /**
   * The figures to read to judge a change of those on {@code changed}: the months and weeks it
   * falls in and the trailing weeks of the average on either side, which also leaves room for the
   * runs through it; no further than the person's figures go.
   */
  public DateSpan reads(DateSpan changed, PersonSpan person) {
    int weeks = Math.max(settings.get(RuleId.AVERAGE_WEEKLY_HOURS).length() - 1, 4);
    LocalDate from = IsoWeek.of(changed.from().minusWeeks(weeks)).monday();
    LocalDate monthStart = changed.from().withDayOfMonth(1);
    LocalDate to = IsoWeek.of(changed.to().plusWeeks(weeks)).sunday();
    LocalDate monthEnd = YearMonth.from(changed.to()).atEndOfMonth();
    from = monthStart.isBefore(from) ? monthStart : from;
    to = monthEnd.isAfter(to) ? monthEnd : to;
    return new DateSpan(
        from.isBefore(person.first()) ? person.first() : from,
        to.isAfter(person.last()) ? person.last() : to);
  }

  /**
   * Judges only the periods a change of the figures on {@code changed} can affect; every other
   * alert's figures are as they were. Gives exactly what {@link #judgeAll} gives for those periods.
   *
   * @param figures the person's figures on {@code window}, which holds {@link #reads}
   * @param forecastMonth the person's figures in the month of {@code person.latestEvent()}
   * @param heads per rule over {@link #runRules runs}, the part before {@code window} of the run
   *     through its first day, from the run's standing alert; a rule without one has no such run
   *     known
   * @return null when only the whole history can tell: the change moves where the history starts
   *     (averages count weeks from there), or a run through it reaches past the window where no
   *     head says how far
   */
  public Judgement judge(
      DateSpan changed,
      DateSpan window,
      List<Figure> figures,
      List<Figure> forecastMonth,
      PersonSpan person,
      Map<RuleId, RunHead> heads) {
    if (!changed.from().isAfter(person.first())) {
      return null;
    }
    Map<RuleId, DateSpan> scope = new EnumMap<>(RuleId.class);
    List<Finding> findings = new ArrayList<>();
    for (PersonRule rule : PERSON_RULES) {
      RuleSettings s = settings.get(rule.id());
      if (!s.enabled()) {
        continue;
      }
      RunHead head = heads.get(rule.id());
      DateSpan zone = rule.affected(changed, window, figures, person, s, head);
      if (zone == null) {
        return null;
      }
      scope.put(rule.id(), zone);
      DateSpan reads = rule.reads(changed);
      List<Figure> read =
          reads == null ? figures : figures.stream().filter(f -> reads.contains(f.date())).toList();
      for (Finding f : rule.evaluate(read, reads == null ? window : reads, s, person, head)) {
        if (zone.overlaps(f.period())) {
          findings.add(f);
        }
      }
    }
    RuleSettings forecast = settings.get(RuleId.OVERTIME_FORECAST);
    if (forecast.enabled()) {
      // it reads one month, the latest event's, and is judged everywhere: a forecast elsewhere ends
      findings.addAll(
          FORECAST.evaluate(forecastMonth, forecast, settings.get(RuleId.MONTHLY_OVERTIME)));
    }
    return new Judgement(findings, scope);
  }
}
