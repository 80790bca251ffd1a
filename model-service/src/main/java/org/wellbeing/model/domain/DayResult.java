package org.wellbeing.model.domain;

import java.time.LocalDate;

/** A day's facts with the figures derived from them: W, M, P, E, the growth rate and skill. */
public record DayResult(
    String teamId,
    DayFacts facts,
    double balance,
    double timeManagement,
    double planAccuracy,
    double learningEfficiency,
    double skillRate,
    double skillDelta,
    double skill) {

  public LocalDate date() {
    return facts.date();
  }
}
