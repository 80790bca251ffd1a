package org.wellbeing.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.wellbeing.alert.config.AlertConfig;
import org.wellbeing.alert.domain.DigestFormat;
import org.wellbeing.alert.domain.Signature;
import org.wellbeing.alert.persistence.AlertEntity;
import org.wellbeing.alert.persistence.DeliveryEntity;
import org.wellbeing.alert.persistence.NotificationEntity;
import org.wellbeing.alert.persistence.WebhookEntity;
import org.wellbeing.common.http.OutboundHttp;

/**
 * Sends notifications to webhooks. Due notifications of one webhook and recipient become one digest
 * (a delivery) with a fixed idempotency key, in the webhook's format (our JSON, Slack, Teams); a
 * delivery is POSTed with an HMAC signature and retried with exponential back-off until a 2xx
 * answer. Deliveries live in the database, so a restart loses none, and a change is never part of
 * two deliveries.
 */
@ApplicationScoped
public class DeliveryDispatcher {

  private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

  private static final String LOCK_TIMEOUT = "jakarta.persistence.lock.timeout";

  /** Hibernate's lock timeout for SKIP LOCKED. */
  private static final int SKIP_LOCKED = -2;

  /**
   * Pending notifications read and locked at a time: a backfill can leave tens of thousands for one
   * recipient, more than the heap holds at once.
   */
  static final int PAGE = 500;

  /** Header that repeats the payload's idempotency key. */
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final AlertConfig config;
  private final AlertPublisher publisher;
  private final ObjectMapper json;
  private final Clock clock;
  private final OutboundHttp http;
  private final WebhookSecrets secrets;
  private final MailChannel mail;
  private final Counter sent;
  private final Counter retried;
  private final Counter failed;

  public DeliveryDispatcher(
      AlertConfig config,
      AlertPublisher publisher,
      ObjectMapper json,
      Clock clock,
      OutboundHttp http,
      WebhookSecrets secrets,
      MailChannel mail,
      MeterRegistry registry) {
    this.mail = mail;
    this.secrets = secrets;
    this.config = config;
    this.publisher = publisher;
    this.json = json;
    this.clock = clock;
    this.http = http;
    this.sent =
        Counter.builder("alerts.notifications.sent")
            .description("Webhook deliveries answered with 2xx")
            .register(registry);
    this.retried =
        Counter.builder("alerts.notifications.retried")
            .description("Webhook delivery attempts that failed and will be retried")
            .register(registry);
    this.failed =
        Counter.builder("alerts.notifications.failed")
            .description("Webhook deliveries given up after the last attempt")
            .register(registry);
  }

  @Scheduled(
      every = "${alerts.notifications.dispatch-interval:1s}",
      delayed = "2s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void tick() {
    try {
      dispatch();
    } catch (RuntimeException e) {
      LOG.warnf("notification dispatch failed, retrying on the next tick: %s", e.toString());
    }
  }

