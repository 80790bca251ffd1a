package org.wellbeing.contract;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Who manages whom, from the teams of the org tree (MODEL.md "Precise readings"). */
public final class OrgChart {

  private final Map<String, Team> teams;

  public OrgChart(Map<String, Team> teams) {
    this.teams = Map.copyOf(teams);
  }

  /**
   * A person's manager: their team's manager; for the manager themself, the nearest ancestor team's
   * manager who is someone else; null when there is none or a team is unknown.
   */
  public String managerOf(String personId, String teamId) {
    Team team = teamId == null ? null : teams.get(teamId);
    if (team == null) {
      return null;
    }
    if (!personId.equals(team.managerId())) {
      return team.managerId();
    }
    return ancestorManager(team, personId);
  }

  /** Who receives a team's alerts: the parent team's manager, else the team's own manager. */
  public String teamAlertRecipient(String teamId) {
    Team team = teamId == null ? null : teams.get(teamId);
    if (team == null) {
      return null;
    }
    Team parent = team.parentTeamId() == null ? null : teams.get(team.parentTeamId());
    if (parent != null && parent.managerId() != null) {
      return parent.managerId();
    }
    return team.managerId();
  }

  /** The managers of {@code teamId} and of every team above it. */
  public Set<String> managersAbove(String teamId) {
    Set<String> managers = new HashSet<>();
    for (String id : lineage(teamId)) {
      Team team = teams.get(id);
      if (team != null && team.managerId() != null) {
        managers.add(team.managerId());
      }
    }
    return managers;
  }

  /** {@code teamId} and its ancestors, nearest first, as far as the teams are known. */
  public java.util.List<String> lineage(String teamId) {
    java.util.List<String> lineage = new java.util.ArrayList<>();
    Set<String> seen = new HashSet<>();
    String current = teamId;
    while (current != null && seen.add(current)) {
      lineage.add(current);
      Team team = teams.get(current);
      current = team == null ? null : team.parentTeamId();
    }
    return lineage;
  }

  private String ancestorManager(Team team, String personId) {
    Set<String> seen = new HashSet<>();
    seen.add(team.teamId());
    String parentId = team.parentTeamId();
    while (parentId != null && seen.add(parentId)) {
      Team parent = teams.get(parentId);
      if (parent == null) {
        return null;
      }
      if (parent.managerId() != null && !parent.managerId().equals(personId)) {
        return parent.managerId();
      }
      parentId = parent.parentTeamId();
    }
    return null;
  }
}
