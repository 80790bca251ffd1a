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
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;
import org.wellbeing.common.outbox.OutboxRecord;
import org.wellbeing.common.outbox.OutboxRelay;
import org.wellbeing.common.outbox.OutboxRepository;
import org.wellbeing.contract.Topics;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;

/** A record Kafka will never take is parked with its reason; the relay goes on with the next. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class OutboxParkingTest {

  @KafkaBootstrap String bootstrap;
  @Inject OutboxRepository outbox;
  @Inject OutboxRelay relay;
  @Inject AgroalDataSource dataSource;

  @Test
  void aRecordOverTheRequestLimitIsParkedAndTheOneAfterItIsPublished() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String big = "{\"pad\": \"" + "x".repeat(1_200_000) + "\"}";
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                outbox.add(
                    List.of(
                        OutboxRecord.of(
                            null, Topics.WELLBEING_METRICS, "big-" + run, "t", "big-" + run, big),
                        OutboxRecord.of(
                            null,
                            Topics.WELLBEING_METRICS,
                            "small-" + run,
                            "t",
                            "small-" + run,
                            "{}"))));
    relay.drain();

    try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
      ConsumerTask<String, String> task =
          companion
              .consumeStrings()
              .withOffsetReset(OffsetResetStrategy.EARLIEST)
              .withGroupId("test-" + run)
              .fromTopics(Topics.WELLBEING_METRICS);
      try {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> task.getRecords().stream().anyMatch(r -> r.key().equals("small-" + run)));
        assertThat(task.getRecords()).noneMatch(r -> r.key().equals("big-" + run));
      } finally {
        task.stop();
      }
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT reason FROM outbox_parked WHERE record_key = ?")) {
      s.setString(1, "big-" + run);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).startsWith("too-large:");
      }
    }
  }
}
