package org.wellbeing.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Measures how long model-service takes to backfill history: writes a year (or any number of days)
 * of realistic events for N people straight to {@code work-events}, day by day as a replay would,
 * then waits until model-service has processed every record.
 *
 * <p>Arguments: people, days, Kafka bootstrap servers, model-service URL.
 */
public final class BackfillBenchmark {

  private static final Pattern COUNTER =
      Pattern.compile(
          "^model_events_(applied|ignored)_total(?:\\{[^}]*})?\\s+(\\S+)", Pattern.MULTILINE);

  private BackfillBenchmark() {}

  public static void main(String[] args) throws Exception {
    int people = Integer.parseInt(args[0]);
    int days = Integer.parseInt(args[1]);
    String bootstrap = args.length > 2 ? args[2] : "127.0.0.1:9092";
    String model = args.length > 3 ? args[3] : "http://127.0.0.1:8082";
    String run = Long.toString(System.currentTimeMillis(), 36);

    double before = processed(model);
    long sent = 0;
    long started = System.nanoTime();
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            20,
            ProducerConfig.BATCH_SIZE_CONFIG,
            512 * 1024,
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            "lz4");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (ProducerRecord<String, String> record : Workdays.records("bench-" + run, people, days)) {
        producer.send(record);
        sent++;
      }
      producer.flush();
    }
    double producedSeconds = (System.nanoTime() - started) / 1e9;
    LocalInfra.log(
        "produced %d events for %d people over %d days in %.1f s",
        sent, people, days, producedSeconds);
    long lastReport = System.nanoTime();
    while (processed(model) - before < sent) {
      Thread.sleep(500);
      if (System.nanoTime() - lastReport > 30_000_000_000L) {
        lastReport = System.nanoTime();
        LocalInfra.log(
            "  %.0f of %d processed after %.0f s",
            processed(model) - before, sent, (System.nanoTime() - started) / 1e9);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    LocalInfra.log(
        "model-service processed %d events in %.1f s: %.0f events/s (%.1f µs per event)",
        sent, seconds, sent / seconds, seconds * 1e6 / sent);
  }

  private static double processed(String model) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(model + "/q/metrics"))
                    .header("Accept", "text/plain")
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher matcher = COUNTER.matcher(response.body());
    double total = 0;
    while (matcher.find()) {
      total += Double.parseDouble(matcher.group(2));
    }
    return total;
  }
}
