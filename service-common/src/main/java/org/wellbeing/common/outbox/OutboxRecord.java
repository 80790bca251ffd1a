package org.wellbeing.common.outbox;

/**
 * A record waiting to be published.
 *
 * @param dedupKey records with the same key replace each other while unpublished (null: never)
 * @param payload the value; null for a tombstone
 */
public record OutboxRecord(
    long id,
    String dedupKey,
    String topic,
    String recordKey,
    String ceType,
    String ceId,
    String payload) {

  public static OutboxRecord of(
      String dedupKey, String topic, String recordKey, String ceType, String ceId, String payload) {
    return new OutboxRecord(0, dedupKey, topic, recordKey, ceType, ceId, payload);
  }
}
