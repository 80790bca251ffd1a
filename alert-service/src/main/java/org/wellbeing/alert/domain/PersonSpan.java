package org.wellbeing.alert.domain;

import java.time.LocalDate;

/**
 * Where a person's stored figures lie, after the change being judged.
 *
 * @param first the earliest date with a figure
 * @param last the latest date with a figure
 * @param latestEvent the latest date some event covers; null when none does
 */
public record PersonSpan(LocalDate first, LocalDate last, LocalDate latestEvent) {}
