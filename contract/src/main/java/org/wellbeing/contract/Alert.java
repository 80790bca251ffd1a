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
   */
  public record Evidence(
      LocalDate from, LocalDate to, String summary, List<Map<String, Object>> days) {}
}
