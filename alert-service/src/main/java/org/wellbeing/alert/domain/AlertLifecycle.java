package org.wellbeing.alert.domain;

/**
 * MODEL.md's alert lifecycle, one decision per event: an alert opens when its rule fires, escalates
 * in place when the severity rises, resolves by itself when recomputed figures no longer fire it,
 * opens again when they do, and can be acknowledged while it is not resolved.
 */
public final class AlertLifecycle {

  /** Where an alert stands. */
  public enum Status {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
  }

  /** What a finding does to the alert of its (subject, rule, period). */
  public enum OnFinding {
    /** No alert yet: one opens. */
    OPEN,
    /** The alert had resolved: it opens again, its acknowledgement forgotten. */
    REOPEN,
    /** The alert stands and the finding is more severe: it escalates in place. */
    ESCALATE,
    /** The alert stands: its figures follow the finding, nobody is told again. */
    UPDATE
  }

  private AlertLifecycle() {}

  /**
   * @param current the alert's status, null when there is none
   * @param severity the alert's severity, null when there is none
   */
  public static OnFinding onFinding(Status current, Severity severity, Severity found) {
    if (current == null) {
      return OnFinding.OPEN;
    }
    if (current == Status.RESOLVED) {
      return OnFinding.REOPEN;
    }
    return severity.compareTo(found) < 0 ? OnFinding.ESCALATE : OnFinding.UPDATE;
  }

  /**
   * Whether an alert no finding names any more resolves: a standing one does, unless its rule is
   * switched off, which leaves alerts as they were rather than declaring the danger over.
   */
  public static boolean resolvesWithoutFinding(Status current, boolean ruleEnabled) {
    return current != Status.RESOLVED && ruleEnabled;
  }

  /** The status after an acknowledgement; a resolved alert has nothing to acknowledge. */
  public static Status acknowledge(Status current) {
    if (current == Status.RESOLVED) {
      throw new ConflictException("the alert is resolved; there is nothing to acknowledge");
    }
    return Status.ACKNOWLEDGED;
  }
}
