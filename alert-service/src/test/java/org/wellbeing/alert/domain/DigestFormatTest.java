package org.wellbeing.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DigestFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode digest(int changes) {
    ObjectNode digest = JSON.createObjectNode();
    digest.put("idempotencyKey", "k-1");
    digest.put("recipient", "maria");
    ArrayNode list = digest.putArray("changes");
    for (int i = 0; i < changes; i++) {
      ObjectNode change = list.addObject().put("type", "OPENED");
      ObjectNode alert = change.putObject("alert");
      alert.put("rule", "WEEKLY_HOURS").put("severity", "WARNING").put("subject", "alice" + i);
      alert.put("period", "2026-W10").put("value", 50.0).put("threshold", 48.0);
      alert.putObject("evidence").put("summary", "50.00 h worked in 2026-W10");
    }
    return digest;
  }

  @Test
  void jsonIsTheDigestItself() {
    ObjectNode digest = digest(1);
    assertThat(DigestFormat.JSON.render(digest)).isEqualTo(digest.toString());
  }

  @Test
  void slackGetsAFallbackTextAHeaderAndOneSectionAChange() throws Exception {
    JsonNode message = JSON.readTree(DigestFormat.SLACK.render(digest(2)));

    assertThat(message.path("text").asText()).isEqualTo("2 wellbeing alert changes for maria");
    JsonNode blocks = message.path("blocks");
    assertThat(blocks).hasSize(3);
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
    assertThat(blocks.get(1).path("text").path("type").asText()).isEqualTo("mrkdwn");
    assertThat(blocks.get(1).path("text").path("text").asText())
        .isEqualTo(
            "*OPENED* · WARNING · `WEEKLY_HOURS` · alice0 · 2026-W10: 50.00 h worked in 2026-W10"
                + " (50.0 against 48.0)");
  }

  @Test
  void teamsGetsOneAdaptiveCardWithATextBlockAChange() throws Exception {
    JsonNode message = JSON.readTree(DigestFormat.TEAMS.render(digest(1)));

    assertThat(message.path("type").asText()).isEqualTo("message");
    JsonNode attachment = message.path("attachments").get(0);
    assertThat(attachment.path("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = attachment.path("content");
    assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.path("body")).hasSize(2);
    assertThat(card.path("body").get(0).path("text").asText())
        .isEqualTo("1 wellbeing alert change for maria");
    assertThat(card.path("body").get(1).path("text").asText())
        .startsWith("**OPENED** · WARNING · WEEKLY_HOURS · alice0");
  }

  @Test
  void aLongDigestShowsTheFirstChangesAndCountsTheRest() throws Exception {
    int changes = DigestFormat.MAX_LINES + 7;
    JsonNode slack = JSON.readTree(DigestFormat.SLACK.render(digest(changes))).path("blocks");
    JsonNode teams =
        JSON.readTree(DigestFormat.TEAMS.render(digest(changes)))
            .path("attachments")
            .get(0)
            .path("content")
            .path("body");

    // Slack refuses more than 50 blocks
    assertThat(slack).hasSize(DigestFormat.MAX_LINES + 2).hasSizeLessThanOrEqualTo(50);
    assertThat(slack.get(slack.size() - 1).path("elements").get(0).path("text").asText())
        .isEqualTo("and 7 more");
    assertThat(teams.get(teams.size() - 1).path("text").asText()).isEqualTo("and 7 more");
  }

  @Test
  void onlyTheThreeFormatsAreKnown() {
    assertThat(DigestFormat.parse("slack")).contains(DigestFormat.SLACK);
    assertThat(DigestFormat.parse("teams")).contains(DigestFormat.TEAMS);
    assertThat(DigestFormat.parse("json")).contains(DigestFormat.JSON);
    assertThat(DigestFormat.parse("SLACK")).isEmpty();
    assertThat(DigestFormat.parse("xml")).isEmpty();
  }
}
