package org.wellbeing.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark of issue 13, in one run against the running local stack ({@code run.sh}): Kafka's
 * raw producer, ingest over HTTP, model-service on a shuffled and an in-order backlog (events/s,
 * CPU seconds of model-service and of PostgreSQL, published figures per event), alert-service's
 * cost per figure with a month and with a year of history, POST-to-alert latency idle and at half
 * load, and each service's resident memory. It writes {@code BENCHMARKS.md} with the machine, the
 * date, every figure and the targets.
 *
 * <p>Arguments: the data directory of the stack, the repository root, then optional {@code
 * people=…}, {@code days=…}, {@code samples=…}, {@code history=…} to scale it down; {@code
 * latency=R} measures only the latency, at a load of R events/s (0: half the live feed's sustained
 * rate), and writes no report.
 */
public final class Bench {

  private static final Pattern COUNTER =
      Pattern.compile(
          "^model_events_(applied|ignored)_total(?:\\{[^}]*})?\\s+(\\S+)", Pattern.MULTILINE);
  private static final ObjectMapper JSON = new ObjectMapper();
  // held here: a logger nobody references loses its level
  private static final java.util.logging.Logger KAFKA_LOG =
      java.util.logging.Logger.getLogger("org.apache.kafka");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final long CLOCK_TICKS = 100; // USER_HZ on Linux
  private static final String METRICS = "wellbeing-metrics";
  private static final String EVENTS = "work-events";

  private final Path data;
  private final Path root;
  private final String bootstrap = "127.0.0.1:" + env("WELLBEING_KAFKA_PORT", "9092");
  private final String ingest = "http://127.0.0.1:" + env("INGEST_PORT", "8081");
  private final String model = "http://127.0.0.1:" + env("MODEL_PORT", "8082");
  private final String alert = "http://127.0.0.1:" + env("ALERT_PORT", "8083");
  private final String issuer =
      "http://127.0.0.1:" + env("WELLBEING_KEYCLOAK_PORT", "8180") + "/realms/wellbeing";
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final Map<String, String> figures = new LinkedHashMap<>();
  private final Admin admin;

