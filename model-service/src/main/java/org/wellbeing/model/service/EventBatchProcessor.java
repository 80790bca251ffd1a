package org.wellbeing.model.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.common.kafka.BatchStore;
import org.wellbeing.common.kafka.DeadLetterSender.Parsed;
import org.wellbeing.common.kafka.DeadLetterSender.Rejected;
import org.wellbeing.common.kafka.IncomingRecord;
import org.wellbeing.common.outbox.OutboxRelay;
import org.wellbeing.common.persistence.DatabaseFaults;
import org.wellbeing.common.persistence.OutageGuard;
import org.wellbeing.contract.EventStatus;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.contract.WorkEventValidator;
import org.wellbeing.model.config.ModelConfig;
import org.wellbeing.model.messaging.DeadLetters;
import org.wellbeing.model.service.MetricsEngine.Outcome;

/**
 * Turns a consumed batch into one database transaction: records that are not valid WorkEvents go to
 * the dead-letter topic first; the rest are applied together. While the database is unreachable the
 * batch waits for it, however long that takes; any other failing transaction is retried with
 * back-off, and if it keeps failing the batch fails. Either way its offsets are committed only
 * after its transaction, so no event is lost.
 *
 * <p>A batch of a quarter of a poll or more means a backlog (a live feed comes in batches of what
 * arrived while the last one was applied, far smaller): the outbox then holds the figures back
 * until it ends, so days a shuffled backlog recomputes batch after batch are published once.
 */
@ApplicationScoped
public class EventBatchProcessor {

  private static final Logger LOG = Logger.getLogger(EventBatchProcessor.class);
  private static final long PROGRESS_EVERY = 100_000;
  private static final String WORK_EVENTS = "work-events-in";

  private final MetricsEngine engine;
  private final DeadLetters deadLetters;
  private final ObjectMapper json;
  private final ModelConfig config;
  private final BatchStore store;
  private final WorkEventValidator validator;
  private final Timer batchTimer;
  private final AtomicLong consumed = new AtomicLong();
  private final ErasureService erasures;
  private final OutageGuard outages;
  private final OutboxRelay relay;
  private final int backlogBatch;

  public EventBatchProcessor(
      MetricsEngine engine,
      DeadLetters deadLetters,
      ObjectMapper json,
      ModelConfig config,
      BatchStore store,
      PipelineConfig pipeline,
      MeterRegistry registry,
      ErasureService erasures,
      OutageGuard outages,
      OutboxRelay relay,
      @ConfigProperty(name = "mp.messaging.incoming.work-events-in.max.poll.records")
          int maxPollRecords) {
    this.relay = relay;
    this.backlogBatch = Math.max(2, maxPollRecords / 4);
    this.erasures = erasures;
    this.outages = outages;
    this.validator = pipeline.events().validator();
    this.engine = engine;
    this.store = store;
    this.deadLetters = deadLetters;
    this.json = json;
    this.config = config;
    this.batchTimer =
        Timer.builder("model.batch.duration")
            .description("Time to apply one consumed batch, database commit included")
            .publishPercentileHistogram()
            .register(registry);
  }

