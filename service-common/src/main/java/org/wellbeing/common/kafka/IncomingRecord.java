package org.wellbeing.common.kafka;

import org.apache.kafka.common.header.Headers;

/**
 * A consumed record's parts that processing and dead-lettering need.
 *
 * @param timestamp the record's Kafka timestamp (epoch milliseconds): when it was produced, which
 *     tells a replayed record from one produced after a person's erasure
 */
public record IncomingRecord(
    String topic,
    int partition,
    long offset,
    String key,
    String value,
    Headers headers,
    long timestamp) {}
