package org.wellbeing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics dashboards and rules may read: those of the catalogue
 * (src/test/resources/metrics.txt: the services' own meters, checked against their code, and the
 * Kafka client, JVM and HTTP meters Quarkus registers) and the series the recording rules record.
 */
final class Metrics {

  /** One catalogue line: where the meter is registered, its kind and its registered name. */
  record Meter(String owner, String kind, String name) {

    /** The names Micrometer's Prometheus registry exports for this meter. */
    List<String> exported() {
      String base = name.replace('.', '_');
      return switch (kind) {
        case "counter" -> List.of(base + "_total");
        case "gauge", "external" -> List.of(base);
        case "timer" ->
            List.of(
                base + "_seconds_count",
                base + "_seconds_sum",
                base + "_seconds_max",
                base + "_seconds_bucket");
        default -> throw new AssertionError("unknown meter kind " + kind + " of " + name);
      };
    }

    /** Whether the services' code registers it (not the JVM, Kafka client or Prometheus). */
    boolean application() {
      return !kind.equals("external");
    }
  }

  static final Path RULES = Repo.path("deploy/prometheus/rules");

  private Metrics() {}

  static List<Meter> catalogue() {
    try (InputStream in = Metrics.class.getResourceAsStream("/metrics.txt")) {
      List<Meter> meters = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] parts = trimmed.split("\\s+");
        meters.add(new Meter(parts[0], parts[1], parts[2]));
      }
      return meters;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every rule of every rule file of deploy/prometheus/rules. */
  static List<JsonNode> rules() {
    List<JsonNode> rules = new ArrayList<>();
    for (Path file : Repo.files("deploy/prometheus/rules", ".yml")) {
      for (JsonNode group : Yaml.read(file).path("groups")) {
        group.path("rules").forEach(rules::add);
      }
    }
    return rules;
  }

  static Set<String> recorded() {
    Set<String> names = new TreeSet<>();
    for (JsonNode rule : rules()) {
      if (rule.has("record")) {
        names.add(rule.path("record").asText());
      }
    }
    return names;
  }

  /** Every name a dashboard or a rule may read. */
  static Set<String> known() {
    Set<String> names = new TreeSet<>(recorded());
    catalogue().forEach(m -> names.addAll(m.exported()));
    return names;
  }
}
