package org.wellbeing.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} from Maven Central) in dev mode on a free
 * loopback port, with one realm imported from a file. Keycloak 26 needs Java 21 or newer: {@link
 * #findJava()} says where one is.
 */
public final class Keycloak implements AutoCloseable {

  /** The public client with direct access grants that the realm file defines. */
  public static final String CLIENT = "wellbeing-cli";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

  private final Process process;
  private final String issuer;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String value, Instant expires) {}

  private Keycloak(Process process, String issuer) {
    this.process = process;
    this.issuer = issuer;
  }

  /**
   * Copies the unpacked distribution to {@code home} (Keycloak keeps its data there), imports
   * {@code realmFile} and waits until the realm answers.
   *
   * @param realm the realm the file defines
   */
  public static Keycloak start(Path distribution, Path realmFile, String realm, Path home, Path log)
      throws IOException, InterruptedException {
    Path java =
        findJava()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Keycloak 26 needs a JDK 21 or newer: set KEYCLOAK_JAVA_HOME, or install"
                            + " one under /usr/lib/jvm"));
    if (!Files.exists(distribution.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(distribution + " is not an unpacked Keycloak distribution");
    }
    deleteRecursively(home);
    Files.createDirectories(home.getParent());
    run(List.of("cp", "-a", distribution.toString(), home.toString()));
    Path imports = Files.createDirectories(home.resolve("data/import"));
    Files.copy(realmFile, imports.resolve(realmFile.getFileName()));
    int port = FreePorts.next();
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash",
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--import-realm")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("JAVA_HOME", java.toString());
    builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    Process process = builder.start();
    Keycloak keycloak =
        new Keycloak(process, "http://127.0.0.1:%d/realms/%s".formatted(port, realm));
    keycloak.awaitReady(log);
    return keycloak;
  }

  /** {@code KEYCLOAK_JAVA_HOME}, else the newest JDK 21+ under {@code /usr/lib/jvm}. */
  public static Optional<Path> findJava() {
    String configured = System.getenv("KEYCLOAK_JAVA_HOME");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .filter(home -> majorVersion(home) >= 21)
          .max(Comparator.comparingInt(Keycloak::majorVersion));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int majorVersion(Path home) {
    try {
      Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** The issuer URL, as the services' {@code quarkus.oidc.auth-server-url}. */
  public String issuer() {
    return issuer;
  }

  /**
   * {@code Authorization} header value for {@code user} (password = user name, as in the realm
   * file), renewed a minute before it expires.
   */
  public String bearer(String user) {
    return "Bearer " + token(user, user);
  }

  /** An access token by the password grant, cached until a minute before it expires. */
  public String token(String user, String password) {
    Token cached = tokens.get(user);
    if (cached != null && Instant.now().isBefore(cached.expires())) {
      return cached.value();
    }
    String form =
        "grant_type=password&client_id=%s&username=%s&password=%s"
            .formatted(CLIENT, encode(user), encode(password));
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Keycloak refused a token for %s: %d %s"
                .formatted(user, response.statusCode(), response.body()));
      }
      JsonNode body = JSON.readTree(response.body());
      Token token =
          new Token(
              body.get("access_token").asText(),
              Instant.now().plusSeconds(Math.max(0, body.get("expires_in").asLong() - 60)));
      tokens.put(user, token);
      return token.value();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady(Path log) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    URI wellKnown = URI.create(issuer + "/.well-known/openid-configuration");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited; see " + log);
      }
      try {
        int status =
            HTTP.send(
                    HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException("Keycloak did not start within 3 minutes; see " + log);
  }

  @Override
  public void close() {
    // kc.sh runs Keycloak's JVM as a child: stop it, not only the script
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
