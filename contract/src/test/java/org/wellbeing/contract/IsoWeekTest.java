package org.wellbeing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

  @Test
  void labelsEveryWeekAsYearDashWAndTwoDigits() {
    for (int year : new int[] {-1, 0, 7, 99, 999, 1970, 2026, 9999, 10_000}) {
      for (int week = 1; week <= 52; week++) {
        assertThat(new IsoWeek(year, week).toString())
            .isEqualTo("%04d-W%02d".formatted(year, week));
      }
    }
    assertThat(IsoWeek.of(LocalDate.of(2026, 12, 31)).toString()).isEqualTo("2026-W53");
    assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1)).toString()).isEqualTo("2026-W53");
  }
}
