package org.wellbeing.alert.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MONTHLY_OVERTIME: worked minus contract hours over a calendar month, where each day's contract
 * share is pro-rated over the working weekdays and zero on absence days: over 45 h (WARNING), over
 * 80 h (CRITICAL).
 */
public final class MonthlyOvertimeRule implements PersonRule {

  @Override
  public RuleId id() {
    return RuleId.MONTHLY_OVERTIME;
  }

  @Override
  public List<Finding> evaluate(List<Figure> figures, RuleSettings settings) {
    TreeMap<YearMonth, List<Figure>> months = new TreeMap<>();
    for (Figure f : figures) {
      months.computeIfAbsent(YearMonth.from(f.date()), k -> new ArrayList<>()).add(f);
    }
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<YearMonth, List<Figure>> month : months.entrySet()) {
      double worked = 0;
      double contract = 0;
      List<Map<String, Object>> days = new ArrayList<>();
      for (Figure f : month.getValue()) {
        worked += f.worked();
        contract += f.contractHours();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("date", f.date().toString());
        row.put("workedHours", f.worked());
        row.put("contractHours", f.contractHours());
        days.add(row);
      }
      double overtime = worked - contract;
      if (overtime > settings.threshold()) {
        findings.add(
            new Finding(
                id(),
                Period.month(month.getKey()),
                settings.severityOf(overtime),
                overtime,
                settings.threshold(),
                "%.2f h worked against %.2f h of contract in %s"
                    .formatted(worked, contract, month.getKey()),
                days));
      }
    }
    return findings;
  }

  @Override
  public DateSpan reads(DateSpan changed) {
    return new DateSpan(
        changed.from().withDayOfMonth(1), YearMonth.from(changed.to()).atEndOfMonth());
  }
}
