package org.wellbeing.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The command-line tools the checks run, each taken from its system property or environment
 * variable ({@code -Dkubectl=...}, {@code KUBECTL=...}) before the PATH. A missing tool fails the
 * check with the package that provides it: these checks never skip silently.
 */
final class Tools {

  private static final String PROMTOOL_INSTALL =
      "Install promtool with `apt-get install -y --no-install-recommends prometheus` (Debian's"
          + " prometheus package provides it).";

  static final String PROMTOOL_MISSING =
      "promtool is not on the PATH, and neither PROMTOOL=/path/to/promtool nor -Dpromtool=... names"
          + " one. "
          + PROMTOOL_INSTALL;

  private static final String KUBECTL_INSTALL =
      "Install kubectl with `apt-get install -y kubernetes-client` (Debian's package: kubectl 1.20,"
          + " whose kustomize v2.0.3 renders these overlays), or use any newer kubectl, such as"
          + " the 1.32 of the java-maven machine image.";

  static final String KUBECTL_MISSING =
      "kubectl is not on the PATH, and neither KUBECTL=/path/to/kubectl nor -Dkubectl=... names"
          + " one (nor KUSTOMIZE or -Dkustomize a standalone kustomize). "
          + KUBECTL_INSTALL;

  private static final long TIMEOUT_SECONDS = 60;

  private Tools() {}

  /** A finished command: its exit code, standard output and standard error. */
  record Result(int exitCode, String stdout, String stderr) {

    String output() {
      return (stdout + "\n" + stderr).strip();
    }
  }

  /** {@code command} on the PATH. */
  static Optional<Path> find(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The tool a user chose for {@code command}: the system property of that name ({@code
   * -Dkubectl=/opt/k8s/kubectl}), else the environment variable of that name in capitals ({@code
   * KUBECTL=/opt/k8s/kubectl}). The value is a path (relative ones to the repository root) or a
   * command name looked up on the PATH. A value that names no executable fails, with {@code
   * install} telling where to get one: a typo must not quietly fall back to another tool.
   */
  static Optional<Path> configured(String command, String install) {
    String variable = command.toUpperCase(Locale.ROOT);
    String setting = "-D" + command;
    String value = System.getProperty(command);
    if (value == null || value.isBlank()) {
      setting = variable;
      value = System.getenv(variable);
    }
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Optional<Path> tool;
    if (value.contains("/") || value.contains(File.separator)) {
      Path candidate = Repo.ROOT.resolve(value).normalize();
      tool =
          Files.isRegularFile(candidate) && Files.isExecutable(candidate)
              ? Optional.of(candidate)
              : Optional.empty();
    } else {
      tool = find(value);
    }
    String chosen = setting + "=" + value;
    return Optional.of(
        tool.orElseThrow(
            () ->
                new AssertionError(
                    chosen
                        + " names no executable file; fix it, or unset it to use the PATH. "
                        + install)));
  }

  /** {@code command} on the PATH, else a failure. */
  static Path require(String command, String whenMissing) {
    return find(command).orElseThrow(() -> new AssertionError(whenMissing));
  }

  /** {@code command} as configured ({@link #configured}), else on the PATH, else a failure. */
  static Path tool(String command, String install, String whenMissing) {
    return configured(command, install)
        .or(() -> find(command))
        .orElseThrow(() -> new AssertionError(whenMissing));
  }

  /** promtool: {@code -Dpromtool=...}, {@code PROMTOOL=...} or the PATH. */
  static Path promtool() {
    return tool("promtool", PROMTOOL_INSTALL, PROMTOOL_MISSING);
  }

  /**
   * The command that renders a kustomization directory: a configured kubectl ({@code KUBECTL} or
   * {@code -Dkubectl}), a configured standalone kustomize ({@code KUSTOMIZE} or {@code
   * -Dkustomize}), then kustomize on the PATH, then kubectl on the PATH. Any kubectl from 1.14 on
   * has {@code kubectl kustomize}; the overlays use only what kustomize v2.0.3 (kubectl 1.20,
   * Debian's kubernetes-client) already reads and v5 still does.
   */
  static List<String> kustomize(Path dir) {
    Optional<Path> kubectl = configured("kubectl", KUBECTL_INSTALL);
    if (kubectl.isPresent()) {
      return List.of(kubectl.get().toString(), "kustomize", dir.toString());
    }
    Optional<List<String>> kustomize =
        configured("kustomize", KUBECTL_INSTALL)
            .or(() -> find("kustomize"))
            .map(k -> List.of(k.toString(), "build", dir.toString()));
    return kustomize.orElseGet(
        () -> List.of(require("kubectl", KUBECTL_MISSING).toString(), "kustomize", dir.toString()));
  }

  /** Runs {@code command} in the repository root and waits for it, at most a minute. */
  static Result run(List<String> command) {
    try {
      Path out = Files.createTempFile("deploy-check", ".out");
      Path err = Files.createTempFile("deploy-check", ".err");
      try {
        Process process =
            new ProcessBuilder(new ArrayList<>(command))
                .directory(Repo.ROOT.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(
              String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  /** Runs {@code command} and fails with its output unless it exits with 0. */
  static Result succeed(List<String> command) {
    Result result = run(command);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          String.join(" ", command)
              + " exited with "
              + result.exitCode()
              + ":\n"
              + result.output());
    }
    return result;
  }
}
