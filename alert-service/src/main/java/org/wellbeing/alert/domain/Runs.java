package org.wellbeing.alert.domain;

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

  static Finding finding(
      RuleId rule,
      RuleSettings settings,
      List<Figure> run,
      String summary,
      String name,
      java.util.function.Function<Figure, Object> value) {
    return new Finding(
        rule,
        Period.run(run.get(0).date(), run.get(run.size() - 1).date()),
        settings.severity(),
        run.size(),
        settings.length(),
        summary,
        Evidence.days(run, name, value));
  }
}
