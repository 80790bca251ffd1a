package org.wellbeing.alert.domain;

import java.time.LocalDate;

/**
 * The daily figures of one person and date that the rules read (from DailyMetrics).
 *
 * @param rest hours of rest before the first shift starting that day; null when none
 * @param contractHours the day's contract share
 * @param weeklyRest the longest stretch off work, measured whole, overlapping the 7 days ending
 *     that day; null when that stretch has no start or no end (longer than any threshold)
 * @param hasEvents some event of the person covers part of that day
 */
public record Figure(
    LocalDate date,
    double worked,
    double afterHours,
    Double rest,
    double balance,
    double skillDelta,
    double contractHours,
    Double weeklyRest,
    boolean hasEvents) {

  /** Whether the longest stretch off work around this day is shorter than {@code hours}. */
  public boolean weeklyRestBelow(double hours) {
    return weeklyRest != null && weeklyRest < hours;
  }
}
