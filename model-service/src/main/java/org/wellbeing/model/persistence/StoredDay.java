package org.wellbeing.model.persistence;

import java.time.Instant;
import org.wellbeing.model.domain.DayResult;

/** A stored day and when it was last computed to a different value. */
public record StoredDay(String personId, DayResult result, Instant computedAt) {}
