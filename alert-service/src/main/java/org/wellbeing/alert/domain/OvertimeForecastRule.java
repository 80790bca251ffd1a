package org.wellbeing.alert.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OVERTIME_FORECAST (MODEL.md): the month holding the person's latest date with an event is on
 * track to pass MONTHLY_OVERTIME's threshold, at the overtime per contract day so far, before the
 * month ends. Judged with MONTHLY_OVERTIME's threshold; once the month's MONTHLY_OVERTIME fires the
 * forecast is superseded and no longer fires.
 */
public final class OvertimeForecastRule {

  public RuleId id() {
    return RuleId.OVERTIME_FORECAST;
  }

  /**
   * The forecast, if it fires.
   *
   * @param figures the person's figures in date order
   * @param forecast this rule's settings: severity, and {@code minimum} = the fewest elapsed
   *     contract days a projection needs (n_e, 5)
   * @param monthly MONTHLY_OVERTIME's settings: the threshold, and whether it can supersede
   */
  public List<Finding> evaluate(List<Figure> figures, RuleSettings forecast, RuleSettings monthly) {
    LocalDate latest = null;
    for (Figure f : figures) {
      if (f.hasEvents() && (latest == null || f.date().isAfter(latest))) {
        latest = f.date();
      }
    }
    if (latest == null) {
      return List.of();
    }
    YearMonth month = YearMonth.from(latest);
    double threshold = monthly.threshold();
    double monthWorked = 0;
    double monthContract = 0;
    double overtime = 0;
    int elapsed = 0;
    List<LocalDate> remaining = new ArrayList<>();
    List<Map<String, Object>> days = new ArrayList<>();
    for (Figure f : figures) {
      if (!YearMonth.from(f.date()).equals(month)) {
        continue;
      }
      monthWorked += f.worked();
      monthContract += f.contractHours();
      if (f.date().isAfter(latest)) {
        if (f.contractHours() > 0) {
          remaining.add(f.date());
        }
        continue;
      }
      overtime += f.worked() - f.contractHours();
      if (f.contractHours() > 0) {
        elapsed++;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("date", f.date().toString());
      row.put("workedHours", f.worked());
      row.put("contractHours", f.contractHours());
      days.add(row);
    }
    if (monthly.enabled() && monthWorked - monthContract > threshold) {
      return List.of();
    }
    int left = remaining.size();
    if (elapsed < Math.max(1, forecast.minimum()) || left < 1 || overtime > threshold) {
      return List.of();
    }
    // k · OT / n_e, multiplied first: a projection that lands exactly on the threshold stays there
    double projection = overtime + left * overtime / elapsed;
    if (!(projection > threshold)) {
      return List.of();
    }
    double pace = overtime / elapsed;
    LocalDate breach = remaining.get(left - 1);
    for (int k = 1; k <= left; k++) {
      if (overtime + k * overtime / elapsed > threshold) {
        breach = remaining.get(k - 1);
        break;
      }
    }
    return List.of(
        new Finding(
            id(),
            Period.month(month),
            forecast.severity(),
            projection,
            threshold,
            "%.2f h of overtime by %s; at %.2f h per contract day the month ends at %.2f h, past %.0f h on %s"
                .formatted(overtime, latest, pace, projection, threshold, breach),
            days,
            new Finding.Forecast(overtime, elapsed, left, breach)));
  }
}
