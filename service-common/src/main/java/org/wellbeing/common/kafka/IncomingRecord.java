package org.wellbeing.common.kafka;

import org.apache.kafka.common.header.Headers;

/** A consumed record's parts that processing and dead-lettering need. */
public record IncomingRecord(
    String topic, int partition, long offset, String key, String value, Headers headers) {}
