package org.wellbeing.alert.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part before a window of a run that reaches into it, as the run's standing alert holds it: the
 * run's first date and its evidence rows dated before the window. A run rule given it judges the
 * run from the window's figures alone; without it, only the whole history tells where a run that
 * reaches the window's first day began.
 *
 * @param days one evidence row per figure of the run before the window, in date order
 */
public record RunHead(LocalDate first, List<Map<String, Object>> days) {

  public RunHead {
    days = List.copyOf(days);
  }

  /**
   * The head before {@code windowFrom} of a run that began on {@code first} with evidence {@code
   * rows}; null when no row lies before it.
   */
  public static RunHead before(
      LocalDate windowFrom, LocalDate first, List<Map<String, Object>> rows) {
    if (!first.isBefore(windowFrom)) {
      return null;
    }
    String from = windowFrom.toString();
    List<Map<String, Object>> head = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      // ISO dates of four-digit years order as text
      if (row.get("date") instanceof String date && date.compareTo(from) < 0) {
        head.add(row);
      }
    }
    return head.isEmpty() ? null : new RunHead(first, head);
  }
}
