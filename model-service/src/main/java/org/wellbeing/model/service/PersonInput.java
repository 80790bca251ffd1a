package org.wellbeing.model.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.wellbeing.model.domain.LocalWindow;

/**
 * The fields of a Person PUT or import as the domain reads them, each null when left out ({@link
 * PersonRequest#toInput}).
 */
public record PersonInput(
    String displayName,
    List<String> emails,
    String teamId,
    ZoneId timeZone,
    Double contractHoursPerWeek,
    Map<DayOfWeek, List<LocalWindow>> workingWindows,
    Set<String> careerSkills,
    Double initialSkill,
    Double learningEfficiency,
    LocalDate effectiveFrom) {

  /** MODEL.md: 1–64 characters of {@code A-Za-z0-9._@-}; team ids follow the same rule. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  /** Most e-mail addresses or career skills a person may have. */
  static final int MAX_LIST_ITEMS = 50;
}
