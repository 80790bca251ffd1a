package org.wellbeing.contract;

import java.time.Instant;

/**
 * A change of an alert, published on {@link Topics#OVERWORK_ALERTS} keyed by the alert's subject.
 *
 * @param type OPENED, ESCALATED, ACKNOWLEDGED or RESOLVED
 * @param eventId unique per change; consumers and webhook receivers deduplicate on it
 */
public record AlertEvent(String eventId, String type, Instant occurredAt, Alert alert) {}
