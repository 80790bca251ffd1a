package org.wellbeing.alert.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wellbeing.contract.IsoWeek;

/** WEEKLY_HOURS: worked in an ISO week over 48 h (WARNING), over 55 h (CRITICAL). */
public final class WeeklyHoursRule implements PersonRule {

  @Override
  public RuleId id() {
    return RuleId.WEEKLY_HOURS;
  }

  @Override
  public List<Finding> evaluate(List<Figure> figures, RuleSettings settings) {
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<IsoWeek, List<Figure>> week : byWeek(figures).entrySet()) {
      double worked = 0;
      for (Figure f : week.getValue()) {
        worked += f.worked();
      }
      if (worked > settings.threshold()) {
        findings.add(
            new Finding(
                id(),
                Period.week(week.getKey()),
                settings.severityOf(worked),
                worked,
                settings.threshold(),
                "%.2f h worked in %s".formatted(worked, week.getKey()),
                Evidence.days(week.getValue(), "workedHours", Figure::worked)));
      }
    }
    return findings;
  }

  static TreeMap<IsoWeek, List<Figure>> byWeek(List<Figure> figures) {
    TreeMap<IsoWeek, List<Figure>> weeks = new TreeMap<>();
    for (Figure f : figures) {
      weeks.computeIfAbsent(IsoWeek.of(f.date()), k -> new ArrayList<>()).add(f);
    }
    return weeks;
  }

  @Override
  public DateSpan reads(DateSpan changed) {
    return new DateSpan(IsoWeek.of(changed.from()).monday(), IsoWeek.of(changed.to()).sunday());
  }
}
