package org.wellbeing.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.UncheckedIOException;
import java.util.List;

/** Queues records for publication in the current transaction. */
@ApplicationScoped
public class OutboxWriter {

  /** Fired once records were queued; the relay wakes up after the transaction commits. */
  public record RecordsQueued(int count) {}

  private final OutboxRepository outbox;
  private final ObjectMapper json;
  private final Event<RecordsQueued> queued;

  public OutboxWriter(OutboxRepository outbox, ObjectMapper json, Event<RecordsQueued> queued) {
    this.outbox = outbox;
    this.json = json;
    this.queued = queued;
  }

  /**
   * A record for {@code topic}.
   *
   * @param dedupKey an unpublished record with the same key is replaced (latest-wins topics); null
   *     for records that must all be published
   */
  public OutboxRecord record(
      String dedupKey, String topic, String recordKey, String ceType, String ceId, Object value) {
    return OutboxRecord.of(dedupKey, topic, recordKey, ceType, ceId, write(value));
  }

  /** A tombstone for {@code recordKey} on a compacted topic: compaction drops the key's records. */
  public OutboxRecord tombstone(String topic, String recordKey, String ceId) {
    return OutboxRecord.of(
        null, topic, recordKey, org.wellbeing.contract.CloudEvents.TYPE_TOMBSTONE, ceId, null);
  }

  public void queue(List<OutboxRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    outbox.add(records);
    queued.fire(new RecordsQueued(records.size()));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
