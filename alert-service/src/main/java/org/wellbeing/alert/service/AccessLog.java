package org.wellbeing.alert.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.wellbeing.common.outbox.OutboxRecord;
import org.wellbeing.common.outbox.OutboxWriter;
import org.wellbeing.common.security.Caller;
import org.wellbeing.contract.AccessRecord;
import org.wellbeing.contract.Alert;
import org.wellbeing.contract.CloudEvents;
import org.wellbeing.contract.Topics;

/**
 * Reads of someone's alerts by anyone else go to {@code access-log}, in the reading transaction,
 * for model-service's per-person access log.
 */
@ApplicationScoped
public class AccessLog {

  private static final String PERSON = "PERSON";

  private final OutboxWriter outbox;
  private final Clock clock;

  public AccessLog(OutboxWriter outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  /** One record per person whose alert {@code caller} read, other than the caller. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(Caller caller, List<Alert> read, String endpoint) {
    Set<String> subjects = new LinkedHashSet<>();
    for (Alert alert : read) {
      if (PERSON.equals(alert.subjectType()) && !caller.is(alert.subject())) {
        subjects.add(alert.subject());
      }
    }
    if (subjects.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<OutboxRecord> records = new ArrayList<>();
    for (String subject : subjects) {
      String id = UUID.randomUUID().toString();
      records.add(
          outbox.record(
              null,
              Topics.ACCESS_LOG,
              subject,
              CloudEvents.TYPE_ACCESS_RECORD,
              id,
              new AccessRecord(id, subject, caller.personId(), endpoint, now)));
    }
    outbox.queue(records);
  }
}
