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
import org.wellbeing.alert.domain.NotFoundException;
import org.wellbeing.alert.persistence.AlertEntity;
import org.wellbeing.alert.persistence.DirectoryPersonEntity;
import org.wellbeing.alert.persistence.DirectoryTeamEntity;
import org.wellbeing.common.security.AccessDeniedException;
import org.wellbeing.common.security.Caller;
import org.wellbeing.common.security.Callers;
import org.wellbeing.contract.Alert;
import org.wellbeing.contract.OrgChart;

/** Reading alerts, and acknowledging them. */
@ApplicationScoped
public class AlertQueryService {

  /** Longest acknowledgement reason. */

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
  private final Callers callers;
  private final AccessLog accessLog;
  private final PersonAlerts personAlerts;

  public AlertQueryService(
      AlertMapper mapper,
      AlertPublisher publisher,
      Routing routing,
      Clock clock,
      Callers callers,
      AccessLog accessLog,
      PersonAlerts personAlerts) {
    this.personAlerts = personAlerts;
    this.mapper = mapper;
    this.publisher = publisher;
    this.routing = routing;
    this.clock = clock;
    this.callers = callers;
    this.accessLog = accessLog;
  }

  /**
   * Alerts matching {@code filter} that the caller may see: their own, those of the teams they
   * manage (at any level), or all for administrators; intake accounts see none.
   */
  @Transactional
  public Result list(Filter filter, int page, int size) {
    Caller caller = callers.current();
    if (caller.ingest() && !caller.admin()) {
      throw new AccessDeniedException("intake accounts read no alerts");
    }
    List<String> clauses = new ArrayList<>();
    Parameters params = new Parameters();
    if (!personAlerts.on()) {
      clauses.add("subjectType <> 'PERSON'");
    }
    if (!caller.admin()) {
      List<String> teams = managedTeams(caller.personId());
      clauses.add(
          teams.isEmpty()
              ? "(subject = :viewer and subjectType = 'PERSON')"
              : "((subject = :viewer and subjectType = 'PERSON')"
                  // a person's alerts follow them to their current team, not the one filed
                  + " or (subjectType = 'PERSON' and subject in (select p.personId from"
                  + " DirectoryPersonEntity p where p.teamId in :managed))"
                  + " or (subjectType = 'PERSON' and teamId in :managed and subject not in"
                  + " (select p.personId from DirectoryPersonEntity p))"
                  + " or (subjectType <> 'PERSON' and teamId in :managed))");
      params.and("viewer", String.valueOf(caller.personId()));
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
    accessLog.record(caller, alerts, "GET /api/v1/alerts");
    return new Result(alerts, found.count());
  }

  @Transactional
  public Alert get(String id) {
    Caller caller = callers.current();
    Alert alert = mapper.toContract(visible(id, caller), true);
    accessLog.record(caller, List.of(alert), "GET /api/v1/alerts/{id}");
    return alert;
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

  private AlertEntity visible(String id, Caller caller) {
    AlertEntity alert = AlertEntity.findById(id);
    if (alert == null || !personAlerts.shown(alert)) {
      throw new NotFoundException("alert", id);
    }
    if (caller.admin()) {
      return alert;
    }
    if (!caller.mayRead(personOf(alert), managersAbove(alert))) {
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
  public Alert acknowledge(String id, String reason, LocalDate until) {
    Caller caller = callers.current();
    AlertEntity alert = visible(id, caller);
    if (!caller.mayAcknowledge(personOf(alert), managersAbove(alert))) {
      throw new AccessDeniedException(
          caller.is(personOf(alert))
              ? "nobody acknowledges an alert about themselves"
              : "only a manager above the alert's subject or an administrator acknowledges it");
    }
    alert.status = AlertLifecycle.acknowledge(AlertLifecycle.Status.valueOf(alert.status)).name();
    alert.acknowledgedAt = clock.instant();
    alert.ackReason = reason;
    alert.ackUntil = until;
    alert.updatedAt = alert.acknowledgedAt;
    publisher.publish(List.of(new AlertChange(AlertChange.ACKNOWLEDGED, alert)));
    Alert acknowledged = mapper.toContract(alert, true);
    // the answer carries the alert's evidence: a read like any other
    accessLog.record(caller, List.of(acknowledged), "POST /api/v1/alerts/{id}/ack");
    return acknowledged;
  }

  /** The person an alert is about, or null for a team's alert. */
  private static String personOf(AlertEntity alert) {
    return AlertEngine.PERSON.equals(alert.subjectType) ? alert.subject : null;
  }

  /**
   * The managers who may see an alert: for a person's, those above the team the directory has them
   * in now (the alert's own team only when the directory does not know them); for a team's, those
   * at or above the team.
   */
  private java.util.Set<String> managersAbove(AlertEntity alert) {
    String team = alert.teamId;
    String person = personOf(alert);
    if (person != null) {
      DirectoryPersonEntity current = DirectoryPersonEntity.findById(person);
      if (current != null && current.teamId != null) {
        team = current.teamId;
      }
    }
    return routing.orgChart().managersAbove(team);
  }
}
