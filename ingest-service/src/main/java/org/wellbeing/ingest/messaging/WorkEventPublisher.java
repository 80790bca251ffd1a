package org.wellbeing.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.wellbeing.common.kafka.AckedSend;
import org.wellbeing.common.kafka.ChannelProducers;
import org.wellbeing.contract.CloudEvents;
import org.wellbeing.contract.Topics;
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

  private final ChannelProducers producers;
  private final ObjectMapper json;
  private final Timer sendLatency;

  /**
   * @param channel never sent through: it gives the channel an upstream, so messaging does not
   *     report it unconnected; the records go through its producer
   */
  public WorkEventPublisher(
      @Channel(CHANNEL) Emitter<String> channel,
      ChannelProducers producers,
      ObjectMapper json,
      MeterRegistry registry) {
    this.producers = producers;
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
    List<ProducerRecord<String, String>> records = new ArrayList<>(events.size());
    for (WorkEvent event : events) {
      records.add(
          new ProducerRecord<>(
              Topics.WORK_EVENTS,
              null,
              event.personId(),
              serialize(event),
              headers(event.eventId(), ceSource, ceTime)));
    }
    long sentAt = System.nanoTime();
    List<CompletableFuture<Void>> acks = AckedSend.sendAll(producers.of(CHANNEL), records);
    CompletableFuture<?>[] timed = new CompletableFuture<?>[acks.size()];
    for (int i = 0; i < timed.length; i++) {
      timed[i] =
          acks.get(i)
              .thenRun(() -> sendLatency.record(System.nanoTime() - sentAt, TimeUnit.NANOSECONDS));
    }
    return CompletableFuture.allOf(timed);
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
