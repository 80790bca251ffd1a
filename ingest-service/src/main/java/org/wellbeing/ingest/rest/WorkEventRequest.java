package org.wellbeing.ingest.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.wellbeing.common.rest.PlainText;
import org.wellbeing.contract.EventKind;
import org.wellbeing.contract.EventStatus;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.contract.WorkEventValidator;

/**
 * One WorkEvent as a client posts it (CONTRACT.md). What a single field can say is checked here;
 * what needs the whole event (range, span) is {@link WorkEventValidator}'s, the rule every consumer
 * applies too.
 */
public record WorkEventRequest(
    @NotNull(message = "is required")
        @Size(
            max = WorkEventValidator.MAX_EVENT_ID_LENGTH,
            message = "must be at most {max} characters")
        @PlainText
        String eventId,
    @Min(value = 1, message = "must be a whole number of at least 1") Long version,
    @NotNull(message = "is required")
        @Pattern(
            regexp = WorkEventValidator.PERSON_ID_REGEX,
            message = WorkEventValidator.PERSON_ID_RULE)
        String personId,
    @NotNull(message = "is required")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES)
        EventKind kind,
    @NotNull(message = "is required") OffsetDateTime start,
    @NotNull(message = "is required") OffsetDateTime end,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) EventStatus status,
    @Size(max = WorkEventValidator.MAX_SKILL_LENGTH, message = "must be at most {max} characters")
        @PlainText
        String skill,
    @Size(max = WorkEventValidator.MAX_TEXT_LENGTH, message = "must be at most {max} characters")
        @PlainText
        String source,
    // a title too long to store is shortened, not refused: no figure reads it
    @PlainText(multiline = true) String title) {

  /** The event to publish, under {@code eventId} (the caller's own namespace, IngestAccess). */
  public WorkEvent toEvent(String eventId) {
    return new WorkEvent(
        eventId,
        version == null ? 1 : version,
        personId,
        kind,
        start,
        end,
        status == null ? EventStatus.CONFIRMED : status,
        skill,
        source,
        WorkEventValidator.title(title),
        null);
  }
}
