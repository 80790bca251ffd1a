package org.wellbeing.model.domain;

import java.time.LocalDate;
import java.util.OptionalDouble;
import org.wellbeing.contract.Growth;

/**
 * MODEL.md "Growth": which of W, M, P and E limits the growth rate g = E · W · M · P most, the rate
 * without it, and the skill a number of weeks ahead at the current learning pace, with or without
 * the bottleneck. What-if values replace factors (or the pace) before anything is derived.
 */
public final class GrowthCalculator {

  /** Default projection horizon. */
  public static final int DEFAULT_WEEKS = 12;

  /** Days of learning the pace is taken over. */
  public static final int PACE_DAYS = 28;

  private static final String[] NAMES = {"W", "M", "P", "E"};

  /**
   * A person's figures on the date.
   *
   * @param learning28 learning hours T over the 28 days ending on the date
   */
  public record Day(
      LocalDate date, double w, double m, double p, double e, double skill, double learning28) {}

  /** Replacements for the day's values; empty ones keep the day's. */
  public record WhatIf(
      OptionalDouble w,
      OptionalDouble m,
      OptionalDouble p,
      OptionalDouble e,
      OptionalDouble learningPerWeek) {

    public static final WhatIf NONE =
        new WhatIf(
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty());
  }

  public Growth compute(String personId, Day day, int weeks, WhatIf whatIf) {
    double[] f = {
      whatIf.w().orElse(day.w()),
      whatIf.m().orElse(day.m()),
      whatIf.p().orElse(day.p()),
      whatIf.e().orElse(day.e())
    };
    int bottleneck = 0;
    for (int i = 1; i < f.length; i++) {
      if (f[i] < f[bottleneck]) {
        bottleneck = i;
      }
    }
    double rate = f[3] * f[0] * f[1] * f[2];
    double without = 1;
    for (int i = 0; i < f.length; i++) {
      if (i != bottleneck) {
        without *= f[i];
      }
    }
    String stoppedBy = null;
    for (int i = 0; i < f.length && stoppedBy == null; i++) {
      if (f[i] == 0) {
        stoppedBy = NAMES[i];
      }
    }
    double pace = whatIf.learningPerWeek().orElse(day.learning28() / (PACE_DAYS / 7.0));
    return new Growth(
        personId,
        day.date(),
        day.skill(),
        rate,
        new Growth.Factors(f[0], f[1], f[2], f[3]),
        NAMES[bottleneck],
        without,
        pace,
        weeks,
        day.skill() + weeks * pace * rate,
        day.skill() + weeks * pace * without,
        stoppedBy);
  }
}
