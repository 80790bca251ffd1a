package org.wellbeing.model.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One person's facts for one local date (MODEL.md "Daily facts"), in decimal hours.
 *
 * @param rest hours between the first shift that starts on this date and the shift before; null
 *     when there is none
 * @param workingDay the day's own windows have positive length
 * @param contractHours the daily contract: weekly hours over working weekdays on a working day that
 *     is not an absence day, else 0
 * @param clippedRest the longest stretch outside U within the 7 days ending on this date, cut at
 *     the window (r's day off)
 * @param weeklyRest the longest stretch outside U overlapping the 7 days ending on this date,
 *     measured whole (WEEKLY_REST); null when that stretch has no start or no end: nothing of U
 *     before it or after it
 * @param hasEvents some CONFIRMED event of any kind covers part of this date
 * @param previousWorkEnd the end of the last piece of U before this date's start (cut there); lets
 *     a later recomputation find the shift before without reading older events
 */
public record DayFacts(
    LocalDate date,
    double worked,
    double meetings,
    double focus,
    double learning,
    double plannedLearning,
    double afterHours,
    Double rest,
    boolean absence,
    boolean workingDay,
    double contractHours,
    double clippedRest,
    Double weeklyRest,
    boolean hasEvents,
    Instant previousWorkEnd) {}
