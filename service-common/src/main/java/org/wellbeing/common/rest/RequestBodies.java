package org.wellbeing.common.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.wellbeing.contract.Violation;

/**
 * Reads a JSON request body into request records and checks them with Bean Validation, so every
 * resource of every service refuses the same way: each bad field of each item named by its index
 * and path ({@code [3].start}), never the value it held, and nothing bound when one item is bad.
 *
 * <p>Binding is strict where a lenient parser would change meaning: no number read from a string or
 * a string from a number, no fraction truncated to a whole number, no duplicate keys, nothing after
 * the document.
 */
@ApplicationScoped
public class RequestBodies {

  private final ObjectReader reader;
  private final Validator validator;

  public RequestBodies(ObjectMapper json, Validator validator) {
    ObjectMapper strict = json.copy();
    // a blank or empty string is not a number, a date or a missing value
    strict
        .coercionConfigDefaults()
        .setAcceptBlankAsEmpty(false)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    strict
        .coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    // dates and times as ISO text only: no epoch numbers, digit strings or arrays
    strict.registerModule(
        new SimpleModule("iso-text-only")
            .addDeserializer(
                OffsetDateTime.class, new IsoText<>(OffsetDateTime.class, IsoInstants::parse))
            .addDeserializer(LocalDate.class, new IsoText<>(LocalDate.class, LocalDate::parse)));
    strict
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    strict
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    strict
        .coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    strict
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    this.reader =
        strict
            .reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            // fields a record does not know are left aside, whichever mapper was handed in
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .without(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    this.validator = validator;
  }

  /**
   * The one object {@code body} holds, bound and valid; violations have index -1.
   *
   * @throws InvalidBodyException when the body is empty, not JSON, or the object is invalid
   */
  public <T> T one(String body, Class<T> type) {
    JsonNode root = object(body);
    List<Violation> violations = new ArrayList<>();
    T value = bindValid(-1, root, type, violations);
    if (!violations.isEmpty()) {
      throw new InvalidBodyException("the body is invalid", violations);
    }
    return value;
  }

  /**
   * The items of a body holding one object or an array of up to {@code maxItems}, bound and checked
   * one by one. {@link Batch#items()} has an entry for every item, null where the item is bad, so
   * the caller can add its own checks by index before deciding.
   *
   * @throws InvalidBodyException when the body is empty, not JSON, or neither object nor array
   * @throws ItemLimitException when the array holds more than {@code maxItems}
   */
  public <T> Batch<T> batch(String body, Class<T> type, int maxItems) {
    JsonNode root = tree(body, "send one object or an array of objects");
    if (root.isObject()) {
      List<Violation> violations = new ArrayList<>();
      T value = bindValid(-1, root, type, violations);
      return new Batch<>(Collections.singletonList(value), violations, true);
    }
    if (!root.isArray()) {
      throw new InvalidBodyException(
          "the body must be a JSON object or an array of objects",
          List.of(Violation.of(null, "must be a JSON object or an array of objects")));
    }
    if (root.size() > maxItems) {
      throw new ItemLimitException(root.size(), maxItems);
    }
    List<Violation> violations = new ArrayList<>();
    List<T> items = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      JsonNode item = root.get(i);
      if (!item.isObject()) {
        violations.add(new Violation(i, null, "must be a JSON object"));
        items.add(null);
      } else {
        items.add(bindValid(i, item, type, violations));
      }
    }
    return new Batch<>(items, violations, false);
  }

  /**
   * What Bean Validation finds wrong with {@code value}, as violations of item {@code index}; for
   * records a resource builds from other parts of a request (path, query).
   */
  public List<Violation> check(int index, Object value) {
    List<Violation> violations = new ArrayList<>();
    validator.validate(value).stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .forEach(v -> violations.add(violation(index, v)));
    return violations;
  }

  /**
   * The one object {@code body} holds, as a tree, for {@link #bind}.
   *
   * @throws InvalidBodyException when the body is empty, not JSON, or not an object
   */
  public JsonNode object(String body) {
    JsonNode root = tree(body, "send one JSON object");
    if (!root.isObject()) {
      throw new InvalidBodyException(
          "the body must be a JSON object", List.of(Violation.of(null, "must be a JSON object")));
    }
    return root;
  }

