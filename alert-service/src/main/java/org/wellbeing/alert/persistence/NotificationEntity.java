package org.wellbeing.alert.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One alert change for one webhook and recipient, waiting to go out in a digest. */
@Entity
@Table(name = "notification")
public class NotificationEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "webhook_id", nullable = false)
  public String webhookId;

  /**
   * The person the change is for (their manager, or under PERSON_FIRST themselves); may be null.
   */
  public String recipient;

  @Column(name = "alert_id", nullable = false)
  public String alertId;

  /** The AlertEvent's id: one notification per webhook and change. */
  @Column(name = "event_id", nullable = false)
  public String eventId;

  /** The AlertEvent as JSON. */
  @Column(nullable = false)
  public String payload;

  /** Not sent before this instant (grouping window and quiet hours). */
  @Column(name = "not_before", nullable = false)
  public Instant notBefore;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "delivery_id")
  public Long deliveryId;

  /** Dropped, not sent, unless the alert is still open when this falls due (PERSON_FIRST). */
  @Column(name = "only_while_open", nullable = false)
  public boolean onlyWhileOpen;
}
