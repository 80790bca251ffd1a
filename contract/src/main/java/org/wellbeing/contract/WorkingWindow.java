package org.wellbeing.contract;

/**
 * A local working window {@code [start, end)} as {@code HH:mm}; {@code end} may be {@code 24:00},
 * and an end at or before the start runs past midnight.
 */
public record WorkingWindow(String start, String end) {}
