package org.wellbeing.alert.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wellbeing.contract.IsoWeek;

/**
 * AVERAGE_WEEKLY_HOURS: the mean weekly worked hours over the trailing 17 ISO weeks ending with the
 * judged week (or the weeks since the person's first day, if fewer) exceeds 48 h. Judged only once
 * 4 weeks are known.
 */
public final class AverageWeeklyHoursRule implements PersonRule {

  @Override
  public RuleId id() {
    return RuleId.AVERAGE_WEEKLY_HOURS;
  }

  @Override
  public List<Finding> evaluate(List<Figure> figures, RuleSettings settings) {
    if (figures.isEmpty()) {
      return List.of();
    }
    IsoWeek first = IsoWeek.of(figures.get(0).date());
    return evaluate(
        figures, settings, first, first, IsoWeek.of(figures.get(figures.size() - 1).date()));
  }

  /** A window's weeks are counted from the person's first week, not the window's. */
  @Override
  public List<Finding> evaluate(
      List<Figure> figures, DateSpan window, RuleSettings settings, PersonSpan person) {
    IsoWeek origin = IsoWeek.of(person.first());
    IsoWeek from = IsoWeek.of(window.from());
    IsoWeek to = IsoWeek.of(window.to());
    IsoWeek last = IsoWeek.of(person.last());
    return evaluate(
        figures,
        settings,
        origin,
        from.compareTo(origin) < 0 ? origin : from,
        to.compareTo(last) < 0 ? to : last);
  }

  /**
   * A changed week moves the mean of itself and of the weeks whose trailing weeks hold it; a change
   * after a gap also brings in the empty weeks since the figure before it, which are judged once
   * later figures exist.
   */
  @Override
  public DateSpan affected(
      DateSpan changed,
      DateSpan window,
      List<Figure> figures,
      PersonSpan person,
      RuleSettings settings) {
    LocalDate before = null;
    for (Figure f : figures) {
      if (f.date().isBefore(changed.from())) {
        before = f.date();
      }
    }
    if (before == null
        ? window.from().isAfter(person.first())
        : IsoWeek.of(before).next().compareTo(IsoWeek.of(changed.from())) < 0) {
      // weeks with no figure at all before the change: judging them reads weeks before the window
      return null;
    }
    return new DateSpan(
        changed.from(), IsoWeek.of(changed.to().plusWeeks(settings.length() - 1L)).sunday());
  }

  private List<Finding> evaluate(
      List<Figure> figures, RuleSettings settings, IsoWeek origin, IsoWeek from, IsoWeek to) {
    TreeMap<IsoWeek, List<Figure>> byWeek = WeeklyHoursRule.byWeek(figures);
    List<IsoWeek> weeks = new ArrayList<>();
    List<Double> sums = new ArrayList<>();
    for (IsoWeek week = from; week.compareTo(to) <= 0; week = week.next()) {
      double sum = 0;
      for (Figure f : byWeek.getOrDefault(week, List.of())) {
        sum += f.worked();
      }
      weeks.add(week);
      sums.add(sum);
    }
    long skipped = ChronoUnit.WEEKS.between(origin.monday(), from.monday());
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < weeks.size(); i++) {
      long known = skipped + i + 1;
      if (known < settings.minimum() || (skipped > 0 && i + 1 < settings.length())) {
        // too early, or its trailing weeks begin before the figures given (a window's first weeks)
        continue;
      }
      int n = (int) Math.min(Math.min(settings.length(), known), i + 1);
      double total = 0;
      for (int j = i - n + 1; j <= i; j++) {
        total += sums.get(j);
      }
      double mean = total / n;
      if (mean > settings.threshold()) {
        // written only for a finding: most weeks of most people are under the threshold
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (int j = i - n + 1; j <= i; j++) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("week", weeks.get(j).toString());
          row.put("workedHours", sums.get(j));
          evidence.add(row);
        }
        findings.add(
            new Finding(
                id(),
                Period.week(weeks.get(i)),
                settings.severityOf(mean),
                mean,
                settings.threshold(),
                "%.2f h a week on average over %d weeks to %s".formatted(mean, n, weeks.get(i)),
                evidence));
      }
    }
    return findings;
  }
}
