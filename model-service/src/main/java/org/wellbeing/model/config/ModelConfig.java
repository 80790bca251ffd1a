package org.wellbeing.model.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Settings of model-service, under {@code model.*}. */
@ConfigMapping(prefix = "model")
public interface ModelConfig {

  /** Smallest team whose figures are served, published and exported (privacy). */
  @WithDefault("5")
  int minGroupSize();

  /** Longest date range one {@code /days} request may ask for, in days. */
  @WithDefault("3660")
  int maxDaysPerRequest();

  /** How often the team gauges are read from the database. */
  @WithDefault("15s")
  Duration gaugeRefresh();

  /** How long a record of who read a person's data is kept before it is purged. */
  @WithDefault("P400D")
  Duration accessLogRetention();

  /** Longest range one {@code /access-log} request may ask for, in days. */
  @WithDefault("400")
  int maxAccessLogDays();

  /**
   * Managers read the profile, days and growth of the people below them; off for a works agreement
   * under which managers see alerts and team figures only (docs/PRIVACY.md).
   */
  @WithDefault("true")
  boolean managersReadPeople();

  /**
   * Days of figures a recomputation holds in memory at once: a batch touching more is worked
   * through in groups of people (a person with more days alone), in the same transaction.
   */
  @WithDefault("20000")
  int recomputeChunkDays();

  /**
   * How long ago the oldest record of a batch may have been produced before model-service counts
   * itself behind and its outbox holds figures back to publish each once (as a batch of a quarter
   * of a poll does).
   */
  @WithDefault("3s")
  Duration backlogAge();

  /** How long raw events, days and team weeks are kept (docs/PRIVACY.md). */
  Retention retention();

  /** Where the other services' parts of a person's export come from. */
  Export export();

  /** How a batch of events is retried when the database fails. */
  Retry retry();

  /** Retries of a failed batch before the consumer stops (and restarts from its last commit). */
  interface Retry {

    /** Attempts per batch. */
    @WithDefault("8")
    int attempts();

    /** Wait before the second attempt; doubles each time. */
    @WithDefault("250ms")
    Duration initialBackoff();

    /** Longest wait between attempts. */
    @WithDefault("15s")
    Duration maxBackoff();
  }

  /** The other services, called with the caller's own token for their parts of an export. */
  interface Export {

    /**
     * ingest-service's base URL, e.g. http://ingest-service:8081; without it, its part is missing.
     */
    Optional<URI> ingestUrl();

    /**
     * alert-service's base URL, e.g. http://alert-service:8083; without it, its part is missing.
     */
    Optional<URI> alertUrl();

    /** Longest wait for one service's part. */
    @WithDefault("20s")
    Duration timeout();
  }

  /** Retention per kind of data; anything shorter than the rules need is raised to that. */
  interface Retention {

    /** Raw events, by when they end. */
    @WithDefault("P1095D")
    Duration events();

    /** Daily figures, by their date. */
    @WithDefault("P1095D")
    Duration days();

    /** Team weeks, by their week. */
    @WithDefault("P1095D")
    Duration teamWeeks();
  }
}
