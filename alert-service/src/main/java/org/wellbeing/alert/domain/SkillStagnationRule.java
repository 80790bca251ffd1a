package org.wellbeing.alert.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * SKILL_STAGNATION: skill grew by nothing on every one of the last 28 days that had work. Days
 * without work neither break nor extend the run; one finding per run, named by its first date.
 */
public final class SkillStagnationRule implements PersonRule {

  @Override
  public RuleId id() {
    return RuleId.SKILL_STAGNATION;
  }

  @Override
  public List<Finding> evaluate(List<Figure> figures, RuleSettings settings) {
    List<Figure> workDays = workDays(figures);
    List<Finding> findings = new ArrayList<>();
    for (List<Figure> run : Runs.successive(workDays, f -> f.skillDelta() == 0)) {
      if (run.size() >= settings.length()) {
        findings.add(
            Runs.finding(
                id(),
                settings,
                run,
                "no skill growth on %d work days from %s".formatted(run.size(), run.get(0).date()),
                "skillDelta",
                Figure::skillDelta));
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
    return Runs.successiveReach(
        changed, window, workDays(figures), person, f -> f.skillDelta() == 0);
  }

  private static List<Figure> workDays(List<Figure> figures) {
    return figures.stream().filter(f -> f.worked() > 0).toList();
  }
}
