package org.wellbeing.model.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wellbeing.contract.Person;
import org.wellbeing.contract.Team;
import org.wellbeing.contract.Violation;
import org.wellbeing.model.domain.InvalidInputException;
import org.wellbeing.model.domain.NotFoundException;
import org.wellbeing.model.domain.PersonModel;
import org.wellbeing.model.domain.Profile;
import org.wellbeing.model.persistence.PersonEntity;
import org.wellbeing.model.persistence.ProfileEntity;
import org.wellbeing.model.persistence.TeamEntity;

/**
 * The org directory: people with effective-dated profiles, and teams. Every change is published to
 * {@code org-directory} and recomputes the days it changes, in one transaction.
 */
@ApplicationScoped
public class DirectoryService {

  /** The outcome of a PUT. */
  public record Saved<T>(T value, boolean created) {}

  private final Directory directory;
  private final ProfileMapper mapper;
  private final MetricsEngine engine;
  private final Publications outbox;
  private final MeterRegistry registry;
  private final Clock clock;

  public DirectoryService(
      Directory directory,
      ProfileMapper mapper,
      MetricsEngine engine,
      Publications outbox,
      MeterRegistry registry) {
    this.directory = directory;
    this.mapper = mapper;
    this.engine = engine;
    this.outbox = outbox;
    this.registry = registry;
    this.clock = Clock.systemUTC();
  }

