package org.wellbeing.model.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wellbeing.common.persistence.Sql;
import org.wellbeing.contract.EventKind;
import org.wellbeing.contract.EventStatus;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.model.domain.StoredEvent;

/** The winning record of each eventId, read and written a batch at a time. */
@ApplicationScoped
public class EventStore {

  private static final String COLUMNS =
      "e.event_id, e.version, e.person_id, e.kind, e.start_at, e.end_at, e.status, e.skill";

  private final Sql sql;

  private final boolean storeTitles;

  public EventStore(Sql sql, org.wellbeing.common.config.PipelineConfig pipeline) {
    this.sql = sql;
    this.storeTitles = pipeline.events().storeTitles();
  }

  /** The stored records of {@code eventIds}, by id. */
  public Map<String, StoredEvent> findByIds(Collection<String> eventIds) {
    if (eventIds.isEmpty()) {
      return Map.of();
    }
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT " + COLUMNS + " FROM work_event e WHERE e.event_id = ANY(?)")) {
            statement.setArray(1, Sql.textArray(connection, eventIds));
            Map<String, StoredEvent> result = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                StoredEvent event = read(rs);
                result.put(event.eventId(), event);
              }
            }
            return result;
          }
        });
  }

  /** Writes the winning records; one statement per batch. */
  public void upsert(Collection<WorkEvent> events, Instant receivedAt) {
    if (events.isEmpty()) {
      return;
    }
    sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  """
                  INSERT INTO work_event (event_id, version, person_id, kind, start_at, end_at,
                      status, skill, source, title, auto_closed, received_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (event_id) DO UPDATE SET version = EXCLUDED.version,
                      person_id = EXCLUDED.person_id, kind = EXCLUDED.kind,
                      start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
                      status = EXCLUDED.status, skill = EXCLUDED.skill, source = EXCLUDED.source,
                      title = EXCLUDED.title, auto_closed = EXCLUDED.auto_closed,
                      received_at = EXCLUDED.received_at
                  """)) {
            for (WorkEvent event : events) {
              statement.setString(1, event.eventId());
              statement.setLong(2, event.version());
              statement.setString(3, event.personId());
              statement.setString(4, event.kind().name());
              statement.setObject(5, Sql.timestamp(event.start().toInstant()));
              statement.setObject(6, Sql.timestamp(event.end().toInstant()));
              statement.setString(7, event.status().name());
              statement.setString(8, event.skill());
              statement.setString(9, event.source());
              // a title is stored only when configured (docs/PRIVACY.md), whoever sent it
              statement.setString(10, storeTitles ? event.title() : null);
              if (event.autoClosed() == null) {
                statement.setNull(11, Types.BOOLEAN);
              } else {
                statement.setBoolean(11, event.autoClosed());
              }
              statement.setObject(12, Sql.timestamp(receivedAt));
              statement.addBatch();
            }
            statement.executeBatch();
            return null;
          }
        });
  }

  /** Each person's CONFIRMED events that end after the instant given for them. */
  public Map<String, List<StoredEvent>> confirmedEndingAfter(Map<String, Instant> afterByPerson) {
    if (afterByPerson.isEmpty()) {
      return Map.of();
    }
    return sql.run(
        connection -> {
          List<String> people = new ArrayList<>(afterByPerson.keySet());
          List<Instant> after = people.stream().map(afterByPerson::get).toList();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  // a range scan of (person_id, end_at) a person; OFFSET 0 keeps the planner
                  // from turning it into a hash join over every stored event
                  "SELECT "
                      + COLUMNS
                      + " FROM unnest(?::text[], ?::timestamptz[]) AS q(person_id, after_ts)"
                      + " CROSS JOIN LATERAL (SELECT * FROM work_event x"
                      + " WHERE x.person_id = q.person_id AND x.end_at > q.after_ts"
                      + " AND x.status = 'CONFIRMED' OFFSET 0) e")) {
            statement.setArray(1, Sql.textArray(connection, people));
            statement.setArray(2, Sql.timestampArray(connection, after));
            Map<String, List<StoredEvent>> result = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                StoredEvent event = read(rs);
                result.computeIfAbsent(event.personId(), k -> new ArrayList<>()).add(event);
              }
            }
            return result;
          }
        });
  }

  /** The latest end among each person's stored events; people without any are left out. */
  public Map<String, Instant> latestEnds(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return Map.of();
    }
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT q.person_id, (SELECT max(e.end_at) FROM work_event e"
                      + " WHERE e.person_id = q.person_id) AS latest"
                      + " FROM unnest(?::text[]) AS q(person_id)")) {
            statement.setArray(1, Sql.textArray(connection, personIds));
            Map<String, Instant> result = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                Instant latest = Sql.instant(rs, "latest");
                if (latest != null) {
                  result.put(rs.getString("person_id"), latest);
                }
              }
            }
            return result;
          }
        });
  }

  /** The start of a person's earliest CONFIRMED event, or null. */
  public Instant earliestStart(String personId) {
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT min(start_at) AS first FROM work_event"
                      + " WHERE person_id = ? AND status = 'CONFIRMED'")) {
            statement.setString(1, personId);
            try (ResultSet rs = statement.executeQuery()) {
              return rs.next() ? Sql.instant(rs, "first") : null;
            }
          }
        });
  }

  /** Whether any record names {@code personId}. */
  public boolean hasEvents(String personId) {
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT 1 FROM work_event WHERE person_id = ? LIMIT 1")) {
            statement.setString(1, personId);
            try (ResultSet rs = statement.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  private static StoredEvent read(ResultSet rs) throws SQLException {
    return new StoredEvent(
        rs.getString("event_id"),
        rs.getLong("version"),
        rs.getString("person_id"),
        EventKind.valueOf(rs.getString("kind")),
        Sql.instant(rs, "start_at"),
        Sql.instant(rs, "end_at"),
        EventStatus.valueOf(rs.getString("status")),
        rs.getString("skill"));
  }
}
