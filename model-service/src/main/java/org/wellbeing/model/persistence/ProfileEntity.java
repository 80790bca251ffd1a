package org.wellbeing.model.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** One effective-dated profile of a person; lists and windows are stored as JSON text. */
@Entity
@Table(name = "person_profile")
public class ProfileEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "person_id", nullable = false)
  public String personId;

  @Column(name = "effective_from", nullable = false)
  public LocalDate effectiveFrom;

  @Column(name = "team_id")
  public String teamId;

  @Column(name = "display_name")
  public String displayName;

  @Column(nullable = false)
  public String emails;

  @Column(name = "contract_hours", nullable = false)
  public double contractHours;

  @Column(name = "working_windows", nullable = false)
  public String workingWindows;

  @Column(name = "career_skills", nullable = false)
  public String careerSkills;

  @Column(name = "learning_efficiency", nullable = false)
  public double learningEfficiency;

  public static List<ProfileEntity> forPerson(String personId) {
    return list("personId = ?1 order by effectiveFrom", personId);
  }

  public static List<ProfileEntity> forPeople(Collection<String> personIds) {
    return list("personId in ?1 order by personId, effectiveFrom", personIds);
  }

  /** Everyone who is or was in one of {@code teamIds} in some profile. */
  public static List<String> membersEver(Collection<String> teamIds) {
    return getEntityManager()
        .createQuery(
            "select distinct p.personId from ProfileEntity p where p.teamId in :teams",
            String.class)
        .setParameter("teams", teamIds)
        .getResultList();
  }
}
