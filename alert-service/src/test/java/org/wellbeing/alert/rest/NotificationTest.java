package org.wellbeing.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wellbeing.alert.Fixtures;
import org.wellbeing.alert.TestClock;
import org.wellbeing.alert.WebhookReceiver;
import org.wellbeing.alert.domain.Signature;
import org.wellbeing.alert.persistence.DeliveryEntity;
import org.wellbeing.alert.persistence.NotificationEntity;
import org.wellbeing.alert.service.DeliveryDispatcher;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;

/** Webhook notifications: retries, signatures, quiet hours and digests, on a test clock. */
@QuarkusTest
// the suites below test figures, not access: they run as an administrator (see the BOLA matrix)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class NotificationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A Wednesday, 10:00 in Berlin. */
  private static final Instant WEDNESDAY_MORNING = Instant.parse("2026-03-04T09:00:00Z");

  @KafkaBootstrap String bootstrap;
  @Inject TestClock clock;
  @Inject DeliveryDispatcher dispatcher;

  private WebhookReceiver receiver;
  private List<String[]> received;
  private String run;
  private String team;
  private String manager;

  @BeforeEach
  void setUp() throws Exception {
    run = UUID.randomUUID().toString().substring(0, 8);
    team = "team-" + run;
    manager = "mgr-" + run;
    receiver = new WebhookReceiver();
    received = receiver.received();
  }

  @AfterEach
  void tearDown() {
    receiver.close();
    clock.reset();
  }

  @Test
  void deliveryThatFailsTwiceIsRetriedAndArrivesOnceSigned() throws Exception {
    clock.set(WEDNESDAY_MORNING);
    String secret = register();
    directory();
    receiver.failNext(2);
    weekOver48("alice-" + run);

    awaitPendingNotification();
    clock.advance(Duration.ofMinutes(5)); // the grouping window
    dispatchUntil(() -> attemptsRecorded() == 1);
    clock.advance(Duration.ofSeconds(2)); // first back-off
    dispatchUntil(() -> attemptsRecorded() == 2);
    clock.advance(Duration.ofSeconds(4)); // second back-off, doubled
    dispatchUntil(() -> attemptsRecorded() == 3);
    clock.advance(Duration.ofHours(2));
    dispatcher.dispatch();

    assertThat(received).hasSize(3);
    assertThat(received).extracting(r -> r[0]).containsOnly(received.get(0)[0]);
    assertThat(received).extracting(r -> r[2]).containsOnly(received.get(0)[2]);
    assertThat(received.get(2)[1]).isEqualTo(Signature.sign(secret, received.get(2)[0]));
    JsonNode digest = JSON.readTree(received.get(2)[0]);
    assertThat(digest.get("idempotencyKey").asText()).isEqualTo(received.get(2)[2]);
    assertThat(digest.get("recipient").asText()).isEqualTo(manager);
    assertThat(digest.get("changes").get(0).get("alert").get("rule").asText())
        .isEqualTo("WEEKLY_HOURS");
    DeliveryEntity delivery =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    DeliveryEntity.<DeliveryEntity>find("webhookId", "hook-" + run).singleResult());
    assertThat(delivery.status).isEqualTo(DeliveryEntity.SENT);
    assertThat(delivery.attempts).isEqualTo(3);
  }

  @Test
  void nothingIsDeliveredOutsideTheRecipientsWorkingWindows() throws Exception {
    // Saturday 11:00 in Berlin: the manager works Monday to Friday
    clock.set(Instant.parse("2026-03-07T10:00:00Z"));
    register();
    directory();
    weekOver48("bea-" + run);
    awaitPendingNotification();

    clock.advance(Duration.ofHours(12));
    dispatcher.dispatch();
    clock.set(Instant.parse("2026-03-09T07:59:00Z")); // Monday 08:59 in Berlin
    dispatcher.dispatch();
    assertThat(received).isEmpty();

    clock.set(Instant.parse("2026-03-09T08:00:00Z")); // Monday 09:00
    dispatchUntil(() -> received.size() == 1);
  }

  @Test
  void alertsOpenedWithinTheGroupingWindowGoOutAsOneDigestPerManager() throws Exception {
    clock.set(WEDNESDAY_MORNING);
    register();
    directory();
    weekOver48("carl-" + run);
    awaitPendingNotification();
    clock.advance(Duration.ofMinutes(2));
    weekOver48("dora-" + run);
    await().atMost(Duration.ofSeconds(30)).until(() -> pendingNotifications() >= 2);

    clock.advance(Duration.ofMinutes(5));
    dispatchUntil(() -> attemptsRecorded() == 1);
    clock.advance(Duration.ofMinutes(10));
    dispatcher.dispatch();

    assertThat(received).hasSize(1);
    JsonNode changes = JSON.readTree(received.get(0)[0]).get("changes");
    List<String> subjects = new ArrayList<>();
    changes.forEach(c -> subjects.add(c.get("alert").get("subject").asText()));
    assertThat(subjects).contains("carl-" + run, "dora-" + run);
  }

  @Test
  void aBacklogOfChangesForOneManagerGoesOutInDigestsOfBoundedSizeEachChangeOnce()
      throws Exception {
    clock.set(WEDNESDAY_MORNING);
    register();
    directory();
    int backlog = 2 * 500 + 250; // more than two pages of pending rows
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (int i = 0; i < backlog; i++) {
                NotificationEntity n = new NotificationEntity();
                n.webhookId = "hook-" + run;
                n.recipient = manager;
                n.alertId = "alert-" + i;
                n.eventId = run + "-" + i;
                n.payload = "{\"id\": \"%s-%d\", \"alert\": {}}".formatted(run, i);
                n.notBefore = WEDNESDAY_MORNING.minusSeconds(60);
                n.createdAt = WEDNESDAY_MORNING.minusSeconds(60);
                n.persist();
              }
            });

    dispatchUntil(() -> changeIdsReceived().size() >= backlog);

    for (String[] post : List.copyOf(received)) {
      assertThat(JSON.readTree(post[0]).get("changes").size()).isBetween(1, 100);
    }
    assertThat(changeIdsReceived()).hasSize(backlog).doesNotHaveDuplicates();
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        NotificationEntity.count(
                            "webhookId = ?1 and deliveryId is null", "hook-" + run)))
        .isZero();
  }

  @Test
  void aSlackWebhookGetsASlackMessageSignedLikeAnyOther() throws Exception {
    clock.set(WEDNESDAY_MORNING);
    given()
        .contentType("application/json")
        .body("{\"url\": \"http://127.0.0.1:9/hook\", \"format\": \"xml\"}")
        .put("/api/v1/webhooks/bad-" + run)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    String secret = register("slack");
    directory();
    weekOver48("fay-" + run);
    awaitPendingNotification();
    clock.advance(Duration.ofMinutes(5));
    dispatchUntil(() -> attemptsRecorded() == 1);

    assertThat(received).hasSize(1);
    JsonNode message = JSON.readTree(received.get(0)[0]);
    assertThat(message.path("text").asText()).isEqualTo("1 wellbeing alert change for " + manager);
    assertThat(message.path("blocks").get(1).path("text").path("text").asText())
        .contains("`WEEKLY_HOURS`", "fay-" + run, "50.00 h worked in 2026-W10");
    assertThat(received.get(0)[1]).isEqualTo(Signature.sign(secret, received.get(0)[0]));
    given()
        .get("/api/v1/webhooks/hook-" + run)
        .then()
        .statusCode(200)
        .body("format", org.hamcrest.Matchers.equalTo("slack"));
  }

  private String register() {
    return register(null);
  }

  private String register(String format) {
    return given()
        .contentType("application/json")
        .body(
            "{\"url\": \"%s\", \"teamId\": \"%s\"%s}"
                .formatted(
                    receiver.url(), team, format == null ? "" : ", \"format\": \"" + format + "\""))
        .put("/api/v1/webhooks/hook-" + run)
        .then()
        .statusCode(201)
        .extract()
        .path("secret");
  }

  private void directory() {
    Fixtures.teamWithManager(bootstrap, team, manager);
  }

  private void weekOver48(String person) {
    Fixtures.week(bootstrap, person, team, manager, 10);
  }

  private long pendingNotifications() {
    return QuarkusTransaction.requiringNew()
        .call(() -> NotificationEntity.count("webhookId", "hook-" + run));
  }

  private void awaitPendingNotification() {
    await().atMost(Duration.ofSeconds(30)).until(() -> pendingNotifications() >= 1);
  }

  /**
   * Attempts the database has recorded for this run's delivery. The scheduled tick dispatches too,
   * so waiting for the webhook to have been called is not enough: the clock may only move on once
   * the attempt's outcome is stored, or the lease taken for it looks expired.
   */
  private int attemptsRecorded() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                DeliveryEntity.<DeliveryEntity>find("webhookId", "hook-" + run)
                    .firstResultOptional()
                    .map(d -> d.attempts)
                    .orElse(0));
  }

  private List<String> changeIdsReceived() throws Exception {
    List<String> ids = new ArrayList<>();
    for (String[] post : List.copyOf(received)) {
      JSON.readTree(post[0]).get("changes").forEach(c -> ids.add(c.get("id").asText()));
    }
    return ids;
  }

  private void dispatchUntil(java.util.concurrent.Callable<Boolean> condition) {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              dispatcher.dispatch();
              return condition.call();
            });
  }
}
