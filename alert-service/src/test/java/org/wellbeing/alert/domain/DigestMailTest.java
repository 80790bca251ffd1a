package org.wellbeing.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestMailTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode digest(String subject) {
    ObjectNode digest = JSON.createObjectNode().put("recipient", "maria");
    ObjectNode change = digest.putArray("changes").addObject().put("type", "OPENED");
    change.put("occurredAt", "2026-03-04T09:00:00Z");
    change
        .putObject("alert")
        .put("rule", "WEEKLY_HOURS")
        .put("severity", "WARNING")
        .put("subject", subject)
        .put("period", "2026-W10")
        .put("value", 50.0)
        .put("threshold", 48.0);
    return digest;
  }

  @Test
  void theMailShowsEachChangeAtTheRecipientsLocalTime() {
    DigestMail mail = DigestMail.of(digest("alice"), ZoneId.of("Europe/Berlin"));

    assertThat(mail.subject()).isEqualTo("1 wellbeing alert change for maria");
    assertThat(mail.text())
        .contains(
            "- OPENED · WARNING · WEEKLY_HOURS · alice · 2026-W10 (50.0 against 48.0)"
                + " [2026-03-04 10:00]")
        .contains("Times are in Europe/Berlin.");
    assertThat(mail.html()).contains("<li>OPENED · WARNING · WEEKLY_HOURS · alice");
    assertThat(DigestMail.of(digest("alice"), ZoneId.of("Asia/Tokyo")).text())
        .contains("[2026-03-04 18:00]");
  }

  @Test
  void valuesFromTheDigestAreEscapedInTheHtml() {
    DigestMail mail = DigestMail.of(digest("<script>x</script>"), ZoneId.of("UTC"));

    assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;x&lt;/script&gt;");
  }
}
