package org.wellbeing.alert.domain;

import java.time.LocalDate;

/**
 * The daily figures of one person and date that the rules read (from DailyMetrics).
 *
 * @param rest hours of rest before the first shift starting that day; null when none
 * @param contractHours the day's contract share
 * @param weeklyRest the longest stretch off work in the 7 days ending that day
 */
public record Figure(
    LocalDate date,
    double worked,
    double afterHours,
    Double rest,
    double balance,
    double skillDelta,
    double contractHours,
    double weeklyRest) {}
