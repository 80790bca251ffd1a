package org.wellbeing.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.wellbeing.common.kafka.AckedSend;
import org.wellbeing.common.kafka.BatchStore;
import org.wellbeing.common.kafka.DeadLetterSender;
import org.wellbeing.common.kafka.DeadLetterSender.Parsed;
import org.wellbeing.contract.ErasureReport;
import org.wellbeing.contract.PersonErasure;
import org.wellbeing.contract.WorkEventValidator;
import org.wellbeing.ingest.service.ErasureService;

/**
 * Consumes {@code person-erasures}: erases what ingest-service holds about the person, then reports
 * on {@code erasure-reports}; the records are committed only once Kafka took the reports, so a
 * crash in between erases (idempotently) and reports again.
 */
@ApplicationScoped
public class ErasureConsumer {

  /** Incoming channel bound to {@code person-erasures}. */
  public static final String CHANNEL = "person-erasures-in";

  /** Outgoing channel bound to {@code person-erasures-dlq}. */
  public static final String DLQ_CHANNEL = "person-erasures-dlq";

  /** Outgoing channel bound to {@code erasure-reports}. */
  public static final String REPORTS_CHANNEL = "erasure-reports-out";

  static final String SERVICE = "ingest-service";

  private final ErasureService erasures;
  private final ObjectMapper json;
  private final DeadLetterSender deadLetters;
  private final BatchStore batches;
  private final Emitter<String> reports;

  public ErasureConsumer(
      ErasureService erasures,
      ObjectMapper json,
      BatchStore batches,
      @Channel(DLQ_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1_000)
          Emitter<String> dlq,
      @Channel(REPORTS_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1_000)
          Emitter<String> reports,
      MeterRegistry registry) {
    this.erasures = erasures;
    this.json = json;
    this.batches = batches;
    this.reports = reports;
    this.deadLetters = new DeadLetterSender(dlq, registry, "ingest.erasures.rejected");
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    List<Parsed<PersonErasure>> batch =
        deadLetters.parseEach(records, r -> valid(json.readValue(r.value(), PersonErasure.class)));
    batches.store(CHANNEL, batch, erasures::erase, deadLetters::send);
    CompletableFuture<?>[] acks =
        batch.stream().map(p -> report(p.value())).toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(acks).join();
  }

  private CompletableFuture<Void> report(PersonErasure erasure) {
    try {
      return AckedSend.send(
          reports,
          null,
          erasure.personId(),
          json.writeValueAsString(
              new ErasureReport(erasure.erasureId(), erasure.personId(), SERVICE, Instant.now())),
          null);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PersonErasure valid(PersonErasure e) throws DeadLetterSender.InvalidRecord {
    if (e == null
        || e.erasureId() == null
        || e.erasureId().length() > 64
        || e.personId() == null
        || !WorkEventValidator.PERSON_ID.matcher(e.personId()).matches()) {
      throw new DeadLetterSender.InvalidRecord("not a PersonErasure");
    }
    return e;
  }
}
