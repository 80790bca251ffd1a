package org.wellbeing.alert.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.wellbeing.contract.WorkEventValidator;

/**
 * A webhook registration or change: fields left out keep their value; {@code teamId} given as null
 * widens the webhook to every team, so it is told apart from one left out. Which fields a format
 * needs is WebhookService's to say.
 */
public record WebhookRequest(
    @Size(max = 2048, message = "must be an absolute http or https URL of at most 2048 characters")
        String url,
    @Pattern(
            regexp = WorkEventValidator.PERSON_ID_REGEX,
            message = WorkEventValidator.PERSON_ID_RULE)
        String teamId,
    @Pattern(
            regexp = "\\p{Graph}{16,256}",
            message = "must be 16 to 256 printable characters without spaces")
        String secret,
    @Pattern(regexp = "json|slack|teams|email", message = "must be json, slack, teams or email")
        String format) {}
