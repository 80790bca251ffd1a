package org.wellbeing.alert.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import org.wellbeing.contract.IsoWeek;

/**
 * What an alert is about in time: its label (a date, ISO week or month) and the dates it covers.
 * For runs (streaks) the label is the run's first date and the dates cover the whole run.
 */
public record Period(String label, LocalDate from, LocalDate to) {

  public static Period week(IsoWeek week) {
    return new Period(week.toString(), week.monday(), week.sunday());
  }

  public static Period month(YearMonth month) {
    return new Period(month.toString(), month.atDay(1), month.atEndOfMonth());
  }

  public static Period day(LocalDate date) {
    return new Period(date.toString(), date, date);
  }

  public static Period run(LocalDate first, LocalDate last) {
    return new Period(first.toString(), first, last);
  }

  public boolean overlaps(LocalDate start, LocalDate end) {
    return !from.isAfter(end) && !to.isBefore(start);
  }
}
