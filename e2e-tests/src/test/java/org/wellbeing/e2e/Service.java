package org.wellbeing.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wellbeing.testing.FreePorts;
import org.wellbeing.testing.KafkaBroker;
import org.wellbeing.testing.Keycloak;
import org.wellbeing.testing.Postgres;

/** One packaged service (its quarkus-run.jar) running as a child process on a random port. */
final class Service implements AutoCloseable {

  private static final String WEBHOOK_KEY = newKey();

  private static String newKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Map<String, String> properties;
  private final Path log;
  private final int port = FreePorts.next();
  private Process process;

  Service(String name, Map<String, String> properties, Path logDir) {
    this(name, properties, logDir, name + ".log");
  }

  private Service(String name, Map<String, String> properties, Path logDir, String logFile) {
    this.name = name;
    this.properties = properties;
    this.log = logDir.resolve(logFile);
  }

  /** Another instance of this service, same settings, its own port and log (not started). */
  Service replica(String suffix) {
    return new Service(name, properties, log.getParent(), name + "-" + suffix + ".log");
  }

  /**
   * What every service of a test stack is started with: the broker, its database, the identity
   * provider, short polls.
   */
  static Map<String, String> properties(
      KafkaBroker kafka, Postgres postgres, Keycloak keycloak, String database) {
    Map<String, String> properties = new java.util.HashMap<>();
    properties.put("quarkus.oidc.auth-server-url", keycloak.issuer());
    properties.put("quarkus.oidc.token.audience", "wellbeing");
    // a key for this run only, as ALERTS_NOTIFICATIONS_SECRET_KEY would be in production
    properties.put("alerts.notifications.secret-key", WEBHOOK_KEY);
    properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
    properties.put("quarkus.datasource.username", Postgres.USER);
    properties.put("quarkus.datasource.password", Postgres.PASSWORD);
    properties.put("wellbeing.outbox.poll-interval", "250ms");
    // a killed instance's partitions go to its successor after 6 s, the broker's least, not
    // Kafka's default 45 s: the fault tests kill services and would otherwise wait that long for
    // every restart to get its partitions back
    properties.put("kafka.session.timeout.ms", "6000");
    properties.put("kafka.heartbeat.interval.ms", "1000");
    // the tests' webhook receivers listen on loopback, which production refuses
    properties.put("wellbeing.outbound.allow-loopback", "true");
    return properties;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  Service start() throws IOException {
    Path root = Path.of(System.getProperty("wellbeing.root", ".."));
    Path jar = root.resolve(name + "/target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: package the services first");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Dquarkus.http.port=" + port);
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(jar.toString());
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return this;
  }

  void awaitReady() {
    await("%s ready (log: %s)".formatted(name, log))
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
              }
              return status("/q/health/ready", Duration.ofSeconds(2)) == 200;
            });
  }

  /**
   * The status of {@code /q/health/ready}: 200 ready, 503 not, 0 unreachable. Patient, since a
   * check of an unreachable database waits for its connection timeout.
   */
  int readiness() {
    return status("/q/health/ready", Duration.ofSeconds(20));
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** The sum of a counter's series in {@code /q/metrics}, 0 when it has none yet. */
  double metric(String name) throws IOException, InterruptedException {
    String text =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(url() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private int status(String path, Duration timeout) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url() + path)).timeout(timeout).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Kills the process as a crash would (SIGKILL): nothing is flushed, nothing shut down. */
  void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }

  /** Stops the process as an orchestrator would (SIGTERM), then waits for it to exit. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /**
   * Stops all of them as {@link #stop()} does, at once: each takes several seconds to leave its
   * consumer groups, and one after another would add those up.
   */
  static void stopAll(Service... services) throws InterruptedException {
    for (Service s : services) {
      if (s != null && s.process != null && s.process.isAlive()) {
        s.process.destroy();
      }
    }
    for (Service s : services) {
      if (s != null) {
        s.stop();
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
