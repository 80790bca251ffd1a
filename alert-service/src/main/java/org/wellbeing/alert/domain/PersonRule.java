package org.wellbeing.alert.domain;

import java.util.List;

/** A rule judged on one person's daily figures. */
public interface PersonRule {

  RuleId id();

  /**
   * Every finding in the person's figures.
   *
   * @param figures the person's figures in date order, one per date
   */
  List<Finding> evaluate(List<Figure> figures, RuleSettings settings);

  /**
   * The findings judged from a window of the person's figures, every figure dated within {@code
   * window}. Those whose period the change can affect (see {@link #affected}) are exactly what the
   * whole history gives; the others may not be.
   */
  default List<Finding> evaluate(
      List<Figure> figures, DateSpan window, RuleSettings settings, PersonSpan person) {
    return evaluate(figures, settings);
  }

  /**
   * As {@link #evaluate(List, DateSpan, RuleSettings, PersonSpan)}, with the part before the window
   * of a run through its start (see {@link RunHead}); only a rule over {@link #runs} reads it.
   */
  default List<Finding> evaluate(
      List<Figure> figures,
      DateSpan window,
      RuleSettings settings,
      PersonSpan person,
      RunHead head) {
    return evaluate(figures, window, settings, person);
  }

  /** Whether the rule's findings are runs that may begin before a window (see {@link RunHead}). */
  default boolean runs() {
    return false;
  }

  /**
   * The dates whose periods a change of the figures on {@code changed} can alter: a finding or
   * alert of this rule whose period overlaps them is judged again, every other one stands as it is.
   * For a rule over fixed periods (a day, a week, a month) that is the changed dates.
   *
   * @param window the dates read, every figure between them in {@code figures}
   * @return null when a run may reach past the window, so that only the whole history can tell
   */
  default DateSpan affected(
      DateSpan changed,
      DateSpan window,
      List<Figure> figures,
      PersonSpan person,
      RuleSettings settings) {
    return changed;
  }

  /**
   * The figures this rule needs to judge the periods a change on {@code changed} affects, when
   * fewer than the whole window: a rule over fixed periods reads just those periods.
   *
   * @return null for the whole window
   */
  default DateSpan reads(DateSpan changed) {
    return null;
  }

  /**
   * As {@link #affected(DateSpan, DateSpan, List, PersonSpan, RuleSettings)}, knowing the part
   * before the window of a run through its start: such a run no longer needs the whole history.
   */
  default DateSpan affected(
      DateSpan changed,
      DateSpan window,
      List<Figure> figures,
      PersonSpan person,
      RuleSettings settings,
      RunHead head) {
    return affected(changed, window, figures, person, settings);
  }
}
