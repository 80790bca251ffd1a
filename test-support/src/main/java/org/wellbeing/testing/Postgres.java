package org.wellbeing.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/** A real PostgreSQL server (binaries from Maven Central) in a temporary directory. */
public final class Postgres implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Postgres.class.getName());

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private final EmbeddedPostgres server;

  private Postgres(EmbeddedPostgres server) {
    this.server = server;
  }

  /** Starts a server on a random loopback port. */
  public static Postgres start() {
    long started = System.nanoTime();
    try {
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setPort(FreePorts.next())
              // durability is not what tests check; speed is what they need
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "200")
              .start();
      LOG.info(
          () ->
              "PostgreSQL started on port %d in %d ms"
                  .formatted(server.getPort(), (System.nanoTime() - started) / 1_000_000));
      return new Postgres(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getPort();
  }

  /** The JDBC URL of {@code database}, which {@link #createDatabase} may have created. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
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
