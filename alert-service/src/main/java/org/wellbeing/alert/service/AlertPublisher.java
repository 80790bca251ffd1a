package org.wellbeing.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wellbeing.alert.config.AlertConfig;
import org.wellbeing.alert.domain.QuietHours;
import org.wellbeing.alert.domain.RoutingPolicy;
import org.wellbeing.alert.domain.Severity;
import org.wellbeing.alert.persistence.AlertEntity;
import org.wellbeing.alert.persistence.DirectoryPersonEntity;
import org.wellbeing.alert.persistence.NotificationEntity;
import org.wellbeing.alert.persistence.WebhookEntity;
import org.wellbeing.common.outbox.OutboxRecord;
import org.wellbeing.common.outbox.OutboxWriter;
import org.wellbeing.contract.AlertEvent;
import org.wellbeing.contract.CloudEvents;
import org.wellbeing.contract.Topics;
import org.wellbeing.contract.WorkingWindow;

/**
 * Makes alert changes known, in the transaction that made them: an AlertEvent for {@code
 * overwork-alerts}, and a notification per matching webhook, held for the grouping window and the
 * recipient's quiet hours.
 */
@ApplicationScoped
public class AlertPublisher {

  private static final TypeReference<Map<String, List<WorkingWindow>>> WINDOWS =
      new TypeReference<>() {};

  private final OutboxWriter outbox;
  private final AlertMapper mapper;
  private final ObjectMapper json;
  private final AlertConfig config;
  private final Clock clock;
  private final PersonAlerts personAlerts;

  public AlertPublisher(
      OutboxWriter outbox,
      AlertMapper mapper,
      ObjectMapper json,
      AlertConfig config,
      Clock clock,
      PersonAlerts personAlerts) {
    this.personAlerts = personAlerts;
    this.outbox = outbox;
    this.mapper = mapper;
    this.json = json;
    this.config = config;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void publish(List<AlertChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<OutboxRecord> records = new ArrayList<>();
    List<WebhookEntity> webhooks = WebhookEntity.listAll();
    for (AlertChange change : changes) {
      AlertEntity alert = change.alert();
      if (!personAlerts.shown(alert)) {
        continue;
      }
      AlertEvent event =
          new AlertEvent(
              UUID.randomUUID().toString(), change.type(), now, mapper.toContract(alert, true));
      records.add(
          outbox.record(
              null,
              Topics.OVERWORK_ALERTS,
              alert.subject,
              CloudEvents.TYPE_ALERT_EVENT,
              event.eventId(),
              event));
      if (suppressed(change, now)) {
        continue;
      }
      String payload = write(event);
      RoutingPolicy routing = config.notifications().routing();
      boolean aboutPerson = AlertEngine.PERSON.equals(alert.subjectType);
      List<RoutingPolicy.Recipient> recipients =
          routing.recipients(
              new RoutingPolicy.Change(
                  aboutPerson,
                  alert.subject,
                  alert.managerId,
                  Severity.valueOf(alert.severity),
                  AlertChange.OPENED.equals(change.type()),
                  // a query a change, so asked only where the answer matters
                  routing == RoutingPolicy.PERSON_FIRST && aboutPerson && managerTold(alert)),
              config.notifications().managerAfter());
      for (RoutingPolicy.Recipient recipient : recipients) {
        Instant notBefore =
            deliverableAfter(
                recipient.personId(),
                now.plus(config.notifications().groupingWindow()).plus(recipient.delay()));
        for (WebhookEntity webhook : webhooks) {
          if (webhook.teamId != null && !webhook.teamId.equals(alert.teamId)) {
            continue;
          }
          NotificationEntity n = new NotificationEntity();
          n.webhookId = webhook.id;
          n.recipient = recipient.personId();
          n.alertId = alert.id;
          n.eventId = event.eventId();
          n.payload = payload;
          n.notBefore = notBefore;
          n.createdAt = now;
          n.onlyWhileOpen = recipient.onlyWhileOpen();
          n.persist();
        }
      }
    }
    outbox.queue(records);
  }

  /**
   * The first instant at or after {@code at} within the recipient's working windows, when quiet
   * hours are on and the recipient's windows are known.
   */
  public Instant deliverableAfter(String recipient, Instant at) {
    if (!config.notifications().quietHours() || recipient == null) {
      return at;
    }
    DirectoryPersonEntity person = DirectoryPersonEntity.findById(recipient);
    if (person == null || person.timeZone == null || person.workingWindows == null) {
      return at;
    }
    try {
      return QuietHours.nextDeliverable(
          at, ZoneId.of(person.timeZone), json.readValue(person.workingWindows, WINDOWS));
    } catch (JsonProcessingException | java.time.DateTimeException e) {
      return at;
    }
  }

  /**
   * Whether the alert's manager has heard of it or surely will: a copy for them that is not held
   * back (PERSON_FIRST's "only while open" copy counts once it went out).
   */
  private static boolean managerTold(AlertEntity alert) {
    return alert.managerId != null
        && NotificationEntity.count(
                "alertId = ?1 and recipient = ?2 and (onlyWhileOpen = false or deliveryId is not null)",
                alert.id,
                alert.managerId)
            > 0;
  }

  /** An acknowledged alert stays quiet until its acknowledgement runs out; acks are not news. */
  private boolean suppressed(AlertChange change, Instant now) {
    AlertEntity alert = change.alert();
    if (AlertChange.ACKNOWLEDGED.equals(change.type())) {
      return true;
    }
    if (alert.acknowledgedAt == null) {
      return false;
    }
    return alert.ackUntil == null
        || !LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).isAfter(alert.ackUntil);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
