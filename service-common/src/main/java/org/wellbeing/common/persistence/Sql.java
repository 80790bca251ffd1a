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

  /**
   * The rows a query answers, each as column name to a JSON-friendly value (timestamps as instants,
   * dates as ISO dates): what an export of a person's data holds, column by column.
   */
  public java.util.List<java.util.Map<String, Object>> rows(String query, Object... parameters) {
    return run(
        connection -> {
          try (java.sql.PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
              statement.setObject(i + 1, parameters[i]);
            }
            java.util.List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = statement.executeQuery()) {
              java.sql.ResultSetMetaData meta = rs.getMetaData();
              while (rs.next()) {
                java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                  Object value = rs.getObject(c);
                  if (value instanceof java.sql.Timestamp t) {
                    value = t.toInstant().toString();
                  } else if (value instanceof java.sql.Date d) {
                    value = d.toLocalDate().toString();
                  } else if (value instanceof java.time.temporal.TemporalAccessor time) {
                    value = time.toString();
                  } else if (value instanceof java.sql.Array array) {
                    value = java.util.List.of((Object[]) array.getArray());
                  }
                  row.put(meta.getColumnLabel(c), value);
                }
                rows.add(row);
              }
            }
            return rows;
          }
        });
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
