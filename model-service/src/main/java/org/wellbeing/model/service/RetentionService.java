package org.wellbeing.model.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wellbeing.common.persistence.Retention;
import org.wellbeing.contract.IsoWeek;
import org.wellbeing.model.config.ModelConfig;

/**
 * Deletes model-service's data past its retention once an hour: raw events by their end, days by
 * their date, team weeks by their week (the access log has its own purge in {@link AccessService}).
 */
@ApplicationScoped
public class RetentionService {

  private final Retention retention;
  private final Duration events;
  private final Duration days;
  private final Duration teamWeeks;

  public RetentionService(Retention retention, ModelConfig config) {
    this.retention = retention;
    this.events = Retention.atLeastMinimum("events", config.retention().events());
    this.days = Retention.atLeastMinimum("days", config.retention().days());
    this.teamWeeks = Retention.atLeastMinimum("team weeks", config.retention().teamWeeks());
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
    Map<String, Long> deleted = new LinkedHashMap<>();
    deleted.put(
        "events",
        retention.purge("events", "work_event", "end_at < ?", Timestamp.from(now.minus(events))));
    deleted.put(
        "days",
        retention.purge(
            "days", "daily_metrics", "date < ?", java.sql.Date.valueOf(date(now, days))));
    deleted.put(
        "team_weeks",
        retention.purge(
            "team_weeks",
            "team_week_metrics",
            "week < ?",
            IsoWeek.of(date(now, teamWeeks)).toString()));
    return deleted;
  }

  private static LocalDate date(Instant now, Duration keep) {
    return now.minus(keep).atZone(ZoneOffset.UTC).toLocalDate();
  }
}
