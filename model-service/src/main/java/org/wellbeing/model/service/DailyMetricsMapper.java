package org.wellbeing.model.service;

import java.time.Instant;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.contract.DailyMetrics;
import org.wellbeing.model.domain.DayFacts;
import org.wellbeing.model.domain.DayResult;

/** The contract's DailyMetrics of a computed day. */
final class DailyMetricsMapper {

  private DailyMetricsMapper() {}

  /** The day as every reader outside model-service sees it: without what is switched off. */
  static DailyMetrics toContract(
      String personId,
      DayResult day,
      String managerId,
      Instant computedAt,
      PipelineConfig.Functions functions) {
    DailyMetrics metrics = toContract(personId, day, managerId, computedAt);
    if (!functions.afterHours()) {
      metrics = metrics.withoutAfterHours();
    }
    return functions.learning() ? metrics : metrics.withoutLearning();
  }

  private static DailyMetrics toContract(
      String personId, DayResult day, String managerId, Instant computedAt) {
    DayFacts f = day.facts();
    return new DailyMetrics(
        personId,
        day.teamId(),
        managerId,
        f.date(),
        f.worked(),
        f.meetings(),
        f.focus(),
        f.learning(),
        f.plannedLearning(),
        f.afterHours(),
        f.rest(),
        f.absence(),
        day.balance(),
        day.timeManagement(),
        day.planAccuracy(),
        day.learningEfficiency(),
        day.skillRate(),
        day.skillDelta(),
        day.skill(),
        computedAt,
        f.contractHours(),
        f.workingDay(),
        f.weeklyRest(),
        f.hasEvents());
  }
}
