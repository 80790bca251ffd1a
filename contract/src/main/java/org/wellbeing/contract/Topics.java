package org.wellbeing.contract;

/** The Kafka topics of CONTRACT.md. Channel names in each service's configuration use these. */
public final class Topics {

  /** WorkEvents, keyed by personId: ingest-service to model-service. */
  public static final String WORK_EVENTS = "work-events";

  /** DailyMetrics, keyed by personId, one per person and date (latest wins). */
  public static final String WELLBEING_METRICS = "wellbeing-metrics";

  /** TeamWeekMetrics, keyed by teamId. */
  public static final String TEAM_METRICS = "team-metrics";

  /** Person and Team records (compacted), keyed by personId or {@code team:<teamId>}. */
  public static final String ORG_DIRECTORY = "org-directory";

  /** AlertEvents, keyed by the alert's subject. */
  public static final String OVERWORK_ALERTS = "overwork-alerts";

  /** Key prefix of Team records on {@link #ORG_DIRECTORY}. */
  /** Reads of a person's data by someone else, from every service to model-service's log. */
  public static final String ACCESS_LOG = "access-log";

  /** An erasure of a person, from model-service to every service holding their data. */
  public static final String PERSON_ERASURES = "person-erasures";

  /** A service's report that it erased a person, back to model-service. */
  public static final String ERASURE_REPORTS = "erasure-reports";

  public static final String TEAM_KEY_PREFIX = "team:";

  /** Suffix of the dead-letter topic that receives a source topic's rejected records. */
  public static final String DLQ_SUFFIX = "-dlq";

  private Topics() {}

  /** The dead-letter topic of {@code topic}. */
  public static String deadLetter(String topic) {
    return topic + DLQ_SUFFIX;
  }
}
