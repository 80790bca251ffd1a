package org.wellbeing.model.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.common.outbox.OutboxRecord;
import org.wellbeing.common.persistence.Sql;
import org.wellbeing.contract.IsoWeek;
import org.wellbeing.contract.OrgChart;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.model.config.ModelConfig;
import org.wellbeing.model.domain.DayResult;
import org.wellbeing.model.domain.PersonModel;
import org.wellbeing.model.domain.StoredEvent;
import org.wellbeing.model.domain.TimelineCalculator;
import org.wellbeing.model.persistence.DailyMetricsRepository;
import org.wellbeing.model.persistence.EventStore;
import org.wellbeing.model.persistence.StoredDay;
import org.wellbeing.model.service.TeamWeekService.TeamWeekKey;

/**
 * Applies events to the event store and recomputes what they change: each affected person once,
 * from their earliest changed day forward, with a handful of set-based statements per batch.
 */
@ApplicationScoped
public class MetricsEngine {

  /** Days after a person's last event that still carry figures derived from it (P's window). */
  static final int TAIL_DAYS = TimelineCalculator.LOOKBACK_DAYS;

  /** What a batch did. */
  public record Outcome(int applied, int ignored, int daysChanged) {}

  private final EventStore events;
  private final DailyMetricsRepository days;
  private final Directory directory;
  private final TeamWeekService teamWeeks;
  private final Publications outbox;
  private final Sql sql;
  private final TimelineCalculator calculator;
  private final PipelineConfig.Functions functions;
  private final Counter applied;
  private final Counter ignored;
  private final Counter daysChanged;
  private final long chunkDays;

  public MetricsEngine(
      EventStore events,
      DailyMetricsRepository days,
      Directory directory,
      TeamWeekService teamWeeks,
      Publications outbox,
      Sql sql,
      PipelineConfig pipeline,
      ModelConfig config,
      MeterRegistry registry) {
    this.chunkDays = config.recomputeChunkDays();
    this.functions = pipeline.functions();
    this.calculator = new TimelineCalculator(functions.afterHours());
    this.events = events;
    this.days = days;
    this.directory = directory;
    this.teamWeeks = teamWeeks;
    this.outbox = outbox;
    this.sql = sql;
    this.applied =
        Counter.builder("model.events.applied")
            .description("WorkEvents that changed the event store")
            .register(registry);
    this.ignored =
        Counter.builder("model.events.ignored")
            .description("WorkEvents that were duplicates or superseded versions")
            .register(registry);
    this.daysChanged =
        Counter.builder("model.days.changed")
            .description("Person-days whose figures changed and were republished")
            .register(registry);
  }

