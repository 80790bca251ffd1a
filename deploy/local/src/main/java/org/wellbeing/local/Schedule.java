package org.wellbeing.local;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Ways people work, each as its working windows, its contract and the events of a day. The healthy
 * ones are regular schedules that must never raise a WARNING or CRITICAL alert; the others are the
 * patterns the rules exist for. Used by the demo organisation and by the tests that hold the rules
 * to both.
 */
public enum Schedule {

  /** Monday to Friday 09:00 to 17:30 with a lunch break: 40 h. */
  MON_FRI("Europe/Berlin", 40, days(1, 5), Set.of(), "09:00", "17:30"),

  /** The same, with a week of leave in the third week. */
  MON_FRI_WITH_LEAVE("Europe/Stockholm", 40, days(1, 5), Set.of(), "09:00", "17:30"),

  /** Tuesday to Saturday 09:00 to 17:30 with a lunch break: 40 h. */
  TUE_SAT("America/Sao_Paulo", 40, days(2, 6), Set.of(), "09:00", "17:30"),

  /** Night shifts Monday to Friday 22:00 to 06:00 with a half-hour break: 37.5 h. */
  NIGHTS("America/New_York", 37.5, days(1, 5), Set.of(), "22:00", "06:00"),

  /** Four ten-hour days, Monday to Thursday 08:00 to 18:30 with a lunch break: 40 h. */
  FOUR_TENS("Asia/Tokyo", 40, days(1, 4), Set.of(), "08:00", "18:30"),

  /** Part time, Monday to Friday 09:00 to 13:00: 20 h. */
  PART_TIME("Asia/Kolkata", 20, days(1, 5), Set.of(), "09:00", "13:00"),

  /** A split shift Monday to Friday, 07:00 to 11:00 and 15:00 to 19:00: 40 h. */
  SPLIT_SHIFT("Europe/Lisbon", 40, days(1, 5), Set.of(), "07:00", "11:00", "15:00", "19:00"),

  /**
   * 55 h weeks: Monday to Friday 08:00 to 19:30 with a lunch break, all within the windows. The
   * week is over 48 h, the 17-week average too once 4 weeks are known, and the month's overtime
   * passes 45 h (forecast before); W stays above 0.5.
   */
  LONG_WEEKS(
      "Europe/Berlin",
      40,
      days(1, 5),
      Set.of("WEEKLY_HOURS", "AVERAGE_WEEKLY_HOURS", "MONTHLY_OVERTIME", "OVERTIME_FORECAST"),
      "08:00",
      "19:30"),

  /**
   * A regular day, then an hour's work every evening from 21:00: a streak of after-hours days, and
   * W under 0.5 (a = 0.5, h = 0.875) for weeks on end; 11 h of rest is still enough.
   */
  EVENINGS(
      "America/Chicago",
      40,
      days(1, 5),
      Set.of("AFTER_HOURS_STREAK", "LOW_BALANCE"),
      "09:00",
      "17:30"),

  /**
   * Twelve six-hour days in a row, then two days off, on a roster with windows every day: the
   * windows inside a run hold no 35 h rest.
   */
  TWELVE_DAYS("Australia/Sydney", 42, days(1, 7), Set.of("WEEKLY_REST"), "09:00", "15:00");

  private final String zone;
  private final double contractHours;
  private final Set<DayOfWeek> weekdays;
  private final Set<String> fires;
  private final String[] windows;

  Schedule(
      String zone,
      double contractHours,
      Set<DayOfWeek> weekdays,
      Set<String> fires,
      String... windows) {
    this.zone = zone;
    this.contractHours = contractHours;
    this.weekdays = weekdays;
    this.fires = fires;
    this.windows = windows;
  }

  /** One WorkEvent as JSON fields. */
  public record Event(
      String eventId, String personId, String kind, String start, String end, String skill) {

    /** The event as the JSON ingest-service takes. */
    public String json() {
      return """
          {"eventId": "%s", "personId": "%s", "kind": "%s", "start": "%s", "end": "%s", \
          "skill": %s, "source": "demo"}"""
          .formatted(
              eventId, personId, kind, start, end, skill == null ? "null" : "\"" + skill + "\"");
    }
  }

  /** A person on this schedule as PUT to model-service, in force since {@code effectiveFrom}. */
  public String personJson(String teamId, String personZone, String skill, String effectiveFrom) {
    return """
        {"teamId": "%s", "timeZone": "%s", "contractHoursPerWeek": %s, "workingWindows": %s,
         "careerSkills": ["%s"], "effectiveFrom": "%s"}"""
        .formatted(teamId, personZone, contractHours, windowsJson(), skill, effectiveFrom);
  }

  /** Whether a person on this schedule is well: no alert may fire. */
  public boolean healthy() {
    return fires.isEmpty();
  }

  /** The rules (RuleId names) a person on this schedule fires, all of them WARNING or CRITICAL. */
  public Set<String> fires() {
    return fires;
  }

  /** A zone to run the schedule in, different schedules in different zones. */
  public String zone() {
    return zone;
  }

  public double contractHours() {
    return contractHours;
  }

  /** The weekdays with working windows. */
  public Set<DayOfWeek> weekdays() {
    return weekdays;
  }

  /** The working windows as pairs of local times, start then end, each weekday alike. */
  public List<String[]> windows() {
    List<String[]> result = new ArrayList<>();
    for (int i = 0; i < windows.length; i += 2) {
      result.add(new String[] {windows[i], windows[i + 1]});
    }
    return result;
  }

