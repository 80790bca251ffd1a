package org.wellbeing.alert.domain;

import java.util.List;
import java.util.Map;

/**
 * A person's findings in the periods that were judged. An alert of a rule whose period lies outside
 * the rule's scope was not judged: it stands as it is, whether a finding names it or not.
 *
 * @param scope per rule, the dates whose periods were judged; a rule without one was judged
 *     everywhere
 */
public record Judgement(List<Finding> findings, Map<RuleId, DateSpan> scope) {

  public Judgement {
    findings = List.copyOf(findings);
    scope = Map.copyOf(scope);
  }

  /** Findings of the whole history: every period was judged. */
  public static Judgement whole(List<Finding> findings) {
    return new Judgement(findings, Map.of());
  }

  public boolean judges(RuleId rule, Period period) {
    DateSpan zone = scope.get(rule);
    return zone == null || zone.overlaps(period);
  }

  /** The dates every judged period lies within; null when the whole history was judged. */
  public DateSpan bounds() {
    DateSpan bounds = null;
    for (DateSpan zone : scope.values()) {
      bounds = bounds == null ? zone : bounds.with(zone);
    }
    return bounds;
  }
}
