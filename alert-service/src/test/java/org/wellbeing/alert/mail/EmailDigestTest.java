package org.wellbeing.alert.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wellbeing.alert.Fixtures;
import org.wellbeing.alert.TestClock;
import org.wellbeing.alert.persistence.DeliveryEntity;
import org.wellbeing.alert.persistence.NotificationEntity;
import org.wellbeing.alert.service.DeliveryDispatcher;
import org.wellbeing.testing.KafkaBootstrap;
import org.wellbeing.testing.KafkaResource;
import org.wellbeing.testing.PostgresResource;

/**
 * An e-mail channel: a digest reaches the manager's directory address through a real SMTP server,
 * as text and HTML, with times in the manager's zone.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(GreenMailResource.class)
class EmailDigestTest {

  /** A Wednesday, 10:00 in Berlin. */
  private static final Instant WEDNESDAY_MORNING = Instant.parse("2026-03-04T09:00:00Z");

  @KafkaBootstrap String bootstrap;
  @Inject TestClock clock;
  @Inject DeliveryDispatcher dispatcher;

  @AfterEach
  void tearDown() {
    clock.reset();
  }

  @Test
  void aDigestIsMailedToTheManagersAddressInTheirTimeZone() throws Exception {
    clock.set(WEDNESDAY_MORNING);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String team = "team-" + run;
    String manager = "mgr-" + run;
    given()
        .contentType("application/json")
        .body("{\"format\": \"email\", \"url\": \"https://example.org/hook\"}")
        .put("/api/v1/webhooks/mail-bad-" + run)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType("application/json")
        .body("{\"format\": \"email\", \"teamId\": \"%s\"}".formatted(team))
        .put("/api/v1/webhooks/mail-" + run)
        .then()
        .statusCode(201)
        .body("format", org.hamcrest.Matchers.equalTo("email"));

    Fixtures.teamWithManager(bootstrap, team, manager);
    String alice = "alice-" + run;
    Fixtures.week(bootstrap, alice, team, manager, 10);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                        .call(() -> NotificationEntity.count("webhookId", "mail-" + run))
                    >= 1);

    clock.advance(Duration.ofMinutes(5));
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              dispatcher.dispatch();
              return GreenMailResource.server().getReceivedMessages().length > 0;
            });

    MimeMessage mail = GreenMailResource.server().getReceivedMessages()[0];
    assertThat(mail.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly(manager + "@example.org");
    assertThat(mail.getSubject()).isEqualTo("1 wellbeing alert change for " + manager);
    Map<String, String> parts = new HashMap<>();
    collect(mail, parts);
    assertThat(parts).containsKeys("text/plain", "text/html");
    assertThat(parts.get("text/plain"))
        .contains("- OPENED · WARNING · WEEKLY_HOURS · " + alice + " · 2026-W10")
        .contains("[2026-03-04 10:00]")
        .contains("Times are in Europe/Berlin.");
    assertThat(parts.get("text/html")).contains("<li>OPENED · WARNING · WEEKLY_HOURS · " + alice);
    DeliveryEntity delivery =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    DeliveryEntity.<DeliveryEntity>find("webhookId", "mail-" + run).singleResult());
    assertThat(delivery.status).isEqualTo(DeliveryEntity.SENT);
    assertThat(mail.getMessageID()).isEqualTo("<" + delivery.idempotencyKey + "@wellbeing>");
  }

  /** The decoded text of every part of {@code part}, by its content type. */
  private static void collect(Part part, Map<String, String> parts) throws Exception {
    Object content = part.getContent();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), parts);
      }
    } else if (content instanceof String text) {
      parts.put(
          part.getContentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT), text);
    }
  }
}
