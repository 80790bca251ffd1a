package org.wellbeing.alert.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wellbeing.contract.IsoWeek;

/**
 * WEEKLY_REST: for some day of the ISO week, no stretch off work of 35 h (24 h + 11 h), measured
 * whole, overlaps the 7 days ending on it. One finding per week; its value is the shortest such
 * longest stretch.
 */
public final class WeeklyRestRule implements PersonRule {

  @Override
  public RuleId id() {
    return RuleId.WEEKLY_REST;
  }

  @Override
  public List<Finding> evaluate(List<Figure> figures, RuleSettings settings) {
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<IsoWeek, List<Figure>> week : WeeklyHoursRule.byWeek(figures).entrySet()) {
      List<Figure> short_ =
          week.getValue().stream().filter(f -> f.weeklyRestBelow(settings.threshold())).toList();
      if (short_.isEmpty()) {
        continue;
      }
      double shortest = short_.stream().mapToDouble(Figure::weeklyRest).min().orElseThrow();
      findings.add(
          new Finding(
              id(),
              Period.week(week.getKey()),
              settings.severity(),
              shortest,
              settings.threshold(),
              "the longest stretch off work overlapping the 7 days to %s was %.2f h"
                  .formatted(short_.get(0).date(), shortest),
              Evidence.days(short_, "weeklyRestHours", Figure::weeklyRest)));
    }
    return findings;
  }

  @Override
  public DateSpan reads(DateSpan changed) {
    return new DateSpan(IsoWeek.of(changed.from()).monday(), IsoWeek.of(changed.to()).sunday());
  }
}
