package org.wellbeing.ingest.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.wellbeing.contract.WorkEventValidator;

/**
 * A feed subscription (CONTRACT.md). Whether the URL may be fetched at all is the address policy's
 * to say, in FeedService.
 */
public record FeedRequest(
    @NotNull(message = "is required: " + WorkEventValidator.PERSON_ID_RULE)
        @Pattern(
            regexp = WorkEventValidator.PERSON_ID_REGEX,
            message = WorkEventValidator.PERSON_ID_RULE)
        String personId,
    @NotNull(message = "must be an absolute http or https URL of at most 2048 characters")
        @Size(
            max = 2048,
            message = "must be an absolute http or https URL of at most 2048 characters")
        @Pattern(
            regexp = "(?i)https?://\\S+",
            message = "must be an absolute http or https URL of at most 2048 characters")
        String url,
    @Min(value = 1, message = "must be between 1 and 1440")
        @Max(value = 24 * 60, message = "must be between 1 and 1440")
        Integer pollMinutes) {}
