package org.wellbeing.local;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small, deterministic demo organisation: two teams of six under an engineering team, and the
 * last few weeks of their working time, with one person well over 48 hours a week.
 */
public final class DemoOrganisation {

  /** A team as PUT to model-service. */
  public record Team(String id, String name, String managerId, String parentTeamId) {}

  /** A person as PUT to model-service. */
  public record Person(
      String id,
      String name,
      String teamId,
      String zone,
      String windowsJson,
      String skillsJson,
      Habit habit) {}

  /** How someone works, which decides their events. */
  public enum Habit {
    STEADY,
    OVERWORKED,
    EVENINGS,
    SPLIT_SHIFT,
    TAKES_LEAVE
  }

  /** One WorkEvent as JSON fields. */
  public record Event(
      String eventId, String personId, String kind, String start, String end, String skill) {}

  private static final String WEEKDAYS =
      """
      {"MONDAY": [{"start": "09:00", "end": "17:00"}], "TUESDAY": [{"start": "09:00", "end": "17:00"}],
       "WEDNESDAY": [{"start": "09:00", "end": "17:00"}], "THURSDAY": [{"start": "09:00", "end": "17:00"}],
       "FRIDAY": [{"start": "09:00", "end": "17:00"}]}""";

  private static final String SPLIT =
      """
      {"MONDAY": [{"start": "07:00", "end": "11:00"}, {"start": "15:00", "end": "19:00"}],
       "TUESDAY": [{"start": "07:00", "end": "11:00"}, {"start": "15:00", "end": "19:00"}],
       "WEDNESDAY": [{"start": "07:00", "end": "11:00"}, {"start": "15:00", "end": "19:00"}],
       "THURSDAY": [{"start": "07:00", "end": "11:00"}, {"start": "15:00", "end": "19:00"}],
       "FRIDAY": [{"start": "07:00", "end": "11:00"}]}""";

  public static final List<Team> TEAMS =
      List.of(
          new Team("engineering", "Engineering", "grace", null),
          new Team("platform", "Platform", "maria", "engineering"),
          new Team("mobile", "Mobile", "tom", "engineering"));

  public static final List<Person> PEOPLE =
      List.of(
          new Person(
              "grace",
              "Grace Hopper",
              "engineering",
              "Europe/Berlin",
              WEEKDAYS,
              "[]",
              Habit.STEADY),
          new Person(
              "maria",
              "Maria Schmidt",
              "platform",
              "Europe/Berlin",
              WEEKDAYS,
              "[\"leadership\"]",
              Habit.STEADY),
          new Person(
              "alice",
              "Alice Example",
              "platform",
              "Europe/Berlin",
              WEEKDAYS,
              "[\"kafka\", \"kotlin\"]",
              Habit.OVERWORKED),
          new Person(
              "bruno",
              "Bruno Costa",
              "platform",
              "Europe/Lisbon",
              SPLIT,
              "[\"kafka\"]",
              Habit.SPLIT_SHIFT),
          new Person(
              "chen",
              "Chen Wei",
              "platform",
              "Europe/Berlin",
              WEEKDAYS,
              "[\"postgres\"]",
              Habit.STEADY),
          new Person(
              "dana", "Dana Levi", "platform", "Europe/Berlin", WEEKDAYS, "[]", Habit.EVENINGS),
          new Person(
              "emil",
              "Emil Berg",
              "platform",
              "Europe/Stockholm",
              WEEKDAYS,
              "[\"kafka\"]",
              Habit.TAKES_LEAVE),
          new Person(
              "tom",
              "Tom Baker",
              "mobile",
              "America/New_York",
              WEEKDAYS,
              "[\"swift\"]",
              Habit.STEADY),
          new Person(
              "fatima",
              "Fatima Zahra",
              "mobile",
              "America/New_York",
              WEEKDAYS,
              "[\"swift\"]",
              Habit.STEADY),
          new Person(
              "gus", "Gus Fring", "mobile", "America/Chicago", WEEKDAYS, "[]", Habit.EVENINGS),
          new Person(
              "hana",
              "Hana Sato",
              "mobile",
              "Asia/Tokyo",
              WEEKDAYS,
              "[\"kotlin\"]",
              Habit.TAKES_LEAVE),
          new Person(
              "ivan",
              "Ivan Petrov",
              "mobile",
              "America/New_York",
              WEEKDAYS,
              "[]",
              Habit.OVERWORKED));

