package org.wellbeing.model.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wellbeing.common.rest.PlainText;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEventValidator;
import org.wellbeing.model.domain.LocalWindow;

/**
 * A Person as a client sends it (MODEL.md, CONTRACT.md), in a PUT or a directory import: each field
 * null when left out. What one field can say is checked by Bean Validation; time zones and working
 * windows become domain values in {@link #toInput}.
 *
 * @param personId only read in an import; a PUT takes it from its path
 */
public record PersonRequest(
    @Pattern(
            regexp = WorkEventValidator.PERSON_ID_REGEX,
            message = WorkEventValidator.PERSON_ID_RULE)
        String personId,
    @Size(max = 200, message = "must be at most {max} characters") @PlainText String displayName,
    @Size(max = PersonInput.MAX_LIST_ITEMS, message = "must hold at most {max} items")
        List<
                @NotNull(message = "must not be null")
                @Size(max = 254, message = "must be at most {max} characters") @PlainText String>
            emails,
    @Pattern(
            regexp = WorkEventValidator.PERSON_ID_REGEX,
            message = WorkEventValidator.PERSON_ID_RULE)
        String teamId,
    @Size(max = 64, message = "must be an IANA time zone such as Europe/Berlin") String timeZone,
    @DecimalMin(value = "0", message = "must be between 0 and 168")
        @DecimalMax(value = "168", message = "must be between 0 and 168")
        Double contractHoursPerWeek,
    @Size(max = 7, message = "must map weekdays to lists of windows")
        Map<String, @Size(max = 24, message = "must hold at most {max} windows") List<Window>>
            workingWindows,
    @Size(max = PersonInput.MAX_LIST_ITEMS, message = "must hold at most {max} items")
        List<
                @NotNull(message = "must not be null")
                @Size(max = 64, message = "must be at most {max} characters") @PlainText String>
            careerSkills,
    @DecimalMin(value = "-1000000000", message = "must be between -1000000000 and 1000000000")
        @DecimalMax(value = "1000000000", message = "must be between -1000000000 and 1000000000")
        Double initialSkill,
    @DecimalMin(value = "0", message = "must be between 0 and 1")
        @DecimalMax(value = "1", message = "must be between 0 and 1")
        Double learningEfficiency,
    LocalDate effectiveFrom) {

  /** One working window, {@code {"start": "HH:mm", "end": "HH:mm"}} in the person's zone. */
  public record Window(String start, String end) {}

  /**
   * The domain's reading of this request; what cannot be read goes to {@code violations} with
   * {@code index}, and its field is left null.
   */
  public PersonInput toInput(int index, List<Violation> violations) {
    return new PersonInput(
        displayName,
        emails,
        teamId,
        zone(index, violations),
        contractHoursPerWeek,
        windows(index, violations),
        careerSkills == null ? null : new LinkedHashSet<>(careerSkills),
        initialSkill,
        learningEfficiency,
        effectiveFrom);
  }

  private ZoneId zone(int index, List<Violation> violations) {
    if (timeZone == null) {
      return null;
    }
    // region ids only: an offset such as +01:00 knows no daylight saving time
    if (ZoneId.getAvailableZoneIds().contains(timeZone)) {
      try {
        return ZoneId.of(timeZone);
      } catch (DateTimeException e) {
        // reported below
      }
    }
    violations.add(
        new Violation(index, "timeZone", "must be an IANA time zone such as Europe/Berlin"));
    return null;
  }

  private Map<DayOfWeek, List<LocalWindow>> windows(int index, List<Violation> violations) {
    if (workingWindows == null) {
      return null;
    }
    Map<DayOfWeek, List<LocalWindow>> result = new EnumMap<>(DayOfWeek.class);
    for (Map.Entry<String, List<Window>> day : workingWindows.entrySet()) {
      String field = "workingWindows." + day.getKey();
      DayOfWeek weekday;
      try {
        weekday = DayOfWeek.valueOf(day.getKey().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        violations.add(new Violation(index, field, "is not a weekday (MONDAY … SUNDAY)"));
        continue;
      }
      if (day.getValue() == null) {
        continue;
      }
      List<LocalWindow> windows = new ArrayList<>();
      for (int i = 0; i < day.getValue().size(); i++) {
        Window window = day.getValue().get(i);
        String path = "%s[%d]".formatted(field, i);
        if (window == null) {
          violations.add(
              new Violation(index, path, "must be {\"start\": \"HH:mm\", \"end\": \"HH:mm\"}"));
          continue;
        }
        try {
          windows.add(LocalWindow.parse(window.start(), window.end()));
        } catch (IllegalArgumentException e) {
          violations.add(new Violation(index, path, e.getMessage()));
        }
      }
      if (!windows.isEmpty()) {
        result.put(weekday, windows);
      }
    }
    return result;
  }
}
