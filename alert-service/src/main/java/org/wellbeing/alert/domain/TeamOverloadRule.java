package org.wellbeing.alert.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    return evaluate(members, alerts, settings, minGroupSize, null);
  }

  /**
   * The findings of the ISO weeks touching {@code within} (every week when null); {@code alerts}
   * must hold every alert that overlaps those weeks, and may hold more.
   */
  public List<Finding> evaluate(
      int members,
      List<MemberAlert> alerts,
      RuleSettings settings,
      int minGroupSize,
      DateSpan within) {
    if (!settings.enabled() || members < minGroupSize || members == 0) {
      return List.of();
    }
    IsoWeek first = within == null ? null : IsoWeek.of(within.from());
    IsoWeek last = within == null ? null : IsoWeek.of(within.to());
    TreeMap<IsoWeek, Set<String>> byWeek = new TreeMap<>();
    for (MemberAlert alert : alerts) {
      IsoWeek from = IsoWeek.of(alert.from());
      IsoWeek to = IsoWeek.of(alert.to());
      if (first != null && from.compareTo(first) < 0) {
        from = first;
      }
      if (last != null && to.compareTo(last) > 0) {
        to = last;
      }
      for (IsoWeek week = from; week.compareTo(to) <= 0; week = week.next()) {
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

  /**
   * The dates whose TEAM_OVERLOAD count an alert's change from {@code before} to {@code after}
   * (each null when it did not count) can alter; null when nothing changed. A run that grows by a
   * day alters only the dates between its old and new ends, not the year it may already span.
   */
  public static DateSpan recounted(DateSpan before, DateSpan after) {
    if (Objects.equals(before, after)) {
      return null;
    }
    if (before == null || after == null) {
      return before == null ? after : before;
    }
    if (before.from().equals(after.from())) {
      return DateSpan.of(before.to()).with(after.to());
    }
    if (before.to().equals(after.to())) {
      return DateSpan.of(before.from()).with(after.from());
    }
    return before.with(after);
  }
}
