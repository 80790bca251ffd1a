package org.wellbeing.model.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalSetTest {

  private static Instant at(String hhmm) {
    return Instant.parse("2026-03-02T" + hhmm + ":00Z");
  }

  private static Interval iv(String from, String to) {
    return new Interval(at(from), at(to));
  }

  @Test
  void overlappingIntervalsCountOnce() {
    IntervalSet set =
        IntervalSet.of(iv("09:00", "12:00"), iv("10:00", "11:00"), iv("11:30", "13:00"));

    assertThat(set.intervals()).containsExactly(iv("09:00", "13:00"));
    assertThat(set.hours()).isEqualTo(4.0);
  }

  @Test
  void touchingIntervalsMergeIntoOne() {
    IntervalSet set = IntervalSet.of(iv("13:00", "14:00"), iv("09:00", "13:00"));

    assertThat(set.intervals()).containsExactly(iv("09:00", "14:00"));
  }

  @Test
  void separateIntervalsStaySeparateAndSorted() {
    IntervalSet set = IntervalSet.of(iv("15:00", "16:00"), iv("09:00", "10:00"));

    assertThat(set.intervals()).containsExactly(iv("09:00", "10:00"), iv("15:00", "16:00"));
    assertThat(set.hours()).isEqualTo(2.0);
  }

  @Test
  void minusCutsHolesAndEdges() {
    IntervalSet work = IntervalSet.of(iv("08:00", "18:00"));
    IntervalSet breaks =
        IntervalSet.of(iv("07:00", "08:30"), iv("12:00", "12:30"), iv("17:00", "19:00"));

    assertThat(work.minus(breaks).intervals())
        .containsExactly(iv("08:30", "12:00"), iv("12:30", "17:00"));
  }

  @Test
  void minusOfEverythingLeavesNothing() {
    assertThat(
            IntervalSet.of(iv("09:00", "10:00"))
                .minus(IntervalSet.of(iv("08:00", "11:00")))
                .isEmpty())
        .isTrue();
  }

  @Test
  void intersectKeepsOnlyCommonTime() {
    IntervalSet a = IntervalSet.of(iv("09:00", "12:00"), iv("13:00", "17:00"));
    IntervalSet b = IntervalSet.of(iv("11:00", "14:00"));

    assertThat(a.intersect(b).intervals())
        .containsExactly(iv("11:00", "12:00"), iv("13:00", "14:00"));
  }

  @Test
  void clipCutsAtBothEnds() {
    IntervalSet set =
        IntervalSet.of(iv("08:00", "10:00"), iv("11:00", "13:00"), iv("15:00", "16:00"));

    assertThat(set.clip(at("09:00"), at("12:00")).intervals())
        .containsExactly(iv("09:00", "10:00"), iv("11:00", "12:00"));
  }

  @Test
  void longestGapCountsTheEdgesOfTheWindow() {
    IntervalSet set = IntervalSet.of(iv("10:00", "11:00"), iv("12:00", "13:00"));

    assertThat(set.longestGap(at("08:00"), at("20:00"))).isEqualTo(Duration.ofHours(7));
    assertThat(set.longestGap(at("09:30"), at("13:30"))).isEqualTo(Duration.ofHours(1));
    assertThat(IntervalSet.EMPTY.longestGap(at("08:00"), at("09:00")))
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void lastEndBeforeCutsAPieceThatStraddlesTheLimit() {
    IntervalSet set = IntervalSet.of(iv("09:00", "10:00"), iv("11:00", "13:00"));

    assertThat(set.lastEndBefore(at("12:00"))).isEqualTo(at("12:00"));
    assertThat(set.lastEndBefore(at("10:30"))).isEqualTo(at("10:00"));
    assertThat(set.lastEndBefore(at("11:00"))).isEqualTo(at("10:00"));
    assertThat(set.lastEndBefore(at("09:00"))).isNull();
  }
}
