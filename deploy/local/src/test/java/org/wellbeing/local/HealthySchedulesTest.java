package org.wellbeing.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wellbeing.alert.domain.Finding;
import org.wellbeing.alert.domain.RuleBook;
import org.wellbeing.alert.domain.RuleId;
import org.wellbeing.alert.domain.Severity;
import org.wellbeing.alert.domain.TeamOverloadRule;

/**
 * Six weeks of each schedule through the model's calculator and the EU rule book, as plain code: a
 * regular schedule raises no WARNING or CRITICAL alert, and each unhealthy pattern raises exactly
 * the rules that describe it. The same schedules run against the real stack in the end-to-end test.
 */
class HealthySchedulesTest {

  /** Six weeks from Monday 2 February 2026, across the switch to summer time in New York. */
  static final LocalDate FROM = LocalDate.parse("2026-02-02");

  static final LocalDate TO = FROM.plusWeeks(6);

  private static List<Finding> findings(Schedule schedule) {
    ZoneId zone = ZoneId.of(schedule.zone());
    return RuleBook.of(RuleBook.Preset.EU)
        .evaluate(
            Judge.figures(schedule, zone, schedule.events("p", zone, FROM, TO, "kafka"), "kafka"));
  }

  private static String describe(List<Finding> findings) {
    return findings.stream()
        .map(f -> "%s %s %s: %s".formatted(f.rule(), f.period().label(), f.severity(), f.summary()))
        .collect(Collectors.joining("\n"));
  }

  @ParameterizedTest
  @EnumSource(
      value = Schedule.class,
      names = {"LONG_WEEKS", "EVENINGS", "TWELVE_DAYS"},
      mode = EnumSource.Mode.EXCLUDE)
  void aRegularScheduleRaisesNoAlertAtAll(Schedule schedule) {
    assertThat(schedule.healthy()).isTrue();
    List<Finding> findings = findings(schedule);
    assertThat(findings).as(describe(findings)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = Schedule.class,
      names = {"LONG_WEEKS", "EVENINGS", "TWELVE_DAYS"})
  void anUnhealthyPatternRaisesExactlyTheRulesThatDescribeIt(Schedule schedule) {
    assertThat(schedule.healthy()).isFalse();
    List<Finding> findings = findings(schedule);
    assertThat(new TreeSet<>(findings.stream().map(Finding::rule).toList()))
        .as(describe(findings))
        .containsExactlyInAnyOrderElementsOf(
            schedule.fires().stream().map(RuleId::valueOf).toList());
    assertThat(findings)
        .filteredOn(f -> f.rule() != RuleId.SKILL_STAGNATION)
        .allSatisfy(f -> assertThat(f.severity()).isIn(Severity.WARNING, Severity.CRITICAL));
  }

  @Test
  void aTeamOfRegularSchedulesHasNoTeamOverload() {
    List<TeamOverloadRule.MemberAlert> alerts = new ArrayList<>();
    int members = 0;
    for (Schedule schedule : Schedule.values()) {
      if (!schedule.healthy()) {
        continue;
      }
      members++;
      for (Finding f : findings(schedule)) {
        if (f.severity() != Severity.INFO) {
          alerts.add(
              new TeamOverloadRule.MemberAlert(
                  schedule.name(), f.period().from(), f.period().to()));
        }
      }
    }
    assertThat(members).isEqualTo(7);
    RuleBook eu = RuleBook.of(RuleBook.Preset.EU);
    assertThat(
            new TeamOverloadRule().evaluate(members, alerts, eu.settings(RuleId.TEAM_OVERLOAD), 5))
        .isEmpty();
  }
}
