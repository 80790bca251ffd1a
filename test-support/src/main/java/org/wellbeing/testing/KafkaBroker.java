package org.wellbeing.testing;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.util.logging.Logger;

/** A real single-node KRaft Kafka broker (broker and controller) inside the calling JVM. */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KafkaBroker.class.getName());

  private final EmbeddedKafkaBroker broker;
  private final String bootstrapServers;

  private KafkaBroker(EmbeddedKafkaBroker broker, String bootstrapServers) {
    this.broker = broker;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts a broker on random loopback ports. */
  public static KafkaBroker start() {
    long started = System.nanoTime();
    int port = FreePorts.next();
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker()
            .withNodeId(1)
            .withKafkaHost("127.0.0.1")
            .withKafkaPort(port)
            .withControllerPort(FreePorts.next())
            .withDeleteLogDirsOnClose(true)
            .withAdditionalProperties(
                properties -> {
                  properties.put("num.partitions", "1");
                  properties.put("group.initial.rebalance.delay.ms", "0");
                  properties.put("offsets.topic.num.partitions", "1");
                  properties.put("auto.create.topics.enable", "true");
                  // the log cleaner wakes within a second, so tests can watch compaction happen
                  properties.put("log.cleaner.backoff.ms", "200");
                })
            .start();
    String bootstrap = "127.0.0.1:" + port;
    LOG.info(
        () ->
            "Kafka broker started on %s in %d ms"
                .formatted(bootstrap, (System.nanoTime() - started) / 1_000_000));
    return new KafkaBroker(broker, bootstrap);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    broker.close();
  }
}
