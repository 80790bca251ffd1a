package org.wellbeing.ingest.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.wellbeing.common.rest.PlainText;
import org.wellbeing.contract.WorkEventValidator;

/**
 * A clock punch (CONTRACT.md): {@code at} defaults to now, {@code eventId} to one the service
 * derives.
 */
public record ClockPunchRequest(
    @NotNull(message = "must be IN or OUT")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES)
        Action action,
    OffsetDateTime at,
    @Size(max = WorkEventValidator.MAX_EVENT_ID_LENGTH, message = "must be 1-{max} characters")
        @PlainText(message = "must be 1-256 characters without control characters")
        String eventId) {

  /** What a punch does. */
  public enum Action {
    IN,
    OUT
  }
}
