package org.wellbeing.alert.domain;

import java.time.LocalDate;

/** The dates from {@code from} to {@code to}, both included. */
public record DateSpan(LocalDate from, LocalDate to) {

  public DateSpan {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a span ends before it starts: " + from + " to " + to);
    }
  }

  public static DateSpan of(LocalDate date) {
    return new DateSpan(date, date);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }

  public boolean overlaps(Period period) {
    return period.overlaps(from, to);
  }

  /** The smallest span holding this one and {@code date}. */
  public DateSpan with(LocalDate date) {
    return new DateSpan(date.isBefore(from) ? date : from, date.isAfter(to) ? date : to);
  }

  /** The smallest span holding this one and {@code other}. */
  public DateSpan with(DateSpan other) {
    return with(other.from()).with(other.to());
  }
}
