package org.wellbeing.model.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A person as the model sees them: a time zone and initial skill that hold for all days, and a
 * history of profiles of which the one in force on a day judges that day.
 */
public record PersonModel(
    String personId, ZoneId zone, double initialSkill, List<Profile> profiles) {

  public static final double DEFAULT_INITIAL_SKILL = 50;

  public PersonModel {
    if (profiles.isEmpty()) {
      throw new IllegalArgumentException("a person has at least one profile");
    }
    List<Profile> sorted = new ArrayList<>(profiles);
    sorted.sort(Comparator.comparing(Profile::effectiveFrom));
    profiles = List.copyOf(sorted);
  }

  /** Someone who has events but no directory entry: judged in UTC with the defaults. */
  public static PersonModel unknown(String personId) {
    return new PersonModel(
        personId,
        ZoneOffset.UTC,
        DEFAULT_INITIAL_SKILL,
        List.of(Profile.defaults(LocalDate.of(1970, 1, 1), null)));
  }

  /** The profile with the latest effectiveFrom on or before {@code date}; else the earliest. */
  public Profile profileOn(LocalDate date) {
    Profile result = profiles.get(0);
    for (Profile profile : profiles) {
      if (profile.effectiveFrom().isAfter(date)) {
        break;
      }
      result = profile;
    }
    return result;
  }
}
