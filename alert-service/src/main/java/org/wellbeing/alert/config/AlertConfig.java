package org.wellbeing.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.wellbeing.alert.domain.RoutingPolicy;
import org.wellbeing.alert.domain.RuleBook;
import org.wellbeing.alert.domain.Severity;

/** Settings of alert-service, under {@code alerts.*}. */
@ConfigMapping(prefix = "alerts")
public interface AlertConfig {

  /** Thresholds of which jurisdiction apply unless a rule overrides them: EU, JAPAN or NONE. */
  @WithDefault("EU")
  RuleBook.Preset preset();

  /** Smallest team that gets team alerts and team gauges (privacy). */
  @WithDefault("5")
  int minGroupSize();

  /**
   * People judged together before their alerts are written out and let go of: a batch of figures
   * for many people with long histories is worked through in such groups, in one transaction.
   */
  @WithDefault("50")
  int judgeGroupPeople();

  /** Per-rule overrides of the preset, keyed by rule, e.g. {@code alerts.rules.weekly-hours.*}. */
  Map<String, RuleOverride> rules();

  /** Webhook notifications. */
  Notifications notifications();

  /** How long resolved alerts, sent notifications and figures are kept (docs/PRIVACY.md). */
  Retention retention();

  /** Retention per kind of data; anything shorter than the rules need is raised to that. */
  interface Retention {

    /** Resolved alerts, by when they resolved. */
    @WithDefault("P730D")
    Duration resolvedAlerts();

    /** Notifications and deliveries that went out (or gave up), by when they were made. */
    @WithDefault("P365D")
    Duration notifications();

    /** Daily figures, by their date. */
    @WithDefault("P1095D")
    Duration figures();
  }

  /** One rule's overrides; whatever is left out comes from the preset. */
  interface RuleOverride {

    /** Switches the rule on or off. */
    Optional<Boolean> enabled();

    /** Severity of a finding below the critical threshold. */
    Optional<Severity> severity();

    /** The value beyond which the rule fires. */
    Optional<Double> threshold();

    /** The value beyond which a finding is CRITICAL. */
    Optional<Double> critical();

    /** Days of a run, or weeks of an average. */
    Optional<Integer> length();

    /** Fewest weeks an average needs. */
    Optional<Integer> minimum();
  }

  /** How alert changes reach webhooks. */
  interface Notifications {

    /** Changes for one manager within this window go out as one digest. */
    @WithDefault("5m")
    Duration groupingWindow();

    /** Deliver only within the recipient's working windows, in their time zone. */
    @WithDefault("true")
    boolean quietHours();

    /**
     * Who hears of a person's alert: MANAGER, or PERSON_FIRST (the person, their manager later).
     */
    @WithDefault("MANAGER")
    RoutingPolicy routing();

    /** Under PERSON_FIRST, how long a non-critical alert stays open before the manager hears. */
    @WithDefault("48h")
    Duration managerAfter();

    /** Sender address of e-mail digests (channels of format email); SMTP is quarkus.mailer.*. */
    @WithDefault("wellbeing-alerts@localhost")
    String emailFrom();

    /** Most changes in one digest; a recipient's further changes go out in the next digests. */
    @WithDefault("100")
    int digestSize();

    /** Attempts per delivery before it is marked failed. */
    @WithDefault("10")
    int maxAttempts();

    /** Wait before the second attempt; doubles each time. */
    @WithDefault("2s")
    Duration initialBackoff();

    /** Longest wait between attempts. */
    @WithDefault("1h")
    Duration maxBackoff();

    /** Timeout of one HTTP POST. */
    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * AES key (base64 of 16, 24 or 32 random bytes) that seals webhook signing secrets at rest;
     * webhooks cannot be registered without it. Comes from ALERTS_NOTIFICATIONS_SECRET_KEY.
     */
    Optional<String> secretKey();

    /** How often due digests and retries are sent. */
    @WithDefault("1s")
    Duration dispatchInterval();
  }
}
