package org.wellbeing.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wellbeing.alert.domain.Finding;
import org.wellbeing.alert.domain.RuleBook;
import org.wellbeing.alert.domain.RuleId;
import org.wellbeing.alert.domain.Severity;
import org.wellbeing.alert.domain.TeamOverloadRule;

/** The demo organisation's alert inbox reads like a real one: three clear cases, nobody else. */
class DemoOrganisationTest {

  private static Map<String, List<Finding>> inbox(LocalDate today) {
    Map<String, List<Finding>> byPerson = new TreeMap<>();
    List<Schedule.Event> events = DemoOrganisation.events(today);
    for (DemoOrganisation.Person p : DemoOrganisation.PEOPLE) {
      List<Schedule.Event> own = events.stream().filter(e -> e.personId().equals(p.id())).toList();
      List<Finding> findings =
          RuleBook.of(RuleBook.Preset.EU)
              .evaluate(Judge.figures(p.schedule(), ZoneId.of(p.zone()), own, p.skill()));
      if (!findings.isEmpty()) {
        byPerson.put(p.id(), findings);
      }
    }
    return byPerson;
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-18", "2026-06-01", "2026-11-30", "2026-12-01"})
  void onlyTheThreeClearCasesRaiseAlerts(String today) {
    Map<String, List<Finding>> inbox = inbox(LocalDate.parse(today));

    assertThat(inbox).containsOnlyKeys("alice", "grace", "ivan");
    // what each fires depends on the date (how much of a month lies behind it), never more than
    // its schedule describes
    for (DemoOrganisation.Person p : DemoOrganisation.PEOPLE) {
      if (!p.schedule().healthy()) {
        assertThat(inbox.get(p.id()))
            .extracting(f -> f.rule().name())
            .as(p.id())
            .isSubsetOf(p.schedule().fires())
            .isNotEmpty();
      }
    }
    inbox.forEach(
        (person, findings) ->
            findings.forEach(
                f ->
                    System.out.printf(
                        "%s: %s %s %s %s %.2f%n",
                        today, person, f.rule(), f.period().label(), f.severity(), f.value())));
  }

  @Test
  void noTeamIsOverloaded() {
    Map<String, List<Finding>> inbox = inbox(LocalDate.parse("2026-03-18"));
    RuleBook eu = RuleBook.of(RuleBook.Preset.EU);
    for (DemoOrganisation.Team team : DemoOrganisation.TEAMS) {
      List<DemoOrganisation.Person> members =
          DemoOrganisation.PEOPLE.stream().filter(p -> p.teamId().equals(team.id())).toList();
      List<TeamOverloadRule.MemberAlert> alerts = new ArrayList<>();
      for (DemoOrganisation.Person p : members) {
        for (Finding f : inbox.getOrDefault(p.id(), List.of())) {
          if (f.severity() != Severity.INFO) {
            alerts.add(
                new TeamOverloadRule.MemberAlert(p.id(), f.period().from(), f.period().to()));
          }
        }
      }
      assertThat(
              new TeamOverloadRule()
                  .evaluate(members.size(), alerts, eu.settings(RuleId.TEAM_OVERLOAD), 5))
          .as(team.id())
          .isEmpty();
    }
  }
}
