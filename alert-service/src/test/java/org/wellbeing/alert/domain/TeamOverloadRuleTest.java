package org.wellbeing.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wellbeing.alert.domain.TeamOverloadRule.MemberAlert;
import org.wellbeing.contract.IsoWeek;

/**
 * TEAM_OVERLOAD judged on some weeks gives there what judging every week gives, from only the
 * member alerts overlapping them; and a member alert's change names every date whose count moves.
 */
class TeamOverloadRuleTest {

  private static final LocalDate START = LocalDate.parse("2025-12-29");
  private final TeamOverloadRule rule = new TeamOverloadRule();
  private final RuleSettings settings =
      RuleBook.of(RuleBook.Preset.EU).settings(RuleId.TEAM_OVERLOAD);

  @Test
  void judgingSomeWeeksFromTheAlertsOverlappingThemAgreesWithJudgingAllWeeks() {
    Random random = new Random(7);
    int found = 0;
    for (int c = 0; c < 500; c++) {
      List<MemberAlert> alerts = randomAlerts(random);
      LocalDate from = START.plusDays(random.nextInt(120));
      DateSpan within = new DateSpan(from, from.plusDays(random.nextInt(40)));
      LocalDate monday = IsoWeek.of(within.from()).monday();
      LocalDate sunday = IsoWeek.of(within.to()).sunday();
      List<MemberAlert> overlapping =
          alerts.stream()
              .filter(a -> !a.to().isBefore(monday) && !a.from().isAfter(sunday))
              .toList();

      List<Finding> all = rule.evaluate(8, alerts, settings, 5);
      List<Finding> some = rule.evaluate(8, overlapping, settings, 5, within);

      assertThat(some)
          .as("case " + c)
          .usingRecursiveFieldByFieldElementComparator()
          .containsExactlyElementsOf(
              all.stream().filter(f -> within.overlaps(f.period())).toList());
      found += some.size();
    }
    assertThat(found).as("findings in the judged weeks").isGreaterThan(200);
  }

  @Test
  void aRunThatGrowsByADayRecountsOnlyTheDatesBetweenItsEnds() {
    DateSpan year = new DateSpan(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-01"));
    DateSpan grown = new DateSpan(year.from(), LocalDate.parse("2026-12-02"));

    assertThat(TeamOverloadRule.recounted(year, grown))
        .isEqualTo(new DateSpan(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02")));
    assertThat(TeamOverloadRule.recounted(year, year)).isNull();
    assertThat(TeamOverloadRule.recounted(null, null)).isNull();
    assertThat(TeamOverloadRule.recounted(year, null)).as("resolved").isEqualTo(year);
    assertThat(TeamOverloadRule.recounted(null, grown)).as("opened").isEqualTo(grown);
  }

  @Test
  void theRecountedDatesHoldEveryWeekWhoseMembersChange() {
    Random random = new Random(11);
    for (int c = 0; c < 500; c++) {
      DateSpan before = random.nextInt(5) == 0 ? null : randomSpan(random);
      DateSpan after = random.nextInt(5) == 0 ? null : randomSpan(random);
      if (random.nextBoolean() && before != null && after != null) {
        after =
            new DateSpan(
                before.from(), after.to().isBefore(before.from()) ? before.from() : after.to());
      }
      DateSpan recounted = TeamOverloadRule.recounted(before, after);
      List<Finding> was = rule.evaluate(5, others(before), settings, 5);
      List<Finding> is = rule.evaluate(5, others(after), settings, 5);
      List<String> differ = new ArrayList<>();
      for (Finding f : was) {
        if (is.stream().noneMatch(g -> g.equals(f))) {
          differ.add(f.period().label());
        }
      }
      for (Finding f : is) {
        if (was.stream().noneMatch(g -> g.equals(f))) {
          differ.add(f.period().label());
        }
      }
      for (String week : differ) {
        Period period = Period.week(IsoWeek.parse(week));
        assertThat(recounted).as("case " + c).isNotNull();
        assertThat(recounted.overlaps(period)).as("case %d, %s", c, week).isTrue();
      }
    }
  }

  /** One member standing on every week, so that a second member's alert decides (2 of 5). */
  private static List<MemberAlert> others(DateSpan changed) {
    List<MemberAlert> alerts = new ArrayList<>();
    alerts.add(new MemberAlert("steady", START, START.plusDays(200)));
    if (changed != null) {
      alerts.add(new MemberAlert("changing", changed.from(), changed.to()));
    }
    return alerts;
  }

  private static List<MemberAlert> randomAlerts(Random random) {
    List<MemberAlert> alerts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      DateSpan span = randomSpan(random);
      alerts.add(new MemberAlert("m" + random.nextInt(8), span.from(), span.to()));
    }
    return alerts;
  }

  private static DateSpan randomSpan(Random random) {
    LocalDate from = START.plusDays(random.nextInt(150));
    return new DateSpan(from, from.plusDays(random.nextInt(random.nextBoolean() ? 3 : 40)));
  }
}
