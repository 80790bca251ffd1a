package org.wellbeing.alert.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person as last published on org-directory. */
@Entity
@Table(name = "directory_person")
public class DirectoryPersonEntity extends PanacheEntityBase {

  @Id
  @Column(name = "person_id")
  public String personId;

  @Column(name = "team_id")
  public String teamId;

  @Column(name = "time_zone")
  public String timeZone;

  /** Working windows per weekday as JSON, for quiet hours. */
  @Column(name = "working_windows")
  public String workingWindows;

  /** The person's e-mail addresses as a JSON array (e-mail digests go there); null when none. */
  public String emails;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public static long countInTeam(String teamId) {
    return count("teamId", teamId);
  }
}
