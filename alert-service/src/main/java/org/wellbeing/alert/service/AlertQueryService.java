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
import org.wellbeing.alert.domain.AlertLifecycle;
import org.wellbeing.alert.domain.InvalidInputException;
import org.wellbeing.alert.domain.NotFoundException;
import org.wellbeing.alert.persistence.AlertEntity;
import org.wellbeing.alert.persistence.DirectoryTeamEntity;
import org.wellbeing.common.access.AccessDeniedException;
import org.wellbeing.common.access.Viewer;
import org.wellbeing.contract.Alert;
import org.wellbeing.contract.OrgChart;
import org.wellbeing.contract.Violation;

/** Reading alerts, and acknowledging them. */
@ApplicationScoped
public class AlertQueryService {

  /** Longest acknowledgement reason. */
  static final int MAX_REASON_LENGTH = 1000;

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
  private final Routing routing;
  private final Clock clock;

  public AlertQueryService(
      AlertMapper mapper, AlertPublisher publisher, Routing routing, Clock clock) {
    this.mapper = mapper;
    this.publisher = publisher;
    this.routing = routing;
    this.clock = clock;
  }

  /**
   * Alerts matching {@code filter} that {@code viewer} may see: their own, those of the teams they
   * manage (at any level), or all for administrators.
   */
  @Transactional
  public Result list(Filter filter, int page, int size, Viewer viewer) {
    List<String> clauses = new ArrayList<>();
    Parameters params = new Parameters();
    if (!viewer.unrestricted() && !viewer.admin()) {
      List<String> teams = managedTeams(viewer.personId());
      clauses.add(
          teams.isEmpty()
              ? "(subject = :viewer and subjectType = 'PERSON')"
              : "((subject = :viewer and subjectType = 'PERSON') or teamId in :managed)");
      params.and("viewer", String.valueOf(viewer.personId()));
      if (!teams.isEmpty()) {
        params.and("managed", teams);
      }
    }
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
  public Alert get(String id, Viewer viewer) {
    return mapper.toContract(visible(id, viewer), true);
  }

  /** The teams {@code personId} manages, directly or through a team above them. */
  private List<String> managedTeams(String personId) {
    if (personId == null) {
      return List.of();
    }
    OrgChart chart = routing.orgChart();
    return DirectoryTeamEntity.<DirectoryTeamEntity>listAll().stream()
        .map(t -> t.teamId)
        .filter(teamId -> chart.managersAbove(teamId).contains(personId))
        .toList();
  }

  private AlertEntity visible(String id, Viewer viewer) {
    AlertEntity alert = AlertEntity.findById(id);
    if (alert == null) {
      throw new NotFoundException("alert", id);
    }
    if (viewer.unrestricted() || viewer.admin()) {
      return alert;
    }
    String person = AlertEngine.PERSON.equals(alert.subjectType) ? alert.subject : null;
    if (!viewer.maySee(person, routing.orgChart().managersAbove(alert.teamId))) {
      throw new AccessDeniedException(
          "only the alert's subject, their managers and administrators see it");
    }
    return alert;
  }

  /**
   * Acknowledges an open alert: no more notifications about it until {@code until} (or ever,
   * without one); it still resolves by itself.
   */
  @Transactional
  public Alert acknowledge(String id, String reason, LocalDate until, Viewer viewer) {
    if (reason != null
        && (reason.length() > MAX_REASON_LENGTH
            || reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'))) {
      throw new InvalidInputException(
          "invalid reason",
          List.of(
              Violation.of(
                  "reason",
                  "must be at most %d characters without control characters"
                      .formatted(MAX_REASON_LENGTH))));
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException(
          "an acknowledgement needs a reason", List.of(Violation.of("reason", "is required")));
    }
    AlertEntity alert = visible(id, viewer);
    alert.status = AlertLifecycle.acknowledge(AlertLifecycle.Status.valueOf(alert.status)).name();
    alert.acknowledgedAt = clock.instant();
    alert.ackReason = reason;
    alert.ackUntil = until;
    alert.updatedAt = alert.acknowledgedAt;
    publisher.publish(List.of(new AlertChange(AlertChange.ACKNOWLEDGED, alert)));
    return mapper.toContract(alert, true);
  }
}
