package org.wellbeing.contract;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One person's figures for one local date (CONTRACT.md), published on {@link
 * Topics#WELLBEING_METRICS}. Hours are decimal hours.
 *
 * @param contractHours the day's contract share (MODEL.md's "daily contract"): 0 on days without
 *     windows and on absence days
 * @param workingDay whether the person's windows on this weekday have positive length
 * @param weeklyRestHours the longest stretch outside work, measured whole, that overlaps the 7 days
 *     ending on this date (MODEL.md's WEEKLY_REST); null when that stretch has no end or no start
 *     (no work after it or before it), so it is longer than any threshold
 * @param hasEvents whether some event of the person covers part of this date (OVERTIME_FORECAST's
 *     latest date with an event)
 * @param afterHoursHours null where a works agreement switched after-hours tracking off
 * @param learningHours null, like the other learning and skill figures (planned learning, P, E,
 *     growth rate, skill delta, skill), where a works agreement switched them off
 */
public record DailyMetrics(
    String personId,
    String teamId,
    String managerId,
    LocalDate date,
    double workedHours,
    double meetingHours,
    double focusHours,
    Double learningHours,
    Double plannedLearningHours,
    Double afterHoursHours,
    Double restHours,
    boolean absence,
    double balance,
    double timeManagement,
    Double planAccuracy,
    Double learningEfficiency,
    Double skillRate,
    Double skillDelta,
    Double skill,
    Instant computedAt,
    double contractHours,
    boolean workingDay,
    Double weeklyRestHours,
    boolean hasEvents) {

  /** These figures without after-hours time, for a works agreement that does not track it. */
  public DailyMetrics withoutAfterHours() {
    return new DailyMetrics(
        personId,
        teamId,
        managerId,
        date,
        workedHours,
        meetingHours,
        focusHours,
        learningHours,
        plannedLearningHours,
        null,
        restHours,
        absence,
        balance,
        timeManagement,
        planAccuracy,
        learningEfficiency,
        skillRate,
        skillDelta,
        skill,
        computedAt,
        contractHours,
        workingDay,
        weeklyRestHours,
        hasEvents);
  }

  /** These figures without learning and skill, for a works agreement that leaves them out. */
  public DailyMetrics withoutLearning() {
    return new DailyMetrics(
        personId,
        teamId,
        managerId,
        date,
        workedHours,
        meetingHours,
        focusHours,
        null,
        null,
        afterHoursHours,
        restHours,
        absence,
        balance,
        timeManagement,
        null,
        null,
        null,
        null,
        null,
        computedAt,
        contractHours,
        workingDay,
        weeklyRestHours,
        hasEvents);
  }
}
