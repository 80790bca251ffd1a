package org.wellbeing.people.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wellbeing.contract.Alert;

/**
 * The chart of an alert's evidence (an Apache ECharts option): the figure of each day or week that
 * fired it, and the rule's threshold as a line. Where a rule judges a total (weekly hours, monthly
 * overtime) the threshold is drawn against the running total, since no single day reaches it.
 */
public final class EvidenceChart {

  /** Rules whose value is a sum over the period's rows. */
  private static final Set<String> TOTALS =
      Set.of("WEEKLY_HOURS", "MONTHLY_OVERTIME", "OVERTIME_FORECAST");

  /** Rules whose value is overtime: worked hours beyond the contract's. */
  private static final Set<String> OVERTIME = Set.of("MONTHLY_OVERTIME", "OVERTIME_FORECAST");

  private EvidenceChart() {}

  /** The ECharts option for {@code alert}, or null when it carries no per-day evidence. */
  public static Map<String, Object> of(Alert alert) {
    if (alert.evidence() == null
        || alert.evidence().days() == null
        || alert.evidence().days().isEmpty()) {
      return null;
    }
    List<Map<String, Object>> rows = alert.evidence().days();
    List<String> labels = new ArrayList<>();
    Map<String, List<Double>> figures = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      labels.add(String.valueOf(row.getOrDefault("date", row.get("week"))));
      for (Map.Entry<String, Object> field : row.entrySet()) {
        if (field.getValue() instanceof Number number && !"contractHours".equals(field.getKey())) {
          figures.computeIfAbsent(field.getKey(), k -> new ArrayList<>()).add(number.doubleValue());
        }
      }
    }
    List<Map<String, Object>> series = new ArrayList<>();
    figures.forEach((name, values) -> series.add(series(name, "bar", values)));
    if (TOTALS.contains(alert.rule()) && figures.containsKey("workedHours")) {
      List<Double> totals = new ArrayList<>();
      double sum = 0;
      for (Map<String, Object> row : rows) {
        double worked = number(row.get("workedHours"));
        sum += OVERTIME.contains(alert.rule()) ? worked - number(row.get("contractHours")) : worked;
        totals.add(round(sum));
      }
      series.add(
          series(
              OVERTIME.contains(alert.rule()) ? "overtime so far" : "total so far",
              "line",
              totals));
    }
    Map<String, Object> judged = series.get(series.size() - 1);
    judged.put(
        "markLine",
        Map.of(
            "symbol",
            "none",
            "label",
            Map.of("formatter", "threshold " + alert.threshold(), "position", "insideEndTop"),
            "lineStyle",
            Map.of("type", "dashed", "color", "#b3261e"),
            "data",
            List.of(Map.of("yAxis", alert.threshold()))));
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("aria", Map.of("enabled", true));
    option.put("tooltip", Map.of("trigger", "axis"));
    option.put("legend", Map.of("top", 0));
    option.put("grid", Map.of("left", 40, "right", 16, "top", 32, "bottom", 32));
    option.put("xAxis", Map.of("type", "category", "data", labels));
    option.put("yAxis", Map.of("type", "value"));
    option.put("series", series);
    return option;
  }

  private static Map<String, Object> series(String name, String type, List<Double> values) {
    Map<String, Object> series = new LinkedHashMap<>();
    series.put("name", name);
    series.put("type", type);
    series.put("data", values.stream().map(EvidenceChart::round).toList());
    return series;
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
