package org.wellbeing.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A finding of alert-service (CONTRACT.md). {@code evidence} is served by {@code GET
 * /api/v1/alerts/{id}} and carried in AlertEvents; lists leave it out.
 *
 * @param subjectType PERSON or TEAM
 * @param status OPEN, ACKNOWLEDGED or RESOLVED
 * @param period an ISO date, week ({@code 2026-W10}) or month ({@code 2026-03})
 */
public record Alert(
    String id,
    String subject,
    String subjectType,
    String teamId,
    String managerId,
    String rule,
    String severity,
    String period,
    String status,
    double value,
    double threshold,
    Instant openedAt,
    Instant resolvedAt,
    Instant updatedAt,
    Instant acknowledgedAt,
    String ackReason,
    LocalDate ackUntil,
    @JsonInclude(JsonInclude.Include.NON_NULL) Evidence evidence) {

  /**
   * What fired an alert: the period's dates and, per date, the daily figures the rule read.
   *
   * @param from first date of the period (or run)
   * @param to last date of the period (or run)
   * @param overtimeHours OVERTIME_FORECAST only: OT, the month's overtime up to the latest date
   *     with an event
   * @param elapsedContractDays OVERTIME_FORECAST only: n_e, the days up to then with a contract
   * @param remainingContractDays OVERTIME_FORECAST only: n_r, the month's later contract days
   * @param breachDate OVERTIME_FORECAST only: the day the threshold is passed at this pace
   */
  public record Evidence(
      LocalDate from,
      LocalDate to,
      String summary,
      List<Map<String, Object>> days,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double overtimeHours,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer elapsedContractDays,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer remainingContractDays,
      @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate breachDate) {

    public Evidence(LocalDate from, LocalDate to, String summary, List<Map<String, Object>> days) {
      this(from, to, summary, days, null, null, null, null);
    }
  }
}
