package org.wellbeing.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings every service shares, under {@code wellbeing.*}. */
@ConfigMapping(prefix = "wellbeing")
public interface PipelineConfig {

  /** Creation of missing topics at start-up. */
  Topics topics();

  /** The outbox relay that publishes committed records. */
  Outbox outbox();

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
}
