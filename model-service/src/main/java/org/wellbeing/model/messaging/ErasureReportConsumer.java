package org.wellbeing.model.messaging;

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
import org.wellbeing.common.kafka.BatchStore;
import org.wellbeing.common.kafka.DeadLetterSender;
import org.wellbeing.common.kafka.DeadLetterSender.Parsed;
import org.wellbeing.contract.ErasureReport;
import org.wellbeing.model.service.ErasureService;

/** Consumes {@code erasure-reports}: the other services' word that they erased a person. */
@ApplicationScoped
public class ErasureReportConsumer {

  /** Incoming channel bound to {@code erasure-reports}. */
  public static final String CHANNEL = "erasure-reports-in";

  /** Outgoing channel bound to {@code erasure-reports-dlq}. */
  public static final String DLQ_CHANNEL = "erasure-reports-dlq";

  private final ErasureService erasures;
  private final ObjectMapper json;
  private final DeadLetterSender deadLetters;
  private final BatchStore batches;

  public ErasureReportConsumer(
      ErasureService erasures,
      ObjectMapper json,
      BatchStore batches,
      @Channel(DLQ_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1_000)
          Emitter<String> dlq,
      MeterRegistry registry) {
    this.erasures = erasures;
    this.json = json;
    this.batches = batches;
    this.deadLetters = new DeadLetterSender(dlq, registry, "model.erasure-reports.rejected");
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    List<Parsed<ErasureReport>> reports =
        deadLetters.parseEach(
            records,
            r -> {
              ErasureReport report = json.readValue(r.value(), ErasureReport.class);
              if (report.erasureId() == null
                  || report.service() == null
                  || report.completedAt() == null
                  || report.erasureId().length() > 64
                  || report.service().length() > 64) {
                throw new IllegalArgumentException(
                    "an erasure report needs erasureId, service, at");
              }
              return report;
            });
    batches.store(CHANNEL, reports, erasures::reported, deadLetters::send);
  }
}
