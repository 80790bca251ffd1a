package org.wellbeing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.wellbeing.deploy.Services.Service;

/** deploy/prometheus: configuration, recording and alerting rules, and their unit tests. */
class PrometheusTest {

  @Test
  void composeAndLocalConfigurationsPassPromtoolCheckConfig() {
    for (String config :
        List.of("deploy/prometheus/prometheus.yml", "deploy/prometheus/local/prometheus.yml")) {
      Tools.succeed(
          List.of(Tools.promtool().toString(), "check", "config", Repo.path(config).toString()));
    }
  }

  @Test
  void ruleFilesPassPromtoolCheckRules() {
    List<String> command = new ArrayList<>(List.of(Tools.promtool().toString(), "check", "rules"));
    Repo.files("deploy/prometheus/rules", ".yml").forEach(f -> command.add(f.toString()));
    assertThat(command).hasSizeGreaterThan(3);
    Tools.succeed(command);
  }

  @Test
  void ruleUnitTestsPassPromtoolTestRules() {
    List<String> command = new ArrayList<>(List.of(Tools.promtool().toString(), "test", "rules"));
    Repo.files("deploy/prometheus/tests", ".yml").forEach(f -> command.add(f.toString()));
    assertThat(command).hasSizeGreaterThan(3);
    Tools.Result result = Tools.succeed(command);
    assertThat(result.output()).doesNotContain("FAILED");
  }

  @Test
  void everyAlertHasAUnitTest() {
    Set<String> tested = new TreeSet<>();
    for (Path file : Repo.files("deploy/prometheus/tests", ".yml")) {
      for (JsonNode test : Yaml.read(file).path("tests")) {
        test.path("alert_rule_test").forEach(t -> tested.add(t.path("alertname").asText()));
      }
    }
    assertThat(tested).containsAll(alerts().keySet());
  }

  @Test
  void everyAlertSaysHowBadWhatAndWhy() {
    alerts()
        .forEach(
            (name, rule) -> {
              assertThat(Yaml.text(rule, "labels", "severity"))
                  .as("%s severity", name)
                  .isIn("critical", "warning", "info");
              assertThat(Yaml.text(rule, "labels", "category"))
                  .as("%s category", name)
                  .isIn("pipeline", "organisation");
              assertThat(Yaml.text(rule, "annotations", "summary")).as(name).isNotBlank();
              assertThat(Yaml.text(rule, "annotations", "description")).as(name).isNotBlank();
            });
  }

  @Test
  void rulesReadOnlyMetricsTheServicesExportOrRulesRecord() {
    Set<String> known = Metrics.known();
    for (JsonNode rule : Metrics.rules()) {
      String expr = rule.path("expr").asText();
      assertThat(PromQl.metricNames(expr))
          .as("metrics of %s (see deploy/checks/src/test/resources/metrics.txt)", ruleName(rule))
          .isNotEmpty()
          .isSubsetOf(known);
    }
  }

  @Test
  void rulesNeverKeepAPersonAsLabel() {
    for (JsonNode rule : Metrics.rules()) {
      assertThat(rule.path("expr").asText())
          .as("per-person figures must never become series: %s", ruleName(rule))
          .doesNotContainIgnoringCase("person")
          .doesNotContain("subject");
    }
  }

  @Test
  void scrapeJobsAreTheThreeServicesOnTheirPorts() {
    JsonNode compose = Yaml.read(Repo.path("deploy/prometheus/prometheus.yml"));
    JsonNode local = Yaml.read(Repo.path("deploy/prometheus/local/prometheus.yml"));
    for (Service service : Services.ALL) {
      assertThat(target(compose, service.name())).isEqualTo(service.name() + ":" + service.port());
      assertThat(target(local, service.name())).isEqualTo("127.0.0.1:" + service.port());
    }
  }

  @Test
  void alertsNameTheJobsTheScrapeConfigurationsAndServiceMonitorsUse() {
    for (JsonNode rule : Metrics.rules()) {
      String expr = rule.path("expr").asText();
      if (expr.contains("job=")) {
        for (Service service : Services.ALL) {
          assertThat(expr).as(ruleName(rule)).contains(service.name());
        }
      }
    }
    Manifests base = Manifests.render("base");
    for (Service service : Services.ALL) {
      // the Prometheus Operator names the job after the Service the ServiceMonitor selects
      assertThat(base.find("ServiceMonitor", service.name())).isPresent();
      assertThat(base.find("Service", service.name())).isPresent();
    }
  }

  @Test
  void kubernetesPrometheusRuleCarriesExactlyTheTestedRuleFiles() {
    List<JsonNode> fromFiles = new ArrayList<>();
    for (Path file : Repo.files("deploy/prometheus/rules", ".yml")) {
      Yaml.read(file).path("groups").forEach(fromFiles::add);
    }
    for (String overlay : List.of("overlays/dev", "overlays/prod")) {
      List<JsonNode> prometheusRules = Manifests.render(overlay).ofKind("PrometheusRule");
      assertThat(prometheusRules).hasSize(1);
      List<JsonNode> inKubernetes = new ArrayList<>();
      prometheusRules.get(0).path("spec").path("groups").forEach(inKubernetes::add);
      assertThat(byName(inKubernetes))
          .as(
              "deploy/kubernetes/base/monitoring/prometheus-rules.yaml must carry the groups of"
                  + " deploy/prometheus/rules/*.yml unchanged")
          .isEqualTo(byName(fromFiles));
    }
  }

  private static Map<String, JsonNode> byName(List<JsonNode> groups) {
    Map<String, JsonNode> byName = new TreeMap<>();
    groups.forEach(g -> byName.put(g.path("name").asText(), g));
    return byName;
  }

  private static Map<String, JsonNode> alerts() {
    Map<String, JsonNode> alerts = new TreeMap<>();
    for (JsonNode rule : Metrics.rules()) {
      if (rule.has("alert")) {
        alerts.put(rule.path("alert").asText(), rule);
      }
    }
    assertThat(alerts).isNotEmpty();
    return alerts;
  }

  private static String ruleName(JsonNode rule) {
    return rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
  }

  private static String target(JsonNode config, String job) {
    for (JsonNode scrape : config.path("scrape_configs")) {
      if (scrape.path("job_name").asText().equals(job)) {
        assertThat(scrape.path("metrics_path").asText()).as(job).isEqualTo("/q/metrics");
        JsonNode targets = scrape.path("static_configs").path(0).path("targets");
        assertThat(targets).as(job).hasSize(1);
        return targets.path(0).asText();
      }
    }
    throw new AssertionError("no scrape job " + job);
  }
}
