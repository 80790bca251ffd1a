package org.wellbeing.alert.domain;

/** The overwork rules of MODEL.md. */
public enum RuleId {
  WEEKLY_HOURS,
  AVERAGE_WEEKLY_HOURS,
  DAILY_REST,
  WEEKLY_REST,
  MONTHLY_OVERTIME,
  AFTER_HOURS_STREAK,
  LOW_BALANCE,
  SKILL_STAGNATION,
  OVERTIME_FORECAST,
  TEAM_OVERLOAD;

  /** The name used in configuration keys, e.g. {@code weekly-hours}. */
  public String configKey() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
