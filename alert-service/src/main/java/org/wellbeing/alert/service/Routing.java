package org.wellbeing.alert.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
    if (personIds.isEmpty()) {
      return routes;
    }
    // one query for the batch's directory entries, and figures only for those it lacks
    for (DirectoryPersonEntity person :
        DirectoryPersonEntity.<DirectoryPersonEntity>list("personId in ?1", personIds)) {
      if (person.teamId != null) {
        routes.put(
            person.personId,
            new Route(person.teamId, chart.managerOf(person.personId, person.teamId)));
      }
    }
    List<String> unrouted = personIds.stream().filter(p -> !routes.containsKey(p)).toList();
    Map<String, FigureRepository.Routing> fallback = figures.latestRouting(unrouted);
    for (String personId : unrouted) {
      FigureRepository.Routing r = fallback.get(personId);
      routes.put(
          personId, r == null ? new Route(null, null) : new Route(r.teamId(), r.managerId()));
    }
    return routes;
  }
}
