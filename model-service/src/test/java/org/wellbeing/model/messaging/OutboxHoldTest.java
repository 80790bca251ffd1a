package org.wellbeing.model.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;
import org.wellbeing.common.outbox.OutboxRecord;
import org.wellbeing.common.outbox.OutboxRelay;
import org.wellbeing.common.outbox.OutboxRepository;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;

/**
 * While the consumer catches up on a backlog the outbox holds records, and publishes them after.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class OutboxHoldTest {

  @KafkaBootstrap String bootstrap;
  @Inject OutboxRepository outbox;
  @Inject OutboxRelay relay;
  @Inject AgroalDataSource dataSource;

  @Test
  void aRecordReplacedDuringABacklogIsPublishedOnceAtItsLatestWhenTheBacklogEnds()
      throws Exception {
    String key = "held-" + UUID.randomUUID().toString().substring(0, 8);
    relay.catchingUp(true);
    queue(key, "{\"version\":1}");
    queue(key, "{\"version\":2}");

    assertThat(relay.drain()).isZero();
    assertThat(pending(key)).isEqualTo(1);

    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      ConsumerTask<String, String> task = consume(companion, key);
      try {
        relay.catchingUp(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(key) == 0);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> task.getRecords().stream().anyMatch(r -> r.key().equals(key)));
        assertThat(task.getRecords().stream().filter(r -> r.key().equals(key)))
            .extracting(ConsumerRecord::value)
            .containsExactly("{\"version\":2}");
      } finally {
        task.stop();
      }
    }
  }

  @Test
  void aBacklogThatNoBatchConfirmsAnyMoreStopsHoldingAfterTheLinger() throws Exception {
    String key = "linger-" + UUID.randomUUID().toString().substring(0, 8);
    relay.catchingUp(true);
    queue(key, "{}");
    assertThat(relay.drain()).isZero();

    long queued = System.nanoTime();

    // no further batch comes: the hold ends by itself after the 5 s linger, before max-hold (8 s)
    await().atMost(Duration.ofSeconds(30)).until(() -> pending(key) == 0);
    assertThat(Duration.ofNanos(System.nanoTime() - queued)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void aBacklogThatGoesOnHoldsNoRecordLongerThanMaxHold() throws Exception {
    String key = "max-hold-" + UUID.randomUUID().toString().substring(0, 8);
    relay.catchingUp(true);
    queue(key, "{}");
    long queued = System.nanoTime();

    // full batches keep coming (each renews the 5 s linger); after max-hold (8 s in tests) it goes
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              relay.catchingUp(true);
              return pending(key) == 0;
            });
    assertThat(Duration.ofNanos(System.nanoTime() - queued)).isGreaterThan(Duration.ofSeconds(7));
    relay.catchingUp(false);
  }

  private void queue(String key, String payload) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                outbox.add(
                    List.of(
                        OutboxRecord.of(
                            key,
                            Topics.WELLBEING_METRICS,
                            key,
                            "t",
                            UUID.randomUUID().toString(),
                            payload))));
  }

  private static ConsumerTask<String, String> consume(KafkaCompanion companion, String key) {
    return companion
        .consumeStrings()
        .withOffsetReset(OffsetResetStrategy.EARLIEST)
        .withGroupId("test-" + key)
        .fromTopics(Topics.WELLBEING_METRICS);
  }

  private long pending(String key) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM outbox WHERE dedup_key = ?")) {
      s.setString(1, key);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