  /**
   * Stores the events that win over what is stored (MODEL.md's precedence) and recomputes the
   * people they touch, in the caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Outcome apply(List<WorkEvent> batch) {
    Map<String, WorkEvent> winners = new HashMap<>();
    Map<String, StoredEvent> winning = new HashMap<>();
    for (WorkEvent event : batch) {
      StoredEvent candidate = toStored(event);
      if (candidate.supersedes(winning.get(event.eventId()))) {
        winning.put(event.eventId(), candidate);
        winners.put(event.eventId(), event);
      }
    }
    Map<String, StoredEvent> stored = events.findByIds(winning.keySet());
    List<WorkEvent> changed = new ArrayList<>();
    Map<String, Instant> earliest = new HashMap<>();
    for (Map.Entry<String, StoredEvent> entry : winning.entrySet()) {
      StoredEvent candidate = entry.getValue();
      StoredEvent previous = stored.get(entry.getKey());
      if (!candidate.supersedes(previous)) {
        continue;
      }
      changed.add(normalised(winners.get(entry.getKey()), candidate));
      earliest.merge(candidate.personId(), candidate.start(), MetricsEngine::min);
      if (previous != null) {
        earliest.merge(previous.personId(), previous.start(), MetricsEngine::min);
      }
    }
    events.upsert(changed, Instant.now());
    int dayCount = recomputeFrom(earliest);
    applied.increment(changed.size());
    ignored.increment(batch.size() - changed.size());
    return new Outcome(changed.size(), batch.size() - changed.size(), dayCount);
  }

  /** Recomputes people from the local date of the instant given for each. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int recomputeFrom(Map<String, Instant> earliestChange) {
    if (earliestChange.isEmpty()) {
      return 0;
    }
    Map<String, PersonModel> models = lockAndLoad(earliestChange.keySet());
    Map<String, LocalDate> from = new HashMap<>();
    earliestChange.forEach(
        (personId, instant) ->
            from.put(personId, LocalDate.ofInstant(instant, models.get(personId).zone())));
    return recompute(models, from);
  }

  /**
   * Recomputes one person from {@code from}, or everything when {@code everything} is set (a new
   * time zone or initial skill): their stored days are dropped and rebuilt from the first event.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int recomputePerson(String personId, LocalDate from, boolean everything) {
    Map<String, PersonModel> models = lockAndLoad(List.of(personId));
    PersonModel model = models.get(personId);
    LocalDate start = from;
    if (everything) {
      days.deleteAll(personId);
      Instant first = events.earliestStart(personId);
      if (first == null) {
        return 0;
      }
      start = LocalDate.ofInstant(first, model.zone());
    } else {
      LocalDate first = days.firstDate(personId);
      if (first == null) {
        return 0;
      }
      if (first.isAfter(start)) {
        // nothing happened before the first stored day, so nothing earlier can change
        start = first;
      }
    }
    return recompute(models, Map.of(personId, start));
  }

  private int recompute(Map<String, PersonModel> models, Map<String, LocalDate> requested) {
    Map<String, LocalDate> last = days.lastDates(requested.keySet());
    Map<String, LocalDate> from = new HashMap<>();
    Map<String, Instant> eventsAfter = new HashMap<>();
    Map<String, LocalDate> rowsFrom = new HashMap<>();
    Map<String, LocalDate> firstChanged = new HashMap<>();
    requested.forEach(
        (personId, date) -> {
          LocalDate lastStored = last.get(personId);
          // a change after the stored range also fills the quiet days up to it
          firstChanged.put(
              personId,
              lastStored != null && date.isAfter(lastStored.plusDays(1))
                  ? lastStored.plusDays(1)
                  : date);
        });
    // the stretch off work that a change splits is measured whole (WEEKLY_REST), so every day
    // whose window it overlaps changes: from the end of the work before the change on
    Map<String, Instant> workEnds = days.workEndsBefore(firstChanged);
    firstChanged.forEach(
        (personId, changedFrom) -> {
          ZoneId zone = models.get(personId).zone();
          Instant workEnd = workEnds.get(personId);
          LocalDate stretchStart = workEnd == null ? null : LocalDate.ofInstant(workEnd, zone);
          LocalDate start =
              stretchStart != null && stretchStart.isBefore(changedFrom)
                  ? stretchStart
                  : changedFrom;
          from.put(personId, start);
          eventsAfter.put(personId, TimelineCalculator.eventWindowStart(start, zone));
          rowsFrom.put(personId, start.minusDays(TimelineCalculator.LOOKBACK_DAYS));
        });
    OrgChart teams = directory.orgChart();
    Instant now = Instant.now();
    Set<TeamWeekKey> teamWeekKeys = new HashSet<>();
    int changedDays = 0;
    for (List<String> chunk : chunks(models, from, last)) {
      changedDays +=
          recomputeChunk(
              chunk, models, from, last, eventsAfter, rowsFrom, teams, now, teamWeekKeys);
    }
    teamWeeks.refresh(teamWeekKeys);
    daysChanged.increment(changedDays);
    return changedDays;
  }

  /**
   * The people in groups of at most {@code model.recompute-chunk-days} days to hold at once (each
   * person's days from the lookback before their change to the end of their range, a person with
   * more alone), so a batch of many people with long histories is worked through in bounded memory.
   */
  private List<List<String>> chunks(
      Map<String, PersonModel> models, Map<String, LocalDate> from, Map<String, LocalDate> last) {
    Map<String, Instant> latestEnds = events.latestEnds(from.keySet());
    List<List<String>> chunks = new ArrayList<>();
    List<String> chunk = new ArrayList<>();
    long held = 0;
    for (String personId : new TreeSet<>(from.keySet())) {
      LocalDate start = from.get(personId).minusDays(TimelineCalculator.LOOKBACK_DAYS);
      LocalDate end = last.get(personId);
      Instant latest = latestEnds.get(personId);
      if (latest != null) {
        LocalDate eventEnd =
            LocalDate.ofInstant(latest, models.get(personId).zone()).plusDays(TAIL_DAYS + 31);
        end = end == null || eventEnd.isAfter(end) ? eventEnd : end;
      }
      long personDays = end == null ? 1 : Math.max(1, ChronoUnit.DAYS.between(start, end) + 1);
      if (!chunk.isEmpty() && held + personDays > chunkDays) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        held = 0;
      }
      chunk.add(personId);
      held += personDays;
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    return chunks;
  }

