package org.wellbeing.model.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wellbeing.contract.OrgChart;
import org.wellbeing.contract.Team;
import org.wellbeing.model.domain.PersonModel;
import org.wellbeing.model.domain.Profile;
import org.wellbeing.model.persistence.PersonEntity;
import org.wellbeing.model.persistence.ProfileEntity;
import org.wellbeing.model.persistence.TeamEntity;

/** Read access to the org directory as the model needs it. */
@ApplicationScoped
public class Directory {

  private final ProfileMapper mapper;

  public Directory(ProfileMapper mapper) {
    this.mapper = mapper;
  }

  /** The people's models; someone without a directory entry is judged in UTC with defaults. */
  public Map<String, PersonModel> models(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return Map.of();
    }
    Map<String, PersonEntity> people = new HashMap<>();
    for (PersonEntity person : PersonEntity.<PersonEntity>list("personId in ?1", personIds)) {
      people.put(person.personId, person);
    }
    Map<String, List<Profile>> profiles = new HashMap<>();
    for (ProfileEntity entity : ProfileEntity.forPeople(personIds)) {
      profiles
          .computeIfAbsent(entity.personId, k -> new ArrayList<>())
          .add(mapper.toDomain(entity));
    }
    Map<String, PersonModel> result = new HashMap<>();
    for (String personId : personIds) {
      PersonEntity person = people.get(personId);
      List<Profile> history = profiles.get(personId);
      if (person == null || !person.known || history == null) {
        result.put(personId, PersonModel.unknown(personId));
      } else {
        result.put(
            personId,
            new PersonModel(personId, ZoneId.of(person.timeZone), person.initialSkill, history));
      }
    }
    return result;
  }

  public PersonModel model(String personId) {
    return models(List.of(personId)).get(personId);
  }

  /** The org chart of all teams: a small table, read whole. */
  public OrgChart orgChart() {
    Map<String, Team> teams = new HashMap<>();
    for (TeamEntity team : TeamEntity.<TeamEntity>listAll()) {
      teams.put(team.teamId, new Team(team.teamId, team.name, team.managerId, team.parentTeamId));
    }
    return new OrgChart(teams);
  }
}
