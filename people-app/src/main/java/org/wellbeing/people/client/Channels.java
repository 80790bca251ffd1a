package org.wellbeing.people.client;

import java.time.Instant;

/**
 * The shapes of alert-service's webhooks and ingest-service's feeds, as the admin page shows them.
 */
public final class Channels {

  private Channels() {}

  /** A webhook or e-mail channel (its secret is never listed). */
  public record Webhook(String id, String url, String teamId, String format) {}

  /** A feed subscription and how its polling goes. */
  public record Feed(
      String feedId,
      String personId,
      String url,
      int pollMinutes,
      Instant lastPolledAt,
      Instant lastSuccessAt,
      String lastError,
      Instant lastErrorAt,
      int consecutiveFailures,
      Instant nextPollAt,
      long events) {}
}
