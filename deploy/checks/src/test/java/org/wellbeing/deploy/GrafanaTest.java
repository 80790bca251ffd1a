package org.wellbeing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/grafana: the dashboards and their provisioning. */
class GrafanaTest {

  private static final Set<String> GRAFANA_VARIABLES =
      Set.of("__rate_interval", "__interval", "__range", "__range_s", "__interval_ms");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");

  @Test
  void dashboardsAreTheOrganisationTeamAndPipelineViews() {
    assertThat(dashboards().keySet())
        .containsExactlyInAnyOrder(
            "organisation-overview.json", "team-drill-down.json", "pipeline-health.json");
    Set<String> uids = new HashSet<>();
    dashboards()
        .forEach(
            (file, dashboard) -> {
              assertThat(Yaml.text(dashboard, "title")).as(file).isNotBlank();
              assertThat(uids.add(Yaml.text(dashboard, "uid")))
                  .as("unique uid of " + file)
                  .isTrue();
              assertThat(dashboard.path("schemaVersion").asInt()).as(file).isPositive();
              assertThat(dashboard.path("id").isMissingNode() || dashboard.path("id").isNull())
                  .as("%s: provisioned dashboards carry no database id", file)
                  .isTrue();
            });
  }

  @Test
  void everyPanelQueriesPrometheusThroughTheDatasourceVariable() {
    dashboards()
        .forEach(
            (file, dashboard) -> {
              assertThat(variables(dashboard)).as(file).containsKey("datasource");
              JsonNode datasource = variables(dashboard).get("datasource");
              assertThat(Yaml.text(datasource, "type")).isEqualTo("datasource");
              assertThat(Yaml.text(datasource, "query")).isEqualTo("prometheus");
              for (JsonNode panel : panels(dashboard)) {
                String where = file + " panel \"" + Yaml.text(panel, "title") + "\"";
                assertThat(Yaml.text(panel, "datasource", "type"))
                    .as(where)
                    .isEqualTo("prometheus");
                assertThat(Yaml.text(panel, "datasource", "uid"))
                    .as(where)
                    .isEqualTo("${datasource}");
                assertThat(panel.path("targets")).as(where + " targets").isNotEmpty();
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.path("targets")) {
                  assertThat(Yaml.text(target, "expr")).as(where).isNotBlank();
                  assertThat(refIds.add(Yaml.text(target, "refId"))).as(where + " refId").isTrue();
                  assertThat(Yaml.text(target, "datasource", "uid"))
                      .as(where)
                      .isEqualTo("${datasource}");
                }
              }
            });
  }

  @Test
  void everyExpressionReadsMetricsTheServicesExportOrRulesRecord() {
    Set<String> known = Metrics.known();
    expressions()
        .forEach(
            (where, expr) ->
                assertThat(PromQl.metricNames(expr))
                    .as("%s: %s (see deploy/checks/src/test/resources/metrics.txt)", where, expr)
                    .isNotEmpty()
                    .isSubsetOf(known));
  }

  @Test
  void everyExpressionUsesOnlyDefinedVariables() {
    expressions()
        .forEach(
            (where, expr) -> {
              String dashboard = where.substring(0, where.indexOf(' '));
              Set<String> defined = new TreeSet<>(GRAFANA_VARIABLES);
              defined.addAll(variables(dashboards().get(dashboard)).keySet());
              Matcher m = VARIABLE.matcher(expr);
              while (m.find()) {
                assertThat(m.group(1)).as(where).isIn(defined);
              }
            });
  }

  @Test
  void everyExpressionIsValidPromQl() throws IOException {
    // promtool parses expressions as it checks recording rules; variables become sample values
    ObjectNode file = Yaml.object();
    ArrayNode rules =
        file.putArray("groups").addObject().put("name", "dashboards").putArray("rules");
    Map<String, String> records = new LinkedHashMap<>();
    expressions()
        .forEach(
            (where, expr) -> {
              String record = "dashboard_expression_" + records.size();
              records.put(record, where);
              rules.addObject().put("record", record).put("expr", substituteVariables(expr));
            });
    Path rulesFile = Files.createTempFile("dashboard-expressions", ".yml");
    try {
      Files.writeString(rulesFile, Yaml.write(file));
      Tools.Result result =
          Tools.run(List.of(Tools.promtool().toString(), "check", "rules", rulesFile.toString()));
      String output = result.output();
      for (Map.Entry<String, String> record : records.entrySet()) {
        output = output.replace(record.getKey() + "\"", record.getValue() + "\"");
      }
      assertThat(result.exitCode()).as(output).isZero();
    } finally {
      Files.deleteIfExists(rulesFile);
    }
  }

  @Test
  void teamVariableListsTeamsFromARecordedSeries() {
    JsonNode team = variables(dashboards().get("team-drill-down.json")).get("team");
    assertThat(team).as("the team drill-down's team variable").isNotNull();
    assertThat(Yaml.text(team, "datasource", "uid")).isEqualTo("${datasource}");
    Matcher m =
        Pattern.compile("label_values\\((\\S+?),\\s*team\\)")
            .matcher(Yaml.text(team, "query", "query"));
    assertThat(m.matches()).as(team.toString()).isTrue();
    assertThat(Metrics.known()).contains(m.group(1));
  }

  @Test
  void dashboardsNeverShowAPerson() {
    expressions()
        .forEach(
            (where, expr) ->
                assertThat(expr)
                    .as(where)
                    .doesNotContainIgnoringCase("person")
                    .doesNotContain("subject"));
  }

  @Test
  void provisioningLoadsTheDashboardsComposeMounts() {
    JsonNode provider =
        Yaml.read(Repo.path("deploy/grafana/provisioning/dashboards/wellbeing.yml"))
            .path("providers")
            .path(0);
    String path = Yaml.text(provider, "options", "path");
    JsonNode grafana =
        Yaml.readResolvingMergeKeys(Repo.path("deploy/compose/compose.yaml"))
            .path("services")
            .path("grafana");
    List<String> volumes = new ArrayList<>();
    grafana.path("volumes").forEach(v -> volumes.add(v.asText()));
    assertThat(volumes)
        .contains("../grafana/dashboards:" + path + ":ro")
        .contains("../grafana/provisioning:/etc/grafana/provisioning:ro");

    JsonNode datasource =
        Yaml.read(Repo.path("deploy/grafana/provisioning/datasources/prometheus.yml"))
            .path("datasources")
            .path(0);
    assertThat(Yaml.text(datasource, "type")).isEqualTo("prometheus");
    assertThat(Yaml.text(datasource, "url")).isEqualTo("http://prometheus:9090");
  }

  @Test
  void kubernetesCarriesEveryDashboardAsASidecarConfigMap() {
    Set<String> shipped = new TreeSet<>();
    for (JsonNode configMap : Manifests.render("overlays/prod").ofKind("ConfigMap")) {
      if (Yaml.text(configMap, "metadata", "labels", "grafana_dashboard").equals("1")) {
        configMap.path("data").fieldNames().forEachRemaining(shipped::add);
        configMap.path("data").forEach(json -> assertThat(json.asText()).startsWith("{"));
      }
    }
    assertThat(shipped).isEqualTo(dashboards().keySet());
  }

  // ------------------------------------------------------------------------------------------

  private static Map<String, JsonNode> dashboards() {
    Map<String, JsonNode> dashboards = new java.util.TreeMap<>();
    for (Path file : Repo.files("deploy/grafana/dashboards", ".json")) {
      dashboards.put(file.getFileName().toString(), Yaml.readJson(file));
    }
    return dashboards;
  }

  /** The panels that show data: rows and text panels left out, collapsed rows opened. */
  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if (Yaml.text(panel, "type").equals("row")) {
        panel.path("panels").forEach(panels::add);
      } else {
        panels.add(panel);
      }
    }
    return panels.stream().filter(p -> !Yaml.text(p, "type").equals("text")).toList();
  }

  private static Map<String, JsonNode> variables(JsonNode dashboard) {
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    dashboard.path("templating").path("list").forEach(v -> variables.put(Yaml.text(v, "name"), v));
    return variables;
  }

  /** Every query of every dashboard, keyed by where it is: "file panel/refId". */
  private static Map<String, String> expressions() {
    Map<String, String> expressions = new LinkedHashMap<>();
    dashboards()
        .forEach(
            (file, dashboard) -> {
              for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                  expressions.put(
                      file + " " + Yaml.text(panel, "title") + "/" + Yaml.text(target, "refId"),
                      Yaml.text(target, "expr"));
                }
              }
              variables(dashboard)
                  .forEach(
                      (name, variable) -> {
                        Matcher m =
                            Pattern.compile("label_values\\((.+),\\s*\\w+\\)")
                                .matcher(Yaml.text(variable, "query", "query"));
                        if (m.matches()) {
                          expressions.put(file + " variable " + name, m.group(1));
                        }
                      });
            });
    assertThat(expressions).isNotEmpty();
    return expressions;
  }

  private static String substituteVariables(String expr) {
    return expr.replace("$__rate_interval", "5m")
        .replace("$__interval", "1m")
        .replace("$__range", "1h")
        .replaceAll("\\$\\{\\w+}", "x")
        .replaceAll("\\$\\w+", "x");
  }
}