  @Transactional
  public Saved<Person> putPerson(String personId, PersonRequest request, List<Violation> found) {
    List<Violation> violations = new ArrayList<>(found);
    checkId("personId", personId, violations);
    PersonInput input = request.toInput(-1, violations);
    Saved<Person> saved = putPerson(personId, input, violations);
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid person " + personId, violations);
    }
    return saved;
  }

  /**
   * Saves one person; adds to {@code violations} instead of writing when the input is invalid.
   * Callers must throw when violations were added, which rolls back what a bulk import wrote.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Saved<Person> putPerson(String personId, PersonInput input, List<Violation> violations) {
    PersonEntity entity = PersonEntity.findById(personId);
    boolean created = entity == null || !entity.known;
    if (created) {
      if (input.teamId() == null) {
        violations.add(Violation.of("teamId", "is required for a new person"));
      }
      if (input.timeZone() == null) {
        violations.add(Violation.of("timeZone", "is required for a new person"));
      }
    }
    if (!violations.isEmpty()) {
      return null;
    }
    ZoneId zone = input.timeZone() != null ? input.timeZone() : ZoneId.of(entity.timeZone);
    LocalDate effectiveFrom =
        input.effectiveFrom() != null ? input.effectiveFrom() : LocalDate.now(clock.withZone(zone));
    PersonModel before = created ? null : directory.model(personId);
    Profile base =
        before == null
            ? Profile.defaults(effectiveFrom, input.teamId())
            : before.profileOn(effectiveFrom);
    Profile profile = merge(base, input, effectiveFrom);
    double initialSkill =
        input.initialSkill() != null
            ? input.initialSkill()
            : before != null ? before.initialSkill() : PersonModel.DEFAULT_INITIAL_SKILL;

    boolean everything =
        before == null || !before.zone().equals(zone) || before.initialSkill() != initialSkill;
    boolean earliest =
        before == null || !before.profiles().get(0).effectiveFrom().isBefore(effectiveFrom);
    Profile previousAtDate =
        before == null
            ? null
            : before.profiles().stream()
                .filter(p -> p.effectiveFrom().equals(effectiveFrom))
                .findFirst()
                .orElse(null);
    // a profile equal to the one it replaces (or to the one already in force) changes no day
    boolean changed =
        everything
            || !profile.equals(
                previousAtDate != null ? previousAtDate : base.withEffectiveFrom(effectiveFrom));

    if (entity == null) {
      entity = new PersonEntity();
      entity.personId = personId;
    }
    entity.timeZone = zone.getId();
    entity.initialSkill = initialSkill;
    entity.known = true;
    entity.updatedAt = clock.instant();
    entity.persist();
    ProfileEntity row =
        ProfileEntity.find("personId = ?1 and effectiveFrom = ?2", personId, effectiveFrom)
            .firstResult();
    if (row == null) {
      row = new ProfileEntity();
      row.personId = personId;
    }
    mapper.copy(profile, row);
    row.persist();

    PersonModel after = directory.model(personId);
    if (everything) {
      engine.recomputePerson(personId, effectiveFrom, true);
    } else if (changed) {
      engine.recomputePerson(personId, earliest ? LocalDate.MIN : effectiveFrom, false);
    }
    publish(after);
    registry.counter("model.directory.changes", "kind", "person").increment();
    return new Saved<>(mapper.toContract(after, profile, managerOf(after, profile)), created);
  }

  @Transactional
  public Person person(String personId) {
    PersonEntity entity = PersonEntity.findById(personId);
    if (entity == null || !entity.known) {
      throw new NotFoundException("person", personId);
    }
    PersonModel model = directory.model(personId);
    Profile current = model.profileOn(LocalDate.now(clock.withZone(model.zone())));
    return mapper.toContract(model, current, managerOf(model, current));
  }

  /** The managers who may see a person's data: their team's and every team's above it. */
  @Transactional
  public Set<String> managersOfPerson(String personId) {
    PersonModel model = directory.model(personId);
    String teamId = model.profileOn(LocalDate.now(clock.withZone(model.zone()))).teamId();
    return directory.orgChart().managersAbove(teamId);
  }

  /** The managers who may see a team's figures: its own and every team's above it. */
  @Transactional
  public Set<String> managersOfTeam(String teamId) {
    return directory.orgChart().managersAbove(teamId);
  }

  @Transactional
  public Saved<Team> putTeam(String teamId, TeamRequest request, List<Violation> found) {
    List<Violation> violations = new ArrayList<>(found);
    checkId("teamId", teamId, violations);
    Saved<Team> saved =
        putTeam(teamId, request.name(), request.managerId(), request.parentTeamId(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid team " + teamId, violations);
    }
    return saved;
  }

  /** Saves one team; adds to {@code violations} instead of writing when the input is invalid. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Saved<Team> putTeam(
      String teamId,
      String name,
      String managerId,
      String parentTeamId,
      List<Violation> violations) {
    TeamEntity entity = TeamEntity.findById(teamId);
    boolean created = entity == null;
    String parent = parentTeamId != null ? parentTeamId : created ? null : entity.parentTeamId;
    if (parent != null && cycle(teamId, parent)) {
      violations.add(Violation.of("parentTeamId", "would make the team its own ancestor"));
    }
    if (!violations.isEmpty()) {
      return null;
    }
    if (created) {
      entity = new TeamEntity();
      entity.teamId = teamId;
    }
    entity.name = name != null ? name : entity.name;
    entity.managerId = managerId != null ? managerId : entity.managerId;
    entity.parentTeamId = parent;
    entity.updatedAt = clock.instant();
    entity.persist();
    Team team = toContract(entity);
    outbox.queue(List.of(outbox.team(team, clock.millis())));
    registry.counter("model.directory.changes", "kind", "team").increment();
    return new Saved<>(team, created);
  }

  @Transactional
  public Team team(String teamId) {
    TeamEntity entity = TeamEntity.findById(teamId);
    if (entity == null) {
      throw new NotFoundException("team", teamId);
    }
    return toContract(entity);
  }

  private void publish(PersonModel person) {
    Profile current = person.profileOn(LocalDate.now(clock.withZone(person.zone())));
    Person value = mapper.toContract(person, current, managerOf(person, current));
    outbox.queue(List.of(outbox.person(value, clock.millis())));
  }

  private String managerOf(PersonModel person, Profile profile) {
    return directory.orgChart().managerOf(person.personId(), profile.teamId());
  }

  private static Profile merge(Profile base, PersonInput input, LocalDate effectiveFrom) {
    return new Profile(
        effectiveFrom,
        input.teamId() != null ? input.teamId() : base.teamId(),
        input.displayName() != null ? input.displayName() : base.displayName(),
        input.emails() != null ? input.emails() : base.emails(),
        input.contractHoursPerWeek() != null
            ? input.contractHoursPerWeek()
            : base.contractHoursPerWeek(),
        input.workingWindows() != null ? input.workingWindows() : base.workingWindows(),
        input.careerSkills() != null ? input.careerSkills() : base.careerSkills(),
        input.learningEfficiency() != null
            ? input.learningEfficiency()
            : base.learningEfficiency());
  }

  private boolean cycle(String teamId, String parentId) {
    return directory.orgChart().lineage(parentId).contains(teamId);
  }

  private static void checkId(String field, String id, List<Violation> violations) {
    if (id == null || !PersonInput.ID.matcher(id).matches()) {
      violations.add(Violation.of(field, "must be 1-64 characters of A-Za-z0-9._@-"));
    }
  }

  private static Team toContract(TeamEntity entity) {
    return new Team(entity.teamId, entity.name, entity.managerId, entity.parentTeamId);
  }
}
