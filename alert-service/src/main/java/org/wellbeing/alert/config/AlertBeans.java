package org.wellbeing.alert.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.wellbeing.alert.domain.RuleBook;
import org.wellbeing.alert.domain.RuleId;
import org.wellbeing.alert.domain.RuleSettings;
import org.wellbeing.common.config.PipelineConfig;

/** The rule book from configuration, and the clock (which tests replace). */
public class AlertBeans {

  @Produces
  @ApplicationScoped
  RuleBook ruleBook(AlertConfig config, PipelineConfig pipeline) {
    Map<RuleId, RuleSettings> settings = new EnumMap<>(RuleBook.preset(config.preset()));
    for (RuleId rule : RuleId.values()) {
      AlertConfig.RuleOverride o = config.rules().get(rule.configKey());
      if (o == null) {
        continue;
      }
      RuleSettings s = settings.get(rule);
      settings.put(
          rule,
          new RuleSettings(
              o.enabled().orElse(s.enabled()),
              o.severity().orElse(s.severity()),
              o.threshold().orElse(s.threshold()),
              o.critical().isPresent() ? o.critical().get() : s.critical(),
              o.length().orElse(s.length()),
              o.minimum().orElse(s.minimum())));
    }
    // a function switched off takes its rule with it, whatever the overrides say
    if (!pipeline.functions().afterHours()) {
      settings.put(RuleId.AFTER_HOURS_STREAK, settings.get(RuleId.AFTER_HOURS_STREAK).disabled());
    }
    if (!pipeline.functions().learning()) {
      settings.put(RuleId.SKILL_STAGNATION, settings.get(RuleId.SKILL_STAGNATION).disabled());
    }
    return new RuleBook(settings);
  }

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
