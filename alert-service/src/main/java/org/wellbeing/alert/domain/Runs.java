package org.wellbeing.alert.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Maximal runs of figures that meet a condition. */
final class Runs {

  private Runs() {}

  /** Runs of consecutive calendar dates whose figures meet {@code condition}. */
  static List<List<Figure>> consecutiveDays(List<Figure> figures, Predicate<Figure> condition) {
    List<List<Figure>> runs = new ArrayList<>();
    List<Figure> current = new ArrayList<>();
    for (Figure f : figures) {
      boolean continues =
          !current.isEmpty() && current.get(current.size() - 1).date().plusDays(1).equals(f.date());
      if (condition.test(f)) {
        if (!continues && !current.isEmpty()) {
          runs.add(current);
          current = new ArrayList<>();
        }
        current.add(f);
      } else if (!current.isEmpty()) {
        runs.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
  }

  /** Runs of successive figures (gaps allowed) that meet {@code condition}. */
  static List<List<Figure>> successive(List<Figure> figures, Predicate<Figure> condition) {
    List<List<Figure>> runs = new ArrayList<>();
    List<Figure> current = new ArrayList<>();
    for (Figure f : figures) {
      if (condition.test(f)) {
        current.add(f);
      } else if (!current.isEmpty()) {
        runs.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
  }

  /**
   * What a change on {@code changed} can alter for a rule over runs of consecutive days: the
   * changed dates and a day either side, where a run may join or split; null when a run there
   * reaches an end of the window that is not an end of the person's figures, unless it is the
   * window's first day and {@code headed} (the run's part before the window is known).
   */
  static DateSpan consecutiveReach(
      DateSpan changed,
      DateSpan window,
      List<Figure> figures,
      PersonSpan person,
      Predicate<Figure> condition,
      boolean headed) {
    DateSpan zone = new DateSpan(changed.from().minusDays(1), changed.to().plusDays(1));
    boolean earlier = window.from().isAfter(person.first());
    boolean later = window.to().isBefore(person.last());
    for (List<Figure> run : consecutiveDays(figures, condition)) {
      LocalDate first = run.get(0).date();
      LocalDate last = run.get(run.size() - 1).date();
      if (!Period.run(first, last).overlaps(zone.from(), zone.to())) {
        continue;
      }
      if ((earlier && !headed && first.equals(window.from()))
          || (later && last.equals(window.to()))) {
        return null;
      }
    }
    return zone;
  }

  /**
   * What a change on {@code changed} can alter for a rule over successive figures with gaps allowed
   * ({@code figures} already the ones the rule counts): from the nearest counted figure before the
   * change to the nearest after it, since a run may join across any gap; null when either lies
   * beyond the window, or a run there may, unless it is the run through the window's first counted
   * figure and {@code headed} (its part before the window is known).
   */
  static DateSpan successiveReach(
      DateSpan changed,
      DateSpan window,
      List<Figure> figures,
      PersonSpan person,
      Predicate<Figure> condition,
      boolean headed) {
    boolean earlier = window.from().isAfter(person.first());
    boolean later = window.to().isBefore(person.last());
    LocalDate before = null;
    LocalDate after = null;
    for (Figure f : figures) {
      if (f.date().isBefore(changed.from())) {
        before = f.date();
      } else if (f.date().isAfter(changed.to()) && after == null) {
        after = f.date();
      }
    }
    if ((before == null && earlier) || (after == null && later)) {
      return null;
    }
    DateSpan zone =
        new DateSpan(
            before == null ? changed.from() : before, after == null ? changed.to() : after);
    for (List<Figure> run : successive(figures, condition)) {
      Figure first = run.get(0);
      Figure last = run.get(run.size() - 1);
      if (!Period.run(first.date(), last.date()).overlaps(zone.from(), zone.to())) {
        continue;
      }
      if ((earlier && !headed && first == figures.get(0))
          || (later && last == figures.get(figures.size() - 1))) {
        return null;
      }
    }
    return zone;
  }
}
