package org.wellbeing.model.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.common.outbox.OutboxRecord;
import org.wellbeing.common.persistence.Sql;
import org.wellbeing.contract.IsoWeek;
import org.wellbeing.contract.TeamWeekMetrics;
import org.wellbeing.contract.Violation;
import org.wellbeing.model.config.ModelConfig;
import org.wellbeing.model.domain.DayResult;
import org.wellbeing.model.domain.GroupTooSmallException;
import org.wellbeing.model.domain.InvalidInputException;
import org.wellbeing.model.domain.NotFoundException;
import org.wellbeing.model.domain.PersonModel;
import org.wellbeing.model.domain.TeamWeekCalculator;
import org.wellbeing.model.domain.TeamWeekCalculator.MemberWeek;
import org.wellbeing.model.domain.TeamWeekCalculator.TeamWeek;
import org.wellbeing.model.persistence.DailyMetricsRepository;
import org.wellbeing.model.persistence.ProfileEntity;
import org.wellbeing.model.persistence.StoredDay;
import org.wellbeing.model.persistence.TeamEntity;
import org.wellbeing.model.persistence.TeamWeekRepository;

/**
 * Team figures per ISO week. A team's members in a week are the people whose profile in force on
 * its Sunday names the team; a member without stored days that week had a quiet week (0 hours, W =
 * M = 1).
 */
@ApplicationScoped
public class TeamWeekService {

  /** Most weeks one request may ask for: ten years. */
  static final int MAX_WEEKS = 522;

  /** A team and week whose figures may have changed. */
  public record TeamWeekKey(String teamId, IsoWeek week) {}

  private final Directory directory;
  private final DailyMetricsRepository days;
  private final TeamWeekRepository stored;
  private final Publications outbox;
  private final ModelConfig config;
  private final Sql sql;
  private final MeterRegistry registry;

  private final PipelineConfig.Functions functions;

  public TeamWeekService(
      Directory directory,
      DailyMetricsRepository days,
      TeamWeekRepository stored,
      Publications outbox,
      ModelConfig config,
      Sql sql,
      PipelineConfig pipeline,
      MeterRegistry registry) {
    this.functions = pipeline.functions();
    this.directory = directory;
    this.days = days;
    this.stored = stored;
    this.outbox = outbox;
    this.config = config;
    this.sql = sql;
    this.registry = registry;
  }

  /** The figures of {@code teamId} for each week of {@code [from, to]}, for large teams only. */
  @Transactional
  public List<TeamWeekMetrics> weeks(String teamId, IsoWeek from, IsoWeek to) {
    if (to.compareTo(from) < 0) {
      throw new InvalidInputException(
          "invalid week range", List.of(Violation.of("to", "must not be before from")));
    }
    if (to.compareTo(IsoWeek.of(from.monday().plusWeeks(MAX_WEEKS))) >= 0) {
      throw new InvalidInputException(
          "invalid week range",
          List.of(Violation.of("to", "a range holds at most %d weeks".formatted(MAX_WEEKS))));
    }
    List<IsoWeek> weeks = new ArrayList<>();
    for (IsoWeek week = from; week.compareTo(to) <= 0; week = week.next()) {
      weeks.add(week);
    }
    Map<IsoWeek, TeamWeek> figures = compute(teamId, weeks);
    if (TeamEntity.findById(teamId) == null
        && figures.values().stream().allMatch(f -> f.members() == 0)) {
      throw new NotFoundException("team", teamId);
    }
    Instant now = Instant.now();
    List<TeamWeekMetrics> result = new ArrayList<>();
    for (IsoWeek week : weeks) {
      TeamWeek figure = figures.get(week);
      if (figure.members() < config.minGroupSize()) {
        throw new GroupTooSmallException(
            teamId, week.toString(), figure.members(), config.minGroupSize());
      }
      result.add(visible(toContract(teamId, week, figure, now)));
    }
    return result;
  }

