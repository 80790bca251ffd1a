package org.wellbeing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The objects one kustomization renders to, as an operator's {@code kubectl apply -k} sends. */
record Manifests(String kustomization, List<JsonNode> objects) {

  private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

  /**
   * Renders {@code deploy/kubernetes/<dir>} with kustomize (the one in kubectl, 1.20 or newer, or a
   * standalone one; see {@link Tools#kustomize}), once per test run.
   */
  static Manifests render(String dir) {
    return RENDERED.computeIfAbsent(dir, Manifests::build);
  }

  private static Manifests build(String dir) {
    List<String> command = Tools.kustomize(Repo.path("deploy/kubernetes/" + dir));
    Tools.Result result = Tools.run(command);
    if (result.exitCode() != 0) {
      String hint =
          result.output().contains("unknown command")
              ? "\n" + command.get(0) + " has no kustomize command: it needs kubectl 1.14 or newer."
              : "";
      throw new AssertionError(
          String.join(" ", command)
              + " exited with "
              + result.exitCode()
              + ":\n"
              + result.output()
              + hint);
    }
    // stdout only: kustomize v5 warns on stderr about the fields kept for kustomize v2
    return new Manifests(dir, Yaml.documents(result.stdout()));
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  Optional<JsonNode> find(String kind, String name) {
    return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
  }

  JsonNode get(String kind, String name) {
    return find(kind, name)
        .orElseThrow(() -> new AssertionError(kustomization + " renders no " + kind + " " + name));
  }

  static String name(JsonNode object) {
    return object.path("metadata").path("name").asText();
  }

  /** Deployments and StatefulSets. */
  List<JsonNode> workloads() {
    List<JsonNode> workloads = new ArrayList<>(ofKind("Deployment"));
    workloads.addAll(ofKind("StatefulSet"));
    return workloads;
  }

  static List<JsonNode> containers(JsonNode workload) {
    List<JsonNode> containers = new ArrayList<>();
    workload.path("spec").path("template").path("spec").path("containers").forEach(containers::add);
    workload
        .path("spec")
        .path("template")
        .path("spec")
        .path("initContainers")
        .forEach(containers::add);
    return containers;
  }

  /** The one container of a service's Deployment. */
  JsonNode serviceContainer(String service) {
    List<JsonNode> containers = containers(get("Deployment", service));
    if (containers.size() != 1) {
      throw new AssertionError(service + " has " + containers.size() + " containers");
    }
    return containers.get(0);
  }

  /**
   * A container's environment as the kubelet builds it: ConfigMap entries resolved, Secret entries
   * as {@code secret:<name>/<key>}.
   */
  Map<String, String> environment(JsonNode container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode from : container.path("envFrom")) {
      if (from.has("configMapRef")) {
        String name = from.path("configMapRef").path("name").asText();
        get("ConfigMap", name)
            .path("data")
            .fields()
            .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
      } else if (from.has("secretRef")) {
        throw new AssertionError("envFrom a whole Secret hides which keys a container reads");
      }
    }
    for (JsonNode var : container.path("env")) {
      String name = var.path("name").asText();
      JsonNode valueFrom = var.path("valueFrom");
      if (var.has("value")) {
        env.put(name, var.path("value").asText());
      } else if (valueFrom.has("configMapKeyRef")) {
        JsonNode ref = valueFrom.path("configMapKeyRef");
        JsonNode value =
            get("ConfigMap", ref.path("name").asText()).path("data").path(ref.path("key").asText());
        if (value.isMissingNode()) {
          throw new AssertionError(name + " reads a key its ConfigMap lacks: " + ref);
        }
        env.put(name, value.asText());
      } else if (valueFrom.has("secretKeyRef")) {
        JsonNode ref = valueFrom.path("secretKeyRef");
        env.put(name, "secret:" + ref.path("name").asText() + "/" + ref.path("key").asText());
      } else {
        env.put(name, "field:" + valueFrom);
      }
    }
    return env;
  }
}
