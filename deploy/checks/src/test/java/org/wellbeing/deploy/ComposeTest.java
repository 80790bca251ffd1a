package org.wellbeing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wellbeing.deploy.Services.Service;

/**
 * deploy/compose/compose.yaml, read as Docker Compose reads it (anchors and merge keys resolved).
 * There is no container engine where these checks run, so they check the file's structure and that
 * it agrees with the services, the Dockerfiles and the Prometheus and Grafana files.
 */
class ComposeTest {

  private static final Path DIR = Repo.path("deploy/compose");

  private static JsonNode compose() {
    return Yaml.readResolvingMergeKeys(DIR.resolve("compose.yaml"));
  }

  private static JsonNode service(String name) {
    JsonNode service = compose().path("services").path(name);
    assertThat(service.isObject()).as("compose service " + name).isTrue();
    return service;
  }

  @Test
  void composeRunsTheWholeStack() {
    Set<String> services = new TreeSet<>();
    compose().path("services").fieldNames().forEachRemaining(services::add);
    assertThat(services)
        .containsExactlyInAnyOrder(
            "kafka",
            "postgres",
            "ingest-service",
            "model-service",
            "alert-service",
            "keycloak",
            "prometheus",
            "grafana");
    assertThat(Yaml.text(service("postgres"), "image")).matches(".*postgres:15(\\.\\d+)?");
    assertThat(Yaml.text(service("kafka"), "image")).matches(".*apache/kafka:4\\.1\\.\\d+");
    assertThat(Yaml.text(service("kafka"), "environment", "KAFKA_PROCESS_ROLES"))
        .as("KRaft: no ZooKeeper")
        .isEqualTo("broker,controller");
  }

  @Test
  void imagesArePinnedReleases() {
    compose()
        .path("services")
        .fields()
        .forEachRemaining(
            e -> {
              String image = Yaml.text(e.getValue(), "image");
              assertThat(image).as(e.getKey()).matches(".+:[\\w.-]+").doesNotEndWith(":latest");
            });
  }

  @Test
  void servicesAreBuiltFromTheirDockerfilesAndTaggedAsInKubernetes() {
    Manifests prod = Manifests.render("overlays/prod");
    for (Service service : Services.ALL) {
      JsonNode build = service(service.name()).path("build");
      Path context = DIR.resolve(Yaml.text(build, "context")).normalize();
      assertThat(context).isEqualTo(Repo.ROOT);
      Path dockerfile = context.resolve(Yaml.text(build, "dockerfile"));
      assertThat(dockerfile)
          .isEqualTo(Repo.path("deploy/docker/" + service.name() + ".Dockerfile"));
      assertThat(dockerfile).isRegularFile();
      assertThat(Yaml.text(service(service.name()), "image"))
          .isEqualTo(Yaml.text(prod.serviceContainer(service.name()), "image"));
    }
  }

