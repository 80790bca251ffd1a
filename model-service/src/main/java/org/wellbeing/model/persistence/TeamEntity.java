package org.wellbeing.model.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A team of the org tree; not effective-dated. */
@Entity
@Table(name = "team")
public class TeamEntity extends PanacheEntityBase {

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
