package org.wellbeing.contract;

import java.time.Instant;
import java.util.Map;

/**
 * An erasure as {@code GET /api/v1/erasures/{erasureId}} answers it: when each service finished
 * (null while it has not), and whether all have. {@code id} repeats {@code erasureId}, for clients
 * that read the contract's "an erasure id" as a field of that name.
 */
public record Erasure(
    String id,
    String erasureId,
    String personId,
    Instant requestedAt,
    Map<String, Instant> services,
    boolean complete) {}
