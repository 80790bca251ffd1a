package org.wellbeing.model.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A working window in local time, {@code [start, end)} in minutes of the day. An end at or before
 * the start runs past midnight and belongs to the start's day; {@code 24:00} (1440) is an end.
 */
public record LocalWindow(int startMinute, int endMinute) {

  private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");
  private static final int DAY = 24 * 60;

  public LocalWindow {
    if (startMinute < 0 || startMinute >= DAY) {
      throw new IllegalArgumentException("a window starts between 00:00 and 23:59");
    }
    if (endMinute < 0 || endMinute > DAY) {
      throw new IllegalArgumentException("a window ends between 00:00 and 24:00");
    }
  }

  /** Parses {@code HH:mm} times; throws IllegalArgumentException with a readable message. */
  public static LocalWindow parse(String start, String end) {
    int s = minutes(start, "start");
    int e = minutes(end, "end");
    if (s == DAY) {
      throw new IllegalArgumentException("start 24:00 is not a time of day");
    }
    return new LocalWindow(s, e);
  }

  private static int minutes(String text, String what) {
    Matcher m = text == null ? null : TIME.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(what + " must be a time HH:mm, got " + text);
    }
    int minutes = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
    if (minutes > DAY) {
      throw new IllegalArgumentException(what + " must not be after 24:00, got " + text);
    }
    return minutes;
  }

  /** True when the window runs past midnight into the next day. */
  public boolean overnight() {
    return endMinute <= startMinute;
  }

  /**
   * The window as instants on {@code date} in {@code zone}; null when DST leaves it no elapsed
   * time. Local times in a gap or overlap resolve as {@link ZonedDateTime#of} does.
   */
  public Interval on(LocalDate date, ZoneId zone) {
    Instant start = ZonedDateTime.of(date, time(startMinute), zone).toInstant();
    LocalDate endDate = overnight() || endMinute == DAY ? date.plusDays(1) : date;
    Instant end = ZonedDateTime.of(endDate, time(endMinute % DAY), zone).toInstant();
    return start.isBefore(end) ? new Interval(start, end) : null;
  }

  private static LocalTime time(int minuteOfDay) {
    return LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
  }

  public String startText() {
    return text(startMinute);
  }

  public String endText() {
    return text(endMinute);
  }

  private static String text(int minutes) {
    return "%02d:%02d".formatted(minutes / 60, minutes % 60);
  }
}
