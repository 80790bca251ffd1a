package org.wellbeing.alert.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.wellbeing.contract.IsoWeek;

/**
 * TEAM_OVERLOAD: at least 30 % of a team's members have an open WARNING or CRITICAL alert whose
 * period touches the ISO week. Teams below the minimum group size are never judged.
 */
public final class TeamOverloadRule {

  /** One member's open WARNING or CRITICAL alert and the dates it covers. */
  public record MemberAlert(String personId, LocalDate from, LocalDate to) {}

  public List<Finding> evaluate(
      int members, List<MemberAlert> alerts, RuleSettings settings, int minGroupSize) {
    if (!settings.enabled() || members < minGroupSize || members == 0) {
      return List.of();
    }
    TreeMap<IsoWeek, Set<String>> byWeek = new TreeMap<>();
    for (MemberAlert alert : alerts) {
      for (IsoWeek week = IsoWeek.of(alert.from());
          week.compareTo(IsoWeek.of(alert.to())) <= 0;
          week = week.next()) {
        byWeek.computeIfAbsent(week, k -> new TreeSet<>()).add(alert.personId());
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<IsoWeek, Set<String>> week : byWeek.entrySet()) {
      double share = (double) week.getValue().size() / members;
      if (share >= settings.threshold()) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("week", week.getKey().toString());
        evidence.put("members", members);
        evidence.put("membersWithAlerts", week.getValue().size());
        findings.add(
            new Finding(
                RuleId.TEAM_OVERLOAD,
                Period.week(week.getKey()),
                settings.severityOf(share),
                share,
                settings.threshold(),
                "%d of %d members have open warnings in %s"
                    .formatted(week.getValue().size(), members, week.getKey()),
                List.of(evidence)));
      }
    }
    return findings;
  }
}
