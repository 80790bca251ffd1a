package org.wellbeing.alert.domain;

/**
 * One rule's configuration.
 *
 * @param threshold the value beyond which the rule fires
 * @param critical beyond this the finding is CRITICAL; null when the rule never escalates
 * @param length the number of days (runs) or weeks (averages) the rule looks at
 * @param minimum the fewest weeks an average needs before it is judged
 */
public record RuleSettings(
    boolean enabled,
    Severity severity,
    double threshold,
    Double critical,
    int length,
    int minimum) {

  public static RuleSettings of(Severity severity, double threshold, Double critical, int length) {
    return new RuleSettings(true, severity, threshold, critical, length, 0);
  }

  public RuleSettings disabled() {
    return new RuleSettings(false, severity, threshold, critical, length, minimum);
  }

  public RuleSettings withMinimum(int value) {
    return new RuleSettings(enabled, severity, threshold, critical, length, value);
  }

  /** The severity of a value that fired: CRITICAL beyond the critical threshold. */
  public Severity severityOf(double value) {
    return critical != null && value > critical ? Severity.CRITICAL : severity;
  }
}
