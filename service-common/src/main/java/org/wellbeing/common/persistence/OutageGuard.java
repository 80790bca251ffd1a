package org.wellbeing.common.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.wellbeing.common.config.PipelineConfig;

/**
 * Runs a consumer's database work until it commits, however long the database is away: an outage
 * (the database down, restarting or unreachable) is waited out with bounded back-off while
 * readiness reports the consumer as waiting; any other failure is the caller's to handle. The work
 * must be its own transaction and idempotent, since a commit whose answer was lost is repeated.
 */
@ApplicationScoped
public class OutageGuard {

  private static final Logger LOG = Logger.getLogger(OutageGuard.class);

  /** Deadlocks and serialization failures retried before the failure is the caller's. */
  private static final int MAX_CONFLICT_RETRIES = 5;

  /**
   * "Connection lost" failures tolerated while the database answers a probe. After a restart the
   * pool still holds dead connections, one consumed per attempt, so this is well above any pool
   * size: only work that keeps losing its own connection (a backend terminated for running away) is
   * handed back, after minutes rather than never.
   */
  static final int MAX_REACHABLE_OUTAGES = 50;

  /** Log a still-waiting line this often. */
  private static final Duration REMINDER = Duration.ofSeconds(30);

  private final PipelineConfig.DatabaseOutage settings;
  private final BooleanSupplier reachable;
  private final Map<String, Instant> waiting = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  @Inject
  public OutageGuard(PipelineConfig config, AgroalDataSource dataSource) {
    this(config.databaseOutage(), () -> reachable(dataSource));
  }

  /**
   * @param reachable whether a connection can be had now: a failure not classified as an outage
   *     still is one when none can
   */
  public OutageGuard(PipelineConfig.DatabaseOutage settings, BooleanSupplier reachable) {
    this.settings = settings;
    this.reachable = reachable;
  }

  /**
   * The result of {@code work}, retried for as long as the database is unreachable.
   *
   * @param consumer what is waiting, for readiness and logs (a channel name)
   * @throws RuntimeException what {@code work} threw when it was not an outage
   */
  public <T> T call(String consumer, Supplier<T> work) {
    Duration backoff = settings.initialBackoff();
    Instant since = null;
    Instant remindAt = null;
    long attempts = 0;
    int reachableOutages = 0;
    int conflicts = 0;
    try {
      while (true) {
        try {
          T result = work.get();
          if (since != null) {
            LOG.infof(
                "%s: the database is back after %s and %d attempts; going on",
                consumer, Duration.between(since, Instant.now()), attempts);
          }
          return result;
        } catch (RuntimeException e) {
          if (DatabaseFaults.isConflict(e) && ++conflicts <= MAX_CONFLICT_RETRIES) {
            // a deadlock or serialization failure with another transaction: try again soon
            sleep(settings.initialBackoff());
            continue;
          }
          boolean outage = DatabaseFaults.isOutage(e);
          boolean reachableNow = reachable.getAsBoolean();
          if (!outage && reachableNow) {
            throw e;
          }
          // a "lost connection" while the database answers is the work's own doing (a
          // terminated backend, a timeout): after a few, it is the caller's to handle
          if (outage && reachableNow && ++reachableOutages > MAX_REACHABLE_OUTAGES) {
            throw e;
          }
          attempts++;
          Instant now = Instant.now();
          if (since == null) {
            since = now;
            remindAt = now.plus(REMINDER);
            waiting.put(consumer, since);
            LOG.warnf(
                "%s: the database is unreachable (%s); waiting for it, nothing is committed"
                    + " meanwhile",
                consumer, e.toString());
          } else if (now.isAfter(remindAt)) {
            remindAt = now.plus(REMINDER);
            LOG.warnf(
                "%s: still waiting for the database after %s (%d attempts)",
                consumer, Duration.between(since, now), attempts);
          }
          if (stopping) {
            throw new GaveUpException(consumer + ": stopping while the database is unreachable", e);
          }
          sleep(backoff);
          backoff = backoff.multipliedBy(2);
          if (backoff.compareTo(settings.maxBackoff()) > 0) {
            backoff = settings.maxBackoff();
          }
        }
      }
    } finally {
      if (since != null) {
        waiting.remove(consumer);
      }
    }
  }

  /**
   * Thrown when waiting for the database ends without it: the service stops or the thread is
   * interrupted. The work was not done and must not be treated as refused.
   */
  public static final class GaveUpException extends RuntimeException {
    public GaveUpException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** {@link #call} for work without a result. */
  public void run(String consumer, Runnable work) {
    call(
        consumer,
        () -> {
          work.run();
          return null;
        });
  }

  /** The consumers waiting for the database, with when they started to. */
  public Map<String, Instant> waiting() {
    return Map.copyOf(waiting);
  }

  private static boolean reachable(AgroalDataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GaveUpException("interrupted while waiting for the database", e);
    }
  }
}
