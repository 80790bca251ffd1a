package org.wellbeing.model.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.wellbeing.contract.CloudEvents;

/**
 * Sends records that cannot be processed to {@code work-events-dlq}, with the reason and origin in
 * headers, so a bad record never blocks its partition and is never silently dropped.
 */
@ApplicationScoped
public class DeadLetters {

  /** Outgoing channel bound to {@code work-events-dlq}. */
  public static final String CHANNEL = "work-events-dlq";

  /** A rejected record and why. */
  public record Rejected(IncomingRecord record, String reason) {}

  private final Emitter<String> emitter;
  private final MeterRegistry registry;

  public DeadLetters(
      @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
          Emitter<String> emitter,
      MeterRegistry registry) {
    this.emitter = emitter;
    this.registry = registry;
  }

  /** Sends all; the future completes when Kafka acknowledged every one. */
  public CompletableFuture<Void> send(List<Rejected> rejected) {
    CompletableFuture<?>[] acks = new CompletableFuture<?>[rejected.size()];
    for (int i = 0; i < rejected.size(); i++) {
      Rejected r = rejected.get(i);
      CompletableFuture<Void> ack = new CompletableFuture<>();
      RecordHeaders headers = new RecordHeaders();
      r.record().headers().forEach(headers::add);
      headers.add(CloudEvents.HEADER_DLQ_REASON, bytes(r.reason()));
      headers.add("dead-letter-topic", bytes(r.record().topic()));
      headers.add("dead-letter-partition", bytes(String.valueOf(r.record().partition())));
      headers.add("dead-letter-offset", bytes(String.valueOf(r.record().offset())));
      emitter.send(
          Message.of(
                  r.record().value() == null ? "" : r.record().value(),
                  () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                  },
                  failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                  })
              .addMetadata(
                  OutgoingKafkaRecordMetadata.<String>builder()
                      .withKey(r.record().key())
                      .withHeaders(headers)
                      .build()));
      acks[i] = ack;
      registry.counter("model.events.rejected", "reason", reasonTag(r.reason())).increment();
    }
    return CompletableFuture.allOf(acks);
  }

  /** Bounded tag values: the reason's first word. */
  private static String reasonTag(String reason) {
    int colon = reason.indexOf(':');
    return colon > 0 ? reason.substring(0, colon) : "invalid";
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
