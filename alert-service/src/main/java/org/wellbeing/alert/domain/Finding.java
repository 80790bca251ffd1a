package org.wellbeing.alert.domain;

import java.util.List;
import java.util.Map;

/**
 * A rule firing for a subject and period, with the figures that made it fire.
 *
 * @param threshold the rule's firing threshold (the value was beyond it)
 * @param days per date, the figures the rule read
 * @param forecast OVERTIME_FORECAST's projection inputs; null for every other rule
 */
public record Finding(
    RuleId rule,
    Period period,
    Severity severity,
    double value,
    double threshold,
    String summary,
    List<Map<String, Object>> days,
    Forecast forecast) {

  public Finding(
      RuleId rule,
      Period period,
      Severity severity,
      double value,
      double threshold,
      String summary,
      List<Map<String, Object>> days) {
    this(rule, period, severity, value, threshold, summary, days, null);
  }

  /**
   * What OVERTIME_FORECAST projected from (MODEL.md).
   *
   * @param overtimeHours OT: worked minus daily contract over the month's days up to the person's
   *     latest date with an event
   * @param elapsedContractDays n_e: those days with a daily contract above 0
   * @param remainingContractDays n_r: the month's later days with a daily contract above 0
   * @param breachDate the day on which, at the month's pace so far, the threshold is passed
   */
  public record Forecast(
      double overtimeHours,
      int elapsedContractDays,
      int remainingContractDays,
      java.time.LocalDate breachDate) {}
}
