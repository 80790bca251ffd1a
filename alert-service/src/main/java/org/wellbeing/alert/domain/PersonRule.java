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
}
