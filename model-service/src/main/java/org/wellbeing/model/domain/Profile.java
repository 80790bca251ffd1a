package org.wellbeing.model.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The effective-dated part of a person (MODEL.md "People and teams"): in force from {@code
 * effectiveFrom} until the next profile.
 */
public record Profile(
    LocalDate effectiveFrom,
    String teamId,
    String displayName,
    List<String> emails,
    double contractHoursPerWeek,
    Map<DayOfWeek, List<LocalWindow>> workingWindows,
    Set<String> careerSkills,
    double learningEfficiency) {

  public static final double DEFAULT_CONTRACT_HOURS = 40;
  public static final double DEFAULT_LEARNING_EFFICIENCY = 0.5;

  public Profile {
    emails = List.copyOf(emails);
    Map<DayOfWeek, List<LocalWindow>> windows = new EnumMap<>(DayOfWeek.class);
    workingWindows.forEach((day, list) -> windows.put(day, List.copyOf(list)));
    workingWindows = Map.copyOf(windows);
    careerSkills = Set.copyOf(careerSkills);
  }

  /** MODEL.md defaults: 40 h, Monday to Friday 09:00–17:00, no career skills, E = 0.5. */
  public static Profile defaults(LocalDate effectiveFrom, String teamId) {
    Map<DayOfWeek, List<LocalWindow>> windows = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      windows.put(day, List.of(new LocalWindow(9 * 60, 17 * 60)));
    }
    return new Profile(
        effectiveFrom,
        teamId,
        null,
        List.of(),
        DEFAULT_CONTRACT_HOURS,
        windows,
        Set.of(),
        DEFAULT_LEARNING_EFFICIENCY);
  }

  /**
   * The windows that belong to {@code date} as instants (overnight ones reach into the next day).
   */
  public List<Interval> windowsOn(LocalDate date, ZoneId zone) {
    List<Interval> result = new ArrayList<>();
    for (LocalWindow window : workingWindows.getOrDefault(date.getDayOfWeek(), List.of())) {
      Interval interval = window.on(date, zone);
      if (interval != null) {
        result.add(interval);
      }
    }
    return result;
  }

  /** Weekdays whose windows have positive length: the divisor of the daily contract. */
  public int workingWeekdays() {
    int count = 0;
    for (List<LocalWindow> windows : workingWindows.values()) {
      if (!windows.isEmpty()) {
        count++;
      }
    }
    return count;
  }

  public Profile withEffectiveFrom(LocalDate date) {
    return new Profile(
        date,
        teamId,
        displayName,
        emails,
        contractHoursPerWeek,
        workingWindows,
        careerSkills,
        learningEfficiency);
  }
}
