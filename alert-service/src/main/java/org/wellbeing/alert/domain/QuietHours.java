package org.wellbeing.alert.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wellbeing.contract.WorkingWindow;

/**
 * When a notification may go out: within one of the recipient's working windows, in their own time
 * zone. Someone without windows can be reached any time.
 */
public final class QuietHours {

  private static final int SEARCH_DAYS = 8;

  private QuietHours() {}

  /** The first instant at or after {@code at} inside a working window. */
  public static Instant nextDeliverable(
      Instant at, ZoneId zone, Map<String, List<WorkingWindow>> windows) {
    if (windows == null || windows.isEmpty()) {
      return at;
    }
    LocalDate first = LocalDate.ofInstant(at, zone).minusDays(1);
    Instant best = null;
    for (int i = 0; i <= SEARCH_DAYS; i++) {
      LocalDate date = first.plusDays(i);
      for (WorkingWindow window : windows.getOrDefault(weekday(date), List.of())) {
        Instant[] interval = interval(window, date, zone);
        if (interval == null || !interval[1].isAfter(at)) {
          continue;
        }
        Instant candidate = interval[0].isAfter(at) ? interval[0] : at;
        if (best == null || candidate.isBefore(best)) {
          best = candidate;
        }
      }
      if (best != null && best.equals(at)) {
        return at;
      }
    }
    return best == null ? at : best;
  }

  private static String weekday(LocalDate date) {
    return date.getDayOfWeek().name();
  }

  /** The window on {@code date} as [start, end) instants; null when it has no length. */
  static Instant[] interval(WorkingWindow window, LocalDate date, ZoneId zone) {
    int start = minutes(window.start());
    int end = minutes(window.end());
    if (start < 0 || end < 0) {
      return null;
    }
    LocalDate endDate = end <= start || end == 24 * 60 ? date.plusDays(1) : date;
    Instant from = ZonedDateTime.of(date, LocalTime.of(start / 60, start % 60), zone).toInstant();
    int endOfDay = end % (24 * 60);
    Instant to =
        ZonedDateTime.of(endDate, LocalTime.of(endOfDay / 60, endOfDay % 60), zone).toInstant();
    return from.isBefore(to) ? new Instant[] {from, to} : null;
  }

  private static int minutes(String text) {
    if (text == null || !text.matches("\\d{2}:\\d{2}")) {
      return -1;
    }
    int minutes = Integer.parseInt(text.substring(0, 2)) * 60 + Integer.parseInt(text.substring(3));
    return minutes <= 24 * 60 ? minutes : -1;
  }

  static DayOfWeek day(String name) {
    return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
