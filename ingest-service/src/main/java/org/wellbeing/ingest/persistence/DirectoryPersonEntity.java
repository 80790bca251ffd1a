package org.wellbeing.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person as org-directory last described them: zone and e-mail addresses. */
@Entity
@Table(name = "directory_person")
public class DirectoryPersonEntity extends PanacheEntityBase {

  @Id
  @Column(name = "person_id")
  public String personId;

  @Column(name = "time_zone")
  public String timeZone;

  /** Lower-case addresses, comma-separated. */
  @Column(nullable = false)
  public String emails;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
