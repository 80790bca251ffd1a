package org.wellbeing.alert.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
}
