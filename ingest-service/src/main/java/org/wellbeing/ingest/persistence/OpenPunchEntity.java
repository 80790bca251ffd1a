package org.wellbeing.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A clock IN waiting for its OUT. */
@Entity
@Table(name = "open_punch")
public class OpenPunchEntity extends PanacheEntityBase {

  @Id
  @Column(name = "person_id")
  public String personId;

  @Column(name = "event_id", nullable = false)
  public String eventId;

  @Column(name = "punched_in", nullable = false)
  public Instant punchedIn;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
