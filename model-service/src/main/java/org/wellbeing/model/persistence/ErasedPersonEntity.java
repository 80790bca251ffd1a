package org.wellbeing.model.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An erased person: records about them produced before {@code erasedAt} are ignored. */
@Entity
@Table(name = "erased_person")
public class ErasedPersonEntity extends PanacheEntityBase {

  @Id
  @Column(name = "person_id")
  public String personId;

  @Column(name = "erased_at")
  public Instant erasedAt;
}
