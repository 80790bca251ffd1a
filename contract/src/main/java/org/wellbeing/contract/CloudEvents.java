package org.wellbeing.contract;

/** CloudEvents attributes in Kafka binary mode: one {@code ce_*} header each. */
public final class CloudEvents {

  public static final String SPEC_VERSION = "1.0";

  public static final String HEADER_ID = "ce_id";
  public static final String HEADER_SOURCE = "ce_source";
  public static final String HEADER_TYPE = "ce_type";
  public static final String HEADER_TIME = "ce_time";
  public static final String HEADER_SPEC_VERSION = "ce_specversion";
  public static final String HEADER_CONTENT_TYPE = "content-type";

  public static final String TYPE_WORK_EVENT = "wellbeing.work-event.v1";
  public static final String TYPE_DAILY_METRICS = "wellbeing.daily-metrics.v1";
  public static final String TYPE_TEAM_WEEK_METRICS = "wellbeing.team-week-metrics.v1";
  public static final String TYPE_PERSON = "wellbeing.person.v1";
  public static final String TYPE_TEAM = "wellbeing.team.v1";
  public static final String TYPE_ALERT_EVENT = "wellbeing.alert-event.v1";
  public static final String TYPE_ACCESS_RECORD = "wellbeing.access-record.v1";
  public static final String TYPE_PERSON_ERASURE = "wellbeing.person-erasure.v1";
  public static final String TYPE_ERASURE_REPORT = "wellbeing.erasure-report.v1";

  /** A tombstone on a compacted topic: the key's records are gone. */
  public static final String TYPE_TOMBSTONE = "wellbeing.tombstone.v1";

  /** Header on dead-letter records that says why the record was rejected. */
  public static final String HEADER_DLQ_REASON = "dead-letter-reason";

  private CloudEvents() {}
}