  public void process(List<IncomingRecord> batch) {
    relay.catchingUp(batch.size() >= backlogBatch || behind(batch));
    List<Parsed<WorkEvent>> events = new ArrayList<>(batch.size());
    List<Rejected> rejected = new ArrayList<>();
    for (IncomingRecord record : batch) {
      String problem = parse(record, events);
      if (problem != null) {
        rejected.add(new Rejected(record, problem));
      }
    }
    if (!rejected.isEmpty()) {
      LOG.warnf(
          "%d of %d records go to the dead-letter topic, first: %s",
          rejected.size(), batch.size(), rejected.get(0).reason());
      deadLetters.send(rejected).join();
    }
    dropErased(events);
    if (events.isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    store.store(WORK_EVENTS, events, this::applyWithRetries, deadLetters::send);
    batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    long total = consumed.addAndGet(events.size());
    if (total / PROGRESS_EVERY != (total - events.size()) / PROGRESS_EVERY) {
      LOG.infof("%d work events processed since start", total);
    }
  }

  /**
   * Whether the batch's oldest record waited longer than the backlog age: polls can stay small
   * while a backlog is produced as fast as it is read, so their size alone misses it.
   */
  private boolean behind(List<IncomingRecord> batch) {
    long oldest = Long.MAX_VALUE;
    for (IncomingRecord record : batch) {
      oldest = Math.min(oldest, record.timestamp());
    }
    // record timestamps are the producers' wall clocks, so this one is too
    return !batch.isEmpty()
        && System.currentTimeMillis() - oldest >= config.backlogAge().toMillis();
  }

  /**
   * One transaction for the events, retried with back-off when the database refuses it (a deadlock,
   * a serialization failure); an outage is left to the caller, which waits it out.
   */
  private void applyWithRetries(List<WorkEvent> events) {
    Duration backoff = config.retry().initialBackoff();
    for (int attempt = 1; ; attempt++) {
      try {
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> engine.apply(events));
        LOG.debugf(
            "batch of %d: %d applied, %d ignored, %d days changed",
            events.size(), outcome.applied(), outcome.ignored(), outcome.daysChanged());
        return;
      } catch (RuntimeException e) {
        if (DatabaseFaults.isOutage(e) || attempt >= config.retry().attempts()) {
          throw e;
        }
        LOG.warnf(
            "batch of %d events failed (attempt %d), retrying in %s: %s",
            events.size(), attempt, backoff, e.toString());
        sleep(backoff);
        backoff = backoff.multipliedBy(2);
        if (backoff.compareTo(config.retry().maxBackoff()) > 0) {
          backoff = config.retry().maxBackoff();
        }
      }
    }
  }

  /**
   * An erased person stays erased: their events produced before the erasure (a replay of
   * work-events) are skipped; events produced after it are a new history.
   */
  private void dropErased(List<Parsed<WorkEvent>> events) {
    if (events.isEmpty()) {
      return;
    }
    List<String> people = events.stream().map(e -> e.value().personId()).distinct().toList();
    // a database outage here is waited out like any other
    Map<String, Instant> erased = outages.call(WORK_EVENTS, () -> erasures.erasedAmong(people));
    if (erased.isEmpty()) {
      return;
    }
    int before = events.size();
    events.removeIf(
        e -> {
          Instant at = erased.get(e.value().personId());
          return at != null && e.record().timestamp() <= at.toEpochMilli();
        });
    if (events.size() < before) {
      LOG.infof("%d events of erased people skipped", before - events.size());
    }
  }

  /** Adds the record's event to {@code events}, or returns why it cannot be processed. */
  private String parse(IncomingRecord record, List<Parsed<WorkEvent>> events) {
    if (record.value() == null) {
      return "invalid: empty record";
    }
    JsonNode node;
    try {
      node = json.readTree(record.value());
    } catch (JsonProcessingException e) {
      return "malformed: not JSON (" + e.getOriginalMessage() + ")";
    }
    if (!(node instanceof ObjectNode object)) {
      return "invalid: not a JSON object";
    }
    // CONTRACT.md: version defaults to 1, status to CONFIRMED
    object.putIfAbsent("version", IntNode.valueOf(1));
    object.putIfAbsent("status", TextNode.valueOf(EventStatus.CONFIRMED.name()));
    WorkEvent event;
    try {
      event = json.treeToValue(object, WorkEvent.class);
    } catch (JsonProcessingException e) {
      return "invalid: a field has the wrong type (" + e.getOriginalMessage() + ")";
    }
    List<Violation> violations = validator.problems(0, event);
    if (!violations.isEmpty()) {
      Violation first = violations.get(0);
      return "invalid: %s %s".formatted(first.field(), first.message());
    }
    events.add(new Parsed<>(record, event));
    return null;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", e);
    }
  }
}
