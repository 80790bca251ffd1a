package org.wellbeing.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person's profile as served by model-service and published on {@link Topics#ORG_DIRECTORY}. On a
 * PUT every field but the path's personId is optional; {@code managerId} is derived.
 */
public record Person(
    String personId,
    String displayName,
    List<String> emails,
    String teamId,
    String timeZone,
    Double contractHoursPerWeek,
    Map<String, List<WorkingWindow>> workingWindows,
    Set<String> careerSkills,
    Double initialSkill,
    Double learningEfficiency,
    LocalDate effectiveFrom,
    String managerId) {}
