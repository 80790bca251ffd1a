package org.wellbeing.alert.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test helper: runs of daily figures. */
final class Figures {

  private final List<Figure> figures = new ArrayList<>();

  /** A day on which nothing happened, inside a long stretch off work. */
  static Figure quiet(LocalDate date) {
    return new Figure(date, 0, 0, null, 1, 0, 0, 168.0, false);
  }

  static Figure worked(LocalDate date, double hours) {
    return withWorked(quiet(date), hours);
  }

  /** {@code days} figures from {@code first}, each made by {@code make} from a quiet one. */
  Figures days(String first, int days, UnaryOperator<Figure> make) {
    LocalDate date = LocalDate.parse(first);
    for (int i = 0; i < days; i++) {
      figures.add(make.apply(quiet(date.plusDays(i))));
    }
    return this;
  }

  List<Figure> list() {
    return figures;
  }

  /** Worked hours; a day with work has events. */
  static Figure withWorked(Figure f, double worked) {
    return new Figure(
        f.date(),
        worked,
        f.afterHours(),
        f.rest(),
        f.balance(),
        f.skillDelta(),
        f.contractHours(),
        f.weeklyRest(),
        f.hasEvents() || worked > 0);
  }

  static Figure withAfterHours(Figure f, double afterHours) {
    return new Figure(
        f.date(),
        f.worked(),
        afterHours,
        f.rest(),
        f.balance(),
        f.skillDelta(),
        f.contractHours(),
        f.weeklyRest(),
        f.hasEvents());
  }

  static Figure withRest(Figure f, Double rest) {
    return new Figure(
        f.date(),
        f.worked(),
        f.afterHours(),
        rest,
        f.balance(),
        f.skillDelta(),
        f.contractHours(),
        f.weeklyRest(),
        f.hasEvents());
  }

  static Figure withBalance(Figure f, double balance) {
    return new Figure(
        f.date(),
        f.worked(),
        f.afterHours(),
        f.rest(),
        balance,
        f.skillDelta(),
        f.contractHours(),
        f.weeklyRest(),
        f.hasEvents());
  }

  static Figure withSkillDelta(Figure f, double delta) {
    return new Figure(
        f.date(),
        f.worked(),
        f.afterHours(),
        f.rest(),
        f.balance(),
        delta,
        f.contractHours(),
        f.weeklyRest(),
        f.hasEvents());
  }

  static Figure withContract(Figure f, double contract) {
    return new Figure(
        f.date(),
        f.worked(),
        f.afterHours(),
        f.rest(),
        f.balance(),
        f.skillDelta(),
        contract,
        f.weeklyRest(),
        f.hasEvents());
  }

  static Figure withWeeklyRest(Figure f, Double weeklyRest) {
    return new Figure(
        f.date(),
        f.worked(),
        f.afterHours(),
        f.rest(),
        f.balance(),
        f.skillDelta(),
        f.contractHours(),
        weeklyRest,
        f.hasEvents());
  }

  /** Marks a day as having an event (an absence, a break) even without work. */
  static Figure withEvents(Figure f) {
    return new Figure(
        f.date(),
        f.worked(),
        f.afterHours(),
        f.rest(),
        f.balance(),
        f.skillDelta(),
        f.contractHours(),
        f.weeklyRest(),
        true);
  }
}
