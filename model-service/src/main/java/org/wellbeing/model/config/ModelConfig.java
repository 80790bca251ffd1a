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

  /** How a batch of events is retried when the database fails. */
  Retry retry();

  /** The outbox relay that publishes committed figures. */
  Outbox outbox();

  /** Creation of missing topics at start-up. */
  Topics topics();

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

  /** Outbox relay settings. */
  interface Outbox {

    /** Records sent per relay round. */
    @WithDefault("2000")
    int batchSize();

    /** How often the relay looks for records committed without a wake-up call. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a round waits for Kafka's acknowledgements. */
    @WithDefault("30s")
    Duration sendTimeout();
  }

  /** Topic creation settings. */
  interface Topics {

    /** Create missing topics at start-up; off where an operator manages topics. */
    @WithDefault("true")
    boolean create();

    /** Partitions of a created topic. */
    @WithDefault("3")
    int partitions();

    /** Replication factor of a created topic. */
    @WithDefault("1")
    short replicationFactor();
  }
}
