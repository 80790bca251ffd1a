package org.wellbeing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wellbeing.contract.Topics;
import org.wellbeing.deploy.Services.Service;

/**
 * The overlays of deploy/kubernetes, rendered with kustomize as {@code kubectl apply -k} would,
 * checked for what an operator would otherwise find out in production.
 */
class KubernetesTest {

  private static final String DEV = "overlays/dev";
  private static final String PROD = "overlays/prod";

  /**
   * What each service may do on Kafka, and nothing more: "topic:work-events:Write" and so on.
   * {@link #kafkaUsersMayDoExactlyWhatTheirServiceDoes} also derives the reads and writes from the
   * services' channels.
   */
  private static final Map<String, Set<String>> ACLS =
      Map.of(
          "ingest-service",
          Set.of(
              "topic:work-events:Describe",
              "topic:work-events:Write",
              "topic:org-directory:Describe",
              "topic:org-directory:Read",
              "group:ingest-service:Read",
              "topic:org-directory-dlq:Describe",
              "topic:org-directory-dlq:Write",
              "topic:person-erasures:Describe",
              "topic:person-erasures:Read",
              "topic:person-erasures-dlq:Describe",
              "topic:person-erasures-dlq:Write",
              "topic:erasure-reports:Describe",
              "topic:erasure-reports:Write"),
          "model-service",
          Set.of(
              "topic:work-events:Describe",
              "topic:work-events:Read",
              "group:model-service:Read",
              "topic:work-events-dlq:Describe",
              "topic:work-events-dlq:Write",
              "topic:wellbeing-metrics:Describe",
              "topic:wellbeing-metrics:Write",
              "topic:team-metrics:Describe",
              "topic:team-metrics:Write",
              "topic:org-directory:Describe",
              "topic:org-directory:Write",
              "topic:access-log:Describe",
              "topic:access-log:Read",
              "topic:access-log-dlq:Describe",
              "topic:access-log-dlq:Write",
              "topic:person-erasures:Describe",
              "topic:person-erasures:Write",
              "topic:erasure-reports:Describe",
              "topic:erasure-reports:Read",
              "topic:erasure-reports-dlq:Describe",
              "topic:erasure-reports-dlq:Write"),
          "alert-service",
          Set.of(
              "topic:wellbeing-metrics:Describe",
              "topic:wellbeing-metrics:Read",
              "topic:org-directory:Describe",
              "topic:org-directory:Read",
              "group:alert-service:Read",
              "topic:overwork-alerts:Describe",
              "topic:overwork-alerts:Write",
              "topic:access-log:Describe",
              "topic:access-log:Write",
              "topic:wellbeing-metrics-dlq:Describe",
              "topic:wellbeing-metrics-dlq:Write",
              "topic:org-directory-dlq:Describe",
              "topic:org-directory-dlq:Write",
              "topic:person-erasures:Describe",
              "topic:person-erasures:Read",
              "topic:person-erasures-dlq:Describe",
              "topic:person-erasures-dlq:Write",
              "topic:erasure-reports:Describe",
              "topic:erasure-reports:Write"));

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void overlayRendersThePipelineIntoItsNamespace(String overlay) {
    Manifests m = Manifests.render(overlay);
    assertThat(m.ofKind("Namespace")).hasSize(1);
    String namespace = Manifests.name(m.ofKind("Namespace").get(0));
    assertThat(m.ofKind("Kafka")).hasSize(1);
    assertThat(m.ofKind("KafkaNodePool")).isNotEmpty();
    assertThat(m.ofKind("PrometheusRule")).hasSize(1);
    for (Service service : Services.ALL) {
      for (String kind :
          List.of("Deployment", "Service", "PodDisruptionBudget", "ServiceMonitor", "KafkaUser")) {
        assertThat(m.find(kind, service.name())).as(kind + " " + service.name()).isPresent();
      }
    }
    for (JsonNode object : m.objects()) {
      String what = object.path("kind").asText() + " " + Manifests.name(object);
      if (!object.path("kind").asText().equals("Namespace")) {
        assertThat(Yaml.text(object, "metadata", "namespace")).as(what).isEqualTo(namespace);
      }
      assertThat(Yaml.text(object, "metadata", "labels", "app.kubernetes.io/part-of"))
          .as(what)
          .isEqualTo("wellbeing-pipeline");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void servicesProbeQuarkusHealthOnTheirConfiguredPort(String overlay) {
    Manifests m = Manifests.render(overlay);
    for (Service service : Services.ALL) {
      JsonNode container = m.serviceContainer(service.name());
      String where = overlay + " " + service.name();
      assertThat(container.path("ports"))
          .as(where + " ports")
          .anySatisfy(
              p -> {
                assertThat(Yaml.text(p, "name")).isEqualTo("http");
                assertThat(p.path("containerPort").asInt()).isEqualTo(service.port());
              });
      assertThat(m.environment(container))
          .as(where)
          .containsEntry("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
      assertProbe(container, "readinessProbe", "/q/health/ready", where);
      assertProbe(container, "livenessProbe", "/q/health/live", where);
      assertProbe(container, "startupProbe", "/q/health/started", where);

      JsonNode k8sService = m.get("Service", service.name());
      assertThat(k8sService.path("spec").path("ports"))
          .as(where + " Service")
          .anySatisfy(
              p -> {
                assertThat(Yaml.text(p, "name")).isEqualTo("http");
                assertThat(Yaml.text(p, "targetPort")).isEqualTo("http");
              });
      assertSelects(k8sService.path("spec").path("selector"), m.get("Deployment", service.name()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void everyContainerHasResourceRequestsAndLimits(String overlay) {
    Manifests m = Manifests.render(overlay);
    for (JsonNode workload : m.workloads()) {
      for (JsonNode container : Manifests.containers(workload)) {
        String where =
            overlay + " " + Manifests.name(workload) + "/" + Yaml.text(container, "name");
        JsonNode resources = container.path("resources");
        for (String bound : List.of("requests", "limits")) {
          for (String resource : List.of("cpu", "memory")) {
            assertThat(Yaml.text(resources, bound, resource))
                .as(where + " " + bound + "." + resource)
                .isNotBlank();
          }
        }
        assertThat(bytes(Yaml.text(resources, "requests", "memory")))
            .as(where + ": the memory request is what the scheduler reserves")
            .isEqualTo(bytes(Yaml.text(resources, "limits", "memory")));
      }
    }
    for (JsonNode pool : m.ofKind("KafkaNodePool")) {
      assertThat(Yaml.text(pool, "spec", "resources", "limits", "memory")).isNotBlank();
    }
    for (JsonNode cluster : m.ofKind("Cluster")) {
      assertThat(Yaml.text(cluster, "spec", "resources", "limits", "memory")).isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void javaHeapIsAShareOfTheMemoryLimit(String overlay) {
    Manifests m = Manifests.render(overlay);
    for (Service service : Services.ALL) {
      JsonNode container = m.serviceContainer(service.name());
      String javaOpts = m.environment(container).getOrDefault(Services.JAVA_OPTS, "");
      Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(javaOpts);
      assertThat(percentage.find()).as(service.name() + " JAVA_OPTS: " + javaOpts).isTrue();
      assertThat(javaOpts).as("a fixed -Xmx ignores the limit").doesNotContain("-Xmx");
      int share = Integer.parseInt(percentage.group(1));
      assertThat(share).as("heap share leaving room for metaspace and threads").isBetween(50, 80);
      long limit = bytes(Yaml.text(container, "resources", "limits", "memory"));
      assertThat(limit * share / 100)
          .as(service.name() + " heap")
          .isGreaterThanOrEqualTo(256L << 20);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void imagesArePinnedReleases(String overlay) {
    Manifests m = Manifests.render(overlay);
    List<String> images = new ArrayList<>();
    m.workloads()
        .forEach(w -> Manifests.containers(w).forEach(c -> images.add(Yaml.text(c, "image"))));
    m.ofKind("Cluster").forEach(c -> images.add(Yaml.text(c, "spec", "imageName")));
    assertThat(images).isNotEmpty();
    for (String image : images) {
      String last = image.substring(image.lastIndexOf('/') + 1);
      assertThat(last)
          .as(image + " names a tag or digest")
          .matches(".+(:[\\w.-]+|@sha256:[0-9a-f]{64})");
      assertThat(last).as(image).doesNotEndWith(":latest");
    }
    Set<String> tags = new TreeSet<>();
    for (Service service : Services.ALL) {
      String image = Yaml.text(m.serviceContainer(service.name()), "image");
      assertThat(image).matches("ghcr\\.io/wellbeing/" + service.name() + ":\\d+\\.\\d+\\.\\d+");
      tags.add(image.substring(image.indexOf(':') + 1));
    }
    assertThat(tags).as("one release of the three services").hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void podsRunAsNonRootOnAReadOnlyRootFilesystem(String overlay) {
    Manifests m = Manifests.render(overlay);
    for (JsonNode workload : m.workloads()) {
      String name = Manifests.name(workload);
      JsonNode pod = workload.path("spec").path("template").path("spec");
      assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
      assertThat(Yaml.text(pod, "securityContext", "seccompProfile", "type"))
          .as(name)
          .isEqualTo("RuntimeDefault");
      assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
          .as(name + " needs no Kubernetes API token")
          .isFalse();
      for (JsonNode container : Manifests.containers(workload)) {
        JsonNode security = container.path("securityContext");
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
        assertThat(security.path("capabilities").path("drop").toString())
            .as(name)
            .contains("\"ALL\"");
        assertThat(mountedEmptyDir(pod, container, "/tmp")).as(name + " writes /tmp").isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void configurationComesOnlyFromConfigMapsAndSecrets(String overlay) {
    Manifests m = Manifests.render(overlay);
    Set<String> external = operatorSecrets(m);
    if (overlay.equals(PROD)) {
      external.addAll(clusterSecrets());
    }
    for (JsonNode workload : m.workloads()) {
      for (JsonNode container : Manifests.containers(workload)) {
        String where = overlay + " " + Manifests.name(workload);
        for (JsonNode var : container.path("env")) {
          assertThat(var.has("value"))
              .as(where + " " + var.path("name").asText() + " belongs in a ConfigMap")
              .isFalse();
        }
        // resolves every ConfigMap reference, failing on a missing map or key
        m.environment(container)
            .values()
            .forEach(
                value -> {
                  if (value.startsWith("secret:")) {
                    String secret = value.substring(7, value.indexOf('/'));
                    assertThat(m.find("Secret", secret).isPresent() || external.contains(secret))
                        .as(where + " reads Secret " + secret + ", which nothing creates")
                        .isTrue();
                  }
                });
      }
      for (JsonNode volume : workload.path("spec").path("template").path("spec").path("volumes")) {
        if (volume.has("secret")) {
          String secret = Yaml.text(volume, "secret", "secretName");
          assertThat(m.find("Secret", secret).isPresent() || external.contains(secret))
              .as(Manifests.name(workload) + " mounts Secret " + secret)
              .isTrue();
        }
        if (volume.has("configMap")) {
          m.get("ConfigMap", Yaml.text(volume, "configMap", "name"));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void environmentNamesAreTheServicesConfigurationNames(String overlay) {
    Manifests m = Manifests.render(overlay);
    for (Service service : Services.ALL) {
      Map<String, String> env = m.environment(m.serviceContainer(service.name()));
      for (String name : env.keySet()) {
        assertThat(name.equals(Services.JAVA_OPTS) || service.accepts(name))
            .as(
                "%s sets %s, which no @ConfigMapping of %s, no Quarkus setting in use and no Kafka"
                    + " client property takes",
                overlay, name, service.name())
            .isTrue();
      }
      assertThat(env)
          .as(service.name())
          .containsKeys(
              "KAFKA_BOOTSTRAP_SERVERS",
              "QUARKUS_DATASOURCE_JDBC_URL",
              "QUARKUS_DATASOURCE_USERNAME",
              "QUARKUS_DATASOURCE_PASSWORD",
              "QUARKUS_HTTP_PORT")
          // Strimzi owns the topics; the service must not try (it has no Create ACL either)
          .containsEntry("WELLBEING_TOPICS_CREATE", "false");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void eachServiceLogsIntoItsOwnDatabase(String overlay) {
    Manifests m = Manifests.render(overlay);
    for (Service service : Services.ALL) {
      Map<String, String> env = m.environment(m.serviceContainer(service.name()));
      Matcher url =
          Pattern.compile("jdbc:postgresql://([\\w.-]+):5432/(\\w+)(\\?.*)?")
              .matcher(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
      assertThat(url.matches()).as(env.get("QUARKUS_DATASOURCE_JDBC_URL")).isTrue();
      assertThat(url.group(2)).isEqualTo(service.database());
      String host = url.group(1);
      String userSecret = secretName(env.get("QUARKUS_DATASOURCE_USERNAME"));
      assertThat(secretName(env.get("QUARKUS_DATASOURCE_PASSWORD"))).isEqualTo(userSecret);
      assertThat(userSecret).startsWith(service.name() + "-db");

      if (overlay.equals(DEV)) {
        JsonNode database = m.get("Service", host);
        assertSelects(database.path("spec").path("selector"), m.get("StatefulSet", "postgres"));
        assertThat(decoded(m.get("Secret", userSecret), "username")).isEqualTo(service.role());
        String init = initScript(m);
        assertThat(init)
            .as("the init script creates the role and database")
            .contains("create_database " + service.role() + " " + service.database() + " ");
      } else {
        assertThat(host).endsWith("-rw");
        JsonNode cluster = m.get("Cluster", host.substring(0, host.length() - 3));
        assertThat(cnpgDatabases(m, cluster)).containsEntry(service.database(), service.role());
        assertThat(cnpgRoleSecrets(cluster)).containsEntry(service.role(), userSecret);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void kafkaTopicsAreExactlyTheTopicsTheCodeNames(String overlay) {
    Manifests m = Manifests.render(overlay);
    String kafka = Manifests.name(m.ofKind("Kafka").get(0));
    Set<String> topics = new TreeSet<>();
    for (JsonNode topic : m.ofKind("KafkaTopic")) {
      topics.add(topicName(topic));
      assertThat(Yaml.text(topic, "metadata", "labels", "strimzi.io/cluster"))
          .as(topicName(topic))
          .isEqualTo(kafka);
    }
    assertThat(topics).isEqualTo(Services.allTopics());
    for (Service service : Services.ALL) {
      for (String consumed : service.consumedTopics()) {
        assertThat(topics)
            .as("every consumed topic has its dead-letter topic")
            .contains(consumed + Services.deadLetterSuffix());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void everyTopicKeepsItsRecordsAsTheContractsPolicySays(String overlay) {
    for (JsonNode topic : Manifests.render(overlay).ofKind("KafkaTopic")) {
      String name = topicName(topic);
      Topics.Policy policy = Topics.policy(name);
      JsonNode config = topic.path("spec").path("config");
      if (policy.compacted()) {
        assertThat(Yaml.text(config, "cleanup.policy")).as(name).isEqualTo("compact");
      } else {
        assertThat(Yaml.text(config, "cleanup.policy")).as(name).isEqualTo("delete");
        assertThat(config.path("retention.ms").asLong())
            .as(name + " retention")
            .isEqualTo(policy.retention().toMillis());
      }
      assertThat(topic.path("spec").path("partitions").asInt()).as(name).isPositive();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void replicationFitsTheBrokersAndSurvivesLosingOne(String overlay) {
    Manifests m = Manifests.render(overlay);
    int brokers = 0;
    for (JsonNode pool : m.ofKind("KafkaNodePool")) {
      if (pool.path("spec").path("roles").toString().contains("\"broker\"")) {
        brokers += pool.path("spec").path("replicas").asInt();
      }
    }
    assertThat(brokers).isEqualTo(overlay.equals(PROD) ? 3 : 1);
    JsonNode config = m.ofKind("Kafka").get(0).path("spec").path("kafka").path("config");
    for (String key :
        List.of(
            "default.replication.factor",
            "offsets.topic.replication.factor",
            "transaction.state.log.replication.factor")) {
      assertThat(config.path(key).asInt()).as(key).isBetween(1, brokers);
    }
    assertThat(config.path("auto.create.topics.enable").asText()).isEqualTo("false");
    for (JsonNode topic : m.ofKind("KafkaTopic")) {
      int replicas = topic.path("spec").path("replicas").asInt();
      int minIsr = topic.path("spec").path("config").path("min.insync.replicas").asInt(1);
      assertThat(replicas).as(topicName(topic)).isBetween(1, brokers);
      assertThat(minIsr)
          .as(topicName(topic) + ": acks=all writes go on with one replica lost")
          .isEqualTo(Math.max(1, replicas - 1));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void kafkaUsersMayDoExactlyWhatTheirServiceDoes(String overlay) {
    Manifests m = Manifests.render(overlay);
    JsonNode kafka = m.ofKind("Kafka").get(0);
    assertThat(Yaml.text(kafka, "spec", "kafka", "authorization", "type")).isEqualTo("simple");
    for (Service service : Services.ALL) {
      JsonNode user = m.get("KafkaUser", service.name());
      Set<String> acls = new TreeSet<>();
      for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
        JsonNode resource = acl.path("resource");
        assertThat(Yaml.text(resource, "patternType"))
            .as("no prefixes or wildcards")
            .isEqualTo("literal");
        assertThat(Yaml.text(acl, "host")).isIn("", "*");
        for (JsonNode operation : acl.path("operations")) {
          acls.add(
              Yaml.text(resource, "type")
                  + ":"
                  + Yaml.text(resource, "name")
                  + ":"
                  + operation.asText());
        }
      }
      assertThat(acls).as(service.name()).isEqualTo(ACLS.get(service.name()));
      for (String topic : service.consumedTopics()) {
        assertThat(acls).contains("topic:" + topic + ":Read");
      }
      for (String group : service.consumerGroups()) {
        assertThat(acls).contains("group:" + group + ":Read");
      }
      for (String topic : service.producedTopics()) {
        assertThat(acls).contains("topic:" + topic + ":Write");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void servicesConnectAsTheirKafkaUserOverTheTlsListener(String overlay) {
    Manifests m = Manifests.render(overlay);
    JsonNode kafka = m.ofKind("Kafka").get(0);
    String cluster = Manifests.name(kafka);
    JsonNode listener = kafka.path("spec").path("kafka").path("listeners").path(0);
    assertThat(kafka.path("spec").path("kafka").path("listeners")).hasSize(1);
    assertThat(listener.path("tls").asBoolean()).isTrue();
    assertThat(Yaml.text(listener, "authentication", "type")).isEqualTo("scram-sha-512");
    for (Service service : Services.ALL) {
      JsonNode container = m.serviceContainer(service.name());
      Map<String, String> env = m.environment(container);
      assertThat(Yaml.text(m.get("KafkaUser", service.name()), "spec", "authentication", "type"))
          .isEqualTo("scram-sha-512");
      assertThat(env)
          .containsEntry(
              "KAFKA_BOOTSTRAP_SERVERS",
              cluster + "-kafka-bootstrap:" + listener.path("port").asInt())
          .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
          .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
          .containsEntry("KAFKA_SASL_JAAS_CONFIG", "secret:" + service.name() + "/sasl.jaas.config")
          .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
      String truststore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
      JsonNode pod = m.get("Deployment", service.name()).path("spec").path("template").path("spec");
      assertThat(mountedSecret(pod, container, truststore))
          .as(service.name() + " mounts the cluster CA at " + truststore)
          .contains(cluster + "-cluster-ca-cert");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void modelServiceNeverOutnumbersThePartitionsOfWorkEvents(String overlay) {
    Manifests m = Manifests.render(overlay);
    int partitions = m.get("KafkaTopic", "work-events").path("spec").path("partitions").asInt();
    JsonNode model = m.get("Deployment", Services.MODEL.name());
    Optional<JsonNode> autoscaler = m.find("HorizontalPodAutoscaler", Services.MODEL.name());
    if (autoscaler.isPresent()) {
      assertThat(model.path("spec").has("replicas"))
          .as("the autoscaler owns the replicas; apply would reset them")
          .isFalse();
      assertThat(autoscaler.get().path("spec").path("maxReplicas").asInt())
          .isBetween(1, partitions);
      assertThat(Yaml.text(autoscaler.get(), "spec", "scaleTargetRef", "name"))
          .isEqualTo(Services.MODEL.name());
    } else {
      assertThat(model.path("spec").path("replicas").asInt(1)).isBetween(1, partitions);
    }
    // alert-service's webhook dispatcher is not coordinated across replicas
    JsonNode alert = m.get("Deployment", Services.ALERT.name());
    assertThat(alert.path("spec").path("replicas").asInt(1)).isEqualTo(1);
    assertThat(Yaml.text(alert, "spec", "strategy", "type")).isEqualTo("Recreate");
    assertThat(m.find("HorizontalPodAutoscaler", Services.ALERT.name())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void everyServiceHasADisruptionBudgetAndIsScrapedAtQMetrics(String overlay) {
    Manifests m = Manifests.render(overlay);
    for (Service service : Services.ALL) {
      JsonNode deployment = m.get("Deployment", service.name());
      JsonNode budget = m.get("PodDisruptionBudget", service.name());
      assertSelects(budget.path("spec").path("selector").path("matchLabels"), deployment);
      assertThat(
              budget.path("spec").has("maxUnavailable") || budget.path("spec").has("minAvailable"))
          .isTrue();

      JsonNode k8sService = m.get("Service", service.name());
      JsonNode monitor = m.get("ServiceMonitor", service.name());
      monitor
          .path("spec")
          .path("selector")
          .path("matchLabels")
          .fields()
          .forEachRemaining(
              e ->
                  assertThat(Yaml.text(k8sService, "metadata", "labels", e.getKey()))
                      .as(service.name() + " ServiceMonitor selects its Service")
                      .isEqualTo(e.getValue().asText()));
      JsonNode endpoint = monitor.path("spec").path("endpoints").path(0);
      assertThat(Yaml.text(endpoint, "path")).isEqualTo("/q/metrics");
      assertThat(k8sService.path("spec").path("ports"))
          .anySatisfy(p -> assertThat(Yaml.text(p, "name")).isEqualTo(Yaml.text(endpoint, "port")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DEV, PROD})
  void everyServiceChecksTokensOfOneIssuerAndOnlyTheIngressAndPrometheusReachIt(String overlay) {
    Manifests m = Manifests.render(overlay);
    for (Service service : Services.ALL) {
      Map<String, String> env = m.environment(m.serviceContainer(service.name()));
      assertThat(env.get("QUARKUS_OIDC_AUTH_SERVER_URL")).as(service.name()).startsWith("http");
      assertThat(env).as(service.name()).containsEntry("QUARKUS_OIDC_TOKEN_AUDIENCE", "wellbeing");
    }
    assertThat(m.environment(m.serviceContainer("alert-service")))
        .containsKey("ALERTS_NOTIFICATIONS_SECRET_KEY");
    JsonNode policy = m.get("NetworkPolicy", "wellbeing-services-ingress");
    assertThat(policy.path("spec").path("podSelector").toString())
        .contains("ingest-service", "model-service", "alert-service");
    assertThat(policy.path("spec").path("policyTypes").toString()).contains("Ingress");
    for (JsonNode rule : policy.path("spec").path("ingress")) {
      assertThat(rule.path("from").size()).as("no rule admits every source").isPositive();
      assertThat(rule.path("ports").size()).as("no rule admits every port").isPositive();
    }
  }

  @Test
  void prodTakesEveryCredentialFromSecretsCreatedInTheCluster() {
    Manifests prod = Manifests.render(PROD);
    assertThat(prod.ofKind("Secret")).as("no credential in the repository").isEmpty();
    String readme = Repo.read("deploy/README.md");
    for (String secret : clusterSecrets()) {
      assertThat(readme).as("deploy/README.md tells how to create " + secret).contains(secret);
    }
  }

  // ------------------------------------------------------------------------------------------

  private static void assertProbe(JsonNode container, String probe, String path, String where) {
    JsonNode http = container.path(probe).path("httpGet");
    assertThat(Yaml.text(http, "path")).as(where + " " + probe).isEqualTo(path);
    assertThat(Yaml.text(http, "port")).as(where + " " + probe).isEqualTo("http");
  }

  /** Whether the label selector matches the workload's pod labels. */
  private static void assertSelects(JsonNode selector, JsonNode workload) {
    assertThat(selector.size()).as("selector of " + Manifests.name(workload)).isPositive();
    JsonNode labels = workload.path("spec").path("template").path("metadata").path("labels");
    selector
        .fields()
        .forEachRemaining(
            e ->
                assertThat(Yaml.text(labels, e.getKey()))
                    .as("selects " + Manifests.name(workload))
                    .isEqualTo(e.getValue().asText()));
  }

  private static boolean mountedEmptyDir(JsonNode pod, JsonNode container, String path) {
    for (JsonNode mount : container.path("volumeMounts")) {
      if (Yaml.text(mount, "mountPath").equals(path)) {
        for (JsonNode volume : pod.path("volumes")) {
          if (Yaml.text(volume, "name").equals(Yaml.text(mount, "name"))) {
            return volume.has("emptyDir");
          }
        }
      }
    }
    return false;
  }

  /** The Secret mounted at a directory containing {@code file}, or "". */
  private static String mountedSecret(JsonNode pod, JsonNode container, String file) {
    for (JsonNode mount : container.path("volumeMounts")) {
      if (file.startsWith(Yaml.text(mount, "mountPath") + "/")) {
        for (JsonNode volume : pod.path("volumes")) {
          if (Yaml.text(volume, "name").equals(Yaml.text(mount, "name"))) {
            return Yaml.text(volume, "secret", "secretName");
          }
        }
      }
    }
    return "";
  }

  /** Secrets that Strimzi's operators write: one per KafkaUser and the cluster CA. */
  private static Set<String> operatorSecrets(Manifests m) {
    Set<String> secrets = new TreeSet<>();
    m.ofKind("KafkaUser").forEach(u -> secrets.add(Manifests.name(u)));
    m.ofKind("Kafka").forEach(k -> secrets.add(Manifests.name(k) + "-cluster-ca-cert"));
    return secrets;
  }

  /** The Secrets an operator creates by hand before applying the prod overlay. */
  private static Set<String> clusterSecrets() {
    Set<String> secrets = new TreeSet<>();
    for (Service service : Services.ALL) {
      secrets.add(service.name() + "-db");
    }
    secrets.add("alert-service-webhook-key");
    return secrets;
  }

  private static String secretName(String reference) {
    assertThat(reference).as("a Secret reference").startsWith("secret:");
    return reference.substring(7, reference.indexOf('/'));
  }

  private static String decoded(JsonNode secret, String key) {
    return new String(
        Base64.getDecoder().decode(Yaml.text(secret, "data", key)), StandardCharsets.UTF_8);
  }

  private static String initScript(Manifests m) {
    JsonNode postgres = m.get("StatefulSet", "postgres");
    for (JsonNode volume : postgres.path("spec").path("template").path("spec").path("volumes")) {
      if (volume.has("configMap")) {
        JsonNode data = m.get("ConfigMap", Yaml.text(volume, "configMap", "name")).path("data");
        StringBuilder scripts = new StringBuilder();
        data.fields().forEachRemaining(e -> scripts.append(e.getValue().asText()));
        if (scripts.toString().contains("create_database")) {
          return scripts.toString();
        }
      }
    }
    throw new AssertionError("the dev PostgreSQL mounts no init script");
  }

  /** database name to owner, from the Cluster's initdb and the Database resources. */
  private static Map<String, String> cnpgDatabases(Manifests m, JsonNode cluster) {
    Map<String, String> databases = new java.util.TreeMap<>();
    JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
    databases.put(Yaml.text(initdb, "database"), Yaml.text(initdb, "owner"));
    for (JsonNode database : m.ofKind("Database")) {
      if (Yaml.text(database, "spec", "cluster", "name").equals(Manifests.name(cluster))) {
        databases.put(Yaml.text(database, "spec", "name"), Yaml.text(database, "spec", "owner"));
      }
    }
    return databases;
  }

  /** role to the Secret holding its password, from initdb and the managed roles. */
  private static Map<String, String> cnpgRoleSecrets(JsonNode cluster) {
    Map<String, String> roles = new java.util.TreeMap<>();
    JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
    roles.put(Yaml.text(initdb, "owner"), Yaml.text(initdb, "secret", "name"));
    for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
      roles.put(Yaml.text(role, "name"), Yaml.text(role, "passwordSecret", "name"));
    }
    return roles;
  }

  private static String topicName(JsonNode topic) {
    String name = Yaml.text(topic, "spec", "topicName");
    return name.isEmpty() ? Manifests.name(topic) : name;
  }

  /** A Kubernetes quantity of memory in bytes: 512Mi, 1Gi, 2G. */
  static long bytes(String quantity) {
    Matcher q = Pattern.compile("(\\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?").matcher(quantity);
    assertThat(q.matches()).as("memory quantity " + quantity).isTrue();
    long value = Long.parseLong(q.group(1));
    String unit = q.group(2) == null ? "" : q.group(2);
    return switch (unit) {
      case "Ki" -> value << 10;
      case "Mi" -> value << 20;
      case "Gi" -> value << 30;
      case "Ti" -> value << 40;
      case "k" -> value * 1_000L;
      case "M" -> value * 1_000_000L;
      case "G" -> value * 1_000_000_000L;
      case "T" -> value * 1_000_000_000_000L;
      default -> value;
    };
  }
}
