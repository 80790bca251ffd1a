package org.wellbeing.alert.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * AFTER_HOURS_STREAK: at least 1 h after hours on 3 or more consecutive days. One finding per run,
 * named by its first date; its value is the run's length in days.
 */
public final class AfterHoursStreakRule implements PersonRule {

  @Override
  public RuleId id() {
    return RuleId.AFTER_HOURS_STREAK;
  }

  @Override
  public List<Finding> evaluate(List<Figure> figures, RuleSettings settings) {
    List<Finding> findings = new ArrayList<>();
    for (List<Figure> run :
        Runs.consecutiveDays(figures, f -> f.afterHours() >= settings.threshold())) {
      if (run.size() >= settings.length()) {
        findings.add(
            Runs.finding(
                id(),
                settings,
                run,
                "%d consecutive days with at least %.1f h after hours from %s"
                    .formatted(run.size(), settings.threshold(), run.get(0).date()),
                "afterHoursHours",
                Figure::afterHours));
      }
    }
    return findings;
  }

  @Override
  public DateSpan affected(
      DateSpan changed,
      DateSpan window,
      List<Figure> figures,
      PersonSpan person,
      RuleSettings settings) {
    return Runs.consecutiveReach(
        changed, window, figures, person, f -> f.afterHours() >= settings.threshold());
  }
}
