package org.wellbeing.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What the deployment files must agree with, read from the services themselves: their HTTP ports
 * and Kafka channels (application.properties), the topic names (the contract's Topics class) and
 * the configuration names their {@code @ConfigMapping} interfaces accept.
 */
final class Services {

  /** A service, its database and its database role. */
  record Service(String name, String database, String role) {

    Properties properties() {
      return applicationProperties(name);
    }

    int port() {
      return Integer.parseInt(properties().getProperty("quarkus.http.port"));
    }

    /** Topics of the service's incoming channels. */
    Set<String> consumedTopics() {
      return channelValues("incoming", "topic");
    }

    /** Topics of the service's outgoing channels (the outbox's default topic among them). */
    Set<String> producedTopics() {
      return channelValues("outgoing", "topic");
    }

    Set<String> consumerGroups() {
      return channelValues("incoming", "group.id");
    }

    private Set<String> channelValues(String direction, String attribute) {
      Pattern key =
          Pattern.compile(
              "mp\\.messaging\\." + direction + "\\.[^.]+\\." + Pattern.quote(attribute));
      Set<String> values = new TreeSet<>();
      properties()
          .forEach(
              (k, v) -> {
                if (key.matcher(k.toString()).matches()) {
                  values.add(v.toString().trim());
                }
              });
      return values;
    }

    /** Whether {@code env} names a configuration property of this service. */
    boolean accepts(String env) {
      return QUARKUS_ENV.contains(env)
          || KAFKA_CLIENT_ENV.matcher(env).matches() && kafkaClientProperty(env)
          || configMappingEnv(name).stream().anyMatch(p -> p.matcher(env).matches());
    }
  }

  static final Service INGEST = new Service("ingest-service", "wellbeing_ingest", "ingest_service");
  static final Service MODEL = new Service("model-service", "wellbeing_model", "model_service");
  static final Service ALERT = new Service("alert-service", "wellbeing_alert", "alert_service");
  static final List<Service> ALL = List.of(INGEST, MODEL, ALERT);

  /** The Quarkus settings the deployments set; their properties are Quarkus' own. */
  static final Set<String> QUARKUS_ENV =
      Set.of(
          "QUARKUS_HTTP_PORT",
          "QUARKUS_DATASOURCE_JDBC_URL",
          "QUARKUS_DATASOURCE_USERNAME",
          "QUARKUS_DATASOURCE_PASSWORD",
          "QUARKUS_OIDC_AUTH_SERVER_URL",
          "QUARKUS_OIDC_TOKEN_AUDIENCE",
          "QUARKUS_OIDC_TOKEN_ISSUER");

  /** Read by the images' entrypoint (deploy/docker), not by the application. */
  static final String JAVA_OPTS = "JAVA_OPTS";

  private static final Pattern KAFKA_CLIENT_ENV = Pattern.compile("KAFKA_[A-Z0-9_]+");

  private Services() {}

  static Service named(String name) {
    return ALL.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no service " + name));
  }

  static Properties applicationProperties(String service) {
    Properties properties = new Properties();
    try {
      properties.load(
          new StringReader(Repo.read(service + "/src/main/resources/application.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  /**
   * {@code KAFKA_SASL_JAAS_CONFIG} is {@code kafka.sasl.jaas.config}, which SmallRye Kafka hands to
   * every channel: it must be a property both Kafka producers and consumers know.
   */
  static boolean kafkaClientProperty(String env) {
    String property = env.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
    return ProducerConfig.configNames().contains(property)
        && ConsumerConfig.configNames().contains(property);
  }

  /** The topic names of the contract's Topics class (not its key prefix or suffix). */
  static Set<String> contractTopics() {
    String source = Repo.read("contract/src/main/java/org/wellbeing/contract/Topics.java");
    Matcher m =
        Pattern.compile("static final String \\w+ = \"([a-z][a-z0-9-]*)\";").matcher(source);
    Set<String> topics = new TreeSet<>();
    while (m.find()) {
      topics.add(m.group(1));
    }
    return topics;
  }

  /** The dead-letter suffix of the contract's Topics class. */
  static String deadLetterSuffix() {
    String source = Repo.read("contract/src/main/java/org/wellbeing/contract/Topics.java");
    Matcher m = Pattern.compile("DLQ_SUFFIX = \"([^\"]+)\"").matcher(source);
    if (!m.find()) {
      throw new AssertionError("Topics.java declares no DLQ_SUFFIX");
    }
    return m.group(1);
  }

  /** Every topic the code names: the contract's and those of every channel of every service. */
  static Set<String> allTopics() {
    Set<String> topics = new TreeSet<>(contractTopics());
    for (Service service : ALL) {
      topics.addAll(service.consumedTopics());
      topics.addAll(service.producedTopics());
    }
    return topics;
  }

  // ------------------------------------------------------------------ @ConfigMapping names

  private static final Pattern MAPPING =
      Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
  private static final Pattern INTERFACE = Pattern.compile("\\binterface (\\w+)\\b[^{]*\\{");
  private static final Pattern METHOD =
      Pattern.compile("^\\s*([\\w.]+(?:<[\\w.,\\s<>?]+>)?)\\s+(\\w+)\\(\\);", Pattern.MULTILINE);

  /**
   * The environment variables the {@code @ConfigMapping} interfaces of the service and of
   * service-common accept, as patterns: {@code model.min-group-size} is {@code
   * MODEL_MIN_GROUP_SIZE}, a {@code Map} key is any name.
   */
  static List<Pattern> configMappingEnv(String service) {
    List<Pattern> patterns = new ArrayList<>();
    Stream.concat(
            Repo.javaSources(service + "/src/main/java").stream(),
            Repo.javaSources("service-common/src/main/java").stream())
        .map(Repo::read)
        .filter(source -> MAPPING.matcher(source).find())
        .forEach(
            source -> {
              Matcher prefix = MAPPING.matcher(source);
              prefix.find();
              Map<String, String> bodies = interfaceBodies(source);
              String root = bodies.keySet().iterator().next();
              for (String property : properties(prefix.group(1), root, bodies)) {
                patterns.add(Pattern.compile(toEnvPattern(property)));
              }
            });
    return patterns;
  }

  /** The body of each interface in a source file, outermost first, nested bodies cut out. */
  private static Map<String, String> interfaceBodies(String source) {
    Map<String, String> bodies = new LinkedHashMap<>();
    Matcher m = INTERFACE.matcher(source);
    while (m.find()) {
      int start = m.end();
      int depth = 1;
      StringBuilder own = new StringBuilder();
      for (int i = start; i < source.length() && depth > 0; i++) {
        char c = source.charAt(i);
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        } else if (depth == 1) {
          own.append(c);
        }
      }
      bodies.put(m.group(1), own.toString());
    }
    return bodies;
  }

  private static List<String> properties(
      String prefix, String interfaceName, Map<String, String> bodies) {
    List<String> properties = new ArrayList<>();
    Matcher m = METHOD.matcher(bodies.get(interfaceName));
    while (m.find()) {
      String type = m.group(1);
      String name = prefix + "." + kebab(m.group(2));
      Matcher map = Pattern.compile("Map<\\s*String\\s*,\\s*([\\w.]+)\\s*>").matcher(type);
      if (map.matches()) {
        String value = simpleName(map.group(1));
        if (bodies.containsKey(value)) {
          properties.addAll(properties(name + ".*", value, bodies));
        } else {
          properties.add(name + ".*");
        }
      } else if (bodies.containsKey(simpleName(type))) {
        properties.addAll(properties(name, simpleName(type), bodies));
      } else {
        properties.add(name);
      }
    }
    return properties;
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static String kebab(String method) {
    return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static String toEnvPattern(String property) {
    StringBuilder pattern = new StringBuilder();
    for (String part : property.split("\\.")) {
      if (!pattern.isEmpty()) {
        pattern.append('_');
      }
      pattern.append(
          part.equals("*")
              ? "[A-Z0-9_]+"
              : Pattern.quote(part.toUpperCase(Locale.ROOT).replace('-', '_')));
    }
    return pattern.toString();
  }
}
