package org.wellbeing.alert.domain;

import java.util.List;
import java.util.Map;

/**
 * A rule firing for a subject and period, with the figures that made it fire.
 *
 * @param threshold the rule's firing threshold (the value was beyond it)
 * @param days per date, the figures the rule read
 */
public record Finding(
    RuleId rule,
    Period period,
    Severity severity,
    double value,
    double threshold,
    String summary,
    List<Map<String, Object>> days) {}