  private Bench(Path data, Path root) {
    this.data = data;
    this.root = root;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  public static void main(String[] args) throws Exception {
    // the clients' own INFO lines would bury the figures
    KAFKA_LOG.setLevel(java.util.logging.Level.WARNING);
    Map<String, Integer> options = new LinkedHashMap<>();
    options.put("people", 1000);
    options.put("days", 60);
    options.put("samples", 60);
    options.put("history", 100);
    for (int i = 2; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      options.put(kv[0], Integer.parseInt(kv[1]));
    }
    Bench bench = new Bench(Path.of(args[0]), Path.of(args[1]));
    try {
      bench.all(options);
    } finally {
      bench.admin.close();
    }
  }

  private void all(Map<String, Integer> options) throws Exception {
    if (options.containsKey("latency")) {
      // latency alone, for tuning, with no report: at a background load given in events/s, or
      // (latency=0) at half the live feed's sustained rate measured first
      latency("idle", options.get("samples"), 0);
      double load = options.get("latency");
      if (load <= 0) {
        Live live = live(60);
        load = live.events() / live.seconds() / 2;
      }
      latency("half load", options.get("samples"), load);
      return;
    }
    if (options.containsKey("ingest")) {
      // ingest over HTTP alone, for tuning, with no report
      ingestThroughput(200_000, 100, 16);
      return;
    }
    if (options.containsKey("backlogs")) {
      // model-service's two backlogs alone, for tuning, with no report
      awaitModelIdle();
      backlog("shuffled", options.get("people"), options.get("days"), true);
      backlog("in order", options.get("people"), options.get("days"), false);
      return;
    }
    if (options.containsKey("alerts")) {
      // alert-service's month and year alone, for tuning, with no report
      alertHistory("warm-up", Math.max(10, options.get("history") / 4), 120);
      alertHistory("month", options.get("history"), 30);
      alertHistory("year", options.get("history"), 365);
      return;
    }
    Instant started = Instant.now();
    double raw = rawProducer(300_000);
    Ingest ingest = ingestThroughput(200_000, 100, 16);
    double ingestRate = ingest.rate();
    awaitModelIdle();
    Backlog shuffled = backlog("shuffled", options.get("people"), options.get("days"), true);
    Backlog ordered = backlog("in order", options.get("people"), options.get("days"), false);
    // both ways of judging (a whole history, the weeks around a change) run once before either
    // is measured, so neither measure pays for the other's warm-up
    alertHistory("warm-up", Math.max(10, options.get("history") / 4), 120);
    double[] month = alertHistory("month", options.get("history"), 30);
    double[] year = alertHistory("year", options.get("history"), 365);
    Histogram idle = latency("idle", options.get("samples"), 0);
    Live live = live(60);
    Histogram loaded =
        latency("half load", options.get("samples"), live.events() / live.seconds() / 2);
    Map<String, long[]> memory = memory();
    write(started, raw, ingest, shuffled, ordered, month, year, idle, live, loaded, memory);
  }

  // --- Kafka's own producer ------------------------------------------------------------------

  private double rawProducer(int records) throws Exception {
    String topic = "bench-raw-" + run;
    admin.createTopics(List.of(new NewTopic(topic, partitions(EVENTS), (short) 1))).all().get();
    // random capital letters, as Kafka's ProducerPerformance sends: a repeated character would
    // measure lz4, not the broker
    Random random = new Random(7);
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < 180; i++) {
      letters.append((char) ('A' + random.nextInt(26)));
    }
    String value = letters.toString();
    long started = System.nanoTime();
    try (KafkaProducer<String, String> producer = producer()) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, Integer.toString(i % 1000), value));
      }
      producer.flush();
    }
    double rate = records / seconds(started);
    admin.deleteTopics(List.of(topic)).all().get();
    LocalInfra.log("raw producer: %d records of 180 B in %.0f rec/s", records, rate);
    return rate;
  }

  private KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            ProducerConfig.BATCH_SIZE_CONFIG,
            256 * 1024,
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            "lz4"),
        new StringSerializer(),
        new StringSerializer());
  }

  // --- ingest over HTTP ----------------------------------------------------------------------

  record Ingest(double rate, double cpuPerEvent, double generatorCpu) {}

  private Ingest ingestThroughput(int events, int batch, int connections) throws Exception {
    String token = token("ingest");
    // the bodies are written before the clock starts: the generator shares the machine's cores
    List<String> warmUp = bodies("in-warm-" + run, 2 * events / batch, batch);
    List<String> measured = bodies("in-" + run, events / batch, batch);
    // the raw producer had the machine to itself; so does ingest: its consumers wait (SIGSTOP)
    // and work the events off afterwards
    List<Long> consumers = new ArrayList<>(pids("model"));
    consumers.addAll(pids("alert"));
    signal("STOP", consumers);
    Ingest result;
    try {
      // twice as many first, unmeasured: on a fresh service JFR showed the JIT's compilations as
      // 6.7 of about 17 CPU-s after a tenth as warm-up, and still 7.9 s in a second run (16k then
      // 26k events/s, 30k from the third on); a run that measured them would report the
      // compiler, not ingest
      postBatches(token, warmUp, connections);
      double ingestCpu = cpu(pids("ingest"));
      double ownCpu = ownCpu();
      long started = System.nanoTime();
      int failed = postBatches(token, measured, connections);
      double seconds = seconds(started);
      long sent = (long) (measured.size() - failed) * batch;
      result =
          new Ingest(
              sent / seconds,
              (cpu(pids("ingest")) - ingestCpu) / Math.max(sent, 1),
              ownCpu() - ownCpu);
      LocalInfra.log(
          "ingest: %d events in %d-event requests over %d connections, %.0f events/s (%d failed),"
              + " %.1f µs of ingest CPU an event, %.1f CPU-s in this load generator",
          sent,
          batch,
          connections,
          result.rate(),
          failed,
          result.cpuPerEvent() * 1e6,
          result.generatorCpu());
    } finally {
      signal("CONT", consumers);
    }
    return result;
  }

  private static List<String> bodies(String prefix, int requests, int batch) {
    List<String> bodies = new ArrayList<>(requests);
    for (int r = 0; r < requests; r++) {
      bodies.add(batchOf(prefix + "-" + (r % 500), r, batch));
    }
    return bodies;
  }

  private static double ownCpu() {
    return ProcessHandle.current()
            .info()
            .totalCpuDuration()
            .map(java.time.Duration::toNanos)
            .orElse(0L)
        / 1e9;
  }

  /** Posts the bodies over {@code connections}; returns how many were refused or failed. */
  private int postBatches(String token, List<String> bodies, int connections) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        done.add(
            pool.submit(
                () -> {
                  int r;
                  while ((r = next.getAndIncrement()) < bodies.size()) {
                    if (post(token, bodies.get(r)) != 202) {
                      failed.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return failed.get();
  }

  private static void signal(String signal, List<Long> pids) throws Exception {
    for (long pid : pids) {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    }
  }

  /** {@code size} one-hour WORK events of one person, one per day from a day set by {@code n}. */
  private static String batchOf(String person, int n, int size) {
    LocalDate first = LocalDate.of(2026, 1, 1).plusDays((n * size) % 3000);
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < size; i++) {
      LocalDate day = first.plusDays(i);
      if (i > 0) {
        body.append(',');
      }
      body.append(
          """
          {"eventId":"%s-%d-%d","personId":"%s","kind":"WORK",\
          "start":"%sT09:00:00Z","end":"%sT10:00:00Z"}"""
              .formatted(person, n, i, person, day, day));
    }
    return body.append(']').toString();
  }

  // --- model-service on a backlog ------------------------------------------------------------

  record Backlog(
      String name,
      long events,
      double seconds,
      double modelCpu,
      double postgresCpu,
      double postgresModelCpu,
      long published,
      double alertSeconds,
      double alertCpu,
      List<String> statements) {}

  private Backlog backlog(String name, int people, int days, boolean shuffle) throws Exception {
    List<ProducerRecord<String, String>> records =
        Workdays.records("bl-" + (shuffle ? "s" : "o") + "-" + run, people, days);
    if (shuffle) {
      Collections.shuffle(records, new Random(42));
    }
    double before = processed();
    long metricsBefore = endOffsets(METRICS);
    statements("reset");
    double modelCpu = cpu(pids("model"));
    double pgCpu = cpu(postgresPids());
    double pgOthers = cpu(otherServicesBackends());
    double alertCpu = cpu(pids("alert"));
    long started = System.nanoTime();
    try (KafkaProducer<String, String> producer = producer()) {
      records.forEach(producer::send);
      producer.flush();
    }
    awaitProcessed(before + records.size());
    double seconds = seconds(started);
    double modelUsed = cpu(pids("model")) - modelCpu;
    double pgUsed = cpu(postgresPids()) - pgCpu;
    double pgModel = pgUsed - (cpu(otherServicesBackends()) - pgOthers);
    List<String> statements = statements(name);
    awaitOutboxDrained(metricsBefore);
    long published = endOffsets(METRICS) - metricsBefore;
    awaitAlertCaughtUp();
    double alertSeconds = seconds(started);
    Backlog result =
        new Backlog(
            name,
            records.size(),
            seconds,
            modelUsed,
            pgUsed,
            pgModel,
            published,
            alertSeconds,
            cpu(pids("alert")) - alertCpu,
            statements);
    LocalInfra.log(
        "model-service, %s backlog: %d events in %.1f s (%.0f events/s), %.1f CPU-s model,"
            + " %.1f CPU-s PostgreSQL (%.1f less alert's and ingest's connections), %d figures"
            + " published (%.2f per event); alert-service caught up after %.1f s, %.1f CPU-s",
        name,
        result.events(),
        seconds,
        result.events() / seconds,
        modelUsed,
        pgUsed,
        pgModel,
        published,
        published / (double) result.events(),
        alertSeconds,
        result.alertCpu());
    return result;
  }

  /**
   * alert-service's cost per figure when each person has {@code days} of history: the history is
   * loaded first, then every person gets one more hour of work today, unmeasured (the JIT compiles
   * the paths a change at the end of a history takes), then three evenings of work today, one after
   * the other, and the CPU alert-service spends on the figures they publish is divided by their
   * number (one evening was about a CPU-second, too little to tell a month from a year through a
   * background tick or a collection). Returns {figures, CPU-s, wall s}.
   */
  private double[] alertHistory(String name, int people, int days) throws Exception {
    String prefix = "hist-" + name + "-" + run;
    change(Workdays.records(prefix, people, days));
    change(Workdays.extraDay(prefix, people, 17 * 60, 18 * 60, "w"));
    long metricsBefore = endOffsets(METRICS);
    double windows = judgements("window");
    double wholes = judgements("history");
    double alertCpu = cpu(pids("alert"));
    long started = System.nanoTime();
    change(Workdays.extraDay(prefix, people, 19 * 60, 20 * 60, "x"));
    change(Workdays.extraDay(prefix, people, 21 * 60 + 30, 22 * 60 + 30, "y"));
    change(Workdays.extraDay(prefix, people, 22 * 60 + 30, 23 * 60 + 30, "z"));
    double wall = seconds(started);
    double used = cpu(pids("alert")) - alertCpu;
    long published = endOffsets(METRICS) - metricsBefore;
    LocalInfra.log(
        "alert-service with a %s of history: %d figures in %.2f CPU-s (%.0f figures per CPU-s),"
            + " %.1f s wall; people judged in the weeks around the change %.0f times, on the whole"
            + " history %.0f",
        name,
        published,
        used,
        published / Math.max(used, 0.01),
        wall,
        judgements("window") - windows,
        judgements("history") - wholes);
    return new double[] {published, used, wall};
  }

  /**
   * Sends {@code change} (a history or more of it) and waits until model-service applied it and
   * alert-service judged it.
   */
  private void change(List<ProducerRecord<String, String>> change) throws Exception {
    double before = processed();
    try (KafkaProducer<String, String> producer = producer()) {
      change.forEach(producer::send);
      producer.flush();
    }
    awaitProcessed(before + change.size());
    awaitOutboxDrained(0);
    awaitAlertCaughtUp();
  }

  /**
   * With {@code reset}, clears PostgreSQL's per-statement times; otherwise the statements of
   * model-service's database that took the most time since, as table rows (empty when the server
   * runs without pg_stat_statements, as a data directory from before 0.2.0 does).
   */
  private List<String> statements(String phase) {
    String url = "jdbc:postgresql://127.0.0.1:" + env("WELLBEING_PG_PORT", "55432") + "/postgres";
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(url, "postgres", "postgres");
        java.sql.Statement statement = db.createStatement()) {
      if (phase.equals("reset")) {
        statement.execute("SELECT pg_stat_statements_reset()");
        return List.of();
      }
      List<String> rows = new ArrayList<>();
      try (java.sql.ResultSet rs =
          statement.executeQuery(
              "SELECT s.calls, s.total_exec_time, s.rows, s.query FROM pg_stat_statements s"
                  + " JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'wellbeing_model'"
                  + " ORDER BY s.total_exec_time DESC LIMIT 8")) {
        while (rs.next()) {
          String query = rs.getString(4).replaceAll("\\s+", " ").replace("|", "\\|");
          rows.add(
              "| %d | %.0f | %d | `%s` |"
                  .formatted(
                      rs.getLong(1),
                      rs.getDouble(2),
                      rs.getLong(3),
                      query.length() > 160 ? query.substring(0, 160) + "…" : query));
        }
      }
      LocalInfra.log("PostgreSQL, %s backlog, model-service's top statements:", phase);
      rows.forEach(r -> LocalInfra.log("  %s", r));
      return rows;
    } catch (java.sql.SQLException e) {
      LocalInfra.log("no per-statement times from PostgreSQL: %s", e.getMessage());
      return List.of();
    }
  }

  // --- the sustained rate of a live feed ------------------------------------------------------

  /**
   * The live feed of the sustained-rate and half-load phases: the backlogs' realistic days, day by
   * day as they happen, 500 new people at a time, as 100-event request bodies.
   */
  private static final class LiveFeed {

    static final int REQUEST = 100;

    private final String prefix;
    private final List<String> pending = new ArrayList<>();
    private int people;

    LiveFeed(String prefix) {
      this.prefix = prefix;
    }

    String next() {
      if (pending.size() < REQUEST) {
        Workdays.records(prefix + "-" + people++, 500, 60).forEach(r -> pending.add(r.value()));
      }
      List<String> request = pending.subList(0, REQUEST);
      String body = "[" + String.join(",", request) + "]";
      request.clear();
      return body;
    }
  }

  record Live(long events, double seconds, long published) {}

  /**
   * What the whole pipeline sustains on a live feed, the background load of the latency phase:
   * people's working days in order, day by day, in 100-event requests over HTTP. A request goes out
   * only while the pipeline is less than about a second of work behind (model-service under 1,000
   * events, alert-service under 5,000 figures), for {@code seconds}; the rate counts until
   * alert-service has judged the last figure. A backlog's rate would not do: its large batches
   * publish each day about once, where live batches republish the days after every change.
   */
  private Live live(int seconds) throws Exception {
    String token = token("ingest");
    double modelBefore = processed();
    double alertBefore = alertProcessed();
    long metricsBefore = endOffsets(METRICS);
    LiveFeed feed = new LiveFeed("live-" + run);
    long posted = 0;
    long started = System.nanoTime();
    while (seconds(started) < seconds) {
      double modelBehind = posted - (processed() - modelBefore);
      double alertBehind =
          outboxPending() + endOffsets(METRICS) - metricsBefore - (alertProcessed() - alertBefore);
      if (modelBehind >= 1_000 || alertBehind >= 5_000) {
        sleep(50);
        continue;
      }
      if (post(token, feed.next()) == 202) {
        posted += LiveFeed.REQUEST;
      }
    }
    awaitProcessed(modelBefore + posted);
    awaitOutboxDrained(metricsBefore);
    awaitAlertCaughtUp();
    Live result = new Live(posted, seconds(started), endOffsets(METRICS) - metricsBefore);
    LocalInfra.log(
        "live feed: %d events in %.1f s until alert-service judged the last figure (%.0f events/s),"
            + " %d figures published (%.2f per event)",
        result.events(),
        result.seconds(),
        result.events() / result.seconds(),
        result.published(),
        result.published() / (double) result.events());
    return result;
  }

  // --- latency -------------------------------------------------------------------------------

  /**
   * From the POST of a week over 48 h until its WEEKLY_HOURS alert is listed, {@code samples}
   * times; with {@code rate} > 0 a background load posts events at that rate meanwhile.
   */
  private Histogram latency(String name, int samples, double rate) throws Exception {
    String admin = token("admin");
    String ingestToken = token("ingest");
    Histogram histogram = new Histogram(60_000_000L, 3);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong loadSent = new AtomicLong();
    AtomicLong loadRefused = new AtomicLong();
    Thread load = null;
    if (rate > 0) {
      // a live feed: the same realistic days as the backlogs, day by day as they happen, in
      // 100-event requests at the given rate
      load =
          new Thread(
              () -> {
                long period = (long) (1e9 * LiveFeed.REQUEST / rate);
                long next = System.nanoTime();
                LiveFeed feed = new LiveFeed("load-" + run);
                while (!stop.get()) {
                  try {
                    if (post(ingestToken, feed.next()) == 202) {
                      loadSent.addAndGet(LiveFeed.REQUEST);
                    } else {
                      loadRefused.incrementAndGet();
                    }
                  } catch (Exception e) {
                    // a failed load request only lowers the load
                  }
                  next += period;
                  long wait = next - System.nanoTime();
                  if (wait > 0) {
                    sleep(wait / 1_000_000);
                  }
                }
              });
      load.start();
      sleep(5_000);
    }
    long loadStarted = System.nanoTime();
    int taken = 0;
    int timedOut = 0;
    for (int i = 0; i < samples; i++) {
      String person = "lat-" + name.replace(' ', '-') + "-" + run + "-" + i;
      StringBuilder week = new StringBuilder("[");
      for (int d = 0; d < 5; d++) {
        LocalDate day = LocalDate.of(2026, 3, 2).plusDays(d);
        week.append(d == 0 ? "" : ",")
            .append(
                """
                {"eventId":"%s-%d","personId":"%s","kind":"WORK",\
                "start":"%sT07:00:00Z","end":"%sT17:00:00Z"}"""
                    .formatted(person, d, person, day, day));
      }
      long started = System.nanoTime();
      int status = post(ingestToken, week.append(']').toString());
      if (status != 202) {
        throw new IllegalStateException("the latency probe was refused: " + status);
      }
      String query = alert + "/api/v1/alerts?rule=WEEKLY_HOURS&personId=" + enc(person);
      boolean seen = false;
      while (!seen && seconds(started) <= 60) {
        HttpResponse<String> answer = get(admin, query);
        seen = answer.statusCode() == 200 && answer.body().contains("\"WEEKLY_HOURS\"");
        if (!seen) {
          sleep(10);
        }
      }
      histogram.recordValue(Math.min((System.nanoTime() - started) / 1_000, 60_000_000L));
      taken++;
      if (!seen && ++timedOut >= 3) {
        // the pipeline is minutes behind: more samples would only wait a minute each
        LocalInfra.log("  %d probes saw no alert within 60 s; the rest are left out", timedOut);
        break;
      }
      sleep(250);
    }
    if (load != null) {
      stop.set(true);
      load.join();
      LocalInfra.log(
          "  background load: %.0f events/s (%d requests refused)",
          loadSent.get() / seconds(loadStarted - 5_000_000_000L), loadRefused.get());
    }
    LocalInfra.log(
        "POST to alert, %s: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d samples, %d without an"
            + " alert after 60 s, counted as 60 s)",
        name,
        histogram.getValueAtPercentile(50) / 1000.0,
        histogram.getValueAtPercentile(99) / 1000.0,
        histogram.getMaxValue() / 1000.0,
        taken,
        timedOut);
    return histogram;
  }

  // --- memory --------------------------------------------------------------------------------

  /** Resident and peak resident memory (kB) of each service. */
  private Map<String, long[]> memory() throws IOException {
    Map<String, long[]> memory = new LinkedHashMap<>();
    for (String name : List.of("ingest", "model", "alert", "people-app")) {
      List<Long> pids = pids(name);
      if (pids.isEmpty()) {
        continue;
      }
      String status = Files.readString(Path.of("/proc/" + pids.get(0) + "/status"));
      memory.put(name, new long[] {kb(status, "VmRSS"), kb(status, "VmHWM")});
    }
    return memory;
  }

  private static long kb(String status, String field) {
    Matcher m = Pattern.compile("^" + field + ":\\s+(\\d+) kB", Pattern.MULTILINE).matcher(status);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  // --- the report ----------------------------------------------------------------------------

  private void write(
      Instant started,
      double raw,
      Ingest ingest,
      Backlog shuffled,
      Backlog ordered,
      double[] month,
      double[] year,
      Histogram idle,
      Live live,
      Histogram loaded,
      Map<String, long[]> memory)
      throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n")
        .append("Measured by `deploy/local/bench.sh` in one run, ")
        .append(started.toString(), 0, 16)
        .append(" UTC to ")
        .append(Instant.now().toString(), 0, 16)
        .append(" UTC, against the local stack of `deploy/local/run.sh` (broker, PostgreSQL,")
        .append(" Keycloak, the services and this load generator all on the same machine).\n\n")
        .append("**Machine:** ")
        .append(machine())
        .append("\n\n");
    md.append("| measure | value |\n|---|---|\n");
    row(md, "Kafka raw producer (180 B records, acks=all, idempotent, lz4)", "%.0f rec/s", raw);
    row(
        md,
        "ingest-service, 100-event JSON batches over 16 connections (consumers paused)",
        "%.0f events/s, %.1f µs of ingest CPU an event (the load generator, on the same cores,"
            + " used %.1f CPU-s)",
        ingest.rate(),
        ingest.cpuPerEvent() * 1e6,
        ingest.generatorCpu());
    double ingestRate = ingest.rate();
    for (Backlog b : List.of(shuffled, ordered)) {
      row(md, "model-service, " + b.name() + " backlog: events", "%d", b.events());
      row(
          md,
          "model-service, " + b.name() + " backlog: wall",
          "%.1f s, %.0f events/s",
          b.seconds(),
          b.events() / b.seconds());
      row(
          md,
          "model-service, " + b.name() + " backlog: CPU of model-service",
          "%.1f CPU-s, %.0f events per CPU-s",
          b.modelCpu(),
          b.events() / b.modelCpu());
      row(
          md,
          "model-service, " + b.name() + " backlog: CPU of PostgreSQL, all of it",
          "%.1f CPU-s (%.2f× model-service)",
          b.postgresCpu(),
          b.postgresCpu() / b.modelCpu());
      row(
          md,
          "model-service, "
              + b.name()
              + " backlog: CPU of PostgreSQL less the connections of alert-service (judging the"
              + " same figures meanwhile) and ingest-service",
          "%.1f CPU-s (%.2f× model-service)",
          b.postgresModelCpu(),
          b.postgresModelCpu() / b.modelCpu());
      row(
          md,
          "model-service, " + b.name() + " backlog: DailyMetrics published",
          "%d (%.2f per event)",
          b.published(),
          b.published() / (double) b.events());
      row(
          md,
          "alert-service on those figures: caught up after",
          "%.1f s, %.1f CPU-s",
          b.alertSeconds(),
          b.alertCpu());
    }
    row(
        md,
        "alert-service, one more day with a month of history",
        "%.0f figures, %.0f figures per CPU-s",
        month[0],
        month[0] / Math.max(month[1], 0.01));
    row(
        md,
        "alert-service, one more day with a year of history",
        "%.0f figures, %.0f figures per CPU-s",
        year[0],
        year[0] / Math.max(year[1], 0.01));
    double sustained = live.events() / live.seconds();
    row(
        md,
        "live feed (days in order, 100-event requests, posted while the pipeline is under a"
            + " second behind): sustained until every figure was judged",
        "%d events in %.1f s, %.0f events/s, %.2f DailyMetrics per event",
        live.events(),
        live.seconds(),
        sustained,
        live.published() / (double) live.events());
    double load = sustained / 2;
    Map<String, Histogram> latencies = new LinkedHashMap<>();
    latencies.put("idle", idle);
    latencies.put("at half the sustained rate (%.0f events/s)".formatted(load), loaded);
    for (var h : latencies.entrySet()) {
      row(
          md,
          "POST → alert visible, " + h.getKey(),
          "p50 %.0f ms, p99 %.0f ms (%d samples; a probe with no alert after 60 s counts as 60 s)",
          h.getValue().getValueAtPercentile(50) / 1000.0,
          h.getValue().getValueAtPercentile(99) / 1000.0,
          h.getValue().getTotalCount());
    }
    memory.forEach(
        (name, kb) ->
            row(
                md,
                "resident memory of " + name,
                "%d MB now, %d MB peak",
                kb[0] / 1024,
                kb[1] / 1024));

    double monthRate = month[0] / Math.max(month[1], 0.01);
    double yearRate = year[0] / Math.max(year[1], 0.01);
    long maxRss = memory.values().stream().mapToLong(kb -> kb[1]).max().orElse(0) / 1024;
    if (!shuffled.statements().isEmpty()) {
      md.append("\n## PostgreSQL's time by statement (model-service, shuffled backlog)\n\n")
          .append("From `pg_stat_statements`; execution time only, in the server.\n\n")
          .append("| calls | total ms | rows | statement |\n|---|---|---|---|\n");
      shuffled.statements().forEach(r -> md.append(r).append('\n'));
    }
    md.append("\n## Targets (issue 13)\n\n| target | measured | met |\n|---|---|---|\n");
    target(
        md,
        "model-service ≥ 10,000 events per model CPU-s (shuffled)",
        "%.0f",
        shuffled.events() / shuffled.modelCpu(),
        shuffled.events() / shuffled.modelCpu() >= 10_000);
    target(
        md,
        "PostgreSQL CPU ≤ 0.5× model-service CPU (shuffled; less alert's and ingest's"
            + " connections)",
        "%.2f×",
        shuffled.postgresModelCpu() / shuffled.modelCpu(),
        shuffled.postgresModelCpu() <= 0.5 * shuffled.modelCpu());
    target(
        md,
        "model-service ≥ 5,000 events/s wall (shuffled)",
        "%.0f",
        shuffled.events() / shuffled.seconds(),
        shuffled.events() / shuffled.seconds() >= 5_000);
    target(
        md,
        "≤ 1.5 DailyMetrics published per event (shuffled)",
        "%.2f",
        shuffled.published() / (double) shuffled.events(),
        shuffled.published() <= 1.5 * shuffled.events());
    target(
        md,
        "alert figures per CPU-s with a year within 20 % of a month",
        "%.0f%%",
        100 * yearRate / monthRate,
        yearRate >= 0.8 * monthRate);
    target(
        md, "ingest ≥ 0.6× the raw producer", "%.2f×", ingestRate / raw, ingestRate >= 0.6 * raw);
    target(
        md,
        "POST → alert p99 ≤ 1 s idle",
        "%.0f ms",
        idle.getValueAtPercentile(99) / 1000.0,
        idle.getValueAtPercentile(99) <= 1_000_000);
    target(
        md,
        "POST → alert p99 ≤ 1 s at half load",
        "%.0f ms",
        loaded.getValueAtPercentile(99) / 1000.0,
        loaded.getValueAtPercentile(99) <= 1_000_000);
    target(md, "RSS ≤ 350 MB per service at -Xmx256m (peak)", "%d MB", maxRss, maxRss <= 350);
    md.append(
        "\nA target not met is a target not met: the figures above are this run's, unedited.\n");
    Files.writeString(root.resolve("BENCHMARKS.md"), md.toString());
    LocalInfra.log("wrote %s", root.resolve("BENCHMARKS.md"));
  }

  private static void row(StringBuilder md, String what, String format, Object... values) {
    md.append("| ").append(what).append(" | ").append(format.formatted(values)).append(" |\n");
  }

  private static void target(
      StringBuilder md, String what, String format, Object value, boolean met) {
    md.append("| ")
        .append(what)
        .append(" | ")
        .append(format.formatted(value))
        .append(" | ")
        .append(met ? "yes" : "**no**")
        .append(" |\n");
  }

  private static String machine() throws IOException {
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .orElse("unknown CPU");
    long memKb = kb(Files.readString(Path.of("/proc/meminfo")), "MemTotal");
    return "%d cores (%s), %.0f GiB, %s, Java %s"
        .formatted(
            Runtime.getRuntime().availableProcessors(),
            cpu,
            memKb / 1024.0 / 1024.0,
            System.getProperty("os.name") + " " + System.getProperty("os.version"),
            System.getProperty("java.version"));
  }

  // --- plumbing ------------------------------------------------------------------------------

  private double processed() throws Exception {
    HttpResponse<String> response = get(null, model + "/q/metrics");
    Matcher matcher = COUNTER.matcher(response.body());
    double total = 0;
    while (matcher.find()) {
      total += Double.parseDouble(matcher.group(2));
    }
    return total;
  }

  /** DailyMetrics alert-service has consumed since it started. */
  private double alertProcessed() throws Exception {
    Matcher matcher =
        Pattern.compile("(?m)^alerts_metrics_processed_total(\\{[^}]*})? ([0-9.eE+-]+)$")
            .matcher(get(null, alert + "/q/metrics").body());
    return matcher.find() ? Double.parseDouble(matcher.group(2)) : 0;
  }

  /** alert-service's people judged so far in {@code scope} (window or history). */
  private double judgements(String scope) throws Exception {
    Matcher matcher =
        Pattern.compile(
                "(?m)^alerts_judgements_total\\{[^}]*scope=\"" + scope + "\"[^}]*} ([0-9.eE+-]+)$")
            .matcher(get(null, alert + "/q/metrics").body());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  private double outboxPending() throws Exception {
    Matcher matcher =
        Pattern.compile("(?m)^outbox_pending(\\{[^}]*})? ([0-9.eE+-]+)$")
            .matcher(get(null, model + "/q/metrics").body());
    return matcher.find() ? Double.parseDouble(matcher.group(2)) : 0;
  }

  private void awaitProcessed(double target) throws Exception {
    long started = System.nanoTime();
    long reported = started;
    while (processed() < target) {
      sleep(200);
      if (System.nanoTime() - reported > 30_000_000_000L) {
        reported = System.nanoTime();
        LocalInfra.log("  %.0f to go after %.0f s", target - processed(), seconds(started));
      }
      if (seconds(started) > 1800) {
        throw new IllegalStateException("model-service did not catch up within 30 minutes");
      }
    }
  }

  /** Until nothing is waiting to be applied: a backlog of an earlier phase would skew the next. */
  private void awaitModelIdle() throws Exception {
    double last = -1;
    double now = processed();
    while (now != last || lag("model-service", EVENTS) > 0) {
      sleep(2_000);
      last = now;
      now = processed();
    }
  }

  /**
   * Until the outbox has published what model-service committed: it holds nothing (it may hold
   * figures back for a while after a backlog) and the topic has not grown for three seconds.
   */
  private void awaitOutboxDrained(long before) throws Exception {
    long last = endOffsets(METRICS);
    long stable = System.nanoTime();
    while (seconds(stable) < 3 || outboxPending() > 0) {
      sleep(500);
      long now = endOffsets(METRICS);
      if (now != last) {
        last = now;
        stable = System.nanoTime();
      }
    }
  }

  private void awaitAlertCaughtUp() throws Exception {
    long started = System.nanoTime();
    while (lag("alert-service", METRICS) > 0) {
      sleep(200);
      if (seconds(started) > 1800) {
        throw new IllegalStateException("alert-service did not catch up within 30 minutes");
      }
    }
  }

  private long lag(String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    long lag = 0;
    for (var end : ends(topic).entrySet()) {
      OffsetAndMetadata at = committed.get(end.getKey());
      lag += end.getValue() - (at == null ? 0 : at.offset());
    }
    return lag;
  }

  private long endOffsets(String topic) throws Exception {
    return ends(topic).values().stream().mapToLong(Long::longValue).sum();
  }

  private Map<TopicPartition, Long> ends(String topic) throws Exception {
    int partitions = partitions(topic);
    Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, ListOffsetsResultInfo> answer = admin.listOffsets(request).all().get();
    return answer.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private int partitions(String topic) throws Exception {
    return admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions().size();
  }

  /** The service's JVM, from the pid file run.sh keeps. */
  private List<Long> pids(String name) throws IOException {
    Path file = data.resolve(name + ".pid");
    if (!Files.exists(file)) {
      return List.of();
    }
    return List.of(Long.parseLong(Files.readString(file).trim()));
  }

  /** PostgreSQL's processes: the postmaster of the stack's cluster and its backends. */
  private List<Long> postgresPids() throws IOException {
    List<Long> pids = new ArrayList<>();
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String comm = Files.readString(proc.resolve("comm")).trim();
          if (comm.startsWith("postgres") || comm.startsWith("postmaster")) {
            pids.add(Long.parseLong(proc.getFileName().toString()));
          }
        } catch (IOException gone) {
          // the process ended while we looked
        }
      }
    }
    return pids;
  }

  /**
   * PostgreSQL's backends serving alert-service's and ingest-service's databases: the pools keep
   * their connections open, so what they used in a phase is the difference of two readings; the
   * postmaster, its background workers and model-service's backends are what is left.
   */
  private List<Long> otherServicesBackends() throws IOException {
    List<Long> pids = new ArrayList<>();
    for (long pid : postgresPids()) {
      try {
        String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
        if (cmdline.contains(" wellbeing_alert ") || cmdline.contains(" wellbeing_ingest ")) {
          pids.add(pid);
        }
      } catch (IOException gone) {
        // the backend ended while we looked
      }
    }
    return pids;
  }

  /**
   * CPU seconds (user + system) of {@code pids} and of their waited-for children, so backends that
   * ended in between still count through the postmaster.
   */
  private static double cpu(List<Long> pids) {
    double total = 0;
    for (long pid : pids) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14-17 of stat: utime, stime, cutime, cstime (here shifted by the two before)
        total +=
            (Long.parseLong(f[11])
                    + Long.parseLong(f[12])
                    + Long.parseLong(f[13])
                    + Long.parseLong(f[14]))
                / (double) CLOCK_TICKS;
      } catch (IOException | RuntimeException gone) {
        // a backend that ended is counted in its parent's cutime
      }
    }
    return total;
  }

  private String token(String user) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=wellbeing-cli&username=%s&password=%s"
                            .formatted(user, user)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode json = JSON.readTree(answer.body());
    if (!json.has("access_token")) {
      throw new IllegalStateException("no token for " + user + ": " + answer.statusCode());
    }
    return json.get("access_token").asText();
  }

  private int post(String token, String body) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(ingest + "/api/v1/events"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static HttpResponse<String> get(String token, String url) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "text/plain, application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
