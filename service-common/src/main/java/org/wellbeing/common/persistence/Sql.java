package org.wellbeing.common.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import org.hibernate.Session;

/**
 * Set-based SQL on the connection of the current Hibernate session, so it joins the same
 * transaction as the Panache entities and sees what they changed.
 */
@ApplicationScoped
public class Sql {

  /** Work on a JDBC connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final EntityManager entityManager;

  public Sql(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  public <T> T run(Work<T> work) {
    Session session = entityManager.unwrap(Session.class);
    session.flush();
    return session.doReturningWork(work::run);
  }

  public static Array textArray(Connection connection, Collection<String> values)
      throws SQLException {
    return connection.createArrayOf("text", values.toArray());
  }

  public static Array timestampArray(Connection connection, Collection<Instant> values)
      throws SQLException {
    return connection.createArrayOf("timestamptz", values.stream().map(Timestamp::from).toArray());
  }

  public static Array dateArray(Connection connection, Collection<LocalDate> values)
      throws SQLException {
    return connection.createArrayOf("date", values.stream().map(java.sql.Date::valueOf).toArray());
  }

  public static Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
  }
}
