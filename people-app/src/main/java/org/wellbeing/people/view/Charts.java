package org.wellbeing.people.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.wellbeing.contract.DailyMetrics;
import org.wellbeing.contract.Growth;
import org.wellbeing.contract.TeamWeekMetrics;

/** Apache ECharts options for the app's charts, built from the services' own figures. */
public final class Charts {

  private Charts() {}

  /** A person's days: hours of each kind as bars, rest as a line. */
  public static Map<String, Object> days(List<DailyMetrics> days) {
    List<String> labels = days.stream().map(d -> d.date().toString()).toList();
    List<Map<String, Object>> series = new ArrayList<>();
    series.add(series("worked", "bar", days, DailyMetrics::workedHours));
    series.add(series("after hours", "bar", days, DailyMetrics::afterHoursHours));
    series.add(series("meetings", "bar", days, DailyMetrics::meetingHours));
    series.add(series("focus", "bar", days, DailyMetrics::focusHours));
    series.add(series("learning", "bar", days, DailyMetrics::learningHours));
    series.add(series("rest", "line", days, DailyMetrics::restHours));
    series.removeIf(s -> ((List<?>) s.get("data")).stream().allMatch(v -> v == null));
    return option(labels, series, "hours");
  }

  /** A person's W and M by day. */
  public static Map<String, Object> balance(List<DailyMetrics> days) {
    List<String> labels = days.stream().map(d -> d.date().toString()).toList();
    List<Map<String, Object>> series = new ArrayList<>();
    series.add(series("work-life balance W", "line", days, DailyMetrics::balance));
    series.add(series("time management M", "line", days, DailyMetrics::timeManagement));
    return option(labels, series, "0 to 1");
  }

  /** A team's weekly hours: median and p90 as lines, the share over 48 h as bars. */
  public static Map<String, Object> teamHours(List<TeamWeekMetrics> weeks) {
    List<String> labels = weeks.stream().map(TeamWeekMetrics::week).toList();
    List<Map<String, Object>> series = new ArrayList<>();
    series.add(series("median hours", "line", weeks, TeamWeekMetrics::medianWeeklyHours));
    series.add(series("p90 hours", "line", weeks, TeamWeekMetrics::p90WeeklyHours));
    series.add(series("learning hours", "bar", weeks, TeamWeekMetrics::learningHours));
    series.removeIf(s -> ((List<?>) s.get("data")).stream().allMatch(v -> v == null));
    return option(labels, series, "hours");
  }

  /** A team's means of W and M and its share of members over 48 h. */
  public static Map<String, Object> teamBalance(List<TeamWeekMetrics> weeks) {
    List<String> labels = weeks.stream().map(TeamWeekMetrics::week).toList();
    List<Map<String, Object>> series = new ArrayList<>();
    series.add(series("mean W", "line", weeks, TeamWeekMetrics::meanBalance));
    series.add(series("mean M", "line", weeks, TeamWeekMetrics::meanTimeManagement));
    series.add(series("share over 48 h", "bar", weeks, TeamWeekMetrics::shareOver48h));
    return option(labels, series, "0 to 1");
  }

  /**
   * The skill projection of MODEL.md "Growth": S + w · learningPerWeek · g, week by week, at the
   * current pace and with the bottleneck factor lifted to 1.
   */
  public static Map<String, Object> growth(Growth growth) {
    List<String> labels = new ArrayList<>();
    List<Double> pace = new ArrayList<>();
    List<Double> lifted = new ArrayList<>();
    for (int w = 0; w <= growth.weeks(); w++) {
      labels.add("week " + w);
      pace.add(round(growth.skill() + w * growth.learningPerWeek() * growth.skillRate()));
      lifted.add(
          round(growth.skill() + w * growth.learningPerWeek() * growth.rateWithoutBottleneck()));
    }
    List<Map<String, Object>> series = new ArrayList<>();
    series.add(plain("at this pace", "line", pace));
    series.add(plain("without the bottleneck " + growth.bottleneck(), "line", lifted));
    return option(labels, series, "skill");
  }

  private static <T> Map<String, Object> series(
      String name, String type, List<T> rows, Function<T, ? extends Number> value) {
    List<Double> data = new ArrayList<>(rows.size());
    for (T row : rows) {
      Number n = value.apply(row);
      data.add(n == null ? null : round(n.doubleValue()));
    }
    return plain(name, type, data);
  }

  private static Map<String, Object> plain(String name, String type, List<Double> data) {
    Map<String, Object> series = new LinkedHashMap<>();
    series.put("name", name);
    series.put("type", type);
    series.put("data", data);
    return series;
  }

  private static Map<String, Object> option(
      List<String> labels, List<Map<String, Object>> series, String unit) {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("aria", Map.of("enabled", true));
    option.put("tooltip", Map.of("trigger", "axis"));
    option.put("legend", Map.of("top", 0));
    option.put("grid", Map.of("left", 40, "right", 16, "top", 48, "bottom", 32));
    option.put("xAxis", Map.of("type", "category", "data", labels));
    option.put("yAxis", Map.of("type", "value", "name", unit));
    option.put("series", series);
    return option;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
