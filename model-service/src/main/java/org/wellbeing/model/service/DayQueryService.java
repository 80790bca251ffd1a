package org.wellbeing.model.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.contract.DailyMetrics;
import org.wellbeing.contract.OrgChart;
import org.wellbeing.contract.Violation;
import org.wellbeing.model.config.ModelConfig;
import org.wellbeing.model.domain.DayResult;
import org.wellbeing.model.domain.InvalidInputException;
import org.wellbeing.model.domain.NotFoundException;
import org.wellbeing.model.domain.PersonModel;
import org.wellbeing.model.domain.TimelineCalculator;
import org.wellbeing.model.persistence.DailyMetricsRepository;
import org.wellbeing.model.persistence.EventStore;
import org.wellbeing.model.persistence.PersonEntity;
import org.wellbeing.model.persistence.StoredDay;

/**
 * Serves a person's days. Stored days are returned as stored; days before the first or after the
 * last stored one had nothing happen and are computed on the spot by the same calculator, so every
 * date of a range gets a row.
 */
@ApplicationScoped
public class DayQueryService {

  private final Directory directory;
  private final DailyMetricsRepository days;
  private final EventStore events;
  private final ModelConfig config;
  private final TimelineCalculator calculator;
  private final PipelineConfig.Functions functions;

  public DayQueryService(
      Directory directory,
      DailyMetricsRepository days,
      EventStore events,
      ModelConfig config,
      PipelineConfig pipeline) {
    this.functions = pipeline.functions();
    this.calculator = new TimelineCalculator(functions.afterHours());
    this.directory = directory;
    this.days = days;
    this.events = events;
    this.config = config;
  }

  @Transactional
  public List<DailyMetrics> days(String personId, LocalDate from, LocalDate to) {
    check(from, to);
    PersonEntity person = PersonEntity.findById(personId);
    if ((person == null || !person.known) && !events.hasEvents(personId)) {
      throw new NotFoundException("person", personId);
    }
    PersonModel model = directory.model(personId);
    LocalDate first = days.firstDate(personId);
    LocalDate last = first == null ? null : days.lastDates(List.of(personId)).get(personId);
    OrgChart teams = directory.orgChart();
    Instant now = Instant.now();
    List<DailyMetrics> result = new ArrayList<>();
    LocalDate quietBefore = first == null ? to : min(to, first.minusDays(1));
    if (!from.isAfter(quietBefore)) {
      add(
          result,
          model,
          quiet(model, from, quietBefore, Map.of(), model.initialSkill()),
          teams,
          now);
    }
    if (first != null) {
      LocalDate storedFrom = max(from, first);
      LocalDate storedTo = min(to, last);
      List<StoredDay> stored =
          storedFrom.isAfter(storedTo) ? List.of() : days.range(personId, storedFrom, storedTo);
      for (StoredDay day : stored) {
        result.add(
            DailyMetricsMapper.toContract(
                personId,
                day.result(),
                teams.managerOf(personId, day.result().teamId()),
                day.computedAt(),
                functions));
      }
      if (to.isAfter(last)) {
        LocalDate quietFrom = max(from, last.plusDays(1));
        double skillAtLast = model.initialSkill();
        Map<LocalDate, DayResult> prior = new HashMap<>();
        LocalDate lookback = quietFrom.minusDays(TimelineCalculator.LOOKBACK_DAYS);
        // the last stored day carries S forward; older ones only matter inside the lookback
        for (StoredDay day :
            days.range(personId, lookback.isBefore(last) ? lookback : last, last)) {
          if (!day.result().date().isBefore(lookback)) {
            prior.put(day.result().date(), day.result());
          }
          if (day.result().date().equals(last)) {
            skillAtLast = day.result().skill();
          }
        }
        add(result, model, quiet(model, quietFrom, to, prior, skillAtLast), teams, now);
      }
    }
    return result;
  }

  private List<DayResult> quiet(
      PersonModel model,
      LocalDate from,
      LocalDate to,
      Map<LocalDate, DayResult> prior,
      double skillBefore) {
    return calculator.compute(
        new TimelineCalculator.Input(model, from, to, prior, skillBefore, List.of()));
  }

  private void add(
      List<DailyMetrics> result,
      PersonModel model,
      List<DayResult> computed,
      OrgChart teams,
      Instant now) {
    for (DayResult day : computed) {
      result.add(
          DailyMetricsMapper.toContract(
              model.personId(),
              day,
              teams.managerOf(model.personId(), day.teamId()),
              now,
              functions));
    }
  }

  private void check(LocalDate from, LocalDate to) {
    List<Violation> violations = new ArrayList<>();
    if (from == null) {
      violations.add(Violation.of("from", "is required (YYYY-MM-DD)"));
    }
    if (to == null) {
      violations.add(Violation.of("to", "is required (YYYY-MM-DD)"));
    }
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        violations.add(Violation.of("to", "must not be before from"));
      } else if (ChronoUnit.DAYS.between(from, to) + 1 > config.maxDaysPerRequest()) {
        violations.add(
            Violation.of(
                "to", "a range holds at most %d days".formatted(config.maxDaysPerRequest())));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid date range", violations);
    }
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
