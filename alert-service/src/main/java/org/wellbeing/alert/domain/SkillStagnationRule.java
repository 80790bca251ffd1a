package org.wellbeing.alert.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * SKILL_STAGNATION: skill grew by nothing on every one of the last 28 days that had work. Days
 * without work neither break nor extend the run; one finding per run, named by its first date.
 */
public final class SkillStagnationRule extends RunRule {

  @Override
  public RuleId id() {
    return RuleId.SKILL_STAGNATION;
  }

  @Override
  boolean meets(Figure f, RuleSettings settings) {
    return f.skillDelta() == 0;
  }

  @Override
  boolean consecutive() {
    return false;
  }

  @Override
  List<Figure> counted(List<Figure> figures) {
    return figures.stream().filter(f -> f.worked() > 0).toList();
  }

  @Override
  String summary(RuleSettings settings, int length, LocalDate first) {
    return "no skill growth on %d work days from %s".formatted(length, first);
  }

  @Override
  String evidenceName() {
    return "skillDelta";
  }

  @Override
  Object evidenceValue(Figure f) {
    return f.skillDelta();
  }
}
