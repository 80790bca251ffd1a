package org.wellbeing.alert.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.wellbeing.alert.persistence.DirectoryPersonEntity;
import org.wellbeing.alert.persistence.DirectoryTeamEntity;
import org.wellbeing.alert.persistence.FigureRepository;
import org.wellbeing.contract.OrgChart;
import org.wellbeing.contract.Team;

/**
 * Who an alert is about and for, from the org directory (org-directory topic); people the directory
 * does not know yet are routed as their latest figures say.
 */
@ApplicationScoped
public class Routing {

  /** A person's team and the manager who gets their alerts. */
  public record Route(String teamId, String managerId) {}

  private final FigureRepository figures;

  public Routing(FigureRepository figures) {
    this.figures = figures;
  }

  public OrgChart orgChart() {
    Map<String, Team> teams = new HashMap<>();
    for (DirectoryTeamEntity t : DirectoryTeamEntity.<DirectoryTeamEntity>listAll()) {
      teams.put(t.teamId, new Team(t.teamId, t.name, t.managerId, t.parentTeamId));
    }
    return new OrgChart(teams);
  }

  public Map<String, Route> people(Collection<String> personIds, OrgChart chart) {
    Map<String, Route> routes = new HashMap<>();
    Map<String, FigureRepository.Routing> fallback = figures.latestRouting(personIds);
    for (String personId : personIds) {
      DirectoryPersonEntity person = DirectoryPersonEntity.findById(personId);
      if (person != null && person.teamId != null) {
        routes.put(personId, new Route(person.teamId, chart.managerOf(personId, person.teamId)));
      } else {
        FigureRepository.Routing r = fallback.get(personId);
        routes.put(
            personId, r == null ? new Route(null, null) : new Route(r.teamId(), r.managerId()));
      }
    }
    return routes;
  }
}
