package org.wellbeing.model.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wellbeing.contract.EventKind;
import org.wellbeing.contract.EventStatus;

/** Test helper: a person, their events, and the calculator run over dates. */
final class Timeline {

  private final List<StoredEvent> events = new ArrayList<>();
  private final List<Profile> profiles = new ArrayList<>();
  private ZoneId zone = ZoneId.of("UTC");
  private double initialSkill = 50;
  private boolean afterHoursTracked = true;
  private int ids;

  static Timeline in(String zone) {
    Timeline timeline = new Timeline();
    timeline.zone = ZoneId.of(zone);
    return timeline;
  }

  Timeline profile(Profile profile) {
    profiles.add(profile);
    return this;
  }

  /** As a works agreement without after-hours tracking computes it. */
  Timeline withoutAfterHours() {
    afterHoursTracked = false;
    return this;
  }

  Timeline initialSkill(double value) {
    initialSkill = value;
    return this;
  }

  Timeline event(EventKind kind, String start, String end) {
    return event(kind, start, end, null);
  }

  Timeline event(EventKind kind, String start, String end, String skill) {
    events.add(
        new StoredEvent(
            "e" + ids++,
            1,
            "p",
            kind,
            OffsetDateTime.parse(start).toInstant(),
            OffsetDateTime.parse(end).toInstant(),
            EventStatus.CONFIRMED,
            skill));
    return this;
  }

  List<StoredEvent> events() {
    return events;
  }

  PersonModel person() {
    return new PersonModel(
        "p",
        zone,
        initialSkill,
        profiles.isEmpty()
            ? List.of(Profile.defaults(LocalDate.of(2000, 1, 1), "team"))
            : profiles);
  }

  /** Computes {@code [from, to]} in one run, with nothing before. */
  Map<LocalDate, DayResult> compute(String from, String to) {
    return compute(LocalDate.parse(from), LocalDate.parse(to), Map.of(), initialSkill, events);
  }

  Map<LocalDate, DayResult> compute(
      LocalDate from,
      LocalDate to,
      Map<LocalDate, DayResult> prior,
      double skillBefore,
      List<StoredEvent> given) {
    Map<LocalDate, DayResult> result = new LinkedHashMap<>();
    for (DayResult day :
        new TimelineCalculator(afterHoursTracked)
            .compute(new TimelineCalculator.Input(person(), from, to, prior, skillBefore, given))) {
      result.put(day.date(), day);
    }
    return result;
  }

  /**
   * Computes {@code [from, to]} as a recomputation from {@code split} would: earlier days come from
   * a first run, and the second run sees only the events it is meant to read.
   */
  Map<LocalDate, DayResult> computeSplit(LocalDate from, LocalDate to, LocalDate split) {
    Map<LocalDate, DayResult> first =
        compute(from, split.minusDays(1), Map.of(), initialSkill, events);
    Map<LocalDate, DayResult> prior = new HashMap<>();
    first.forEach(
        (date, day) -> {
          if (!date.isBefore(split.minusDays(TimelineCalculator.LOOKBACK_DAYS))) {
            prior.put(date, day);
          }
        });
    var windowStart = TimelineCalculator.eventWindowStart(split, zone);
    List<StoredEvent> visible = events.stream().filter(e -> e.end().isAfter(windowStart)).toList();
    DayResult before = first.get(split.minusDays(1));
    Map<LocalDate, DayResult> all = new LinkedHashMap<>(first);
    all.putAll(compute(split, to, prior, before == null ? initialSkill : before.skill(), visible));
    return all;
  }

  /** A profile with the given windows per weekday, as "HH:mm-HH:mm" strings. */
  static Profile profile(
      String effectiveFrom,
      double contract,
      Set<String> skills,
      double efficiency,
      Object... windows) {
    Map<DayOfWeek, List<LocalWindow>> map = new EnumMap<>(DayOfWeek.class);
    for (int i = 0; i < windows.length; i += 2) {
      DayOfWeek day = (DayOfWeek) windows[i];
      List<LocalWindow> list = new ArrayList<>();
      for (String range : ((String) windows[i + 1]).split(",")) {
        String[] parts = range.split("-");
        list.add(LocalWindow.parse(parts[0], parts[1]));
      }
      map.put(day, list);
    }
    return new Profile(
        LocalDate.parse(effectiveFrom), "team", null, List.of(), contract, map, skills, efficiency);
  }
}
