package org.wellbeing.common.kafka;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The one way every service sends a record and learns that Kafka took it: the future completes when
 * the broker acknowledged the record ({@code acks=all} on every channel), and fails with the
 * broker's refusal otherwise.
 */
public final class AckedSend {

  private AckedSend() {}

  /**
   * @param topic the record's topic, or null for the channel's own
   * @param value the value; null for a tombstone
   * @param headers the record's headers, or null for none
   */
  public static CompletableFuture<Void> send(
      Emitter<String> emitter, String topic, String key, String value, Headers headers) {
    CompletableFuture<Void> ack = new CompletableFuture<>();
    OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(key);
    if (topic != null) {
      metadata.withTopic(topic);
    }
    if (headers != null) {
      metadata.withHeaders(headers);
    }
    emitter.send(
        Message.of(
                value,
                () -> {
                  ack.complete(null);
                  return CompletableFuture.completedFuture(null);
                },
                failure -> {
                  ack.completeExceptionally(failure);
                  return CompletableFuture.completedFuture(null);
                })
            .addMetadata(metadata.build()));
    return ack;
  }
}
