package org.wellbeing.model.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One read of a person's data by someone else. */
@Entity
@Table(name = "access_log")
public class AccessLogEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "record_id")
  public String recordId;

  public String subject;

  public String reader;

  public String endpoint;

  @Column(name = "read_at")
  public Instant readAt;
}
