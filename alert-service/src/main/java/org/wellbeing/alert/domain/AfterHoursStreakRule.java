package org.wellbeing.alert.domain;

import java.time.LocalDate;

/**
 * AFTER_HOURS_STREAK: at least 1 h after hours on 3 or more consecutive days. One finding per run,
 * named by its first date; its value is the run's length in days.
 */
public final class AfterHoursStreakRule extends RunRule {

  @Override
  public RuleId id() {
    return RuleId.AFTER_HOURS_STREAK;
  }

  @Override
  boolean meets(Figure f, RuleSettings settings) {
    return f.afterHours() >= settings.threshold();
  }

  @Override
  boolean consecutive() {
    return true;
  }

  @Override
  String summary(RuleSettings settings, int length, LocalDate first) {
    return "%d consecutive days with at least %.1f h after hours from %s"
        .formatted(length, settings.threshold(), first);
  }

  @Override
  String evidenceName() {
    return "afterHoursHours";
  }

  @Override
  Object evidenceValue(Figure f) {
    return f.afterHours();
  }
}
