package org.wellbeing.model.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The non-dated part of a person: zone and initial skill apply to all their days. */
@Entity
@Table(name = "person")
public class PersonEntity extends PanacheEntityBase {

  @Id
  @Column(name = "person_id")
  public String personId;

  @Column(name = "time_zone", nullable = false)
  public String timeZone;

  @Column(name = "initial_skill", nullable = false)
  public double initialSkill;

  /** False for someone who only appears in events. */
  @Column(nullable = false)
  public boolean known;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
