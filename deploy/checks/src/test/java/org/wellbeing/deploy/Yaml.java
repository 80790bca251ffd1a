package org.wellbeing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML and JSON as Jackson trees. */
final class Yaml {

  static final YAMLMapper YAML = new YAMLMapper();
  static final ObjectMapper JSON = new ObjectMapper();

  private Yaml() {}

  /** Every document of a (multi-document) YAML text, empty documents left out. */
  static List<JsonNode> documents(String text) {
    try {
      List<JsonNode> documents = new ArrayList<>();
      for (JsonNode document :
          YAML.readValues(YAML.getFactory().createParser(text), JsonNode.class).readAll()) {
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    List<JsonNode> documents = documents(Repo.read(file));
    if (documents.size() != 1) {
      throw new AssertionError(Repo.relative(file) + " holds " + documents.size() + " documents");
    }
    return documents.get(0);
  }

  /**
   * A YAML file read with SnakeYAML itself, which resolves anchors and merge keys ({@code <<:}) as
   * Docker Compose does; Jackson's YAML parser keeps {@code <<} as a plain key.
   */
  static JsonNode readResolvingMergeKeys(Path file) {
    Object loaded =
        new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(Repo.read(file));
    return JSON.valueToTree(loaded);
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError(Repo.relative(file) + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  static String write(JsonNode tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** The text of a field, or "" when it is missing. */
  static String text(JsonNode node, String... path) {
    JsonNode current = node;
    for (String field : path) {
      current = current.path(field);
    }
    return current.isValueNode() ? current.asText() : "";
  }
}
