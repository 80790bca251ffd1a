package org.wellbeing.contract;

import java.time.Instant;
import java.util.Map;

/**
 * An erasure as {@code GET /api/v1/erasures/{erasureId}} answers it: when each service finished
 * (null while it has not), and whether all have.
 */
public record Erasure(
    String erasureId,
    String personId,
    Instant requestedAt,
    Map<String, Instant> services,
    boolean complete) {}
