package org.wellbeing.model.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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
}
