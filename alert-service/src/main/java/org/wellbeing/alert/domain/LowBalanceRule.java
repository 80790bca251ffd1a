package org.wellbeing.alert.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * LOW_BALANCE: work-life balance W below 0.5 on 14 consecutive days. One finding per run, named by
 * its first date; its value is the run's length in days.
 */
public final class LowBalanceRule implements PersonRule {

  @Override
  public RuleId id() {
    return RuleId.LOW_BALANCE;
  }

  @Override
  public List<Finding> evaluate(List<Figure> figures, RuleSettings settings) {
    List<Finding> findings = new ArrayList<>();
    for (List<Figure> run :
        Runs.consecutiveDays(figures, f -> f.balance() < settings.threshold())) {
      if (run.size() >= settings.length()) {
        findings.add(
            Runs.finding(
                id(),
                settings,
                run,
                "balance below %.2f on %d consecutive days from %s"
                    .formatted(settings.threshold(), run.size(), run.get(0).date()),
                "balance",
                Figure::balance));
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
        changed, window, figures, person, f -> f.balance() < settings.threshold());
  }
}