  private int recomputeChunk(
      List<String> chunk,
      Map<String, PersonModel> models,
      Map<String, LocalDate> from,
      Map<String, LocalDate> last,
      Map<String, Instant> eventsAfterAll,
      Map<String, LocalDate> rowsFromAll,
      OrgChart teams,
      Instant now,
      Set<TeamWeekKey> teamWeekKeys) {
    Map<String, Instant> eventsAfter = new HashMap<>();
    Map<String, LocalDate> rowsFrom = new HashMap<>();
    for (String personId : chunk) {
      eventsAfter.put(personId, eventsAfterAll.get(personId));
      rowsFrom.put(personId, rowsFromAll.get(personId));
    }
    Map<String, List<StoredEvent>> personEvents = events.confirmedEndingAfter(eventsAfter);
    Map<String, List<StoredDay>> personRows = days.from(rowsFrom);
    List<OutboxRecord> records = new ArrayList<>();
    Map<String, List<DayResult>> changedByPerson = new HashMap<>();
    int changedDays = 0;
    for (String personId : chunk) {
      PersonModel person = models.get(personId);
      LocalDate start = from.get(personId);
      List<StoredEvent> own = personEvents.getOrDefault(personId, List.of());
      Map<LocalDate, DayResult> prior = new HashMap<>();
      Map<LocalDate, DayResult> existing = new HashMap<>();
      for (StoredDay row : personRows.getOrDefault(personId, List.of())) {
        (row.result().date().isBefore(start) ? prior : existing)
            .put(row.result().date(), row.result());
      }
      LocalDate end = rangeEnd(last.get(personId), own, person.zone());
      if (end == null || end.isBefore(start)) {
        continue;
      }
      DayResult before = prior.get(start.minusDays(1));
      List<DayResult> results =
          calculator.compute(
              new TimelineCalculator.Input(
                  person,
                  start,
                  end,
                  prior,
                  before == null ? person.initialSkill() : before.skill(),
                  own));
      List<DayResult> changed = new ArrayList<>();
      for (DayResult result : results) {
        DayResult old = existing.get(result.date());
        if (result.equals(old)) {
          continue;
        }
        changed.add(result);
        IsoWeek week = IsoWeek.of(result.date());
        teamWeekKeys.add(new TeamWeekKey(result.teamId(), week));
        if (old != null) {
          teamWeekKeys.add(new TeamWeekKey(old.teamId(), week));
        }
        records.add(
            outbox.dailyMetrics(
                DailyMetricsMapper.toContract(
                    personId, result, teams.managerOf(personId, result.teamId()), now, functions)));
      }
      changedByPerson.put(personId, changed);
      changedDays += changed.size();
    }
    days.upsert(changedByPerson, now);
    outbox.queue(records);
    return changedDays;
  }

  /**
   * The last day to store: 27 days after the last event (P's window), at least to that month's end
   * (a month's overtime needs its days), and never short of what is already stored.
   */
  private static LocalDate rangeEnd(LocalDate lastStored, List<StoredEvent> own, ZoneId zone) {
    Instant lastEnd = null;
    for (StoredEvent event : own) {
      if (lastEnd == null || event.end().isAfter(lastEnd)) {
        lastEnd = event.end();
      }
    }
    LocalDate end = lastStored;
    if (lastEnd != null) {
      LocalDate lastDay = LocalDate.ofInstant(lastEnd.minusNanos(1), zone);
      LocalDate tail = lastDay.plusDays(TAIL_DAYS);
      LocalDate monthEnd = lastDay.with(TemporalAdjusters.lastDayOfMonth());
      LocalDate eventEnd = tail.isAfter(monthEnd) ? tail : monthEnd;
      end = end == null || eventEnd.isAfter(end) ? eventEnd : end;
    }
    return end;
  }

  /**
   * Serialises recomputations of the same people (a REST change and a consumer batch, or two
   * replicas): person rows are created for unknown people and locked in a fixed order.
   */
  private Map<String, PersonModel> lockAndLoad(Collection<String> personIds) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(personIds));
    sql.run(
        connection -> {
          try (var insert =
                  connection.prepareStatement(
                      "INSERT INTO person (person_id, time_zone, initial_skill, known, updated_at)"
                          + " SELECT id, 'UTC', ?, false, now() FROM unnest(?::text[]) AS id"
                          + " ON CONFLICT (person_id) DO NOTHING");
              var lock =
                  connection.prepareStatement(
                      "SELECT person_id FROM person WHERE person_id = ANY(?)"
                          + " ORDER BY person_id FOR UPDATE")) {
            insert.setDouble(1, PersonModel.DEFAULT_INITIAL_SKILL);
            insert.setArray(2, connection.createArrayOf("text", sorted.toArray()));
            insert.executeUpdate();
            lock.setArray(1, connection.createArrayOf("text", sorted.toArray()));
            lock.executeQuery().close();
          }
          return null;
        });
    return directory.models(sorted);
  }

  private static StoredEvent toStored(WorkEvent event) {
    // the database keeps microseconds; comparing at that precision keeps redelivery a no-op
    return new StoredEvent(
        event.eventId(),
        event.version(),
        event.personId(),
        event.kind(),
        event.start().toInstant().truncatedTo(ChronoUnit.MICROS),
        event.end().toInstant().truncatedTo(ChronoUnit.MICROS),
        event.status(),
        event.skill());
  }

  private static WorkEvent normalised(WorkEvent event, StoredEvent stored) {
    return new WorkEvent(
        event.eventId(),
        event.version(),
        event.personId(),
        event.kind(),
        stored.start().atOffset(event.start().getOffset()),
        stored.end().atOffset(event.end().getOffset()),
        event.status(),
        event.skill(),
        event.source(),
        event.title(),
        event.autoClosed());
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
