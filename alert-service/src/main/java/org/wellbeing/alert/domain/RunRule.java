package org.wellbeing.alert.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rule over runs of figures that meet a condition: of consecutive dates, or of the figures it
 * counts with gaps allowed. One finding per run of at least the rule's length, named by its first
 * date; its value is the run's length. A run may begin before the window a change is judged in: its
 * {@link RunHead} then carries what lies before.
 */
public abstract class RunRule implements PersonRule {

  /** Whether {@code f} continues a run. */
  abstract boolean meets(Figure f, RuleSettings settings);

  /** True for runs of consecutive dates; false for successive counted figures, gaps allowed. */
  abstract boolean consecutive();

  /** The figures the rule counts, in date order. */
  List<Figure> counted(List<Figure> figures) {
    return figures;
  }

  abstract String summary(RuleSettings settings, int length, LocalDate first);

  /** The evidence column, and its value for a figure. */
  abstract String evidenceName();

  abstract Object evidenceValue(Figure f);

  @Override
  public final boolean runs() {
    return true;
  }

  @Override
  public final List<Finding> evaluate(List<Figure> figures, RuleSettings settings) {
    return evaluate(figures, null, settings, null, null);
  }

  /**
   * @param head the part before {@code window} of a run through its first counted figure, or null
   */
  @Override
  public final List<Finding> evaluate(
      List<Figure> figures,
      DateSpan window,
      RuleSettings settings,
      PersonSpan person,
      RunHead head) {
    List<Figure> counted = counted(figures);
    List<Finding> findings = new ArrayList<>();
    List<List<Figure>> runs = runs(counted, settings);
    for (int i = 0; i < runs.size(); i++) {
      List<Figure> run = runs.get(i);
      RunHead before = i == 0 && continues(head, window, counted, run) ? head : null;
      int length = run.size() + (before == null ? 0 : before.days().size());
      if (length < settings.length()) {
        continue;
      }
      LocalDate first = before == null ? run.get(0).date() : before.first();
      List<Map<String, Object>> days = new ArrayList<>(length);
      if (before != null) {
        days.addAll(before.days());
      }
      for (Figure f : run) {
        days.add(Evidence.day(f, evidenceName(), evidenceValue(f)));
      }
      findings.add(
          new Finding(
              id(),
              Period.run(first, run.get(run.size() - 1).date()),
              settings.severity(),
              length,
              settings.length(),
              summary(settings, length, first),
              days));
    }
    return findings;
  }

  @Override
  public final DateSpan affected(
      DateSpan changed,
      DateSpan window,
      List<Figure> figures,
      PersonSpan person,
      RuleSettings settings,
      RunHead head) {
    return consecutive()
        ? Runs.consecutiveReach(
            changed, window, figures, person, f -> meets(f, settings), head != null)
        : Runs.successiveReach(
            changed, window, counted(figures), person, f -> meets(f, settings), head != null);
  }

  @Override
  public final DateSpan affected(
      DateSpan changed,
      DateSpan window,
      List<Figure> figures,
      PersonSpan person,
      RuleSettings settings) {
    return affected(changed, window, figures, person, settings, null);
  }

  private List<List<Figure>> runs(List<Figure> counted, RuleSettings settings) {
    return consecutive()
        ? Runs.consecutiveDays(counted, f -> meets(f, settings))
        : Runs.successive(counted, f -> meets(f, settings));
  }

  /**
   * Whether {@code run} goes on from the head: it starts on the window's first day (consecutive
   * dates) or at its first counted figure (successive ones).
   */
  private boolean continues(RunHead head, DateSpan window, List<Figure> counted, List<Figure> run) {
    if (head == null || window == null) {
      return false;
    }
    if (!consecutive()) {
      return run.get(0) == counted.get(0);
    }
    Object last = head.days().get(head.days().size() - 1).get("date");
    return run.get(0).date().equals(window.from())
        && window.from().minusDays(1).toString().equals(last);
  }
}
