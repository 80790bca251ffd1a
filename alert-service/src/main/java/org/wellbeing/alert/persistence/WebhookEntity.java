package org.wellbeing.alert.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An HTTP endpoint that receives alert changes: all of them, or one team's. */
@Entity
@Table(name = "webhook")
public class WebhookEntity extends PanacheEntityBase {

  @Id public String id;

  @Column(nullable = false)
  public String url;

  @Column(name = "team_id")
  public String teamId;

  /** Key of the HMAC-SHA256 signature of each delivery. */
  @Column(nullable = false)
  public String secret;

  /** The body's shape: {@code json}, {@code slack} or {@code teams} (DigestFormat). */
  @Column(nullable = false)
  public String format;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
