package org.wellbeing.ingest.domain;

/**
 * One reason an input item was rejected.
 *
 * @param index position of the item in the request (0-based), or line number for line-based
 *     formats; -1 when the whole request is at fault
 * @param field the offending field, or null when the item as a whole is at fault
 */
public record Violation(int index, String field, String message) {}
