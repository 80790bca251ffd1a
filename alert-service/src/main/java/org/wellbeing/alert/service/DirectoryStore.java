package org.wellbeing.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wellbeing.alert.persistence.DirectoryPersonEntity;
import org.wellbeing.alert.persistence.DirectoryTeamEntity;
import org.wellbeing.contract.Person;
import org.wellbeing.contract.Team;

/**
 * Keeps the org directory as published on {@code org-directory}; a move between teams re-judges the
 * person (routing) and both teams (TEAM_OVERLOAD).
 */
@ApplicationScoped
public class DirectoryStore {

  /** One directory record: a person, a team, or the removal of either (value null). */
  public record Entry(String key, Person person, Team team) {}

  private final AlertEngine engine;
  private final AlertPublisher publisher;
  private final Routing routing;
  private final ObjectMapper json;
  private final Clock clock;

  public DirectoryStore(
      AlertEngine engine,
      AlertPublisher publisher,
      Routing routing,
      ObjectMapper json,
      Clock clock) {
    this.engine = engine;
    this.publisher = publisher;
    this.routing = routing;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public void apply(List<Entry> entries) {
    Set<String> people = new HashSet<>();
    Set<String> teams = new HashSet<>();
    for (Entry entry : entries) {
      if (entry.person() != null) {
        Person p = entry.person();
        DirectoryPersonEntity e = DirectoryPersonEntity.findById(p.personId());
        if (e == null) {
          e = new DirectoryPersonEntity();
          e.personId = p.personId();
        } else if (e.teamId != null) {
          teams.add(e.teamId);
        }
        e.teamId = p.teamId();
        e.timeZone = p.timeZone();
        e.workingWindows = write(p.workingWindows());
        e.emails = p.emails() == null || p.emails().isEmpty() ? null : write(p.emails());
        e.updatedAt = clock.instant();
        e.persist();
        people.add(p.personId());
        if (p.teamId() != null) {
          teams.add(p.teamId());
        }
      } else if (entry.team() != null) {
        Team t = entry.team();
        DirectoryTeamEntity e = DirectoryTeamEntity.findById(t.teamId());
        if (e == null) {
          e = new DirectoryTeamEntity();
          e.teamId = t.teamId();
        }
        e.name = t.name();
        e.managerId = t.managerId();
        e.parentTeamId = t.parentTeamId();
        e.updatedAt = clock.instant();
        e.persist();
        teams.add(t.teamId());
      }
    }
    List<AlertChange> changes = new java.util.ArrayList<>(engine.evaluatePeople(people));
    changes.addAll(engine.evaluateTeams(teams, routing.orgChart()));
    publisher.publish(changes);
  }

  private String write(Object value) {
    try {
      return value == null ? null : json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
