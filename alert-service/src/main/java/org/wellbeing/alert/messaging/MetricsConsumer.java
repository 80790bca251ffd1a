package org.wellbeing.alert.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.wellbeing.alert.service.ErasureService;
import org.wellbeing.alert.service.FigureService;
import org.wellbeing.common.kafka.BatchStore;
import org.wellbeing.common.kafka.DeadLetterSender;
import org.wellbeing.common.kafka.DeadLetterSender.Parsed;
import org.wellbeing.common.persistence.OutageGuard;
import org.wellbeing.contract.DailyMetrics;

/** Consumes {@code wellbeing-metrics} a poll at a time; unreadable records go to its DLQ. */
@ApplicationScoped
public class MetricsConsumer {

  /** Incoming channel bound to {@code wellbeing-metrics}. */
  public static final String CHANNEL = "wellbeing-metrics-in";

  /** Outgoing channel bound to {@code wellbeing-metrics-dlq}. */
  public static final String DLQ_CHANNEL = "wellbeing-metrics-dlq";

  private final FigureService figures;
  private final ObjectMapper json;
  private final DeadLetterSender deadLetters;
  private final BatchStore store;
  private final ErasureService erasures;
  private final OutageGuard outages;

  public MetricsConsumer(
      FigureService figures,
      ObjectMapper json,
      BatchStore store,
      @Channel(DLQ_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
          Emitter<String> dlq,
      MeterRegistry registry,
      ErasureService erasures,
      OutageGuard outages) {
    this.erasures = erasures;
    this.outages = outages;
    this.figures = figures;
    this.json = json;
    this.store = store;
    this.deadLetters = new DeadLetterSender(dlq, registry, "alerts.metrics.rejected");
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    List<Parsed<DailyMetrics>> batch =
        deadLetters.parseEach(
            records,
            r -> {
              if (r.value() == null) {
                // a tombstone: model-service erased the person; their figures go with the erasure
                return null;
              }
              DailyMetrics m = json.readValue(r.value(), DailyMetrics.class);
              if (m == null || m.personId() == null || m.date() == null || m.computedAt() == null) {
                throw new DeadLetterSender.InvalidRecord("not a DailyMetrics");
              }
              return m;
            });
    dropErased(batch);
    store.store(CHANNEL, batch, figures::apply, deadLetters::send);
  }

  /** An erased person's figures produced before the erasure (a replay) do not bring them back. */
  private void dropErased(List<Parsed<DailyMetrics>> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<String> people = batch.stream().map(p -> p.value().personId()).distinct().toList();
    var erased = outages.call(CHANNEL, () -> erasures.erasedAmong(people));
    if (!erased.isEmpty()) {
      batch.removeIf(
          p -> {
            var at = erased.get(p.value().personId());
            return at != null && p.record().timestamp() <= at.toEpochMilli();
          });
    }
  }
}
