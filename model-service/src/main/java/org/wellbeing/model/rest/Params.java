package org.wellbeing.model.rest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
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

  private static InvalidInputException invalid(String name, String message) {
    return new InvalidInputException(
        "invalid query parameter " + name, List.of(Violation.of(name, message)));
  }
}
