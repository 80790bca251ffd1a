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
}
