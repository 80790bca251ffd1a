package org.wellbeing.alert.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One POST of a digest to a webhook, retried until it succeeds or gives up. */
@Entity
@Table(name = "delivery")
public class DeliveryEntity extends PanacheEntityBase {

  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "webhook_id", nullable = false)
  public String webhookId;

  public String recipient;

  /** Sent with every attempt, so a receiver can drop a repeat. */
  @Column(name = "idempotency_key", nullable = false)
  public String idempotencyKey;

  @Column(nullable = false)
  public String payload;

  @Column(nullable = false)
  public String status;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  public Instant nextAttemptAt;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "delivered_at")
  public Instant deliveredAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
