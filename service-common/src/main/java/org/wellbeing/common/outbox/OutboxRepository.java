package org.wellbeing.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.wellbeing.common.persistence.Sql;

/**
 * The transactional outbox: written in the transaction that changed the figures, read and deleted
 * by the relay once Kafka acknowledged the records.
 */
@ApplicationScoped
public class OutboxRepository {

  private final Sql sql;

  public OutboxRepository(Sql sql) {
    this.sql = sql;
  }

  /** Adds records; an unpublished record with the same dedup key is replaced and moves last. */
  public void add(Collection<OutboxRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  """
                  INSERT INTO outbox (dedup_key, topic, record_key, ce_type, ce_id, payload,
                      created_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (dedup_key) DO UPDATE SET id = nextval('outbox_id_seq'),
                      topic = EXCLUDED.topic, record_key = EXCLUDED.record_key,
                      ce_type = EXCLUDED.ce_type, ce_id = EXCLUDED.ce_id,
                      payload = EXCLUDED.payload, created_at = EXCLUDED.created_at
                  """)) {
            Instant now = Instant.now();
            for (OutboxRecord record : records) {
              statement.setString(1, record.dedupKey());
              statement.setString(2, record.topic());
              statement.setString(3, record.recordKey());
              statement.setString(4, record.ceType());
              statement.setString(5, record.ceId());
              statement.setString(6, record.payload());
              statement.setObject(7, Sql.timestamp(now));
              statement.addBatch();
            }
            statement.executeBatch();
            return null;
          }
        });
  }

  /**
   * Moves records Kafka will never take (too large, refused for what they are) out of the way into
   * {@code outbox_parked}, with the reason, so the relay goes on with the next ones.
   */
  public void park(Collection<OutboxRecord> records, String reason) {
    if (records.isEmpty()) {
      return;
    }
    sql.run(
        connection -> {
          try (PreparedStatement insert =
                  connection.prepareStatement(
                      """
                      INSERT INTO outbox_parked (id, topic, record_key, ce_type, ce_id, payload,
                          reason, parked_at)
                      SELECT id, topic, record_key, ce_type, ce_id, payload, ?, now()
                      FROM outbox WHERE id = ANY(?)
                      """);
              PreparedStatement delete =
                  connection.prepareStatement("DELETE FROM outbox WHERE id = ANY(?)")) {
            Long[] ids = records.stream().map(OutboxRecord::id).toArray(Long[]::new);
            insert.setString(1, reason);
            insert.setArray(2, connection.createArrayOf("bigint", ids));
            insert.executeUpdate();
            delete.setArray(1, connection.createArrayOf("bigint", ids));
            delete.executeUpdate();
            return null;
          }
        });
  }

  /**
   * Locks and returns the oldest pending records, or nothing when another relay holds the outbox
   * (one relay at a time keeps each key's records in order).
   */
  public List<OutboxRecord> lockOldest(int limit) {
    return sql.run(
        connection -> {
          try (PreparedStatement lock =
              connection.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext('outbox'))")) {
            try (ResultSet rs = lock.executeQuery()) {
              if (!rs.next() || !rs.getBoolean(1)) {
                return List.of();
              }
            }
          }
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT id, dedup_key, topic, record_key, ce_type, ce_id, payload FROM outbox"
                      + " ORDER BY id LIMIT ? FOR UPDATE")) {
            statement.setInt(1, limit);
            List<OutboxRecord> result = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                result.add(
                    new OutboxRecord(
                        rs.getLong("id"),
                        rs.getString("dedup_key"),
                        rs.getString("topic"),
                        rs.getString("record_key"),
                        rs.getString("ce_type"),
                        rs.getString("ce_id"),
                        rs.getString("payload")));
              }
            }
            return result;
          }
        });
  }

  public void delete(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("DELETE FROM outbox WHERE id = ANY(?)")) {
            statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            statement.executeUpdate();
            return null;
          }
        });
  }

  /** When the record first in line was last queued or replaced; null when the outbox is empty. */
  public Instant oldestQueuedAt() {
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT created_at FROM outbox ORDER BY id LIMIT 1");
              ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getObject(1, java.time.OffsetDateTime.class).toInstant() : null;
          }
        });
  }

  /** Records not yet published. */
  public long pending() {
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT count(*) FROM outbox");
              ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
          }
        });
  }
}
