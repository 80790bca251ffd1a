package org.wellbeing.model.service;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.wellbeing.common.rest.PlainText;
import org.wellbeing.contract.WorkEventValidator;

/**
 * A Team as a client sends it (CONTRACT.md), in a PUT or a directory import.
 *
 * @param teamId only read in an import; a PUT takes it from its path
 */
public record TeamRequest(
    @Pattern(
            regexp = WorkEventValidator.PERSON_ID_REGEX,
            message = WorkEventValidator.PERSON_ID_RULE)
        String teamId,
    @Size(max = 200, message = "must be at most {max} characters") @PlainText String name,
    @Pattern(
            regexp = WorkEventValidator.PERSON_ID_REGEX,
            message = WorkEventValidator.PERSON_ID_RULE)
        String managerId,
    @Pattern(
            regexp = WorkEventValidator.PERSON_ID_REGEX,
            message = WorkEventValidator.PERSON_ID_RULE)
        String parentTeamId) {}
