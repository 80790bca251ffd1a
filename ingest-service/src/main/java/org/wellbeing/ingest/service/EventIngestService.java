package org.wellbeing.ingest.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.contract.WorkEventValidator;
import org.wellbeing.ingest.config.IngestConfig;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.domain.PublishFailedException;
import org.wellbeing.ingest.messaging.WorkEventPublisher;

/**
 * The one way WorkEvents leave ingest-service: every input format ends here with validated events,
 * which are published as a whole and counted.
 */
@ApplicationScoped
public class EventIngestService {

  private static final Logger LOG = Logger.getLogger(EventIngestService.class);

  private final WorkEventPublisher publisher;
  private final IngestConfig config;
  private final MeterRegistry registry;
  private final WorkEventValidator validator;
  private final boolean storeTitles;

  public EventIngestService(
      WorkEventPublisher publisher,
      IngestConfig config,
      PipelineConfig pipeline,
      MeterRegistry registry) {
    this.publisher = publisher;
    this.config = config;
    this.registry = registry;
    this.validator = pipeline.events().validator();
    this.storeTitles = pipeline.events().storeTitles();
  }

  /**
   * Publishes {@code events} and returns once Kafka acknowledged every one.
   *
   * @param source the input they came from: json, ics, feed, csv or clock (a metrics tag)
   */
  public int publish(List<WorkEvent> events, String source) {
    if (events.isEmpty()) {
      return 0;
    }
    // every importer ends here: what model-service would refuse is refused now, with nothing sent
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      violations.addAll(validator.problems(i, events.get(i)));
    }
    if (!violations.isEmpty()) {
      rejected(source, "invalid", events.size());
      throw new InvalidInputException(
          "%d of %d events are invalid; none was published"
              .formatted(
                  violations.stream().mapToInt(Violation::index).distinct().count(), events.size()),
          violations);
    }
    List<WorkEvent> outgoing = events.stream().map(this::kept).toList();
    try {
      publisher
          .publish(outgoing, source)
          .get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(events, source, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw failed(events, source, e);
    }
    accepted(source).increment(events.size());
    return events.size();
  }

  /**
   * The event as it may be published or remembered: titles stay where they came from unless
   * configured (wellbeing.events.store-titles).
   */
  public WorkEvent kept(WorkEvent e) {
    return storeTitles || e.title() == null ? e : e.withTitle(null);
  }

  /** Counts a rejected request's items by source and reason. */
  public void rejected(String source, String reason, int items) {
    Counter.builder("ingest.events.rejected")
        .description("Input items rejected, by source and reason")
        .tag("source", source)
        .tag("reason", reason)
        .register(registry)
        .increment(Math.max(items, 1));
  }

  private Counter accepted(String source) {
    return Counter.builder("ingest.events.accepted")
        .description("WorkEvents acknowledged by Kafka, by source")
        .tag("source", source)
        .register(registry);
  }

  private PublishFailedException failed(List<WorkEvent> events, String source, Exception e) {
    rejected(source, "kafka", events.size());
    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
    LOG.errorf(cause, "Kafka did not acknowledge all %d %s events", events.size(), source);
    return new PublishFailedException(
        "Kafka did not acknowledge all events; retry the request", cause);
  }
}
