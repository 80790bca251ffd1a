package org.wellbeing.model.service;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Set;
import java.util.regex.Pattern;
import org.wellbeing.contract.Violation;
import org.wellbeing.model.domain.LocalWindow;

/**
 * The fields of a Person PUT, each null when left out, read from JSON with every problem recorded
 * as a violation instead of an exception.
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

  static final double MAX_WEEKLY_HOURS = 168;

  /** Most e-mail addresses or career skills a person may have. */
  static final int MAX_LIST_ITEMS = 50;

  /** Reads {@code node}; violations carry {@code index} (-1 for a single request). */
  public static PersonInput read(JsonNode node, int index, List<Violation> violations) {
    Fields f = new Fields(node, index, violations);
    return new PersonInput(
        f.text("displayName", 200),
        f.texts("emails", 254),
        f.id("teamId"),
        f.zone("timeZone"),
        f.number("contractHoursPerWeek", 0, MAX_WEEKLY_HOURS),
        f.windows("workingWindows"),
        f.skills("careerSkills"),
        f.number("initialSkill", -1e9, 1e9),
        f.number("learningEfficiency", 0, 1),
        f.date("effectiveFrom"));
  }

  /** Field readers that record what is wrong. */
  record Fields(JsonNode node, int index, List<Violation> violations) {

    void violation(String field, String message) {
      violations.add(new Violation(index, field, message));
    }

    private JsonNode value(String field) {
      JsonNode value = node.get(field);
      return value == null || value.isNull() ? null : value;
    }

    String text(String field, int maxLength) {
      JsonNode value = value(field);
      if (value == null) {
        return null;
      }
      if (!value.isTextual() || value.textValue().isBlank()) {
        violation(field, "must be a non-blank string");
        return null;
      }
      if (value.textValue().length() > maxLength) {
        violation(field, "must be at most %d characters".formatted(maxLength));
        return null;
      }
      if (hasControl(value.textValue())) {
        violation(field, "must not contain control characters");
        return null;
      }
      return value.textValue();
    }

    /** PostgreSQL cannot store NUL, and no name or address needs a control character. */
    private static boolean hasControl(String text) {
      return text.chars().anyMatch(Character::isISOControl);
    }

    String id(String field) {
      String text = text(field, 64);
      if (text != null && !ID.matcher(text).matches()) {
        violation(field, "must be 1-64 characters of A-Za-z0-9._@-");
        return null;
      }
      return text;
    }

    List<String> texts(String field, int maxLength) {
      JsonNode value = value(field);
      if (value == null) {
        return null;
      }
      if (!value.isArray()) {
        violation(field, "must be an array of strings");
        return null;
      }
      if (value.size() > MAX_LIST_ITEMS) {
        violation(field, "must hold at most %d items".formatted(MAX_LIST_ITEMS));
        return null;
      }
      List<String> result = new ArrayList<>();
      for (JsonNode item : value) {
        if (!item.isTextual()
            || item.textValue().isBlank()
            || item.textValue().length() > maxLength
            || hasControl(item.textValue())) {
          violation(
              field, "must hold non-blank strings of at most %d characters".formatted(maxLength));
          return null;
        }
        result.add(item.textValue());
      }
      return result;
    }

    Set<String> skills(String field) {
      List<String> list = texts(field, 64);
      return list == null ? null : new LinkedHashSet<>(list);
    }

    ZoneId zone(String field) {
      String text = text(field, 64);
      if (text == null) {
        return null;
      }
      if (!ZoneId.getAvailableZoneIds().contains(text)) {
        violation(field, "must be an IANA time zone such as Europe/Berlin");
        return null;
      }
      try {
        return ZoneId.of(text);
      } catch (DateTimeException e) {
        violation(field, "must be an IANA time zone such as Europe/Berlin");
        return null;
      }
    }

    Double number(String field, double min, double max) {
      JsonNode value = value(field);
      if (value == null) {
        return null;
      }
      if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
        violation(field, "must be a number");
        return null;
      }
      double number = value.doubleValue();
      if (number < min || number > max) {
        violation(field, "must be between %s and %s".formatted(plain(min), plain(max)));
        return null;
      }
      return number;
    }

    LocalDate date(String field) {
      String text = text(field, 10);
      if (text == null) {
        return null;
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeException e) {
        violation(field, "must be a date YYYY-MM-DD");
        return null;
      }
    }

    Map<DayOfWeek, List<LocalWindow>> windows(String field) {
      JsonNode value = value(field);
      if (value == null) {
        return null;
      }
      if (!value.isObject()) {
        violation(
            field, "must map weekdays to lists of {\"start\": \"HH:mm\", \"end\": \"HH:mm\"}");
        return null;
      }
      Map<DayOfWeek, List<LocalWindow>> result = new EnumMap<>(DayOfWeek.class);
      var days = value.fields();
      while (days.hasNext()) {
        var day = days.next();
        DayOfWeek weekday;
        try {
          weekday = DayOfWeek.valueOf(day.getKey().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          violation(field + "." + day.getKey(), "is not a weekday (MONDAY … SUNDAY)");
          continue;
        }
        JsonNode list = day.getValue();
        if (list == null || list.isNull()) {
          continue;
        }
        if (!list.isArray()) {
          violation(field + "." + day.getKey(), "must be a list of windows");
          continue;
        }
        List<LocalWindow> windows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          JsonNode window = list.get(i);
          String path = "%s.%s[%d]".formatted(field, day.getKey(), i);
          if (!window.isObject()) {
            violation(path, "must be {\"start\": \"HH:mm\", \"end\": \"HH:mm\"}");
            continue;
          }
          try {
            windows.add(
                LocalWindow.parse(
                    window.path("start").asText(null), window.path("end").asText(null)));
          } catch (IllegalArgumentException e) {
            violation(path, e.getMessage());
          }
        }
        if (!windows.isEmpty()) {
          result.put(weekday, windows);
        }
      }
      return result;
    }

    private static String plain(double value) {
      return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
  }
}
