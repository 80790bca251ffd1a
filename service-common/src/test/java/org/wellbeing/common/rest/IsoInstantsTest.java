package org.wellbeing.common.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

  private static final String CHARS = "0123456789-:TZtz.+ ";

  @Test
  void readsEveryTextExactlyAsTheGeneralParserDoes() {
    List<String> texts =
        new ArrayList<>(
            List.of(
                "2026-03-02T09:00:00Z",
                "2026-03-02T09:00:00.5Z",
                "2026-03-02T09:00:00.123456789Z",
                "2026-03-02T09:00:00.1234567891Z",
                "2026-03-02T09:00:00.Z",
                "2026-03-02T09:00Z",
                "2026-03-02T09:00:00+01:00",
                "2026-03-02t09:00:00z",
                "2024-02-29T23:59:59Z",
                "2026-02-29T10:00:00Z",
                "2026-02-30T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-00-01T10:00:00Z",
                "2026-03-02T24:00:00Z",
                "2026-03-02T23:60:00Z",
                "2026-03-02T23:59:60Z",
                "0000-01-01T00:00:00Z",
                "+2026-03-02T09:00:00Z",
                "２026-03-02T09:00:00Z",
                "2026-03-02 09:00:00Z"));
    Random random = new Random(13);
    for (int i = 0; i < 200_000; i++) {
      // well-formed texts with one character changed, and digits that run out of range
      String fraction =
          random.nextInt(3) == 0 ? "." + "123456789012".substring(random.nextInt(12)) : "";
      StringBuilder text =
          new StringBuilder(
              "%04d-%02d-%02dT%02d:%02d:%02d%sZ"
                  .formatted(
                      random.nextInt(10_000),
                      random.nextInt(14),
                      random.nextInt(33),
                      random.nextInt(26),
                      random.nextInt(62),
                      random.nextInt(62),
                      fraction));
      if (random.nextBoolean()) {
        text.setCharAt(random.nextInt(text.length()), CHARS.charAt(random.nextInt(CHARS.length())));
      }
      texts.add(text.toString());
    }
    int parsed = 0;
    for (String text : texts) {
      OffsetDateTime expected;
      try {
        expected = OffsetDateTime.parse(text);
      } catch (DateTimeException e) {
        assertThatThrownBy(() -> IsoInstants.parse(text))
            .as(text)
            .isInstanceOf(DateTimeException.class)
            .hasMessage(e.getMessage());
        continue;
      }
      OffsetDateTime actual = IsoInstants.parse(text);
      assertThat(actual).as(text).isEqualTo(expected);
      assertThat(actual.getOffset()).as(text).isEqualTo(expected.getOffset());
      parsed++;
    }
    // both kinds were met many times, so neither half of the comparison is vacuous
    assertThat(parsed).isGreaterThan(10_000);
    assertThat(texts.size() - parsed).isGreaterThan(10_000);
  }
}
