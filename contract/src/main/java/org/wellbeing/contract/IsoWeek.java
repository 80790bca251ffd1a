package org.wellbeing.contract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week such as {@code 2026-W10}: Monday to Sunday. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

  public IsoWeek {
    LocalDate probe = LocalDate.of(year, 6, 1);
    long weeks = probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    if (week < 1 || week > weeks) {
      throw new IllegalArgumentException("week %d-W%02d does not exist".formatted(year, week));
    }
  }

  public static IsoWeek of(LocalDate date) {
    return new IsoWeek(
        date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** Parses {@code YYYY-Www}; throws IllegalArgumentException with a readable message. */
  public static IsoWeek parse(String text) {
    Matcher matcher = text == null ? null : FORMAT.matcher(text);
    if (matcher == null || !matcher.matches()) {
      throw new IllegalArgumentException("an ISO week looks like 2026-W10, got " + text);
    }
    return new IsoWeek(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  public LocalDate monday() {
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(DayOfWeek.MONDAY);
  }

  public LocalDate sunday() {
    return monday().plusDays(6);
  }

  public IsoWeek next() {
    return of(monday().plusWeeks(1));
  }

  @Override
  public int compareTo(IsoWeek other) {
    return year != other.year
        ? Integer.compare(year, other.year)
        : Integer.compare(week, other.week);
  }

  @Override
  public String toString() {
    // by hand: String.format was a fifth of alert-service's CPU where rules label many weeks
    if (year < 0 || year > 9999) {
      return "%04d-W%02d".formatted(year, week);
    }
    StringBuilder text = new StringBuilder(8);
    String digits = Integer.toString(year);
    for (int i = digits.length(); i < 4; i++) {
      text.append('0');
    }
    return text.append(digits).append("-W").append(week < 10 ? "0" : "").append(week).toString();
  }
}
