package org.wellbeing.model.rest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.wellbeing.contract.IsoWeek;
import org.wellbeing.contract.Violation;
import org.wellbeing.model.domain.InvalidInputException;

/** Query parameters parsed into domain values, with problems reported by name. */
final class Params {

  private Params() {}

  static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(name, "is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeException e) {
      throw invalid(name, "must be a date YYYY-MM-DD, got " + value);
    }
  }

  static IsoWeek week(String name, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(name, "is required (YYYY-Www)");
    }
    try {
      return IsoWeek.parse(value);
    } catch (IllegalArgumentException e) {
      throw invalid(name, e.getMessage());
    }
  }

  /** An optional date; null when not given. */
  static LocalDate optionalDate(String name, String value, List<Violation> violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeException e) {
      violations.add(Violation.of(name, "must be a date YYYY-MM-DD"));
      return null;
    }
  }

  /** An optional whole number in {@code [min, max]}; {@code fallback} when not given. */
  static int integer(
      String name, String value, int fallback, int min, int max, List<Violation> violations) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    violations.add(Violation.of(name, "must be a whole number from %d to %d".formatted(min, max)));
    return fallback;
  }

  /** An optional finite number in {@code [min, max]}; empty when not given or invalid. */
  static OptionalDouble number(
      String name, String value, double min, double max, List<Violation> violations) {
    if (value == null || value.isBlank()) {
      return OptionalDouble.empty();
    }
    try {
      double parsed = Double.parseDouble(value.trim());
      if (Double.isFinite(parsed) && parsed >= min && parsed <= max) {
        return OptionalDouble.of(parsed);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    violations.add(Violation.of(name, "must be a number from %s to %s".formatted(min, max)));
    return OptionalDouble.empty();
  }

  /** Throws the violations collected, if any. */
  static void check(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid query parameters", List.copyOf(violations));
    }
  }

  private static InvalidInputException invalid(String name, String message) {
    return new InvalidInputException(
        "invalid query parameter " + name, List.of(Violation.of(name, message)));
  }
}
