package org.wellbeing.alert.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.wellbeing.common.rest.PlainText;

/**
 * {@code POST /api/v1/alerts/{id}/ack}: why the alert is acknowledged and, optionally, until when.
 */
public record AcknowledgementRequest(
    @NotNull(message = "is required")
        @Size(
            max = AcknowledgementRequest.MAX_REASON_LENGTH,
            message = "must be at most {max} characters")
        @PlainText(multiline = true, message = "must not be blank, nor contain control characters")
        String reason,
    LocalDate until) {

  /** Longest reason kept; a reason is read by people, not stored as a document. */
  public static final int MAX_REASON_LENGTH = 1000;
}
