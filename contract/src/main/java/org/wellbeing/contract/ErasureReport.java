package org.wellbeing.contract;

import java.time.Instant;

/** On {@code erasure-reports}: {@code service} has erased what it held about the person. */
public record ErasureReport(
    String erasureId, String personId, String service, Instant completedAt) {}
