package org.wellbeing.contract;

import java.time.Duration;

/** The Kafka topics of CONTRACT.md. Channel names in each service's configuration use these. */
public final class Topics {

  /** WorkEvents, keyed by personId: ingest-service to model-service. */
  public static final String WORK_EVENTS = "work-events";

  /**
   * DailyMetrics, keyed by personId, one per person and date (latest wins). Time-retained, not
   * compacted: the key names a person, not a day, so compaction would keep one day per person.
   */
  public static final String WELLBEING_METRICS = "wellbeing-metrics";

  /** TeamWeekMetrics, keyed by teamId. */
  public static final String TEAM_METRICS = "team-metrics";

  /** Person and Team records (compacted), keyed by personId or {@code team:<teamId>}. */
  public static final String ORG_DIRECTORY = "org-directory";

  /** AlertEvents, keyed by the alert's subject. */
  public static final String OVERWORK_ALERTS = "overwork-alerts";

  /** Reads of a person's data by someone else, from every service to model-service's log. */
  public static final String ACCESS_LOG = "access-log";

  /** An erasure of a person, from model-service to every service holding their data. */
  public static final String PERSON_ERASURES = "person-erasures";

  /** A service's report that it erased a person, back to model-service. */
  public static final String ERASURE_REPORTS = "erasure-reports";

  /** Key prefix of Team records on {@link #ORG_DIRECTORY}. */
  public static final String TEAM_KEY_PREFIX = "team:";

  /** Suffix of the dead-letter topic that receives a source topic's rejected records. */
  public static final String DLQ_SUFFIX = "-dlq";

  /** How long a replay of work-events or wellbeing-metrics reaches back. */
  public static final Duration REPLAY_WINDOW = Duration.ofDays(365);

  /** How long dead letters, access records and erasure reports wait for someone to read them. */
  public static final Duration INSPECTION_WINDOW = Duration.ofDays(30);

  /**
   * How a topic keeps its records: compacted (the latest value per key, forever) or deleted after
   * {@code retention}. Services create topics with it and the Strimzi manifests repeat it.
   */
  public record Policy(boolean compacted, Duration retention) {}

  private Topics() {}

  /** The retention policy of {@code topic} (a dead-letter topic is kept for inspection). */
  public static Policy policy(String topic) {
    if (topic.endsWith(DLQ_SUFFIX)) {
      return new Policy(false, INSPECTION_WINDOW);
    }
    return switch (topic) {
      case ORG_DIRECTORY -> new Policy(true, null);
      // an erasure must outlive every record of the person a replay could bring back
      case WORK_EVENTS, WELLBEING_METRICS, TEAM_METRICS, PERSON_ERASURES ->
          new Policy(false, REPLAY_WINDOW);
      case OVERWORK_ALERTS -> new Policy(false, Duration.ofDays(90));
      case ACCESS_LOG, ERASURE_REPORTS -> new Policy(false, INSPECTION_WINDOW);
      default -> throw new IllegalArgumentException("not a topic of the contract: " + topic);
    };
  }

  /** The dead-letter topic of {@code topic}. */
  public static String deadLetter(String topic) {
    return topic + DLQ_SUFFIX;
  }
}
