package org.wellbeing.model.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One erasure request and when each service finished it. */
@Entity
@Table(name = "erasure")
public class ErasureEntity extends PanacheEntityBase {

  @Id
  @Column(name = "erasure_id")
  public String erasureId;

  @Column(name = "person_id")
  public String personId;

  @Column(name = "requested_at")
  public Instant requestedAt;

  @Column(name = "model_done")
  public Instant modelDone;

  @Column(name = "ingest_done")
  public Instant ingestDone;

  @Column(name = "alert_done")
  public Instant alertDone;
}
