package org.wellbeing.alert.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.wellbeing.alert.domain.ConflictException;
import org.wellbeing.alert.domain.InvalidInputException;
import org.wellbeing.alert.domain.NotFoundException;
import org.wellbeing.alert.persistence.AlertEntity;
import org.wellbeing.contract.Alert;
import org.wellbeing.contract.Violation;

/** Reading alerts, and acknowledging them. */
@ApplicationScoped
public class AlertQueryService {

  /** Filters of {@code GET /api/v1/alerts}; null means any. */
  public record Filter(
      String status,
      String teamId,
      String personId,
      String rule,
      String severity,
      LocalDate from,
      LocalDate to) {}

  /** One page of alerts and how many match in all. */
  public record Result(List<Alert> alerts, long total) {}

  private final AlertMapper mapper;
  private final AlertPublisher publisher;
  private final Clock clock;

  public AlertQueryService(AlertMapper mapper, AlertPublisher publisher, Clock clock) {
    this.mapper = mapper;
    this.publisher = publisher;
    this.clock = clock;
  }

  @Transactional
  public Result list(Filter filter, int page, int size) {
    List<String> clauses = new ArrayList<>();
    Parameters params = new Parameters();
    if (filter.status() != null) {
      clauses.add("status = :status");
      params.and("status", filter.status());
    }
    if (filter.teamId() != null) {
      clauses.add("teamId = :teamId");
      params.and("teamId", filter.teamId());
    }
    if (filter.personId() != null) {
      clauses.add("subject = :personId and subjectType = 'PERSON'");
      params.and("personId", filter.personId());
    }
    if (filter.rule() != null) {
      clauses.add("rule = :rule");
      params.and("rule", filter.rule());
    }
    if (filter.severity() != null) {
      clauses.add("severity = :severity");
      params.and("severity", filter.severity());
    }
    if (filter.from() != null) {
      clauses.add("periodTo >= :from");
      params.and("from", filter.from());
    }
    if (filter.to() != null) {
      clauses.add("periodFrom <= :to");
      params.and("to", filter.to());
    }
    String query = String.join(" and ", clauses);
    Sort sort = Sort.descending("openedAt").and("id");
    var found =
        query.isEmpty()
            ? AlertEntity.<AlertEntity>findAll(sort)
            : AlertEntity.<AlertEntity>find(query, sort, params);
    List<Alert> alerts =
        found.page(Page.of(page, size)).list().stream()
            .map(a -> mapper.toContract(a, false))
            .toList();
    return new Result(alerts, found.count());
  }

  @Transactional
  public Alert get(String id) {
    AlertEntity alert = AlertEntity.findById(id);
    if (alert == null) {
      throw new NotFoundException("alert", id);
    }
    return mapper.toContract(alert, true);
  }

  /**
   * Acknowledges an open alert: no more notifications about it until {@code until} (or ever,
   * without one); it still resolves by itself.
   */
  @Transactional
  public Alert acknowledge(String id, String reason, LocalDate until) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException(
          "an acknowledgement needs a reason", List.of(Violation.of("reason", "is required")));
    }
    AlertEntity alert = AlertEntity.findById(id);
    if (alert == null) {
      throw new NotFoundException("alert", id);
    }
    if (AlertEngine.RESOLVED.equals(alert.status)) {
      throw new ConflictException(
          "alert %s is resolved; there is nothing to acknowledge".formatted(id));
    }
    alert.status = AlertEngine.ACKNOWLEDGED;
    alert.acknowledgedAt = clock.instant();
    alert.ackReason = reason;
    alert.ackUntil = until;
    alert.updatedAt = alert.acknowledgedAt;
    publisher.publish(List.of(new AlertChange(AlertChange.ACKNOWLEDGED, alert)));
    return mapper.toContract(alert, true);
  }
}
