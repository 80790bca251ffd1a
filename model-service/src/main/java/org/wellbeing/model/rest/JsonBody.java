package org.wellbeing.model.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.wellbeing.common.rest.JsonErrors;
import org.wellbeing.contract.Violation;
import org.wellbeing.model.domain.InvalidInputException;

/** Reads a JSON body, turning malformed JSON into a problem rather than a stack trace. */
final class JsonBody {

  private JsonBody() {}

  static JsonNode read(ObjectMapper json, String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidInputException(
          "the body is empty", List.of(Violation.of(null, "send a JSON object")));
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "the body is not valid JSON", List.of(Violation.of(null, JsonErrors.describe(e))));
    }
  }
}
