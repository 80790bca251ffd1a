package org.wellbeing.testing;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/** A real single-node KRaft Kafka broker (broker and controller) inside the calling JVM. */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KafkaBroker.class.getName());

  private final int port;
  private final int controllerPort;
  private final String clusterId;
  private final Path logDir;
  private EmbeddedKafkaBroker broker;

  private KafkaBroker(int port, int controllerPort, String clusterId, Path logDir) {
    this.port = port;
    this.controllerPort = controllerPort;
    this.clusterId = clusterId;
    this.logDir = logDir;
  }

  /** Starts a broker on random loopback ports. */
  public static KafkaBroker start() {
    try {
      KafkaBroker broker =
          new KafkaBroker(
              FreePorts.next(),
              FreePorts.next(),
              Uuid.randomUuid().toString(),
              Files.createTempDirectory("kafka-logs-"));
      broker.launch();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch() {
    long started = System.nanoTime();
    broker =
        new EmbeddedKafkaBroker()
            .withNodeId(1)
            .withClusterId(clusterId)
            .withKafkaHost("127.0.0.1")
            .withKafkaPort(port)
            .withControllerPort(controllerPort)
            // the log directory is ours: it outlives a stop, so a restart finds every record
            .withDeleteLogDirsOnClose(false)
            .withAdditionalProperties(
                properties -> {
                  properties.put("log.dir", logDir.toString());
                  properties.put("num.partitions", "1");
                  properties.put("group.initial.rebalance.delay.ms", "0");
                  properties.put("offsets.topic.num.partitions", "1");
                  properties.put("auto.create.topics.enable", "true");
                  // the log cleaner wakes within a second, so tests can watch compaction happen
                  properties.put("log.cleaner.backoff.ms", "200");
                  // a restarted broker re-registers once its old session lapsed: keep that short
                  properties.put("broker.session.timeout.ms", "2000");
                  properties.put("broker.heartbeat.interval.ms", "500");
                })
            .start();
    LOG.info(
        () ->
            "Kafka broker started on %s in %d ms"
                .formatted(bootstrapServers(), (System.nanoTime() - started) / 1_000_000));
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Stops the broker as an outage would, keeping its data; {@link #restart()} brings it back. */
  public synchronized void stop() {
    if (broker != null) {
      broker.close();
      broker = null;
      LOG.info(() -> "Kafka broker on %s stopped".formatted(bootstrapServers()));
    }
  }

  /** Starts the stopped broker again on the same address, with the records it had. */
  public synchronized void restart() {
    if (broker == null) {
      launch();
    }
  }

  @Override
  public synchronized void close() {
    stop();
    deleteRecursively(logDir);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warning(() -> "could not delete " + dir + ": " + e);
    }
  }
}