  @Test
  void serviceEnvironmentIsTheServicesConfiguration() {
    String advertised = Yaml.text(service("kafka"), "environment", "KAFKA_ADVERTISED_LISTENERS");
    for (Service service : Services.ALL) {
      Map<String, String> env = environment(service(service.name()));
      for (String name : env.keySet()) {
        assertThat(name.equals(Services.JAVA_OPTS) || service.accepts(name))
            .as("%s sets %s, which %s does not read", "compose", name, service.name())
            .isTrue();
      }
      assertThat(env.get("QUARKUS_HTTP_PORT")).isEqualTo(String.valueOf(service.port()));
      assertThat(advertised).contains("://" + env.get("KAFKA_BOOTSTRAP_SERVERS"));
      assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL"))
          .isEqualTo("jdbc:postgresql://postgres:5432/" + service.database());
      assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).isEqualTo(service.role());
      assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).startsWith("${").doesNotContain(":-");
      assertThat(env.get(Services.JAVA_OPTS)).contains("-XX:MaxRAMPercentage=");
      assertThat(Yaml.text(service(service.name()), "mem_limit")).isNotBlank();
      assertThat(service(service.name()).path("ports"))
          .extracting(JsonNode::asText)
          .containsExactly("127.0.0.1:" + service.port() + ":" + service.port());
    }
  }

  @Test
  void servicesStartOnceKafkaAndPostgresAreHealthy() {
    for (Service service : Services.ALL) {
      JsonNode dependsOn = service(service.name()).path("depends_on");
      for (String dependency : List.of("kafka", "postgres")) {
        assertThat(Yaml.text(dependsOn, dependency, "condition"))
            .as(service.name() + " waits for " + dependency)
            .isEqualTo("service_healthy");
        assertThat(service(dependency).path("healthcheck").path("test")).isNotEmpty();
      }
    }
  }

  @Test
  void servicesRunHardened() {
    for (Service service : Services.ALL) {
      JsonNode s = service(service.name());
      assertThat(s.path("read_only").asBoolean()).as(service.name()).isTrue();
      assertThat(s.path("tmpfs")).extracting(JsonNode::asText).contains("/tmp");
      assertThat(s.path("cap_drop")).extracting(JsonNode::asText).contains("ALL");
      assertThat(s.path("security_opt"))
          .extracting(JsonNode::asText)
          .contains("no-new-privileges:true");
    }
  }

  @Test
  void onlyLoopbackPortsArePublished() {
    compose()
        .path("services")
        .fields()
        .forEachRemaining(
            e ->
                e.getValue()
                    .path("ports")
                    .forEach(p -> assertThat(p.asText()).as(e.getKey()).startsWith("127.0.0.1:")));
    assertThat(service("kafka").has("ports")).as("Kafka stays inside the stack").isFalse();
    assertThat(service("postgres").has("ports")).as("PostgreSQL stays inside the stack").isFalse();
  }

  @Test
  void mountsPointAtFilesOfTheRepositoryOrDeclaredVolumes() {
    Set<String> volumes = new TreeSet<>();
    compose().path("volumes").fieldNames().forEachRemaining(volumes::add);
    compose()
        .path("services")
        .fields()
        .forEachRemaining(
            e ->
                e.getValue()
                    .path("volumes")
                    .forEach(
                        v -> {
                          String source = v.asText().split(":")[0];
                          if (source.startsWith(".")) {
                            assertThat(DIR.resolve(source).normalize())
                                .as(e.getKey() + " mounts " + source)
                                .exists();
                          } else {
                            assertThat(volumes)
                                .as(e.getKey() + " mounts " + source)
                                .contains(source);
                          }
                        }));
    // Prometheus reads deploy/prometheus as /etc/prometheus: its rule_files are relative to it
    assertThat(service("prometheus").path("volumes"))
        .extracting(JsonNode::asText)
        .contains("../prometheus:/etc/prometheus:ro");
    assertThat(service("prometheus").path("command"))
        .extracting(JsonNode::asText)
        .contains("--config.file=/etc/prometheus/prometheus.yml");
  }

  @Test
  void prometheusScrapesTheComposeServices() {
    JsonNode config = Yaml.read(Repo.path("deploy/prometheus/prometheus.yml"));
    Map<String, String> targets = new LinkedHashMap<>();
    for (JsonNode scrape : config.path("scrape_configs")) {
      targets.put(
          Yaml.text(scrape, "job_name"),
          scrape.path("static_configs").path(0).path("targets").path(0).asText());
    }
    for (Service service : Services.ALL) {
      String port = environment(service(service.name())).get("QUARKUS_HTTP_PORT");
      assertThat(targets).containsEntry(service.name(), service.name() + ":" + port);
    }
  }

  @Test
  void postgresInitialisesEachServicesDatabaseWithTheScriptKubernetesDevUses() {
    Path script = DIR.resolve("postgres/10-wellbeing-databases.sh");
    Path devScript = Repo.path("deploy/kubernetes/overlays/dev/postgres/10-wellbeing-databases.sh");
    assertThat(Repo.read(script))
        .as("one script for Compose and the dev overlay: keep the copies equal")
        .isEqualTo(Repo.read(devScript));
    assertThat(Files.isExecutable(script)).isTrue();
    Tools.succeed(
        List.of(Tools.require("bash", "bash is missing").toString(), "-n", script.toString()));

    Map<String, String> env = environment(service("postgres"));
    String text = Repo.read(script);
    for (Service service : Services.ALL) {
      Matcher call =
          Pattern.compile(
                  "create_database "
                      + service.role()
                      + " "
                      + service.database()
                      + " \"\\$\\{(\\w+):\\?}\"")
              .matcher(text);
      assertThat(call.find()).as("the script creates " + service.database()).isTrue();
      // the password the script sets is the one the service logs in with
      assertThat(env.get(call.group(1)))
          .isEqualTo(environment(service(service.name())).get("QUARKUS_DATASOURCE_PASSWORD"));
    }
    assertThat(service("postgres").path("volumes"))
        .extracting(JsonNode::asText)
        .contains(
            "./postgres/10-wellbeing-databases.sh:/docker-entrypoint-initdb.d/10-wellbeing-databases.sh:ro");
  }

  @Test
  void everyRequiredVariableIsListedInTheEnvironmentExample() {
    Set<String> required = new TreeSet<>();
    Matcher m = Pattern.compile("\\$\\{(\\w+):\\?").matcher(Repo.read(DIR.resolve("compose.yaml")));
    while (m.find()) {
      required.add(m.group(1));
    }
    List<String> example = new ArrayList<>();
    for (String line : Repo.read(DIR.resolve(".env.example")).split("\n")) {
      if (line.contains("=") && !line.startsWith("#")) {
        example.add(line.substring(0, line.indexOf('=')));
      }
    }
    assertThat(example).containsExactlyInAnyOrderElementsOf(required);
  }

  private static Map<String, String> environment(JsonNode service) {
    Map<String, String> env = new LinkedHashMap<>();
    service
        .path("environment")
        .fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    return env;
  }
}
