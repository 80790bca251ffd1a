package org.wellbeing.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sample values out of a {@code /q/metrics} body in the Prometheus text format. */
public final class PrometheusText {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private PrometheusText() {}

  /**
   * The value of the first sample named {@code name} whose labels include all of {@code labels}
   * (given as name, value, name, value, …).
   */
  public static Optional<Double> value(String body, String name, String... labels) {
    return samples(body, name, labels).stream().findFirst();
  }

  /** The sum of all samples named {@code name} whose labels include all of {@code labels}. */
  public static double sum(String body, String name, String... labels) {
    return samples(body, name, labels).stream().mapToDouble(Double::doubleValue).sum();
  }

  private static List<Double> samples(String body, String name, String... labels) {
    Map<String, String> wanted = new HashMap<>();
    for (int i = 0; i + 1 < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    List<Double> result = new ArrayList<>();
    for (String line : body.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.find() || !sample.group(1).equals(name)) {
        continue;
      }
      Map<String, String> actual = new HashMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          actual.put(label.group(1), label.group(2));
        }
      }
      if (actual.entrySet().containsAll(wanted.entrySet())) {
        result.add(Double.parseDouble(sample.group(3)));
      }
    }
    return result;
  }
}
