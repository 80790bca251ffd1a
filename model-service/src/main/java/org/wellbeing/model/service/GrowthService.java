package org.wellbeing.model.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.contract.DailyMetrics;
import org.wellbeing.contract.Growth;
import org.wellbeing.model.domain.GrowthCalculator;
import org.wellbeing.model.domain.SwitchedOffException;

/** A person's growth on a date, from the same days {@code /days} serves. */
@ApplicationScoped
public class GrowthService {

  private final Directory directory;
  private final DayQueryService days;
  private final GrowthCalculator calculator = new GrowthCalculator();
  private final boolean learning;

  public GrowthService(Directory directory, DayQueryService days, PipelineConfig pipeline) {
    this.directory = directory;
    this.days = days;
    this.learning = pipeline.functions().learning();
  }

  /**
   * @param date the date, or null for today in the person's time zone
   */
  @Transactional
  public Growth growth(String personId, LocalDate date, int weeks, GrowthCalculator.WhatIf whatIf) {
    if (!learning) {
      throw new SwitchedOffException("Learning and skill figures", "WELLBEING_FUNCTIONS_LEARNING");
    }
    LocalDate on = date != null ? date : LocalDate.now(directory.model(personId).zone());
    List<DailyMetrics> window =
        days.days(personId, on.minusDays(GrowthCalculator.PACE_DAYS - 1), on);
    double learning = 0;
    for (DailyMetrics day : window) {
      learning += day.learningHours();
    }
    DailyMetrics today = window.get(window.size() - 1);
    return calculator.compute(
        personId,
        new GrowthCalculator.Day(
            on,
            today.balance(),
            today.timeManagement(),
            today.planAccuracy(),
            today.learningEfficiency(),
            today.skill(),
            learning),
        weeks,
        whatIf);
  }
}
