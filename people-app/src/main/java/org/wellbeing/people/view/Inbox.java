package org.wellbeing.people.view;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wellbeing.contract.Alert;

/** How the manager inbox orders and counts alerts. */
public final class Inbox {

  private static final List<String> SEVERITY = List.of("CRITICAL", "WARNING", "INFO");

  private Inbox() {}

  /**
   * Most severe first; within a severity, newest first: by when the alert opened, then by its
   * period (alerts of a backlog open together).
   */
  public static List<Alert> order(List<Alert> alerts) {
    return alerts.stream()
        .sorted(
            Comparator.comparingInt((Alert a) -> rank(a.severity()))
                .thenComparing(
                    a -> a.openedAt() == null ? Instant.MIN : a.openedAt(),
                    Comparator.reverseOrder())
                .thenComparing(Alert::period, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Alert::id))
        .toList();
  }

  /** Open alerts by rule, rules in name order. */
  public static Map<String, Long> byRule(List<Alert> alerts) {
    Map<String, Long> counts = new TreeMap<>();
    for (Alert alert : alerts) {
      counts.merge(alert.rule(), 1L, Long::sum);
    }
    return counts;
  }

  private static int rank(String severity) {
    int rank = SEVERITY.indexOf(severity);
    return rank < 0 ? SEVERITY.size() : rank;
  }
}
