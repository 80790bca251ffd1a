package org.wellbeing.model.domain;

import java.util.Arrays;
import java.util.List;

/** A team's weekly figures from its members' weeks (issue "Queries": TeamWeekMetrics). */
public final class TeamWeekCalculator {

  /** Weekly worked hours above this count a member as over the limit. */
  public static final double OVERWORK_HOURS = 48;

  /**
   * One member's week.
   *
   * @param balance W on the week's Sunday, which covers exactly that week
   * @param timeManagement M on the week's Sunday
   */
  public record MemberWeek(
      double workedHours, double learningHours, double balance, double timeManagement) {}

  /** The figures; every statistic is over members, medians and p90 by linear interpolation. */
  public record TeamWeek(
      int members,
      double meanWeeklyHours,
      double medianWeeklyHours,
      double p90WeeklyHours,
      double meanBalance,
      double meanTimeManagement,
      double shareOver48h,
      double learningHours) {}

  private TeamWeekCalculator() {}

  public static TeamWeek compute(List<MemberWeek> members) {
    int n = members.size();
    if (n == 0) {
      return new TeamWeek(0, 0, 0, 0, 0, 0, 0, 0);
    }
    double[] hours = members.stream().mapToDouble(MemberWeek::workedHours).sorted().toArray();
    double sumHours = 0;
    double sumBalance = 0;
    double sumManagement = 0;
    double learning = 0;
    int over = 0;
    for (MemberWeek member : members) {
      sumHours += member.workedHours();
      sumBalance += member.balance();
      sumManagement += member.timeManagement();
      learning += member.learningHours();
      if (member.workedHours() > OVERWORK_HOURS) {
        over++;
      }
    }
    return new TeamWeek(
        n,
        sumHours / n,
        quantile(hours, 0.5),
        quantile(hours, 0.9),
        sumBalance / n,
        sumManagement / n,
        (double) over / n,
        learning);
  }

  /** Linear interpolation between closest ranks (R-7, as numpy's and Excel's default). */
  static double quantile(double[] sorted, double q) {
    double[] values = Arrays.copyOf(sorted, sorted.length);
    double position = q * (values.length - 1);
    int lower = (int) Math.floor(position);
    int upper = (int) Math.ceil(position);
    return values[lower] + (values[upper] - values[lower]) * (position - lower);
  }
}
