package org.wellbeing.alert.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wellbeing.alert.config.AlertTopics;
import org.wellbeing.contract.TopicAdmin;
import org.wellbeing.contract.TopicAdmin.TopicSpec;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.Compaction;
import org.wellbeing.testing.KafkaBroker;

/**
 * A consumer that starts from offset 0 of wellbeing-metrics (a new alert-service, a rebuilt
 * database) gets every (person, date), even after the broker's log cleaner has run. The records are
 * keyed by personId (CONTRACT.md), so the topic must not be compacted; a compacted topic with the
 * same records, cleaned by the same broker, shows that the cleaner did run.
 */
class MetricsTopicReplayTest {

  private static final List<String> PEOPLE = List.of("ana", "ben", "cem");
  private static final int DAYS = 10;

  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aReplayAfterLogCleaningSeesEveryPersonAndDate() throws Exception {
    String control = "compacted-control-" + UUID.randomUUID();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
      // the topic exactly as alert-service creates it at start-up
      TopicAdmin.ensureTopics(
          bootstrap(), 1, (short) 1, new AlertTopics().topics(), Duration.ofSeconds(30));
      admin
          .createTopics(
              List.of(
                  new NewTopic(control, 1, (short) 1)
                      .configs(
                          Map.of(
                              TopicConfig.CLEANUP_POLICY_CONFIG,
                              TopicConfig.CLEANUP_POLICY_COMPACT))))
          .all()
          .get();
    }
    for (String topic : List.of(Topics.WELLBEING_METRICS, control)) {
      Compaction.soon(bootstrap(), topic);
    }
    assertThat(TopicSpec.of(Topics.WELLBEING_METRICS).policy().compacted()).isFalse();

    try (KafkaProducer<String, String> producer = producer()) {
      for (String person : PEOPLE) {
        for (int d = 0; d < DAYS; d++) {
          String value = day(person, LocalDate.parse("2026-03-02").plusDays(d));
          producer.send(new ProducerRecord<>(Topics.WELLBEING_METRICS, person, value));
          producer.send(new ProducerRecord<>(control, person, value));
        }
      }
      producer.flush();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                // a record appended once a segment is older than segment.ms rolls it, so the
                // records before it become cleanable
                producer.send(new ProducerRecord<>(control, "roll", "{}"));
                producer.send(new ProducerRecord<>(Topics.WELLBEING_METRICS, "roll", "{}"));
                producer.flush();
                return readAll(control).stream().filter(r -> !"roll".equals(r.key())).count()
                    == PEOPLE.size();
              });
    }

    Set<String> replayed = new HashSet<>();
    for (ConsumerRecord<String, String> r : readAll(Topics.WELLBEING_METRICS)) {
      if (!"roll".equals(r.key())) {
        replayed.add(r.key() + "/" + r.value());
      }
    }
    Set<String> expected = new HashSet<>();
    for (String person : PEOPLE) {
      for (int d = 0; d < DAYS; d++) {
        expected.add(person + "/" + day(person, LocalDate.parse("2026-03-02").plusDays(d)));
      }
    }
    assertThat(replayed).isEqualTo(expected);
  }

  private static String day(String person, LocalDate date) {
    return "{\"personId\": \"%s\", \"date\": \"%s\"}".formatted(person, date);
  }

  private static String bootstrap() {
    return broker.bootstrapServers();
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            0),
        new StringSerializer(),
        new StringSerializer());
  }

  /** Every record of the topic's one partition, from offset 0, as a new consumer sees them. */
  private static Collection<ConsumerRecord<String, String>> readAll(String topic) {
    TopicPartition partition = new TopicPartition(topic, 0);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      while (consumer.position(partition) < end) {
        consumer.poll(Duration.ofMillis(200)).records(partition).forEach(records::add);
      }
      return records;
    }
  }
}
