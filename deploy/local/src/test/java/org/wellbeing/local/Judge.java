package org.wellbeing.local;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wellbeing.alert.domain.Figure;
import org.wellbeing.contract.EventKind;
import org.wellbeing.contract.EventStatus;
import org.wellbeing.model.domain.DayResult;
import org.wellbeing.model.domain.LocalWindow;
import org.wellbeing.model.domain.PersonModel;
import org.wellbeing.model.domain.Profile;
import org.wellbeing.model.domain.StoredEvent;
import org.wellbeing.model.domain.TimelineCalculator;

/** Test helper: a person's events through the model's calculator, as the rules read them. */
final class Judge {

  private Judge() {}

  /**
   * The person's stored days as model-service computes them, from their first event to 27 days past
   * the last.
   */
  static List<Figure> figures(
      Schedule schedule, ZoneId zone, List<Schedule.Event> scheduled, String skill) {
    Map<DayOfWeek, List<LocalWindow>> windows = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : schedule.weekdays()) {
      List<LocalWindow> list = new ArrayList<>();
      for (String[] w : schedule.windows()) {
        list.add(LocalWindow.parse(w[0], w[1]));
      }
      windows.put(day, list);
    }
    Profile profile =
        new Profile(
            LocalDate.parse("2000-01-01"),
            "team",
            schedule.name(),
            List.of(),
            schedule.contractHours(),
            windows,
            Set.of(skill),
            0.5);
    PersonModel person = new PersonModel("p", zone, 50, List.of(profile));
    List<StoredEvent> events = new ArrayList<>();
    for (Schedule.Event e : scheduled) {
      events.add(
          new StoredEvent(
              e.eventId(),
              1,
              "p",
              EventKind.valueOf(e.kind()),
              OffsetDateTime.parse(e.start()).toInstant(),
              OffsetDateTime.parse(e.end()).toInstant(),
              EventStatus.CONFIRMED,
              e.skill()));
    }
    LocalDate first =
        events.stream()
            .map(e -> LocalDate.ofInstant(e.start(), zone))
            .min(LocalDate::compareTo)
            .orElseThrow();
    LocalDate last =
        events.stream()
            .map(e -> LocalDate.ofInstant(e.end().minusNanos(1), zone))
            .max(LocalDate::compareTo)
            .orElseThrow();
    LocalDate end = last.plusDays(27);
    if (end.isBefore(last.withDayOfMonth(last.lengthOfMonth()))) {
      end = last.withDayOfMonth(last.lengthOfMonth());
    }
    List<DayResult> days =
        new TimelineCalculator()
            .compute(new TimelineCalculator.Input(person, first, end, Map.of(), 50, events));
    List<Figure> figures = new ArrayList<>();
    for (DayResult d : days) {
      var f = d.facts();
      figures.add(
          new Figure(
              f.date(),
              f.worked(),
              f.afterHours(),
              f.rest(),
              d.balance(),
              d.skillDelta(),
              f.contractHours(),
              f.weeklyRest(),
              f.hasEvents()));
    }
    return figures;
  }
}
