package org.wellbeing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OrgChartTest {

  private final OrgChart chart =
      new OrgChart(
          Map.of(
              "company", new Team("company", "Company", "ceo", null),
              "engineering", new Team("engineering", "Engineering", "cto", "company"),
              "platform", new Team("platform", "Platform", "maria", "engineering"),
              "ghost", new Team("ghost", "Ghost", "gina", "nowhere"),
              "selfish", new Team("selfish", "Self", "sam", "selfish-parent"),
              "selfish-parent", new Team("selfish-parent", "Parent", "sam", "company")));

  @Test
  void aPersonsManagerIsTheirTeamsManager() {
    assertThat(chart.managerOf("alice", "platform")).isEqualTo("maria");
  }

  @Test
  void aManagersManagerIsTheNearestAncestorManagerWhoIsSomeoneElse() {
    assertThat(chart.managerOf("maria", "platform")).isEqualTo("cto");
    assertThat(chart.managerOf("sam", "selfish")).isEqualTo("ceo");
    assertThat(chart.managerOf("ceo", "company")).isNull();
  }

  @Test
  void anUnknownTeamOnTheWayUpMeansNoManager() {
    assertThat(chart.managerOf("gina", "ghost")).isNull();
    assertThat(chart.managerOf("alice", "unknown")).isNull();
  }

  @Test
  void teamAlertsGoToTheParentTeamsManagerElseTheTeamsOwn() {
    assertThat(chart.teamAlertRecipient("platform")).isEqualTo("cto");
    assertThat(chart.teamAlertRecipient("company")).isEqualTo("ceo");
  }

  @Test
  void managersAboveCoverEveryLevel() {
    assertThat(chart.managersAbove("platform")).containsExactlyInAnyOrder("maria", "cto", "ceo");
    assertThat(chart.lineage("platform")).containsExactly("platform", "engineering", "company");
  }
}
