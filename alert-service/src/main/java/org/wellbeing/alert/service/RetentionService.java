package org.wellbeing.alert.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wellbeing.alert.config.AlertConfig;
import org.wellbeing.common.persistence.Retention;

/**
 * Deletes alert-service's data past its retention once an hour: resolved alerts, notifications and
 * deliveries that are done with, daily figures. Open and acknowledged alerts are kept however old.
 */
@ApplicationScoped
public class RetentionService {

  private final Retention retention;
  private final Duration resolvedAlerts;
  private final Duration notifications;
  private final Duration figures;

  public RetentionService(Retention retention, AlertConfig config) {
    this.retention = retention;
    // resolved alerts and notifications feed no rule: they need no minimum
    this.resolvedAlerts = config.retention().resolvedAlerts();
    this.notifications = config.retention().notifications();
    this.figures = Retention.atLeastMinimum("figures", config.retention().figures());
  }

  @Scheduled(
      every = "1h",
      delayed = "5m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void scheduled() {
    purge(Instant.now());
  }

  /** Deletes what is past its retention at {@code now}; how many rows of each kind went. */
  public Map<String, Long> purge(Instant now) {
    Timestamp notified = Timestamp.from(now.minus(notifications));
    Map<String, Long> deleted = new LinkedHashMap<>();
    deleted.put(
        "resolved_alerts",
        retention.purge(
            "resolved_alerts",
            "alert",
            "status = 'RESOLVED' AND resolved_at < ?",
            Timestamp.from(now.minus(resolvedAlerts))));
    deleted.put(
        "notifications",
        retention.purge(
            "notifications",
            "notification",
            "delivery_id IS NOT NULL AND created_at < ?",
            notified));
    deleted.put(
        "deliveries",
        retention.purge(
            "deliveries", "delivery", "status <> 'PENDING' AND created_at < ?", notified));
    deleted.put(
        "figures",
        retention.purge(
            "figures",
            "daily_figure",
            "date < ?",
            java.sql.Date.valueOf(now.minus(figures).atZone(ZoneOffset.UTC).toLocalDate())));
    return deleted;
  }
}
