package org.wellbeing.contract;

import java.time.Instant;

/**
 * A team's figures for one ISO week, published on {@link Topics#TEAM_METRICS} for teams of at least
 * the minimum group size only.
 *
 * @param week ISO week, e.g. {@code 2026-W10}
 * @param meanBalance mean over members of W on the week's last day (W covers the whole week then)
 * @param shareOver48h fraction of members whose week's worked hours exceed 48
 * @param learningHours the members' learning hours in the week, summed
 */
public record TeamWeekMetrics(
    String teamId,
    String week,
    int members,
    double meanWeeklyHours,
    double medianWeeklyHours,
    double p90WeeklyHours,
    double meanBalance,
    double meanTimeManagement,
    double shareOver48h,
    Double learningHours,
    Instant computedAt) {

  /** These figures without learning hours, for a works agreement that leaves them out. */
  public TeamWeekMetrics withoutLearning() {
    return new TeamWeekMetrics(
        teamId,
        week,
        members,
        meanWeeklyHours,
        medianWeeklyHours,
        p90WeeklyHours,
        meanBalance,
        meanTimeManagement,
        shareOver48h,
        null,
        computedAt);
  }
}
