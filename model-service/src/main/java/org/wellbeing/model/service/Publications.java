package org.wellbeing.model.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.wellbeing.common.outbox.OutboxRecord;
import org.wellbeing.common.outbox.OutboxWriter;
import org.wellbeing.contract.CloudEvents;
import org.wellbeing.contract.DailyMetrics;
import org.wellbeing.contract.Person;
import org.wellbeing.contract.PersonErasure;
import org.wellbeing.contract.Team;
import org.wellbeing.contract.TeamWeekMetrics;
import org.wellbeing.contract.Topics;

/**
 * What model-service publishes, queued in the current transaction. Each topic here is latest-wins
 * per key, so a newer unpublished record replaces an older one of the same person and date, team
 * and week, or directory entry.
 */
@ApplicationScoped
public class Publications {

  private final OutboxWriter outbox;

  public Publications(OutboxWriter outbox) {
    this.outbox = outbox;
  }

  public OutboxRecord dailyMetrics(DailyMetrics m) {
    String id = m.personId() + "/" + m.date();
    return outbox.record(
        "dm:" + id,
        Topics.WELLBEING_METRICS,
        m.personId(),
        CloudEvents.TYPE_DAILY_METRICS,
        id + "@" + m.computedAt().toEpochMilli(),
        m);
  }

  public OutboxRecord teamWeek(TeamWeekMetrics m) {
    String id = m.teamId() + "/" + m.week();
    return outbox.record(
        "tw:" + id,
        Topics.TEAM_METRICS,
        m.teamId(),
        CloudEvents.TYPE_TEAM_WEEK_METRICS,
        id + "@" + m.computedAt().toEpochMilli(),
        m);
  }

  public OutboxRecord person(Person p, long revision) {
    return outbox.record(
        "person:" + p.personId(),
        Topics.ORG_DIRECTORY,
        p.personId(),
        CloudEvents.TYPE_PERSON,
        "person/" + p.personId() + "@" + revision,
        p);
  }

  public OutboxRecord team(Team t, long revision) {
    String key = Topics.TEAM_KEY_PREFIX + t.teamId();
    return outbox.record(
        key, Topics.ORG_DIRECTORY, key, CloudEvents.TYPE_TEAM, key + "@" + revision, t);
  }

  /**
   * Tombstones for every key of the person on the compacted topics: org-directory alone. Their
   * records on the time-retained topics expire with them, and the erasure record, kept as long,
   * tells every consumer of a replay to drop them.
   */
  public List<OutboxRecord> tombstones(String personId, String erasureId) {
    return List.of(
        outbox.tombstone(Topics.ORG_DIRECTORY, personId, "erasure/" + erasureId + "/directory"));
  }

  public OutboxRecord erasure(PersonErasure erasure) {
    return outbox.record(
        null,
        Topics.PERSON_ERASURES,
        erasure.personId(),
        CloudEvents.TYPE_PERSON_ERASURE,
        "erasure/" + erasure.erasureId(),
        erasure);
  }

  public void queue(List<OutboxRecord> records) {
    outbox.queue(records);
  }
}