  /** Forms due digests and sends due deliveries; returns how many deliveries were attempted. */
  public int dispatch() {
    for (Long after = 0L; after != null; ) {
      long from = after;
      after = QuarkusTransaction.requiringNew().call(() -> formDigests(from));
    }
    List<Long> due =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Instant now = clock.instant();
                  List<DeliveryEntity> deliveries =
                      DeliveryEntity.<DeliveryEntity>find(
                              "status = ?1 and nextAttemptAt <= ?2 order by id",
                              DeliveryEntity.PENDING,
                              now)
                          .withLock(LockModeType.PESSIMISTIC_WRITE)
                          .withHint(LOCK_TIMEOUT, SKIP_LOCKED)
                          .page(0, 50)
                          .list();
                  // a lease: another replica, or the next tick, leaves these alone meanwhile
                  Instant lease = now.plus(config.notifications().requestTimeout().multipliedBy(3));
                  deliveries.forEach(d -> d.nextAttemptAt = lease);
                  return deliveries.stream().map(d -> d.id).toList();
                });
    for (Long id : due) {
      attempt(id);
    }
    return due.size();
  }

  /**
   * Forms the digests of one page of pending notifications, those after {@code afterId}; returns
   * the page's last id, or null when no page follows. A recipient's changes beyond the digest size
   * go out in further digests, so no digest grows with the backlog.
   */
  private Long formDigests(long afterId) {
    Instant now = clock.instant();
    int size = Math.max(1, config.notifications().digestSize());
    // rows another dispatcher (replica or tick) is working on are skipped, never sent twice
    List<NotificationEntity> pending =
        NotificationEntity.<NotificationEntity>find(
                "deliveryId is null and id > ?1 order by id", afterId)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .withHint(LOCK_TIMEOUT, SKIP_LOCKED)
            .page(0, PAGE)
            .list();
    Map<String, List<NotificationEntity>> groups = new LinkedHashMap<>();
    for (NotificationEntity n : pending) {
      if (n.onlyWhileOpen) {
        if (n.notBefore.isAfter(now)) {
          // a held copy joins no digest before its own time
          continue;
        }
        if (!stillOpen(n.alertId)) {
          // PERSON_FIRST: the person dealt with it in time, so their manager need not hear of it
          n.delete();
          continue;
        }
      }
      groups.computeIfAbsent(n.webhookId + "\u0000" + n.recipient, k -> new ArrayList<>()).add(n);
    }
    for (List<NotificationEntity> group : groups.values()) {
      Instant due = group.stream().map(n -> n.notBefore).min(Instant::compareTo).orElseThrow();
      if (due.isAfter(now)) {
        continue;
      }
      NotificationEntity first = group.get(0);
      Instant deliverable = publisher.deliverableAfter(first.recipient, now);
      if (deliverable.isAfter(now)) {
        // the window passed while we waited: hold the group for the next one
        group.forEach(n -> n.notBefore = deliverable);
        continue;
      }
      WebhookEntity webhook = WebhookEntity.findById(first.webhookId);
      DigestFormat format =
          webhook == null
              ? DigestFormat.JSON
              : DigestFormat.parse(webhook.format).orElse(DigestFormat.JSON);
      for (int from = 0; from < group.size(); from += size) {
        deliver(first, format, group.subList(from, Math.min(group.size(), from + size)), now);
      }
    }
    return pending.size() < PAGE ? null : pending.get(pending.size() - 1).id;
  }

  private void deliver(
      NotificationEntity first,
      DigestFormat format,
      List<NotificationEntity> changes,
      Instant now) {
    DeliveryEntity delivery = new DeliveryEntity();
    delivery.webhookId = first.webhookId;
    delivery.recipient = first.recipient;
    delivery.idempotencyKey = UUID.randomUUID().toString();
    delivery.payload = format.render(digest(delivery, changes, now));
    delivery.status = DeliveryEntity.PENDING;
    delivery.attempts = 0;
    delivery.nextAttemptAt = now;
    delivery.createdAt = now;
    delivery.persist();
    changes.forEach(n -> n.deliveryId = delivery.id);
  }

  private static boolean stillOpen(String alertId) {
    AlertEntity alert = AlertEntity.findById(alertId);
    return alert != null && AlertEngine.OPEN.equals(alert.status);
  }

  private ObjectNode digest(DeliveryEntity delivery, List<NotificationEntity> group, Instant now) {
    ObjectNode body = json.createObjectNode();
    body.put("idempotencyKey", delivery.idempotencyKey);
    body.put("webhookId", delivery.webhookId);
    body.put("recipient", delivery.recipient);
    body.put("generatedAt", now.toString());
    ArrayNode changes = body.putArray("changes");
    for (NotificationEntity n : group) {
      changes.add(read(n.payload));
    }
    return body;
  }

  private void attempt(Long deliveryId) {
    DeliveryEntity snapshot =
        QuarkusTransaction.requiringNew().call(() -> DeliveryEntity.findById(deliveryId));
    WebhookEntity webhook =
        QuarkusTransaction.requiringNew().call(() -> WebhookEntity.findById(snapshot.webhookId));
    String error = null;
    if (webhook == null) {
      error = "webhook deleted";
    } else if (DigestFormat.EMAIL.key().equals(webhook.format)) {
      error = mail.send(snapshot);
    } else {
      try {
        OutboundHttp.Reply response =
            http.send(
                HttpRequest.newBuilder(URI.create(webhook.url))
                    .timeout(config.notifications().requestTimeout())
                    .header("Content-Type", "application/json")
                    .header(
                        Signature.HEADER,
                        Signature.sign(secrets.open(webhook.secret), snapshot.payload))
                    .header(IDEMPOTENCY_HEADER, snapshot.idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(snapshot.payload))
                    .build());
        if (response.status() / 100 != 2) {
          error = "HTTP " + response.status();
        }
      } catch (OutboundHttp.OutboundException e) {
        error = e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error = "interrupted";
      } catch (IllegalArgumentException e) {
        error = "bad URL: " + e.getMessage();
      } catch (IllegalStateException e) {
        // the secret does not open (key missing or rotated): a failed attempt, not a stalled loop
        error = "signing secret unavailable";
      }
    }
    String outcome = error;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              DeliveryEntity d = DeliveryEntity.findById(deliveryId);
              Instant now = clock.instant();
              d.attempts++;
              if (outcome == null) {
                d.status = DeliveryEntity.SENT;
                d.deliveredAt = now;
                d.lastError = null;
                sent.increment();
              } else if (d.attempts >= config.notifications().maxAttempts()) {
                d.status = DeliveryEntity.FAILED;
                d.lastError = outcome;
                failed.increment();
                LOG.warnf("gave up delivery %d to webhook %s: %s", d.id, d.webhookId, outcome);
              } else {
                d.lastError = outcome;
                d.nextAttemptAt = now.plus(backoff(d.attempts));
                retried.increment();
                LOG.debugf(
                    "delivery %d failed (%s); attempt %d at %s",
                    d.id, outcome, d.attempts + 1, d.nextAttemptAt);
              }
            });
  }

  /** Wait after the {@code attempts}-th failure: the initial back-off, doubled each time. */
  Duration backoff(int attempts) {
    Duration wait = config.notifications().initialBackoff();
    for (int i = 1; i < attempts && wait.compareTo(config.notifications().maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(config.notifications().maxBackoff()) > 0
        ? config.notifications().maxBackoff()
        : wait;
  }

  private JsonNode read(String payload) {
    try {
      return json.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
