package org.wellbeing.contract;

import java.time.Instant;

/**
 * One read of a person's data by someone else: who ({@code reader}, their personId), whose ({@code
 * subject}), through which endpoint, and when. {@code id} is unique, so a record delivered twice is
 * logged once.
 */
public record AccessRecord(String id, String subject, String reader, String endpoint, Instant at) {}