  private DemoOrganisation() {}

  /**
   * Events from the Monday three weeks before {@code today}'s week up to the day before {@code
   * today}, in each person's zone.
   */
  public static List<Event> events(LocalDate today) {
    LocalDate first = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(3);
    List<Event> events = new ArrayList<>();
    for (Person person : PEOPLE) {
      Random random = new Random(person.id().hashCode());
      ZoneId zone = ZoneId.of(person.zone());
      for (LocalDate date = first; date.isBefore(today); date = date.plusDays(1)) {
        boolean weekday = date.getDayOfWeek().getValue() <= 5;
        Day day = new Day(person.id(), date, zone, events);
        switch (person.habit()) {
          case OVERWORKED -> {
            if (weekday) {
              // 08:00 to 19:00 with a 30-minute break: 10.5 h a day, 52.5 h a week
              day.add("WORK", "08:00", "19:00", null);
              day.add("BREAK", "12:30", "13:00", null);
              day.add("MEETING", "10:00", "11:30", null);
              if (date.getDayOfWeek() == DayOfWeek.THURSDAY) {
                day.add("LEARNING", "16:00", "18:00", "kafka");
              }
            } else if (date.getDayOfWeek() == DayOfWeek.SATURDAY && random.nextBoolean()) {
              day.add("WORK", "10:00", "14:00", null);
            }
          }
          case EVENINGS -> {
            if (weekday) {
              day.add("WORK", "09:30", "17:30", null);
              day.add("BREAK", "12:00", "12:45", null);
              day.add("MEETING", "14:00", "15:00", null);
              day.add("WORK", "20:00", "21:30", null);
            }
          }
          case SPLIT_SHIFT -> {
            if (weekday) {
              day.add("WORK", "07:00", "11:00", null);
              if (date.getDayOfWeek() != DayOfWeek.FRIDAY) {
                day.add("WORK", "15:00", "19:00", null);
                day.add("MEETING", "15:00", "15:30", null);
              }
              if (date.getDayOfWeek() == DayOfWeek.TUESDAY) {
                day.add("LEARNING", "08:00", "10:00", "kafka");
              }
            }
          }
          case TAKES_LEAVE -> {
            if (weekday && date.isAfter(first.plusDays(13)) && date.isBefore(first.plusDays(17))) {
              day.add("ABSENCE", "00:00", "24:00", null);
            } else if (weekday) {
              day.add("WORK", "09:00", "17:00", null);
              day.add("BREAK", "12:00", "12:30", null);
              day.add("FOCUS", "09:00", "11:30", null);
            }
          }
          case STEADY -> {
            if (weekday) {
              int startMinute = 8 * 60 + 30 + random.nextInt(60);
              LocalTime start = LocalTime.of(startMinute / 60, startMinute % 60);
              day.add(
                  "WORK", start.toString(), start.plusHours(8).plusMinutes(30).toString(), null);
              day.add("BREAK", "12:00", "12:30", null);
              day.add("MEETING", "11:00", "11:45", null);
              if (date.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                day.add("LEARNING", "15:00", "16:30", random.nextBoolean() ? "kafka" : "swift");
              }
            }
          }
        }
      }
    }
    return events;
  }

  /** Builds one person's events on one local date. */
  private record Day(String personId, LocalDate date, ZoneId zone, List<Event> sink) {

    void add(String kind, String from, String to, String skill) {
      ZonedDateTime start = ZonedDateTime.of(date, LocalTime.parse(from), zone);
      ZonedDateTime end =
          "24:00".equals(to)
              ? date.plusDays(1).atStartOfDay(zone)
              : ZonedDateTime.of(date, LocalTime.parse(to), zone);
      String id =
          "demo-%s-%s-%s-%s".formatted(personId, date, kind.toLowerCase(), from.replace(":", ""));
      DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
      sink.add(new Event(id, personId, kind, start.format(format), end.format(format), skill));
    }
  }
}
