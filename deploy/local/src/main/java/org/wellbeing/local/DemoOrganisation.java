package org.wellbeing.local;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, deterministic demo organisation that reads like a real one: an engineering director over
 * two teams, most people on regular schedules (days, nights, split shifts, four long days, part
 * time, leave) in several zones, and three clear cases: 55-hour weeks, evening work every day, and
 * twelve days in a row.
 */
public final class DemoOrganisation {

  /** A team as PUT to model-service. */
  public record Team(String id, String name, String managerId, String parentTeamId) {}

  /** A person as PUT to model-service: how they work decides their windows and events. */
  public record Person(
      String id, String name, String teamId, String zone, Schedule schedule, String skill) {

    public String windowsJson() {
      return schedule.windowsJson();
    }

    public String skillsJson() {
      return "[\"" + skill + "\"]";
    }
  }

  /** Weeks of history before the current one. */
  public static final int WEEKS = 5;

  public static final List<Team> TEAMS =
      List.of(
          new Team("engineering", "Engineering", "grace", null),
          new Team("platform", "Platform", "maria", "engineering"),
          new Team("mobile", "Mobile", "tom", "engineering"));

  public static final List<Person> PEOPLE =
      List.of(
          // the director works every evening: nobody above her sees it but the alert inbox
          new Person(
              "grace",
              "Grace Hopper",
              "engineering",
              "Europe/Berlin",
              Schedule.EVENINGS,
              "leadership"),
          new Person(
              "maria",
              "Maria Schmidt",
              "platform",
              "Europe/Berlin",
              Schedule.MON_FRI,
              "leadership"),
          new Person(
              "alice", "Alice Example", "platform", "Europe/Berlin", Schedule.LONG_WEEKS, "kafka"),
          new Person(
              "bruno", "Bruno Costa", "platform", "Europe/Lisbon", Schedule.SPLIT_SHIFT, "kafka"),
          new Person(
              "chen", "Chen Wei", "platform", "Asia/Kolkata", Schedule.PART_TIME, "postgres"),
          new Person(
              "dana", "Dana Levi", "platform", "America/Sao_Paulo", Schedule.TUE_SAT, "kotlin"),
          new Person(
              "emil",
              "Emil Berg",
              "platform",
              "Europe/Stockholm",
              Schedule.MON_FRI_WITH_LEAVE,
              "kafka"),
          new Person("tom", "Tom Baker", "mobile", "America/New_York", Schedule.MON_FRI, "swift"),
          new Person("fatima", "Fatima Zahra", "mobile", "Asia/Tokyo", Schedule.FOUR_TENS, "swift"),
          new Person("gus", "Gus Fring", "mobile", "America/Chicago", Schedule.NIGHTS, "kotlin"),
          new Person("hana", "Hana Sato", "mobile", "Asia/Tokyo", Schedule.MON_FRI, "kotlin"),
          new Person(
              "ivan", "Ivan Petrov", "mobile", "Australia/Sydney", Schedule.TWELVE_DAYS, "swift"));

  private DemoOrganisation() {}

  /**
   * Events from the Monday {@value #WEEKS} weeks before {@code today}'s week up to the day before
   * {@code today}, in each person's zone.
   */
  public static List<Schedule.Event> events(LocalDate today) {
    LocalDate first =
        today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS);
    List<Schedule.Event> events = new ArrayList<>();
    for (Person person : PEOPLE) {
      events.addAll(
          person
              .schedule()
              .events(person.id(), ZoneId.of(person.zone()), first, today, person.skill()));
    }
    return events;
  }
}
