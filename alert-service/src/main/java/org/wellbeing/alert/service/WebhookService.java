package org.wellbeing.alert.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.wellbeing.alert.domain.DigestFormat;
import org.wellbeing.alert.domain.InvalidInputException;
import org.wellbeing.alert.domain.NotFoundException;
import org.wellbeing.alert.persistence.WebhookEntity;
import org.wellbeing.common.http.OutboundHttp;
import org.wellbeing.contract.Violation;

/** Webhook registrations. */
@ApplicationScoped
public class WebhookService {

  /**
   * A webhook as served; {@code secret} only in the answer to the PUT that created it, and never
   * again.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Webhook(String id, String url, String teamId, String format, String secret) {}

  /** The outcome of a PUT. */
  public record Saved(Webhook webhook, boolean created) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The URL an e-mail channel is stored with: it POSTs nowhere. */
  static final String MAILTO = "mailto:";

  private final Clock clock;

  private final OutboundHttp outbound;
  private final WebhookSecrets secrets;

  public WebhookService(Clock clock, OutboundHttp outbound, WebhookSecrets secrets) {
    this.clock = clock;
    this.outbound = outbound;
    this.secrets = secrets;
  }

  /**
   * Creates a webhook, answering its signing secret this once; or changes the fields of an existing
   * one that are given (non-null; a team given as null, {@code teamGiven}, clears it), leaving the
   * others and never answering the secret.
   */
  @Transactional
  public Saved put(
      String id, String url, boolean teamGiven, String teamId, String secret, String format) {
    List<Violation> violations = new ArrayList<>();
    if (id == null || !id.matches("[A-Za-z0-9._@-]{1,64}")) {
      violations.add(Violation.of("id", "must be 1-64 characters of A-Za-z0-9._@-"));
    }
    WebhookEntity existing = WebhookEntity.findById(id);
    boolean wasEmail = existing != null && DigestFormat.EMAIL.key().equals(existing.format);
    // the format the webhook will have: the one given, else the one it has
    boolean email = format != null ? DigestFormat.EMAIL.key().equals(format) : wasEmail;
    if (email && url != null) {
      violations.add(
          Violation.of(
              "url", "an e-mail channel has no URL: digests go to each recipient's addresses"));
    }
    // a URL is needed by a new HTTP webhook and by an e-mail channel turned into one
    boolean urlNeeded = !email && (existing == null || wasEmail || url != null);
    if (urlNeeded && (url == null || !validUrl(url))) {
      violations.add(
          Violation.of("url", "must be an absolute http or https URL of at most 2048 characters"));
    }
    if (url != null && validUrl(url)) {
      try {
        outbound.check(URI.create(url));
      } catch (OutboundHttp.OutboundException e) {
        violations.add(Violation.of("url", e.getMessage()));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid webhook", violations);
    }
    WebhookEntity webhook = existing;
    boolean created = webhook == null;
    String shown = null;
    if (created) {
      webhook = new WebhookEntity();
      webhook.id = id;
      webhook.createdAt = clock.instant();
      webhook.url = email ? MAILTO : url;
      webhook.teamId = teamId;
      webhook.format = format != null ? format : DigestFormat.JSON.key();
      if (secret == null) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        secret = HexFormat.of().formatHex(bytes);
      }
      shown = secret;
      webhook.secret = secrets.seal(secret);
    } else {
      if (email) {
        webhook.url = MAILTO;
      } else if (url != null) {
        webhook.url = url;
      }
      if (teamGiven) {
        webhook.teamId = teamId;
      }
      if (format != null) {
        webhook.format = format;
      }
      if (secret != null) {
        webhook.secret = secrets.seal(secret);
      }
    }
    webhook.updatedAt = clock.instant();
    webhook.persist();
    return new Saved(new Webhook(id, webhook.url, webhook.teamId, webhook.format, shown), created);
  }

  /** Most webhooks one list answers; the list is ordered by id. */
  public static final int MAX_LISTED = 500;

  /** The webhooks and e-mail channels by id, at most {@link #MAX_LISTED}, never their secrets. */
  @Transactional
  public List<Webhook> list() {
    return WebhookEntity.<WebhookEntity>findAll(Sort.by("id")).page(0, MAX_LISTED).list().stream()
        .map(w -> new Webhook(w.id, w.url, w.teamId, w.format, null))
        .toList();
  }

  @Transactional
  public Webhook get(String id) {
    WebhookEntity webhook = WebhookEntity.findById(id);
    if (webhook == null) {
      throw new NotFoundException("webhook", id);
    }
    return new Webhook(webhook.id, webhook.url, webhook.teamId, webhook.format, null);
  }

  @Transactional
  public void delete(String id) {
    if (!WebhookEntity.deleteById(id)) {
      throw new NotFoundException("webhook", id);
    }
  }

  private static boolean validUrl(String url) {
    try {
      URI uri = URI.create(url);
      return uri.isAbsolute()
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
