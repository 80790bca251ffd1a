package org.wellbeing.model.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.wellbeing.contract.Person;
import org.wellbeing.contract.WorkingWindow;
import org.wellbeing.model.domain.LocalWindow;
import org.wellbeing.model.domain.PersonModel;
import org.wellbeing.model.domain.Profile;
import org.wellbeing.model.persistence.ProfileEntity;

/** Converts profiles between the domain, their table and the contract's Person. */
@ApplicationScoped
public class ProfileMapper {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, List<WorkingWindow>>> WINDOWS =
      new TypeReference<>() {};

  private final ObjectMapper json;

  public ProfileMapper(ObjectMapper json) {
    this.json = json;
  }

  public Profile toDomain(ProfileEntity entity) {
    return new Profile(
        entity.effectiveFrom,
        entity.teamId,
        entity.displayName,
        read(entity.emails, STRINGS),
        entity.contractHours,
        windows(read(entity.workingWindows, WINDOWS)),
        new LinkedHashSet<>(read(entity.careerSkills, STRINGS)),
        entity.learningEfficiency);
  }

  public void copy(Profile profile, ProfileEntity entity) {
    entity.effectiveFrom = profile.effectiveFrom();
    entity.teamId = profile.teamId();
    entity.displayName = profile.displayName();
    entity.emails = write(profile.emails());
    entity.contractHours = profile.contractHoursPerWeek();
    entity.workingWindows = write(contractWindows(profile.workingWindows()));
    entity.careerSkills = write(new TreeSet<>(profile.careerSkills()));
    entity.learningEfficiency = profile.learningEfficiency();
  }

  /** The contract's view of a person under {@code profile}. */
  public Person toContract(PersonModel person, Profile profile, String managerId) {
    return new Person(
        person.personId(),
        profile.displayName(),
        profile.emails(),
        profile.teamId(),
        person.zone().getId(),
        profile.contractHoursPerWeek(),
        contractWindows(profile.workingWindows()),
        new TreeSet<>(profile.careerSkills()),
        person.initialSkill(),
        profile.learningEfficiency(),
        profile.effectiveFrom(),
        managerId);
  }

  /** Parses contract windows; throws IllegalArgumentException naming the bad entry. */
  public static Map<DayOfWeek, List<LocalWindow>> windows(Map<String, List<WorkingWindow>> raw) {
    Map<DayOfWeek, List<LocalWindow>> result = new EnumMap<>(DayOfWeek.class);
    if (raw == null) {
      return result;
    }
    for (Map.Entry<String, List<WorkingWindow>> entry : raw.entrySet()) {
      DayOfWeek day;
      try {
        day = DayOfWeek.valueOf(entry.getKey().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "%s is not a weekday (MONDAY … SUNDAY)".formatted(entry.getKey()));
      }
      List<LocalWindow> windows = new ArrayList<>();
      for (WorkingWindow window :
          entry.getValue() == null ? List.<WorkingWindow>of() : entry.getValue()) {
        if (window == null) {
          throw new IllegalArgumentException(day + " has an empty window");
        }
        try {
          windows.add(LocalWindow.parse(window.start(), window.end()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(day + ": " + e.getMessage());
        }
      }
      if (!windows.isEmpty()) {
        result.put(day, windows);
      }
    }
    return result;
  }

  public static Map<String, List<WorkingWindow>> contractWindows(
      Map<DayOfWeek, List<LocalWindow>> windows) {
    Map<String, List<WorkingWindow>> result = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      List<LocalWindow> list = windows.get(day);
      if (list != null && !list.isEmpty()) {
        result.put(
            day.name(),
            list.stream().map(w -> new WorkingWindow(w.startText(), w.endText())).toList());
      }
    }
    return result;
  }

  static Set<String> skills(Set<String> skills) {
    return skills == null ? Set.of() : skills;
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
