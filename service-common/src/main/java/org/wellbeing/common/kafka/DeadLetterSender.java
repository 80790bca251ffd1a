package org.wellbeing.common.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.wellbeing.contract.CloudEvents;

/**
 * Sends records that cannot be processed to a dead-letter topic, with the reason and origin in
 * headers, so a bad record never blocks its partition and is never silently dropped.
 */
public final class DeadLetterSender {

  /** A rejected record and why; the reason starts with a bounded word such as {@code invalid:}. */
  public record Rejected(IncomingRecord record, String reason) {}

  /** A record read, with where it came from, for dead-lettering it should storing it fail. */
  public record Parsed<T>(IncomingRecord record, T value) {}

  /** Reads one record; null skips it (a tombstone, say), an exception rejects it. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(ConsumerRecord<String, String> record) throws Exception;
  }

  /** Thrown by a {@link Parser} for a record that parses but is not valid. */
  public static final class InvalidRecord extends Exception {
    public InvalidRecord(String message) {
      super(message);
    }
  }

  private final Emitter<String> emitter;
  private final MeterRegistry registry;
  private final String counter;

  /**
   * @param counter the metric that counts rejected records, tagged by reason
   */
  public DeadLetterSender(Emitter<String> emitter, MeterRegistry registry, String counter) {
    this.emitter = emitter;
    this.registry = registry;
    this.counter = counter;
  }

  public static IncomingRecord incoming(ConsumerRecord<String, String> r) {
    return new IncomingRecord(
        r.topic(), r.partition(), r.offset(), r.key(), r.value(), r.headers(), r.timestamp());
  }

  /**
   * Parses a batch: what {@code parser} reads is returned, what it rejects goes to the dead-letter
   * topic first (acknowledged before this returns), so no record is lost.
   */
  public <T> List<T> parseAll(
      org.apache.kafka.clients.consumer.ConsumerRecords<String, String> records, Parser<T> parser) {
    return parseEach(records, parser).stream().map(Parsed::value).toList();
  }

  /** {@link #parseAll}, each value with its record. */
  public <T> List<Parsed<T>> parseEach(
      org.apache.kafka.clients.consumer.ConsumerRecords<String, String> records, Parser<T> parser) {
    List<Parsed<T>> parsed = new java.util.ArrayList<>(records.count());
    List<Rejected> rejected = new java.util.ArrayList<>();
    for (ConsumerRecord<String, String> r : records) {
      try {
        T value = parser.parse(r);
        if (value != null) {
          parsed.add(new Parsed<>(incoming(r), value));
        }
      } catch (InvalidRecord e) {
        rejected.add(new Rejected(incoming(r), "invalid: " + e.getMessage()));
      } catch (Exception e) {
        rejected.add(new Rejected(incoming(r), "malformed: " + e.getClass().getSimpleName()));
      }
    }
    if (!rejected.isEmpty()) {
      send(rejected).join();
    }
    return parsed;
  }

  /** Sends all; the future completes when Kafka acknowledged every one. */
  public CompletableFuture<Void> send(List<Rejected> rejected) {
    CompletableFuture<?>[] acks = new CompletableFuture<?>[rejected.size()];
    for (int i = 0; i < rejected.size(); i++) {
      Rejected r = rejected.get(i);
      RecordHeaders headers = new RecordHeaders();
      r.record().headers().forEach(headers::add);
      headers.add(CloudEvents.HEADER_DLQ_REASON, bytes(r.reason()));
      headers.add("dead-letter-topic", bytes(r.record().topic()));
      headers.add("dead-letter-partition", bytes(String.valueOf(r.record().partition())));
      headers.add("dead-letter-offset", bytes(String.valueOf(r.record().offset())));
      acks[i] =
          AckedSend.send(
              emitter,
              null,
              r.record().key(),
              r.record().value() == null ? "" : r.record().value(),
              headers);
      registry.counter(counter, "reason", reasonTag(r.reason())).increment();
    }
    return CompletableFuture.allOf(acks);
  }

  private static String reasonTag(String reason) {
    int colon = reason.indexOf(':');
    return colon > 0 ? reason.substring(0, colon) : "invalid";
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
