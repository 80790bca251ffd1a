package org.wellbeing.alert.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A team as last published on org-directory. */
@Entity
@Table(name = "directory_team")
public class DirectoryTeamEntity extends PanacheEntityBase {

  @Id
  @Column(name = "team_id")
  public String teamId;

  public String name;

  @Column(name = "manager_id")
  public String managerId;

  @Column(name = "parent_team_id")
  public String parentTeamId;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
