package org.wellbeing.contract;

import java.time.Instant;

/**
 * On {@code person-erasures}: erase everything held about {@code personId}. Records about them
 * produced before {@code requestedAt} (a replay) must not bring them back.
 */
public record PersonErasure(String erasureId, String personId, Instant requestedAt) {}
