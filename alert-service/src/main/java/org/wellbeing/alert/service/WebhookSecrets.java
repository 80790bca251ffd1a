package org.wellbeing.alert.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.wellbeing.alert.config.AlertConfig;
import org.wellbeing.alert.domain.SecretSeal;
import org.wellbeing.alert.persistence.WebhookEntity;

/**
 * Webhook signing secrets at rest: sealed with {@code alerts.notifications.secret-key}, opened only
 * to sign a delivery.
 */
@ApplicationScoped
public class WebhookSecrets {

  private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

  private final Optional<SecretSeal> seal;

  public WebhookSecrets(AlertConfig config) {
    this.seal = config.notifications().secretKey().map(SecretSeal::new);
  }

  public String seal(String secret) {
    return seal.orElseThrow(WebhookSecrets::missing).seal(secret);
  }

  public String open(String stored) {
    if (!SecretSeal.isSealed(stored)) {
      return stored;
    }
    return seal.orElseThrow(WebhookSecrets::missing).open(stored);
  }

  /** Seals the secrets stored in the clear before sealing existed. */
  @Transactional
  void sealStoredSecrets(@Observes StartupEvent start) {
    if (seal.isEmpty()) {
      LOG.warn(
          "alerts.notifications.secret-key is not set: webhooks cannot be registered or signed");
      return;
    }
    List<WebhookEntity> clear =
        WebhookEntity.<WebhookEntity>listAll().stream()
            .filter(w -> !SecretSeal.isSealed(w.secret))
            .toList();
    for (WebhookEntity webhook : clear) {
      webhook.secret = seal.get().seal(webhook.secret);
    }
    if (!clear.isEmpty()) {
      LOG.infof("sealed the signing secrets of %d webhooks stored in the clear", clear.size());
    }
  }

  private static IllegalStateException missing() {
    return new IllegalStateException(
        "alerts.notifications.secret-key is not set: webhook secrets cannot be sealed or opened");
  }
}
