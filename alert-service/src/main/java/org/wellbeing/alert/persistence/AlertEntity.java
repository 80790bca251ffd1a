package org.wellbeing.alert.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.wellbeing.alert.domain.DateSpan;
import org.wellbeing.alert.domain.TeamOverloadRule;

/** An alert; (subject, rule, period) is unique. */
@Entity
@Table(name = "alert")
public class AlertEntity extends PanacheEntityBase {

  @Id public String id;

  @Column(nullable = false)
  public String subject;

  @Column(name = "subject_type", nullable = false)
  public String subjectType;

  @Column(name = "team_id")
  public String teamId;

  @Column(name = "manager_id")
  public String managerId;

  @Column(nullable = false)
  public String rule;

  @Column(nullable = false)
  public String severity;

  @Column(nullable = false)
  public String period;

  @Column(name = "period_from", nullable = false)
  public LocalDate periodFrom;

  @Column(name = "period_to", nullable = false)
  public LocalDate periodTo;

  @Column(nullable = false)
  public String status;

  @Column(nullable = false)
  public double value;

  @Column(nullable = false)
  public double threshold;

  public String summary;

  /** The evidence rows as JSON. */
  public String evidence;

  /** OVERTIME_FORECAST's projection inputs as JSON; null for other rules. */
  @Column(name = "evidence_forecast")
  public String evidenceForecast;

  @Column(name = "opened_at", nullable = false)
  public Instant openedAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @Column(name = "acknowledged_at")
  public Instant acknowledgedAt;

  @Column(name = "ack_reason")
  public String ackReason;

  @Column(name = "ack_until")
  public LocalDate ackUntil;

  public static List<AlertEntity> forSubject(String subject, String subjectType) {
    return list("subject = ?1 and subjectType = ?2", subject, subjectType);
  }

  /**
   * The standing WARNING and CRITICAL alerts of {@code members}, as TEAM_OVERLOAD counts them: all
   * of them, or those overlapping {@code within} when it is given. Read as values, not entities: a
   * team's year of standing alerts need not sit in the session to be counted.
   */
  public static List<TeamOverloadRule.MemberAlert> counting(
      Collection<String> members, DateSpan within) {
    String jpql =
        "select a.subject, a.periodFrom, a.periodTo from AlertEntity a"
            + " where a.subjectType = 'PERSON' and a.subject in :members"
            + " and a.status <> 'RESOLVED' and a.severity in ('WARNING', 'CRITICAL')"
            + (within == null ? "" : " and a.periodTo >= :from and a.periodFrom <= :to");
    var query =
        getEntityManager().createQuery(jpql, Object[].class).setParameter("members", members);
    if (within != null) {
      query.setParameter("from", within.from()).setParameter("to", within.to());
    }
    return query.getResultList().stream()
        .map(
            row ->
                new TeamOverloadRule.MemberAlert(
                    (String) row[0], (LocalDate) row[1], (LocalDate) row[2]))
        .toList();
  }

  /** A team's alerts whose week overlaps {@code from} to {@code to}. */
  public static List<AlertEntity> forTeamWithin(String teamId, LocalDate from, LocalDate to) {
    return list(
        "subject = ?1 and subjectType = 'TEAM' and periodTo >= ?2 and periodFrom <= ?3",
        teamId,
        from,
        to);
  }

  /**
   * The standing alerts of {@code rules} whose period holds a day between {@code from} and {@code
   * to} and began before it: candidates for the runs that reach into a window from before.
   */
  public static List<AlertEntity> runsReaching(
      Collection<String> subjects, Collection<String> rules, LocalDate from, LocalDate to) {
    return list(
        "subject in ?1 and subjectType = 'PERSON' and rule in ?2 and status <> 'RESOLVED'"
            + " and periodFrom < ?4 and periodTo >= ?3",
        subjects,
        rules,
        from,
        to);
  }

  /**
   * A person's alerts that judging the periods within {@code from} to {@code to} can touch: those
   * overlapping them, every OVERTIME_FORECAST (judged everywhere), and those of the periods named
   * by {@code labels} (a run's alert is named by its first date, which may lie before).
   */
  public static List<AlertEntity> forPersonWithin(
      String subject, LocalDate from, LocalDate to, Collection<String> labels) {
    return list(
        "subject = ?1 and subjectType = 'PERSON' and ((periodTo >= ?2 and periodFrom <= ?3)"
            + " or rule = 'OVERTIME_FORECAST' or period in ?4)",
        subject,
        from,
        to,
        labels.isEmpty() ? List.of("") : labels);
  }

  /**
   * Points the standing alerts of people who share a team and manager at them, in one statement,
   * without loading them.
   */
  public static void reroute(
      Collection<String> subjects, String teamId, String managerId, Instant now) {
    getEntityManager()
        .createQuery(
            "update AlertEntity a set a.teamId = :team, a.managerId = :manager, a.updatedAt = :now"
                + " where a.subject in :subjects and a.subjectType = 'PERSON'"
                + " and a.status <> 'RESOLVED'"
                + " and (a.teamId is distinct from :team or a.managerId is distinct from :manager)")
        .setParameter("team", teamId)
        .setParameter("manager", managerId)
        .setParameter("now", now)
        .setParameter("subjects", subjects)
        .executeUpdate();
  }
}
