package org.wellbeing.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.common.kafka.DeadLetterSender.Parsed;
import org.wellbeing.common.kafka.DeadLetterSender.Rejected;
import org.wellbeing.common.persistence.OutageGuard;

class BatchStoreTest {

  private static final PipelineConfig.DatabaseOutage FAST =
      new PipelineConfig.DatabaseOutage() {
        @Override
        public Duration initialBackoff() {
          return Duration.ofMillis(1);
        }

        @Override
        public Duration maxBackoff() {
          return Duration.ofMillis(4);
        }
      };

  private final List<List<String>> stored = new ArrayList<>();
  private final List<Rejected> deadLettered = new ArrayList<>();
  private final BatchStore store = new BatchStore(new OutageGuard(FAST, () -> true));

  private static List<Parsed<String>> batch(String... values) {
    List<Parsed<String>> batch = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      batch.add(
          new Parsed<>(
              new IncomingRecord("topic", 0, i, "key", values[i], new RecordHeaders(), 0L),
              values[i]));
    }
    return batch;
  }

  private CompletableFuture<Void> deadLetter(List<Rejected> rejected) {
    deadLettered.addAll(rejected);
    return CompletableFuture.completedFuture(null);
  }

  @Test
  void aBatchTheDatabaseTakesIsStoredInOneGo() {
    store.store("c", batch("a", "b"), stored::add, this::deadLetter);

    assertThat(stored).containsExactly(List.of("a", "b"));
    assertThat(deadLettered).isEmpty();
  }

  @Test
  void aRecordTheDatabaseRefusesIsDeadLetteredAndTheOthersAreKept() {
    store.store(
        "c",
        batch("a", "poison", "b"),
        values -> {
          if (values.contains("poison")) {
            throw new IllegalArgumentException(new SQLException("invalid byte sequence", "22021"));
          }
          stored.add(values);
        },
        this::deadLetter);

    assertThat(stored).containsExactly(List.of("a"), List.of("b"));
    assertThat(deadLettered)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.record().offset()).isEqualTo(1);
              assertThat(r.reason()).isEqualTo("unstorable: IllegalArgumentException");
            });
  }

  @Test
  void anOutageIsWaitedOutAndNothingIsDeadLettered() {
    AtomicInteger attempts = new AtomicInteger();
    BatchStore store = new BatchStore(new OutageGuard(FAST, () -> attempts.get() > 5));
    store.store(
        "c",
        batch("a", "b"),
        values -> {
          if (attempts.incrementAndGet() <= 5) {
            throw new IllegalStateException(
                new SQLTransientConnectionException("connection refused", "08001"));
          }
          stored.add(values);
        },
        this::deadLetter);

    assertThat(attempts).hasValue(6);
    assertThat(stored).containsExactly(List.of("a", "b"));
    assertThat(deadLettered).isEmpty();
  }

  @Test
  void aLostConnectionWhileTheDatabaseAnswersIsTheRecordsOwnFaultAfterManyTries() {
    // a backend terminated for running away, say: waiting would repeat it forever
    store.store(
        "c",
        batch("a", "runaway"),
        values -> {
          if (values.contains("runaway")) {
            throw new IllegalStateException(
                new SQLException("terminating connection due to administrator command", "57P01"));
          }
          stored.add(values);
        },
        this::deadLetter);

    assertThat(stored).containsExactly(List.of("a"));
    assertThat(deadLettered).extracting(r -> r.record().value()).containsExactly("runaway");
  }

  @Test
  void aDeadlockIsTriedAgainBeforeAnythingIsDeadLettered() {
    AtomicInteger attempts = new AtomicInteger();
    store.store(
        "c",
        batch("a"),
        values -> {
          if (attempts.incrementAndGet() <= 2) {
            throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
          }
          stored.add(values);
        },
        this::deadLetter);

    assertThat(stored).containsExactly(List.of("a"));
    assertThat(deadLettered).isEmpty();
  }

  @Test
  void aFailureWhileNoConnectionCanBeHadCountsAsAnOutage() {
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger probes = new AtomicInteger();
    BatchStore down = new BatchStore(new OutageGuard(FAST, () -> probes.incrementAndGet() > 3));
    down.store(
        "c",
        batch("a"),
        values -> {
          if (attempts.incrementAndGet() <= 3) {
            throw new IllegalStateException("no transaction could begin");
          }
          stored.add(values);
        },
        this::deadLetter);

    assertThat(stored).containsExactly(List.of("a"));
    assertThat(deadLettered).isEmpty();
  }
}
