package org.wellbeing.alert.domain;

import java.util.ArrayList;
import java.util.List;

/** DAILY_REST: a rest figure below 11 h. */
public final class DailyRestRule implements PersonRule {

  @Override
  public RuleId id() {
    return RuleId.DAILY_REST;
  }

  @Override
  public List<Finding> evaluate(List<Figure> figures, RuleSettings settings) {
    List<Finding> findings = new ArrayList<>();
    for (Figure f : figures) {
      if (f.rest() != null && f.rest() < settings.threshold()) {
        findings.add(
            new Finding(
                id(),
                Period.day(f.date()),
                settings.severity(),
                f.rest(),
                settings.threshold(),
                "%.2f h of rest before work on %s".formatted(f.rest(), f.date()),
                List.of(Evidence.day(f, "restHours", f.rest()))));
      }
    }
    return findings;
  }

  @Override
  public DateSpan reads(DateSpan changed) {
    return changed;
  }
}
