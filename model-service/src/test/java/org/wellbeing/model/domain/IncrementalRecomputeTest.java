package org.wellbeing.model.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.wellbeing.contract.EventKind;

/**
 * A recomputation that starts at any date, reading only earlier results and the events it is meant
 * to read, gives exactly what one run over the whole range gives.
 */
class IncrementalRecomputeTest {

  private static final EventKind[] KINDS = EventKind.values();

  @RepeatedTest(40)
  void recomputingFromAnyDateEqualsComputingEverything(RepetitionInfo repetition) {
    Random random = new Random(repetition.getCurrentRepetition());
    String zoneId = random.nextBoolean() ? "Europe/Berlin" : "America/New_York";
    ZoneId zone = ZoneId.of(zoneId);
    Timeline timeline =
        Timeline.in(zoneId)
            .profile(
                Timeline.profile(
                    "2026-01-01",
                    40,
                    Set.of("kafka"),
                    0.7,
                    DayOfWeek.MONDAY,
                    "09:00-17:00",
                    DayOfWeek.TUESDAY,
                    "07:00-11:00,15:00-19:00",
                    DayOfWeek.WEDNESDAY,
                    "22:00-06:00",
                    DayOfWeek.FRIDAY,
                    "09:00-24:00"))
            .profile(
                Timeline.profile("2026-03-20", 32, Set.of(), 0.4, DayOfWeek.MONDAY, "08:00-16:00"));
    LocalDate start = LocalDate.of(2026, 3, 1);
    for (int i = 0; i < 60; i++) {
      LocalDate day = start.plusDays(random.nextInt(45));
      ZonedDateTime begin = day.atStartOfDay(zone).plusMinutes(random.nextInt(24 * 60));
      ZonedDateTime end = begin.plusMinutes(15 + random.nextInt(14 * 60));
      EventKind kind = KINDS[random.nextInt(KINDS.length)];
      String skill = kind == EventKind.LEARNING && random.nextBoolean() ? "kafka" : null;
      timeline.event(
          kind, begin.toOffsetDateTime().toString(), end.toOffsetDateTime().toString(), skill);
    }
    LocalDate from = LocalDate.of(2026, 2, 25);
    LocalDate to = LocalDate.of(2026, 5, 10);
    var whole = timeline.compute(from, to, java.util.Map.of(), 50, timeline.events());

    LocalDate split = start.plusDays(random.nextInt(50));
    var incremental = timeline.computeSplit(from, to, split);

    assertThat(incremental).as("split at %s", split).isEqualTo(whole);
  }
}
