package org.wellbeing.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of ingest-service, under {@code ingest.*}. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

  /** Most events one request may carry; more get 413. */
  @WithDefault("10000")
  int maxEventsPerRequest();

  /** How long a request waits for Kafka to acknowledge all its records before it fails. */
  @WithDefault("30s")
  Duration publishTimeout();

  /** Topics this service writes to. */
  Topics topics();

  /** Creation of missing topics at start-up. */
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
