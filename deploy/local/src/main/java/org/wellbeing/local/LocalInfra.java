package org.wellbeing.local;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.Uuid;

/**
 * The local stack's infrastructure in one process: a single-node KRaft Kafka broker and a
 * PostgreSQL server (binaries from Maven Central), both keeping their data under one directory, so
 * a restart finds the topics and databases it left; and a GreenMail SMTP and IMAP server that keeps
 * every mail it receives, also as an {@code .eml} file under {@code mail/} of that directory.
 *
 * <p>Arguments: data directory, Kafka port, Kafka controller port, PostgreSQL port, SMTP port, IMAP
 * port.
 */
public final class LocalInfra {

  /** One database per service. */
  static final List<String> DATABASES =
      List.of("wellbeing_ingest", "wellbeing_model", "wellbeing_alert");

  private LocalInfra() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]).toAbsolutePath();
    int kafkaPort = Integer.parseInt(args[1]);
    int controllerPort = Integer.parseInt(args[2]);
    int postgresPort = Integer.parseInt(args[3]);
    int smtpPort = args.length > 4 ? Integer.parseInt(args[4]) : 3025;
    int imapPort = args.length > 5 ? Integer.parseInt(args[5]) : 3143;
    Files.createDirectories(data);
    Path ready = data.resolve("infra.ready");
    Files.deleteIfExists(ready);

    long started = System.nanoTime();
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(data.resolve("postgres").toFile())
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(data.resolve("postgres-binaries").toFile())
            .setPort(postgresPort)
            .setServerConfig("listen_addresses", "127.0.0.1")
            // the embedded defaults (-F, synchronous_commit=off) would let a crash take commits
            // the services already acknowledged to Kafka
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            // a checkpoint every 15 min or 4 GB of WAL, not every 1 GB: after each one, every page
            // written goes whole into the WAL again, and a backlog's WAL was half such page images
            .setServerConfig("max_wal_size", "4GB")
            .setServerConfig("checkpoint_timeout", "15min")
            // per-statement times for bench.sh and for anyone tuning (issue 13)
            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .start();
    createDatabases(postgres);
    log("PostgreSQL up on 127.0.0.1:%d", postgresPort);

    Path kafkaDir = data.resolve("kafka");
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker()
            .withNodeId(1)
            .withKafkaHost("127.0.0.1")
            .withKafkaPort(kafkaPort)
            .withControllerPort(controllerPort)
            .withClusterId(clusterId(data))
            .withDeleteLogDirsOnClose(false)
            .withAdditionalProperties(
                p -> {
                  p.put("log.dirs", kafkaDir.toString());
                  p.put("num.partitions", "3");
                  p.put("auto.create.topics.enable", "true");
                  p.put("group.initial.rebalance.delay.ms", "0");
                  p.put("offsets.topic.replication.factor", "1");
                  p.put("transaction.state.log.replication.factor", "1");
                  p.put("transaction.state.log.min.isr", "1");
                })
            .start();
    log("Kafka up on 127.0.0.1:%d", kafkaPort);

    Path mailDir = data.resolve("mail");
    LocalMail mail = LocalMail.start(mailDir, smtpPort, imapPort);
    log(
        "SMTP up on 127.0.0.1:%d, IMAP on 127.0.0.1:%d, mail kept in %s",
        smtpPort, imapPort, mailDir);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log("stopping Kafka, PostgreSQL and the mail server");
                  mail.close();
                  broker.close();
                  try {
                    postgres.close();
                  } catch (IOException e) {
                    log("PostgreSQL did not stop cleanly: %s", e);
                  }
                  stopped.countDown();
                }));
    Files.writeString(ready, String.valueOf(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
    log("infrastructure ready in %d ms", (System.nanoTime() - started) / 1_000_000);
    stopped.await();
  }

  private static void createDatabases(EmbeddedPostgres postgres) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      try (Statement extension = connection.createStatement()) {
        extension.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      }
      for (String database : DATABASES) {
        try (PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
          exists.setString(1, database);
          try (ResultSet rs = exists.executeQuery()) {
            if (rs.next()) {
              continue;
            }
          }
        }
        try (Statement create = connection.createStatement()) {
          create.execute("CREATE DATABASE " + database);
        }
      }
    }
  }

  /** The broker's cluster id, kept so a restart reuses the formatted log directory. */
  private static String clusterId(Path data) throws IOException {
    Path file = data.resolve("kafka-cluster-id");
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    String id = Uuid.randomUuid().toString();
    Files.writeString(file, id, StandardCharsets.UTF_8);
    return id;
  }

  static void log(String format, Object... args) {
    System.out.printf("[local-infra] " + format + "%n", args);
  }
}