  /**
   * Recomputes the given team weeks in the current transaction, stores them, and queues the ones
   * that changed for publication when the team is large enough.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void refresh(Collection<TeamWeekKey> keys) {
    Map<String, Set<IsoWeek>> byTeam = new HashMap<>();
    for (TeamWeekKey key : keys) {
      if (key.teamId() != null) {
        byTeam.computeIfAbsent(key.teamId(), k -> new TreeSet<>()).add(key.week());
      }
    }
    if (byTeam.isEmpty()) {
      return;
    }
    lockTeams(byTeam.keySet());
    Map<String, TeamWeekMetrics> before = stored.find(byTeam.keySet());
    Instant now = Instant.now();
    List<TeamWeekMetrics> changed = new ArrayList<>();
    List<OutboxRecord> records = new ArrayList<>();
    for (Map.Entry<String, Set<IsoWeek>> entry : byTeam.entrySet()) {
      String teamId = entry.getKey();
      Map<IsoWeek, TeamWeek> figures = compute(teamId, entry.getValue());
      for (Map.Entry<IsoWeek, TeamWeek> week : figures.entrySet()) {
        TeamWeekMetrics metrics = toContract(teamId, week.getKey(), week.getValue(), now);
        TeamWeekMetrics previous = before.get(TeamWeekRepository.key(teamId, metrics.week()));
        if (previous != null && sameFigures(previous, metrics)) {
          continue;
        }
        changed.add(metrics);
        if (metrics.members() >= config.minGroupSize()) {
          records.add(outbox.teamWeek(visible(metrics)));
        }
      }
    }
    stored.upsert(changed);
    outbox.queue(records);
    registry.counter("model.team.weeks.published").increment(records.size());
  }

  private Map<IsoWeek, TeamWeek> compute(String teamId, Collection<IsoWeek> weeks) {
    List<String> candidates = ProfileEntity.membersEver(List.of(teamId));
    Map<String, PersonModel> models = directory.models(candidates);
    LocalDate first = weeks.stream().map(IsoWeek::monday).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = weeks.stream().map(IsoWeek::sunday).max(LocalDate::compareTo).orElseThrow();
    Map<String, Map<LocalDate, DayResult>> rows = new HashMap<>();
    for (StoredDay day : days.range(candidates, first, last)) {
      rows.computeIfAbsent(day.personId(), k -> new HashMap<>())
          .put(day.result().date(), day.result());
    }
    Map<IsoWeek, TeamWeek> result = new HashMap<>();
    for (IsoWeek week : weeks) {
      List<MemberWeek> members = new ArrayList<>();
      for (PersonModel person : models.values()) {
        if (!teamId.equals(person.profileOn(week.sunday()).teamId())) {
          continue;
        }
        Map<LocalDate, DayResult> personRows = rows.getOrDefault(person.personId(), Map.of());
        double worked = 0;
        double learning = 0;
        for (LocalDate date = week.monday();
            !date.isAfter(week.sunday());
            date = date.plusDays(1)) {
          DayResult day = personRows.get(date);
          if (day != null) {
            worked += day.facts().worked();
            learning += day.facts().learning();
          }
        }
        DayResult sunday = personRows.get(week.sunday());
        members.add(
            new MemberWeek(
                worked,
                learning,
                sunday == null ? 1 : sunday.balance(),
                sunday == null ? 1 : sunday.timeManagement()));
      }
      result.put(week, TeamWeekCalculator.compute(members));
    }
    return result;
  }

  private void lockTeams(Collection<String> teamIds) {
    sql.run(
        connection -> {
          try (var statement =
              connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('team:' || ?))")) {
            for (String teamId : new TreeSet<>(teamIds)) {
              statement.setString(1, teamId);
              statement.execute();
            }
          }
          return null;
        });
  }

  private static TeamWeekMetrics toContract(
      String teamId, IsoWeek week, TeamWeek figure, Instant computedAt) {
    return new TeamWeekMetrics(
        teamId,
        week.toString(),
        figure.members(),
        figure.meanWeeklyHours(),
        figure.medianWeeklyHours(),
        figure.p90WeeklyHours(),
        figure.meanBalance(),
        figure.meanTimeManagement(),
        figure.shareOver48h(),
        figure.learningHours(),
        computedAt);
  }

  private static boolean sameFigures(TeamWeekMetrics a, TeamWeekMetrics b) {
    return a.members() == b.members()
        && a.meanWeeklyHours() == b.meanWeeklyHours()
        && a.medianWeeklyHours() == b.medianWeeklyHours()
        && a.p90WeeklyHours() == b.p90WeeklyHours()
        && a.meanBalance() == b.meanBalance()
        && a.meanTimeManagement() == b.meanTimeManagement()
        && a.shareOver48h() == b.shareOver48h()
        && java.util.Objects.equals(a.learningHours(), b.learningHours());
  }

  /** The week as readers outside model-service see it: without what is switched off. */
  private TeamWeekMetrics visible(TeamWeekMetrics metrics) {
    return functions.learning() ? metrics : metrics.withoutLearning();
  }
}
