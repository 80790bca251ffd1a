package org.wellbeing.model.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.Growth;

class GrowthCalculatorTest {

  private static final double EPS = 1e-9;
  private static final LocalDate DATE = LocalDate.parse("2026-03-02");
  private final GrowthCalculator calculator = new GrowthCalculator();

  private static GrowthCalculator.WhatIf whatIf(
      Double w, Double m, Double p, Double e, Double learningPerWeek) {
    return new GrowthCalculator.WhatIf(of(w), of(m), of(p), of(e), of(learningPerWeek));
  }

  private static OptionalDouble of(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  @Test
  void theContractsWorkedExample() {
    // W 0.71, M 0.84, P 0.75, E 0.5, S 50.4473, 10 h of learning in 28 days
    Growth g =
        calculator.compute(
            "alice",
            new GrowthCalculator.Day(DATE, 0.71, 0.84, 0.75, 0.5, 50.4473, 10),
            12,
            GrowthCalculator.WhatIf.NONE);

    assertThat(g.skillRate()).isCloseTo(0.22365, within(EPS));
    assertThat(g.bottleneck()).isEqualTo("E");
    assertThat(g.rateWithoutBottleneck()).isCloseTo(0.4473, within(EPS));
    assertThat(g.learningPerWeek()).isCloseTo(2.5, within(EPS));
    assertThat(g.skillAtPace()).isCloseTo(57.1568, within(EPS));
    assertThat(g.skillWithoutBottleneck()).isCloseTo(63.8663, within(EPS));
    assertThat(g.factors()).isEqualTo(new Growth.Factors(0.71, 0.84, 0.75, 0.5));
    assertThat(g.stoppedBy()).isNull();
    assertThat(g.weeks()).isEqualTo(12);
    assertThat(g.skill()).isEqualTo(50.4473);
  }

  @Test
  void aFactorOfZeroStopsGrowthAndIsNamed() {
    // skills planned but nothing learned: P = 0
    Growth g =
        calculator.compute(
            "bob",
            new GrowthCalculator.Day(DATE, 0.9, 1.0, 0.0, 0.5, 50, 0),
            12,
            GrowthCalculator.WhatIf.NONE);

    assertThat(g.skillRate()).isZero();
    assertThat(g.bottleneck()).isEqualTo("P");
    assertThat(g.stoppedBy()).isEqualTo("P");
    assertThat(g.rateWithoutBottleneck()).isCloseTo(0.45, within(EPS));
    assertThat(g.skillAtPace()).isEqualTo(50.0);
    // no learning at all: not even without the bottleneck does the skill move
    assertThat(g.skillWithoutBottleneck()).isEqualTo(50.0);

    Growth learning =
        calculator.compute(
            "bob",
            new GrowthCalculator.Day(DATE, 0.9, 1.0, 0.0, 0.5, 50, 0),
            10,
            whatIf(null, null, null, null, 3.0));
    assertThat(learning.skillAtPace()).isEqualTo(50.0);
    assertThat(learning.skillWithoutBottleneck()).isCloseTo(50 + 10 * 3 * 0.45, within(EPS));
  }

  @Test
  void tiesGoToTheFirstFactorInTheOrderWMPE() {
    Growth g =
        calculator.compute(
            "c",
            new GrowthCalculator.Day(DATE, 0.6, 0.6, 0.9, 0.6, 50, 4),
            12,
            GrowthCalculator.WhatIf.NONE);
    assertThat(g.bottleneck()).isEqualTo("W");
    assertThat(g.rateWithoutBottleneck()).isCloseTo(0.6 * 0.9 * 0.6, within(EPS));
  }

  @Test
  void whatIfValuesReplaceTheFactorsAndThePaceBeforeAnythingIsDerived() {
    GrowthCalculator.Day day = new GrowthCalculator.Day(DATE, 0.71, 0.84, 0.75, 0.5, 50.4473, 10);
    Growth g = calculator.compute("alice", day, 4, whatIf(null, null, null, 1.0, 5.0));

    // E = 1 now: W is the smallest
    assertThat(g.factors()).isEqualTo(new Growth.Factors(0.71, 0.84, 0.75, 1.0));
    assertThat(g.bottleneck()).isEqualTo("W");
    assertThat(g.skillRate()).isCloseTo(0.71 * 0.84 * 0.75, within(EPS));
    assertThat(g.rateWithoutBottleneck()).isCloseTo(0.84 * 0.75, within(EPS));
    assertThat(g.learningPerWeek()).isEqualTo(5.0);
    assertThat(g.skillAtPace()).isCloseTo(50.4473 + 4 * 5 * 0.71 * 0.84 * 0.75, within(EPS));
    assertThat(g.skillWithoutBottleneck()).isCloseTo(50.4473 + 4 * 5 * 0.84 * 0.75, within(EPS));
  }
}
