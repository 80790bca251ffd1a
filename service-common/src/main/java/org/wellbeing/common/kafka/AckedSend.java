package org.wellbeing.common.kafka;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The one way every service sends a record and learns that Kafka took it: the future completes when
 * the broker acknowledged the record ({@code acks=all} on every channel), and fails with the
 * broker's refusal otherwise. Occasional records (dead letters, reports) go through their channel's
 * emitter; the high-volume paths through the channel's own producer ({@link ChannelProducers}).
 */
public final class AckedSend {

  private AckedSend() {}

  /**
   * Sends {@code records} in order through a channel's producer, around the messaging layer; one
   * future a record. A send returns once its record is in the producer's buffer, so records batch.
   * It blocks only while the buffer is full or the topic's partitions are unknown, for at most the
   * channel's {@code max.block.ms}; after such a wait the rest are not sent but failed alike, so a
   * broker that is away costs one wait, not one a record.
   */
  public static List<CompletableFuture<Void>> sendAll(
      Producer<String, String> producer, List<ProducerRecord<String, String>> records) {
    List<CompletableFuture<Void>> acks = new ArrayList<>(records.size());
    Throwable blocked = null;
    for (ProducerRecord<String, String> record : records) {
      CompletableFuture<Void> ack = new CompletableFuture<>();
      acks.add(ack);
      if (blocked != null) {
        ack.completeExceptionally(blocked);
        continue;
      }
      try {
        producer.send(
            record,
            (metadata, failure) -> {
              if (failure == null) {
                ack.complete(null);
              } else {
                ack.completeExceptionally(failure);
              }
            });
      } catch (RuntimeException e) {
        ack.completeExceptionally(e);
      }
      Throwable failure = ack.isCompletedExceptionally() ? ack.handle((ok, t) -> t).join() : null;
      // only the wait is shared; a refusal of this record alone (too large, say) is its own
      if (failure instanceof TimeoutException) {
        blocked = failure;
      }
    }
    return acks;
  }

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
