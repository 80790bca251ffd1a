package org.wellbeing.common.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.common.kafka.AckedSend;
import org.wellbeing.common.kafka.ChannelProducers;
import org.wellbeing.common.outbox.OutboxWriter.RecordsQueued;
import org.wellbeing.contract.CloudEvents;

/**
 * Publishes committed outbox records in order and deletes them once Kafka acknowledged them. A
 * crash between commit and publish leaves the records in the table, so the next round sends them:
 * at least once, and consumers treat the topics as latest-wins.
 *
 * <p>While a consumer of the service says it is catching up on a backlog, the relay holds records
 * back, up to {@code max-hold}: a backlog that arrives out of order recomputes the same days many
 * times, and a held record replaced by a newer one (its dedup key) is published once, at its
 * latest. Held records are still published in order, all of them, when the backlog ends.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  /** Outgoing channel; each record names its own topic. */
  public static final String CHANNEL = "outbox-out";

  private final OutboxRepository outbox;
  private final ChannelProducers producers;
  private final PipelineConfig config;
  private final String ceSource;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicLong pending = new AtomicLong();
  private volatile boolean behind;
  private volatile long behindUntilNanos;
  private volatile long countedAt = System.nanoTime() - 1_000_000_000L;
  private final Counter published;
  private final Counter failures;
  private final Counter parked;

  /**
   * @param channel never sent through: it gives the channel an upstream, so messaging does not
   *     report it unconnected; the records go through its producer
   */
  public OutboxRelay(
      OutboxRepository outbox,
      @Channel(CHANNEL) Emitter<String> channel,
      ChannelProducers producers,
      PipelineConfig config,
      @ConfigProperty(name = "quarkus.application.name") String application,
      MeterRegistry registry) {
    this.outbox = outbox;
    this.producers = producers;
    this.config = config;
    this.ceSource = "urn:wellbeing:" + application;
    this.published =
        Counter.builder("outbox.published")
            .description("Records published from the outbox")
            .register(registry);
    this.failures =
        Counter.builder("outbox.failures")
            .description("Relay rounds that failed and will be retried")
            .register(registry);
    this.parked =
        Counter.builder("outbox.parked")
            .description("Outbox records Kafka will never take, moved to outbox_parked")
            .register(registry);
    registry.gauge("outbox.pending", pending);
  }

  void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordsQueued queued) {
    wake();
  }

  // not while starting: the channel has its producer only once messaging has started
  @Scheduled(
      every = "${wellbeing.outbox.poll-interval:1s}",
      delayed = "1s",
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void poll() {
    wake();
  }

  void onStop(@Observes ShutdownEvent event) {
    executor.shutdown();
  }

  /** Runs a drain soon, on the relay's own thread; calls while one is waiting coalesce. */
  public void wake() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        scheduled.set(false);
      }
    }
  }

  /**
   * Whether the consumer calling this is working through a backlog (it just took a full batch): the
   * relay then holds records until the backlog ends, a small batch comes or {@code hold-linger}
   * passes without a full one, or the first record in line has waited {@code max-hold}.
   */
  public void catchingUp(boolean backlog) {
    if (backlog) {
      behindUntilNanos = System.nanoTime() + config.outbox().holdLinger().toNanos();
      behind = true;
    } else if (behind) {
      behind = false;
      wake();
    }
  }

  /**
   * Publishes until the outbox is empty, a backlog starts holding records or a round fails; returns
   * how many were sent.
   */
  public int drain() {
    scheduled.set(false);
    int total = 0;
    try {
      long rounds = Long.MAX_VALUE;
      if (behind()) {
        Instant oldest = QuarkusTransaction.requiringNew().call(outbox::oldestQueuedAt);
        if (oldest == null || oldest.isAfter(Instant.now().minus(config.outbox().maxHold()))) {
          countPending(false);
          return 0;
        }
        long waiting = countPending(true);
        // held for max-hold: what waits now goes out, what the backlog adds meanwhile waits on
        rounds = (waiting + config.outbox().batchSize() - 1) / config.outbox().batchSize();
        LOG.infof("outbox: %d records held back for the backlog are published now", waiting);
      }
      for (long round = 0; round < rounds; round++) {
        int sent = QuarkusTransaction.requiringNew().call(this::round);
        total += sent;
        if (sent < config.outbox().batchSize() || (rounds == Long.MAX_VALUE && behind())) {
          break;
        }
      }
      countPending(true);
    } catch (RuntimeException e) {
      failures.increment();
      LOG.warnf("outbox relay round failed, retrying on the next poll: %s", e.toString());
    }
    return total;
  }

  /**
   * Counts the outbox for the gauge, while records are held at most once in five seconds unless
   * {@code now}: a drain runs after every consumer transaction, and counting a held backlog of
   * 100,000 records each time was 7 % of PostgreSQL's time on a shuffled backlog (once a second,
   * still 8 % of model-service's statement time: a count is 60 ms then).
   */
  private long countPending(boolean now) {
    long at = System.nanoTime();
    if (now || at - countedAt >= 5_000_000_000L) {
      countedAt = at;
      pending.set(QuarkusTransaction.requiringNew().call(outbox::pending));
    }
    return pending.get();
  }

  /** A consumer said it is catching up, and no longer ago than hold-linger. */
  private boolean behind() {
    return behind && System.nanoTime() - behindUntilNanos < 0;
  }

  private int round() throws Exception {
    List<OutboxRecord> locked = outbox.lockOldest(config.outbox().batchSize());
    if (locked.isEmpty()) {
      return 0;
    }
    // a record over the producer's request size would fail the round forever, oldest first
    List<OutboxRecord> records = new ArrayList<>(locked.size());
    List<OutboxRecord> oversized = new ArrayList<>();
    for (OutboxRecord record : locked) {
      (size(record) > config.outbox().maxRecordBytes() ? oversized : records).add(record);
    }
    park(oversized, "too-large: over %d bytes".formatted(config.outbox().maxRecordBytes()));
    String time = Instant.now().toString();
    List<ProducerRecord<String, String>> outgoing = new ArrayList<>(records.size());
    for (OutboxRecord record : records) {
      outgoing.add(kafkaRecord(record, time));
    }
    CompletableFuture<?>[] acks =
        AckedSend.sendAll(producers.of(CHANNEL), outgoing).toArray(CompletableFuture<?>[]::new);
    try {
      CompletableFuture.allOf(acks)
          .get(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // Kafka refused some records for what they are: park those, keep the rest; anything else
      // (the broker away) fails the round, which is sent again whole
      List<OutboxRecord> refused = new ArrayList<>();
      for (int i = 0; i < records.size(); i++) {
        Throwable failure = failure(acks[i]);
        if (failure != null) {
          // only what is wrong with the record itself; a misconfigured producer fails them all
          if (!(unwrap(failure) instanceof RecordTooLargeException
              || unwrap(failure) instanceof InvalidTopicException)) {
            throw e;
          }
          refused.add(records.get(i));
        }
      }
      park(refused, "refused: " + unwrap(e).getClass().getSimpleName());
      records.removeAll(refused);
    }
    outbox.delete(records.stream().map(OutboxRecord::id).toList());
    published.increment(records.size());
    return locked.size();
  }

  private void park(List<OutboxRecord> records, String reason) {
    if (records.isEmpty()) {
      return;
    }
    outbox.park(records, reason);
    parked.increment(records.size());
    LOG.warnf(
        "%d outbox records parked in outbox_parked (%s); the relay goes on",
        records.size(), reason);
  }

  private static long size(OutboxRecord record) {
    return (record.payload() == null ? 0 : record.payload().getBytes(StandardCharsets.UTF_8).length)
        + record.recordKey().getBytes(StandardCharsets.UTF_8).length;
  }

  private static Throwable failure(CompletableFuture<?> ack) {
    try {
      ack.getNow(null);
      return ack.isDone() ? null : new IllegalStateException("not acknowledged");
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof ExecutionException
            || cause instanceof java.util.concurrent.CompletionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private ProducerRecord<String, String> kafkaRecord(OutboxRecord record, String time) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEvents.HEADER_SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION));
    headers.add(CloudEvents.HEADER_ID, bytes(record.ceId()));
    headers.add(CloudEvents.HEADER_SOURCE, bytes(ceSource));
    headers.add(CloudEvents.HEADER_TYPE, bytes(record.ceType()));
    headers.add(CloudEvents.HEADER_TIME, bytes(time));
    headers.add(CloudEvents.HEADER_CONTENT_TYPE, bytes("application/json"));
    return new ProducerRecord<>(
        record.topic(), null, record.recordKey(), record.payload(), headers);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