  /** The working windows as the {@code workingWindows} of a Person. */
  public String windowsJson() {
    StringJoiner days = new StringJoiner(", ", "{", "}");
    for (DayOfWeek day : weekdays) {
      StringJoiner list = new StringJoiner(", ", "[", "]");
      for (String[] w : windows()) {
        list.add("{\"start\": \"%s\", \"end\": \"%s\"}".formatted(w[0], w[1]));
      }
      days.add("\"%s\": %s".formatted(day, list));
    }
    return days.toString();
  }

  /**
   * The person's events on the days of {@code [from, to)} in their zone. {@code from} anchors the
   * cycles (leave in its third week, twelve days on and two off); {@code skill} is what they learn
   * each week, one of their career skills.
   */
  public List<Event> events(
      String personId, ZoneId zone, LocalDate from, LocalDate to, String skill) {
    List<Event> events = new ArrayList<>();
    for (LocalDate date = from; date.isBefore(to); date = date.plusDays(1)) {
      Day day = new Day(personId, date, zone, events);
      long index = ChronoUnit.DAYS.between(from, date);
      DayOfWeek weekday = date.getDayOfWeek();
      boolean working = weekdays.contains(weekday);
      switch (this) {
        case MON_FRI, TUE_SAT, EVENINGS, MON_FRI_WITH_LEAVE -> {
          if (this == MON_FRI_WITH_LEAVE && index >= 14 && index < 21) {
            if (working) {
              day.add("ABSENCE", "00:00", "24:00", null);
            }
            continue;
          }
          if (working) {
            day.add("WORK", "09:00", "17:30", null);
            day.add("BREAK", "12:00", "12:30", null);
            if (weekday == first()) {
              day.add("MEETING", "10:00", "11:00", null);
            }
            if (weekday == first().plus(2)) {
              day.add("LEARNING", "15:00", "16:30", skill);
            }
            if (this == EVENINGS) {
              day.add("WORK", "21:00", "22:00", null);
            }
          }
        }
        case NIGHTS -> {
          if (working) {
            day.add("WORK", "22:00", "06:00", null);
            day.addAfterMidnight("BREAK", "02:00", "02:30", null);
            if (weekday == DayOfWeek.MONDAY) {
              day.add("MEETING", "22:00", "22:30", null);
            }
            if (weekday == DayOfWeek.WEDNESDAY) {
              day.add("LEARNING", "23:00", "24:00", skill);
            }
          }
        }
        case FOUR_TENS -> {
          if (working) {
            day.add("WORK", "08:00", "18:30", null);
            day.add("BREAK", "12:00", "12:30", null);
            if (weekday == DayOfWeek.MONDAY) {
              day.add("MEETING", "09:00", "10:00", null);
            }
            if (weekday == DayOfWeek.WEDNESDAY) {
              day.add("LEARNING", "16:00", "17:30", skill);
            }
          }
        }
        case PART_TIME -> {
          if (working) {
            day.add("WORK", "09:00", "13:00", null);
            if (weekday == DayOfWeek.MONDAY) {
              day.add("MEETING", "09:30", "10:00", null);
            }
            if (weekday == DayOfWeek.WEDNESDAY) {
              day.add("LEARNING", "11:00", "12:00", skill);
            }
          }
        }
        case SPLIT_SHIFT -> {
          if (working) {
            day.add("WORK", "07:00", "11:00", null);
            day.add("WORK", "15:00", "19:00", null);
            if (weekday == DayOfWeek.MONDAY) {
              day.add("MEETING", "15:00", "15:30", null);
            }
            if (weekday == DayOfWeek.TUESDAY) {
              day.add("LEARNING", "08:00", "10:00", skill);
            }
          }
        }
        case LONG_WEEKS -> {
          if (working) {
            day.add("WORK", "08:00", "19:30", null);
            day.add("BREAK", "12:30", "13:00", null);
            if (weekday == DayOfWeek.MONDAY) {
              day.add("MEETING", "10:00", "11:30", null);
            }
            if (weekday == DayOfWeek.THURSDAY) {
              day.add("LEARNING", "16:00", "18:00", skill);
            }
          }
        }
        case TWELVE_DAYS -> {
          if (index % 14 < 12) {
            day.add("WORK", "09:00", "15:00", null);
            if (index % 7 == 2) {
              day.add("LEARNING", "13:00", "14:00", skill);
            }
          }
        }
      }
    }
    return events;
  }

  private DayOfWeek first() {
    return weekdays.iterator().next();
  }

  private static Set<DayOfWeek> days(int first, int last) {
    EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    for (int d = first; d <= last; d++) {
      set.add(DayOfWeek.of(d));
    }
    return set;
  }

  /**
   * Builds one person's events on one local date; an end at or before the start is the next day.
   */
  private record Day(String personId, LocalDate date, ZoneId zone, List<Event> sink) {

    void add(String kind, String from, String to, String skill) {
      add(date, kind, from, to, skill);
    }

    /** An event in the small hours after this date, inside a night that started on it. */
    void addAfterMidnight(String kind, String from, String to, String skill) {
      add(date.plusDays(1), kind, from, to, skill);
    }

    private void add(LocalDate on, String kind, String from, String to, String skill) {
      LocalTime startTime = LocalTime.parse(from);
      ZonedDateTime start = ZonedDateTime.of(on, startTime, zone);
      ZonedDateTime end;
      if ("24:00".equals(to)) {
        end = on.plusDays(1).atStartOfDay(zone);
      } else {
        LocalTime endTime = LocalTime.parse(to);
        end = ZonedDateTime.of(endTime.isAfter(startTime) ? on : on.plusDays(1), endTime, zone);
      }
      String id =
          "demo-%s-%s-%s-%s".formatted(personId, date, kind.toLowerCase(), from.replace(":", ""));
      DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
      sink.add(new Event(id, personId, kind, start.format(format), end.format(format), skill));
    }
  }
}
