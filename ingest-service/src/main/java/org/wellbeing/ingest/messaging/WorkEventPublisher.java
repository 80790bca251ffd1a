package org.wellbeing.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.wellbeing.common.kafka.AckedSend;
import org.wellbeing.contract.CloudEvents;
import org.wellbeing.contract.WorkEvent;

/**
 * Sends WorkEvents to {@code work-events}, keyed by personId, with CloudEvents headers. Records go
 * out without waiting for each other, so the producer batches them; the returned future completes
 * once Kafka has acknowledged all of them.
 */
@ApplicationScoped
public class WorkEventPublisher {

  /** Outgoing channel bound to the {@code work-events} topic. */
  public static final String CHANNEL = "work-events-out";

  private final Emitter<String> emitter;
  private final ObjectMapper json;
  private final Timer sendLatency;

  public WorkEventPublisher(
      @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 50_000)
          Emitter<String> emitter,
      ObjectMapper json,
      MeterRegistry registry) {
    this.emitter = emitter;
    this.json = json;
    this.sendLatency =
        Timer.builder("ingest.kafka.send")
            .description(
                "Time from handing a WorkEvent to the producer until Kafka acknowledged it")
            .publishPercentileHistogram()
            .register(registry);
  }

  /**
   * Publishes {@code events}; the future fails if any record is not acknowledged.
   *
   * @param origin which input produced the events ({@code json}, {@code ics}, …), as ce_source
   */
  public CompletableFuture<Void> publish(List<WorkEvent> events, String origin) {
    String ceSource = "urn:wellbeing:ingest:" + origin;
    String ceTime = Instant.now().toString();
    CompletableFuture<?>[] acks = new CompletableFuture<?>[events.size()];
    for (int i = 0; i < events.size(); i++) {
      WorkEvent event = events.get(i);
      long sentAt = System.nanoTime();
      acks[i] =
          AckedSend.send(
                  emitter,
                  null,
                  event.personId(),
                  serialize(event),
                  headers(event.eventId(), ceSource, ceTime))
              .thenRun(() -> sendLatency.record(System.nanoTime() - sentAt, TimeUnit.NANOSECONDS));
    }
    return CompletableFuture.allOf(acks);
  }

  private String serialize(WorkEvent event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RecordHeaders headers(String id, String source, String time) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEvents.HEADER_SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION));
    headers.add(CloudEvents.HEADER_ID, bytes(id));
    headers.add(CloudEvents.HEADER_SOURCE, bytes(source));
    headers.add(CloudEvents.HEADER_TYPE, bytes(CloudEvents.TYPE_WORK_EVENT));
    headers.add(CloudEvents.HEADER_TIME, bytes(time));
    headers.add(CloudEvents.HEADER_CONTENT_TYPE, bytes("application/json"));
    return headers;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
