package org.wellbeing.alert.domain;

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
    TreeMap<IsoWeek, List<Figure>> byWeek = WeeklyHoursRule.byWeek(figures);
    List<IsoWeek> weeks = new ArrayList<>();
    List<Double> sums = new ArrayList<>();
    for (IsoWeek week = byWeek.firstKey();
        week.compareTo(byWeek.lastKey()) <= 0;
        week = week.next()) {
      double sum = 0;
      for (Figure f : byWeek.getOrDefault(week, List.of())) {
        sum += f.worked();
      }
      weeks.add(week);
      sums.add(sum);
    }
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < weeks.size(); i++) {
      int known = i + 1;
      if (known < settings.minimum()) {
        continue;
      }
      int n = Math.min(settings.length(), known);
      double total = 0;
      List<Map<String, Object>> evidence = new ArrayList<>();
      for (int j = i - n + 1; j <= i; j++) {
        total += sums.get(j);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("week", weeks.get(j).toString());
        row.put("workedHours", sums.get(j));
        evidence.add(row);
      }
      double mean = total / n;
      if (mean > settings.threshold()) {
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
