package org.wellbeing.common.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Deletes what is past its retention (docs/PRIVACY.md), in bounded batches of their own
 * transactions, so a first purge of years of history neither holds locks for long nor builds one
 * huge transaction. Counted in {@code wellbeing.retention.deleted{kind}}.
 */
@ApplicationScoped
public class Retention {

  /** Rows per delete statement and transaction. */
  static final int BATCH = 5_000;

  /**
   * The least history any rule needs: AVERAGE_WEEKLY_HOURS reads 17 weeks, SKILL_STAGNATION 28 days
   * on top; a shorter retention is raised to this.
   */
  public static final Duration MINIMUM = Duration.ofDays(17 * 7 + 28);

  private static final Logger LOG = Logger.getLogger(Retention.class);

  private final Sql sql;
  private final MeterRegistry registry;

  public Retention(Sql sql, MeterRegistry registry) {
    this.sql = sql;
    this.registry = registry;
  }

  /** {@code configured}, or {@link #MINIMUM} when it is shorter (with a warning). */
  public static Duration atLeastMinimum(String kind, Duration configured) {
    if (configured.compareTo(MINIMUM) < 0) {
      LOG.warnf(
          "retention of %s (%s) is shorter than the rules need; keeping %s",
          kind, configured, MINIMUM);
      return MINIMUM;
    }
    return configured;
  }

  /**
   * Deletes the rows of {@code table} for which {@code condition} (one {@code ?}, bound to {@code
   * cutoff}) holds.
   *
   * @return how many rows went
   */
  public long purge(String kind, String table, String condition, Object cutoff) {
    String statement =
        "DELETE FROM %s WHERE ctid IN (SELECT ctid FROM %s WHERE %s LIMIT %d)"
            .formatted(table, table, condition, BATCH);
    Counter deleted =
        Counter.builder("wellbeing.retention.deleted")
            .description("Rows deleted because they were past their retention")
            .tag("kind", kind)
            .register(registry);
    long total = 0;
    while (true) {
      int rows =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      sql.run(
                          connection -> {
                            try (PreparedStatement delete =
                                connection.prepareStatement(statement)) {
                              delete.setObject(1, cutoff);
                              return delete.executeUpdate();
                            }
                          }));
      total += rows;
      deleted.increment(rows);
      if (rows < BATCH) {
        break;
      }
      LOG.infof("retention of %s: %d rows deleted so far", kind, total);
    }
    if (total > 0) {
      LOG.infof("retention of %s: %d rows older than %s deleted", kind, total, cutoff);
    }
    return total;
  }
}
