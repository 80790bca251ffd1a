package org.wellbeing.model.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WellbeingTest {

  @Test
  void workedExampleOfModelMdGrowsSkillTo50point336() {
    double g = Wellbeing.growthRate(0.5, 0.7, 0.8, 0.6);
    double delta = g * 2;

    assertThat(g).isCloseTo(0.168, within(1e-12));
    assertThat(50 + delta).isCloseTo(50.336, within(1e-9));
  }

  @Test
  void hoursFactorIsOneUpToTheContractAndFallsLinearlyAbove() {
    assertThat(Wellbeing.hoursFactor(40, 40, 40)).isEqualTo(1.0);
    assertThat(Wellbeing.hoursFactor(50, 40, 40)).isEqualTo(0.75);
    assertThat(Wellbeing.hoursFactor(80, 40, 40)).isEqualTo(0.0);
    assertThat(Wellbeing.hoursFactor(100, 40, 40)).isEqualTo(0.0);
  }

  @Test
  void zeroHourContractIsAllOrNothing() {
    assertThat(Wellbeing.hoursFactor(0, 0, 0)).isEqualTo(1.0);
    assertThat(Wellbeing.hoursFactor(0.01, 0, 0)).isEqualTo(0.0);
  }

  @Test
  void afterHoursFactorReachesZeroAtTenHours() {
    assertThat(Wellbeing.afterHoursFactor(0)).isEqualTo(1.0);
    assertThat(Wellbeing.afterHoursFactor(2.5)).isEqualTo(0.75);
    assertThat(Wellbeing.afterHoursFactor(10)).isEqualTo(0.0);
    assertThat(Wellbeing.afterHoursFactor(12)).isEqualTo(0.0);
  }

  @Test
  void restFactorCountsShortRestDaysAndHalvesWithoutADayOff() {
    assertThat(Wellbeing.restFactor(0, true)).isEqualTo(1.0);
    assertThat(Wellbeing.restFactor(7, true)).isEqualTo(0.0);
    assertThat(Wellbeing.restFactor(1, true)).isCloseTo(6.0 / 7, within(1e-15));
    assertThat(Wellbeing.restFactor(1, false)).isCloseTo(3.0 / 7, within(1e-15));
    assertThat(Wellbeing.restFactor(0, false)).isEqualTo(0.5);
  }

  @Test
  void timeManagementIsOneWithoutWorkAndCappedAtOne() {
    assertThat(Wellbeing.timeManagement(0, 0)).isEqualTo(1.0);
    assertThat(Wellbeing.timeManagement(10, 40)).isEqualTo(0.5);
    assertThat(Wellbeing.timeManagement(20, 40)).isEqualTo(1.0);
    assertThat(Wellbeing.timeManagement(30, 40)).isEqualTo(1.0);
  }

  @Test
  void planAccuracyHasItsTwoSpecialCases() {
    assertThat(Wellbeing.planAccuracy(false, 0, 0)).isEqualTo(0.5);
    assertThat(Wellbeing.planAccuracy(false, 4, 4)).isEqualTo(0.5);
    assertThat(Wellbeing.planAccuracy(true, 0, 0)).isEqualTo(0.0);
    assertThat(Wellbeing.planAccuracy(true, 4, 3)).isEqualTo(0.75);
  }

  @Test
  void contractInWindowScalesByDaysPresent() {
    assertThat(Wellbeing.contractInWindow(40, 5, 5)).isEqualTo(40.0);
    assertThat(Wellbeing.contractInWindow(40, 5, 3)).isEqualTo(24.0);
    assertThat(Wellbeing.contractInWindow(40, 0, 0)).isEqualTo(0.0);
  }

  @Test
  void balanceMultipliesItsFactors() {
    assertThat(Wellbeing.balance(0.5, 0.5, 1)).isEqualTo(0.25);
  }
}
