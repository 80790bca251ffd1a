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
 */
public record DailyMetrics(
    String personId,
    String teamId,
    String managerId,
    LocalDate date,
    double workedHours,
    double meetingHours,
    double focusHours,
    double learningHours,
    double plannedLearningHours,
    double afterHoursHours,
    Double restHours,
    boolean absence,
    double balance,
    double timeManagement,
    double planAccuracy,
    double learningEfficiency,
    double skillRate,
    double skillDelta,
    double skill,
    Instant computedAt,
    double contractHours,
    boolean workingDay,
    Double weeklyRestHours,
    boolean hasEvents) {}
