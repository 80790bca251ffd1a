package org.wellbeing.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;

/** A real PostgreSQL server (binaries from Maven Central) in a temporary directory. */
public final class Postgres implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Postgres.class.getName());

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private EmbeddedPostgres server;
  private final Path dataDirectory;
  private final int port;

  private Postgres(EmbeddedPostgres server, Path dataDirectory) {
    this.server = server;
    this.dataDirectory = dataDirectory;
    this.port = server.getPort();
  }

  /** Starts a server on a random loopback port, in a directory removed when it closes. */
  public static Postgres start() {
    return new Postgres(launch(FreePorts.next(), null), null);
  }

  /**
   * Starts a server whose data stays in {@code dataDirectory}, so {@link #kill} and {@link
   * #restart} can crash it and bring it back on the same port with what it had committed.
   */
  public static Postgres startKeeping(Path dataDirectory) {
    return new Postgres(launch(FreePorts.next(), dataDirectory), dataDirectory);
  }

  private static EmbeddedPostgres launch(int port, Path dataDirectory) {
    long started = System.nanoTime();
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(port)
              // durable commits, as in production: a commit a service saw succeed is on disk
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("max_connections", "200");
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory.toFile()).setCleanDataDirectory(false);
      }
      EmbeddedPostgres server = builder.start();
      LOG.info(
          () ->
              "PostgreSQL started on port %d in %d ms"
                  .formatted(port, (System.nanoTime() - started) / 1_000_000));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Kills the server as a crash would: SIGKILL to the postmaster and its backends, nothing flushed
   * or shut down, then waits until the process is gone. Only for a server from {@link
   * #startKeeping}.
   */
  public void kill() {
    if (dataDirectory == null) {
      throw new IllegalStateException("only a server that keeps its data can be restarted");
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProcessHandle.of(pid)
        .ifPresent(
            postmaster -> {
              postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
              postmaster.destroyForcibly();
            });
    // a killed postmaster lingers until its parent reaps it, and holds the data directory till then
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (Files.exists(Path.of("/proc/" + pid)) && System.nanoTime() < deadline) {
      sleep(50);
    }
    try {
      // releases the lock this JVM holds on the directory; its pg_ctl stop finds no server
      server.close();
    } catch (IOException | RuntimeException e) {
      LOG.fine(() -> "closing a killed server: " + e);
    }
    LOG.info(() -> "PostgreSQL (pid %d) killed".formatted(pid));
  }

  /** Starts the server again on the same port and data, after {@link #kill}. */
  public void restart() {
    server = launch(port, dataDirectory);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  /** The JDBC URL of {@code database}, which {@link #createDatabase} may have created. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /** A connection to {@code database}, for a test that checks what a service stored. */
  public Connection connect(String database) throws SQLException {
    return server.getDatabase(USER, database).getConnection();
  }

  /** Creates an empty database owned by {@link #USER}. */
  public void createDatabase(String database) {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE \"" + database + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
