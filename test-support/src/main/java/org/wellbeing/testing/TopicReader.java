package org.wellbeing.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads a topic of JSON records from the start, until the records a test waits for are there. */
public final class TopicReader {

  /** One record: key, JSON value and headers. */
  public record Record(String key, JsonNode value, ConsumerRecord<String, String> raw) {

    public String header(String name) {
      var header = raw.headers().lastHeader(name);
      return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String bootstrap;

  public TopicReader(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * Waits up to 30 s until at least {@code count} records of {@code topic} match, and returns the
   * matching ones.
   */
  public List<Record> await(String topic, Predicate<Record> matching, int count) {
    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      ConsumerTask<String, String> task =
          companion
              .consumeStrings()
              .withOffsetReset(OffsetResetStrategy.EARLIEST)
              .withGroupId("test-" + UUID.randomUUID())
              .fromTopics(topic);
      try {
        List<Record> found = new ArrayList<>();
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () -> {
                  found.clear();
                  for (ConsumerRecord<String, String> raw : task.getRecords()) {
                    Record record = new Record(raw.key(), parse(raw.value()), raw);
                    if (matching.test(record)) {
                      found.add(record);
                    }
                  }
                  return found.size() >= count;
                });
        return List.copyOf(found);
      } finally {
        task.stop();
      }
    }
  }

  /**
   * Every record of {@code topic} up to its end at the moment of the call, from every partition:
   * what a consumer starting now from offset 0 would have read once caught up.
   */
  public List<Record> readToEnd(String topic) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<Record> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end in 30 s");
        }
        for (ConsumerRecord<String, String> raw : consumer.poll(Duration.ofMillis(200))) {
          records.add(new Record(raw.key(), parse(raw.value()), raw));
        }
      }
      return records;
    }
  }

  private static JsonNode parse(String value) {
    try {
      return value == null ? JSON.nullNode() : JSON.readTree(value);
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(value);
    }
  }
}
