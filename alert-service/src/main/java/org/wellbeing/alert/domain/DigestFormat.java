package org.wellbeing.alert.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;

/**
 * The body a webhook receives for a digest: our own JSON, or the message shape of a chat tool's
 * incoming webhook (Slack's blocks, a Microsoft Teams Adaptive Card), which those tools post into a
 * channel as they are.
 */
public enum DigestFormat {
  /** The digest document itself: idempotencyKey, webhookId, recipient, generatedAt, changes. */
  JSON,
  /** A Slack incoming-webhook message: a fallback {@code text} and one section block a change. */
  SLACK,
  /** A Microsoft Teams workflow message holding one Adaptive Card, one text block a change. */
  TEAMS,
  /**
   * An e-mail to each recipient's addresses in the directory instead of a POST; the stored body is
   * the JSON digest, written out as {@link DigestMail} in the recipient's time zone when sent.
   */
  EMAIL;

  /**
   * Changes written out one by one in a chat message; the rest are counted. Slack takes at most 50
   * blocks, and a channel message should stay readable.
   */
  static final int MAX_LINES = 40;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The format named {@code name} ({@code json}, {@code slack}, {@code teams}), if any. */
  public static Optional<DigestFormat> parse(String name) {
    for (DigestFormat format : values()) {
      if (format.key().equals(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The name in webhook registrations. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The body to POST for {@code digest}. */
  public String render(ObjectNode digest) {
    JsonNode changes = digest.path("changes");
    return switch (this) {
      case JSON, EMAIL -> digest.toString();
      case SLACK -> slack(digest, changes).toString();
      case TEAMS -> teams(digest, changes).toString();
    };
  }

  private static ObjectNode slack(ObjectNode digest, JsonNode changes) {
    ObjectNode message = NODES.objectNode();
    message.put("text", title(digest, changes));
    ArrayNode blocks = message.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header.putObject("text").put("type", "plain_text").put("text", title(digest, changes));
    int shown = 0;
    for (JsonNode change : changes) {
      if (shown++ == MAX_LINES) {
        break;
      }
      blocks
          .addObject()
          .put("type", "section")
          .putObject("text")
          .put("type", "mrkdwn")
          .put("text", line(change, "*", "`"));
    }
    if (changes.size() > MAX_LINES) {
      blocks
          .addObject()
          .put("type", "context")
          .putArray("elements")
          .addObject()
          .put("type", "mrkdwn")
          .put("text", "and %d more".formatted(changes.size() - MAX_LINES));
    }
    return message;
  }

  private static ObjectNode teams(ObjectNode digest, JsonNode changes) {
    ObjectNode message = NODES.objectNode();
    message.put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.putNull("contentUrl");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    ArrayNode body = card.putArray("body");
    body.addObject()
        .put("type", "TextBlock")
        .put("text", title(digest, changes))
        .put("weight", "Bolder")
        .put("size", "Medium")
        .put("wrap", true);
    int shown = 0;
    for (JsonNode change : changes) {
      if (shown++ == MAX_LINES) {
        break;
      }
      body.addObject()
          .put("type", "TextBlock")
          .put("text", line(change, "**", ""))
          .put("wrap", true);
    }
    if (changes.size() > MAX_LINES) {
      body.addObject()
          .put("type", "TextBlock")
          .put("text", "and %d more".formatted(changes.size() - MAX_LINES))
          .put("isSubtle", true)
          .put("wrap", true);
    }
    return message;
  }

  static String title(JsonNode digest, JsonNode changes) {
    String recipient = digest.path("recipient").asText(null);
    return "%d wellbeing alert change%s%s"
        .formatted(
            changes.size(),
            changes.size() == 1 ? "" : "s",
            recipient == null ? "" : " for " + recipient);
  }

  /** One change: "OPENED · WARNING · WEEKLY_HOURS · alice · 2026-W10: 50.00 h worked in …". */
  static String line(JsonNode change, String bold, String code) {
    JsonNode alert = change.path("alert");
    String summary = alert.path("evidence").path("summary").asText("");
    StringBuilder text =
        new StringBuilder()
            .append(bold)
            .append(change.path("type").asText())
            .append(bold)
            .append(" · ")
            .append(alert.path("severity").asText())
            .append(" · ")
            .append(code)
            .append(alert.path("rule").asText())
            .append(code)
            .append(" · ")
            .append(alert.path("subject").asText())
            .append(" · ")
            .append(alert.path("period").asText());
    if (!summary.isEmpty()) {
      text.append(": ").append(summary);
    }
    if (alert.hasNonNull("value") && alert.hasNonNull("threshold")) {
      text.append(" (")
          .append(alert.path("value").asText())
          .append(" against ")
          .append(alert.path("threshold").asText())
          .append(")");
    }
    return text.toString();
  }
}
