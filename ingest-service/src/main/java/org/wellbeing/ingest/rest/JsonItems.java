package org.wellbeing.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.wellbeing.common.rest.JsonErrors;
import org.wellbeing.contract.Violation;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.domain.TooManyItemsException;

/** Reads a body holding one JSON object or an array of them. */
final class JsonItems {

  private JsonItems() {}

  static List<JsonNode> parse(ObjectMapper json, String body, int maxItems) {
    JsonNode root;
    try {
      root = body == null || body.isBlank() ? null : json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "the body is not valid JSON", List.of(new Violation(-1, null, JsonErrors.describe(e))));
    }
    if (root == null) {
      throw new InvalidInputException("the body is empty; send one event or an array of events");
    }
    if (root.isObject()) {
      return List.of(root);
    }
    if (!root.isArray()) {
      throw new InvalidInputException("the body must be a JSON object or an array of objects");
    }
    if (root.size() > maxItems) {
      throw new TooManyItemsException(root.size(), maxItems);
    }
    List<JsonNode> items = new ArrayList<>(root.size());
    root.forEach(items::add);
    return items;
  }
}
