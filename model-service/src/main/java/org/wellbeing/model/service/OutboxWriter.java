package org.wellbeing.model.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.UncheckedIOException;
import java.util.List;
import org.wellbeing.contract.CloudEvents;
import org.wellbeing.contract.DailyMetrics;
import org.wellbeing.contract.Person;
import org.wellbeing.contract.Team;
import org.wellbeing.contract.TeamWeekMetrics;
import org.wellbeing.contract.Topics;
import org.wellbeing.model.persistence.OutboxRecord;
import org.wellbeing.model.persistence.OutboxRepository;

/**
 * Queues records for publication in the current transaction. Each topic here is latest-wins per
 * key, so a newer unpublished record replaces an older one of the same person and date, team and
 * week, or directory entry.
 */
@ApplicationScoped
public class OutboxWriter {

  /** Fired once records were queued; the relay wakes up after the transaction commits. */
  public record RecordsQueued(int count) {}

  private final OutboxRepository outbox;
  private final ObjectMapper json;
  private final Event<RecordsQueued> queued;

  public OutboxWriter(OutboxRepository outbox, ObjectMapper json, Event<RecordsQueued> queued) {
    this.outbox = outbox;
    this.json = json;
    this.queued = queued;
  }

  public OutboxRecord dailyMetrics(DailyMetrics m) {
    String id = m.personId() + "/" + m.date();
    return OutboxRecord.of(
        "dm:" + id,
        Topics.WELLBEING_METRICS,
        m.personId(),
        CloudEvents.TYPE_DAILY_METRICS,
        id + "@" + m.computedAt().toEpochMilli(),
        write(m));
  }

  public OutboxRecord teamWeek(TeamWeekMetrics m) {
    String id = m.teamId() + "/" + m.week();
    return OutboxRecord.of(
        "tw:" + id,
        Topics.TEAM_METRICS,
        m.teamId(),
        CloudEvents.TYPE_TEAM_WEEK_METRICS,
        id + "@" + m.computedAt().toEpochMilli(),
        write(m));
  }

  public OutboxRecord person(Person p, long revision) {
    return OutboxRecord.of(
        "person:" + p.personId(),
        Topics.ORG_DIRECTORY,
        p.personId(),
        CloudEvents.TYPE_PERSON,
        "person/" + p.personId() + "@" + revision,
        write(p));
  }

  public OutboxRecord team(Team t, long revision) {
    String key = Topics.TEAM_KEY_PREFIX + t.teamId();
    return OutboxRecord.of(
        key, Topics.ORG_DIRECTORY, key, CloudEvents.TYPE_TEAM, key + "@" + revision, write(t));
  }

  public void queue(List<OutboxRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    outbox.add(records);
    queued.fire(new RecordsQueued(records.size()));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