  /**
   * The JSON tree of {@code body}.
   *
   * @throws InvalidBodyException when the body is empty or not JSON
   */
  public JsonNode tree(String body, String hint) {
    if (body == null || body.isBlank()) {
      throw new InvalidBodyException("the body is empty", List.of(Violation.of(null, hint)));
    }
    try {
      return reader.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidBodyException(
          "the body is not valid JSON", List.of(Violation.of(null, JsonErrors.describe(e))));
    }
  }

  /**
   * {@code node} bound to {@code type}, with what Bean Validation finds wrong added to {@code
   * violations} under {@code index}; null when it does not bind at all. For items a caller finds
   * inside a larger document, and for callers that check further before refusing: a value with
   * violations must not be used.
   */
  public <T> T bind(int index, JsonNode node, Class<T> type, List<Violation> violations) {
    if (node == null || !node.isObject()) {
      violations.add(new Violation(index, null, "must be a JSON object"));
      return null;
    }
    T value;
    try {
      value = reader.treeToValue(node, type);
    } catch (JsonMappingException e) {
      violations.add(new Violation(index, path(e), expected(e)));
      return null;
    } catch (JsonProcessingException e) {
      violations.add(new Violation(index, null, JsonErrors.describe(e)));
      return null;
    }
    violations.addAll(check(index, value));
    return value;
  }

  private <T> T bindValid(int index, JsonNode node, Class<T> type, List<Violation> violations) {
    int before = violations.size();
    T value = bind(index, node, type, violations);
    return violations.size() == before ? value : null;
  }

  private static Violation violation(int index, ConstraintViolation<?> v) {
    // a container element's node reads "emails[2].<list element>"; callers know it as emails[2]
    String path = v.getPropertyPath().toString().replaceAll("\\.?<[a-z ]+>", "");
    return new Violation(index, path.isEmpty() ? null : path, v.getMessage());
  }

  /** The field Jackson stopped at, as {@code a.b[2].c}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? null : path.toString();
  }

  /** What the field should have held, from its type alone: the sent value is never echoed. */
  private static String expected(JsonMappingException e) {
    Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (type == null) {
      return "has the wrong type";
    }
    if (type.isEnum()) {
      return "must be one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type == OffsetDateTime.class) {
      return "must be an ISO-8601 date-time with an offset, e.g. 2026-03-02T09:00:00+01:00";
    }
    if (type == LocalDate.class) {
      return "must be a date YYYY-MM-DD";
    }
    if (type == LocalTime.class) {
      return "must be a time HH:mm";
    }
    if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
      return "must be a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == String.class) {
      return "must be a string";
    }
    if (Collection.class.isAssignableFrom(type) || ArrayNode.class.isAssignableFrom(type)) {
      return "must be an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "must be a JSON object";
    }
    return "has the wrong type";
  }

  /** A date or time read from ISO-8601 text and nothing else. */
  private static final class IsoText<T> extends StdScalarDeserializer<T> {

    private final transient Function<String, T> parse;

    IsoText(Class<T> type, Function<String, T> parse) {
      super(type);
      this.parse = parse;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (T) ctxt.handleUnexpectedToken(handledType(), p);
      }
      String text = p.getText().trim();
      try {
        return parse.apply(text);
      } catch (DateTimeException e) {
        return (T) ctxt.handleWeirdStringValue(handledType(), text, "not ISO-8601");
      }
    }
  }

  /**
   * A body's items in order, null where an item is bad, and what is wrong with them.
   *
   * @param items one entry per item of the request
   * @param violations every problem found, each with its item's index (-1 for a single object)
   * @param single whether the body was one object rather than an array
   */
  public record Batch<T>(List<T> items, List<Violation> violations, boolean single) {

    /** The index a violation of item {@code i} carries: -1 for a single object. */
    public int index(int i) {
      return single ? -1 : i;
    }
  }
}
