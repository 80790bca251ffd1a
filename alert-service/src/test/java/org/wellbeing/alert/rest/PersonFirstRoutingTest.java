package org.wellbeing.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wellbeing.alert.Fixtures;
import org.wellbeing.alert.TestClock;
import org.wellbeing.alert.WebhookReceiver;
import org.wellbeing.alert.persistence.NotificationEntity;
import org.wellbeing.alert.service.DeliveryDispatcher;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;

/**
 * PERSON_FIRST routing on a test clock: the person hears of their own alert first; their manager
 * two hours later if it is still open, never if the person fixed it in time, and at once if it is
 * CRITICAL.
 */
@QuarkusTest
@TestProfile(PersonFirstRoutingTest.PersonFirst.class)
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class PersonFirstRoutingTest {

  /** PERSON_FIRST, the manager told after two hours. */
  public static class PersonFirst implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "alerts.notifications.routing", "PERSON_FIRST",
          "alerts.notifications.manager-after", "2h");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A Wednesday, 10:00 in Berlin. */
  private static final Instant WEDNESDAY_MORNING = Instant.parse("2026-03-04T09:00:00Z");

  @KafkaBootstrap String bootstrap;
  @Inject TestClock clock;
  @Inject DeliveryDispatcher dispatcher;

  private WebhookReceiver receiver;
  private String run;
  private String team;
  private String manager;

  @BeforeEach
  void setUp() throws Exception {
    run = UUID.randomUUID().toString().substring(0, 8);
    team = "team-" + run;
    manager = "mgr-" + run;
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void tearDown() {
    receiver.close();
    clock.reset();
  }

  @Test
  void thePersonHearsFirstAndTheManagerOnlyOfWhatStaysOpenOrIsCritical() throws Exception {
    clock.set(WEDNESDAY_MORNING);
    given()
        .contentType("application/json")
        .body("{\"url\": \"%s\", \"teamId\": \"%s\"}".formatted(receiver.url(), team))
        .put("/api/v1/webhooks/hook-" + run)
        .then()
        .statusCode(201);
    directory();
    String alice = "alice-" + run;
    String ben = "ben-" + run;
    String cem = "cem-" + run;

    // alice: a WARNING that stays open
    week(alice, 10);
    awaitNotifications(2);
    clock.advance(Duration.ofMinutes(5));
    dispatchUntil(() -> digestsFor(alice).size() == 1);
    assertThat(digestsFor(manager)).isEmpty();

    // ben: a WARNING fixed within the two hours
    week(ben, 10);
    awaitNotifications(4);
    clock.advance(Duration.ofMinutes(5));
    dispatchUntil(() -> digestsFor(ben).size() == 1);
    week(ben, 8);
    // ben hears that it resolved; his manager, who never heard of it, does not
    awaitNotifications(5);

    // two hours on: the manager hears of alice's open alert, not of ben's resolved one
    clock.advance(Duration.ofHours(2));
    dispatchUntil(() -> digestsFor(manager).size() == 1 && digestsFor(ben).size() == 2);
    dispatcher.dispatch();
    assertThat(subjects(digestsFor(manager))).containsOnly(alice);
    assertThat(changes(digestsFor(ben))).containsExactly("OPENED", "RESOLVED");

    // cem: CRITICAL (60 h against 55), so the manager hears at once too
    week(cem, 12);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> notificationsFor(cem) == 2 && notificationsFor(manager) >= 2);
    clock.advance(Duration.ofMinutes(5));
    dispatchUntil(() -> digestsFor(cem).size() == 1 && digestsFor(manager).size() == 2);
    assertThat(subjects(List.of(digestsFor(manager).get(1)))).containsOnly(cem);
    assertThat(subjects(digestsFor(cem))).containsOnly(cem);
  }

  private List<JsonNode> digestsFor(String recipient) throws Exception {
    List<JsonNode> digests = new ArrayList<>();
    for (String[] r : receiver.received()) {
      JsonNode digest = JSON.readTree(r[0]);
      if (recipient.equals(digest.path("recipient").asText())) {
        digests.add(digest);
      }
    }
    return digests;
  }

  private static List<String> changes(List<JsonNode> digests) {
    List<String> types = new ArrayList<>();
    digests.forEach(d -> d.path("changes").forEach(c -> types.add(c.path("type").asText())));
    return types;
  }

  private static List<String> subjects(List<JsonNode> digests) {
    List<String> subjects = new ArrayList<>();
    digests.forEach(
        d ->
            d.path("changes").forEach(c -> subjects.add(c.path("alert").path("subject").asText())));
    return subjects;
  }

  /** Notifications addressed to {@code recipient} or about them, from this run's webhook. */
  private long notificationsFor(String person) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                NotificationEntity.count(
                    "webhookId = ?1 and (recipient = ?2 or payload like ?3)",
                    "hook-" + run,
                    person,
                    "%\"subject\":\"" + person + "\"%"));
  }

  private void awaitNotifications(long count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                        .call(() -> NotificationEntity.count("webhookId", "hook-" + run))
                    >= count);
  }

  private boolean dispatchAnd(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    dispatcher.dispatch();
    return condition.call();
  }

  private void dispatchUntil(java.util.concurrent.Callable<Boolean> condition) {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> dispatchAnd(condition));
  }

  private void directory() {
    Fixtures.teamWithManager(bootstrap, team, manager);
  }

  private void week(String person, int hours) {
    Fixtures.week(bootstrap, person, team, manager, hours);
  }
}
