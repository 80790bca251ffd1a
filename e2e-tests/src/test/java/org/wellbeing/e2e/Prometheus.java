package org.wellbeing.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.wellbeing.testing.FreePorts;

/** A real Prometheus server (the Debian package's binary) on loopback, scraping given targets. */
final class Prometheus implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final String url;

  private Prometheus(Process process, int port) {
    this.process = process;
    this.url = "http://127.0.0.1:" + port;
  }

  /**
   * Starts Prometheus with {@code rules} (a glob) and one job per entry of {@code jobs} (job name
   * to host:port), scraping /q/metrics every second.
   */
  static Prometheus start(Path dir, String rules, Map<String, String> jobs) throws IOException {
    String binary = System.getenv().getOrDefault("PROMETHEUS", "prometheus");
    if (!onPath(binary)) {
      throw new IllegalStateException(
          "prometheus is not installed: apt-get install -y --no-install-recommends prometheus");
    }
    Files.createDirectories(dir);
    StringBuilder config =
        new StringBuilder(
            """
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - '%s'
            scrape_configs:
            """
                .formatted(rules));
    jobs.forEach(
        (job, target) ->
            config.append(
                """
                  - job_name: %s
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ['%s']
                """
                    .formatted(job, target)));
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, config.toString());
    int port = FreePorts.next();
    Process process =
        new ProcessBuilder(
                binary,
                "--config.file=" + file,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    Prometheus prometheus = new Prometheus(process, port);
    await("Prometheus ready").atMost(Duration.ofSeconds(60)).until(prometheus::ready);
    return prometheus;
  }

  private boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException("prometheus exited; see its log under target/");
    }
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The answer of an instant query: {@code status}, {@code data} or {@code error}. */
  JsonNode query(String expression) throws IOException, InterruptedException {
    String body =
        HTTP.send(
                HttpRequest.newBuilder(
                        URI.create(
                            url
                                + "/api/v1/query?query="
                                + URLEncoder.encode(expression, StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return JSON.readTree(body);
  }

  private static boolean onPath(String binary) {
    if (binary.contains("/")) {
      return new File(binary).canExecute();
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, binary).canExecute()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
