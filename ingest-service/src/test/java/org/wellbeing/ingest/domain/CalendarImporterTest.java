package org.wellbeing.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.EventKind;
import org.wellbeing.contract.EventStatus;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.ingest.domain.CalendarImporter.Owner;
import org.wellbeing.ingest.domain.CalendarImporter.Result;

class CalendarImporterTest {

  private static final Owner ALICE =
      new Owner("alice", ZoneId.of("Europe/Berlin"), Set.of("alice@example.org"));
  private static final String SOURCE = "calendar:alice";

  private final CalendarImporter importer =
      new CalendarImporter(
          new CalendarImporter.Settings(
              Duration.ofDays(400),
              Duration.ofDays(14),
              CalendarImporter.Settings.defaultCategories(),
              50_000));

  private Result convert(String fixture, String now) {
    return importer.convert(read(fixture), ALICE, SOURCE, Instant.parse(now));
  }

  @Test
  void weeklyRuleSkipsTheExdateAndMovesTheOverriddenOccurrence() {
    Result result = convert("weekly-rrule.ics", "2026-04-15T00:00:00Z");

    assertThat(result.events())
        .extracting(
            WorkEvent::eventId,
            WorkEvent::version,
            WorkEvent::kind,
            e -> e.start().toInstant().toString(),
            e -> e.end().toInstant().toString(),
            WorkEvent::status,
            WorkEvent::title)
        .containsExactly(
            tuple(
                "calendar:alice|weekly-sync@example.org|20260316T090000Z",
                2L,
                EventKind.MEETING,
                "2026-03-16T09:00:00Z",
                "2026-03-16T10:00:00Z",
                EventStatus.CONFIRMED,
                "Weekly sync"),
            // after the switch to summer time 10:00 in Berlin is 08:00Z
            tuple(
                "calendar:alice|weekly-sync@example.org|20260406T080000Z",
                2L,
                EventKind.MEETING,
                "2026-04-06T08:00:00Z",
                "2026-04-06T09:00:00Z",
                EventStatus.CONFIRMED,
                "Weekly sync"),
            // the override keeps the id of the occurrence it replaces
            tuple(
                "calendar:alice|weekly-sync@example.org|20260330T080000Z",
                3L,
                EventKind.MEETING,
                "2026-03-30T12:00:00Z",
                "2026-03-30T13:00:00Z",
                EventStatus.CONFIRMED,
                "Weekly sync (moved)"));
    assertThat(result.events())
        .allSatisfy(
            e -> {
              assertThat(e.personId()).isEqualTo("alice");
              assertThat(e.source()).isEqualTo(SOURCE);
            });
    assertThat(result.skipped()).isZero();
  }

  @Test
  void eventsAcrossDstChangesInBerlinAndNewYorkKeepTheirElapsedTime() {
    Result result = convert("dst.ics", "2026-10-20T00:00:00Z");

    assertThat(result.events())
        .extracting(
            e -> e.eventId().split("\\|")[1],
            e -> e.start().toInstant().toString(),
            e -> e.end().toInstant().toString())
        .containsExactlyInAnyOrder(
            // 01:30 CET to 03:30 CEST: one hour elapsed
            tuple("berlin-spring@example.org", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"),
            // 01:30 CEST to 03:30 CET: three hours elapsed
            tuple("berlin-fall@example.org", "2026-10-24T23:30:00Z", "2026-10-25T02:30:00Z"),
            tuple("ny-weekly@example.org", "2026-03-06T14:00:00Z", "2026-03-06T14:30:00Z"),
            // New York switched on 8 March: 09:00 is now 13:00Z
            tuple("ny-weekly@example.org", "2026-03-13T13:00:00Z", "2026-03-13T13:30:00Z"));
  }

  @Test
  void outlookWindowsZoneNameIsMappedToItsIanaZone() {
    Result result = convert("outlook-windows-tz.ics", "2026-04-15T00:00:00Z");

    assertThat(result.events())
        .extracting(
            WorkEvent::kind,
            e -> e.start().toInstant().toString(),
            e -> e.end().toInstant().toString(),
            WorkEvent::title,
            WorkEvent::version)
        .containsExactly(
            tuple(
                EventKind.MEETING,
                "2026-04-02T07:00:00Z",
                "2026-04-02T10:00:00Z",
                "Quarterly planning",
                1L),
            tuple(
                EventKind.FOCUS, "2026-04-03T11:00:00Z", "2026-04-03T15:00:00Z", "Deep work", 1L));
  }

  @Test
  void allDayOutOfOfficeIsAbsenceAndOtherAllDayOrTransparentEventsAreSkipped() {
    // the transparent out-of-office event is a colleague's, shared into the calendar: skipped
    Result result = convert("all-day.ics", "2026-04-15T00:00:00Z");

    assertThat(result.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.eventId()).isEqualTo("calendar:alice|vacation@example.org");
              assertThat(e.kind()).isEqualTo(EventKind.ABSENCE);
              // midnight to midnight in the person's zone, both days
              assertThat(e.start().toInstant()).isEqualTo(Instant.parse("2026-04-05T22:00:00Z"));
              assertThat(e.end().toInstant()).isEqualTo(Instant.parse("2026-04-07T22:00:00Z"));
              assertThat(e.status()).isEqualTo(EventStatus.CONFIRMED);
            });
    assertThat(result.skipped()).isEqualTo(3);
  }

  @Test
  void declinedMeetingIsSkippedCancelledOneRetractsAndTrainingIsLearningWithItsSkill() {
    Result result = convert("declined-cancelled.ics", "2026-04-15T00:00:00Z");

    assertThat(result.events())
        .extracting(
            e -> e.eventId().split("\\|")[1],
            WorkEvent::kind,
            WorkEvent::status,
            WorkEvent::version,
            WorkEvent::skill)
        .containsExactly(
            tuple("cancelled@example.org", EventKind.MEETING, EventStatus.CANCELLED, 4L, null),
            tuple("accepted@example.org", EventKind.LEARNING, EventStatus.CONFIRMED, 1L, "kafka"));
    assertThat(result.skipped()).isEqualTo(1);
  }

  @Test
  void durationFloatingAndUtcTimesResolve() {
    Result result = convert("duration-floating.ics", "2026-04-15T00:00:00Z");

    assertThat(result.events())
        .extracting(
            e -> e.eventId().split("\\|")[1],
            e -> e.start().toInstant().toString(),
            e -> e.end().toInstant().toString())
        .containsExactly(
            tuple("duration@example.org", "2026-04-13T07:00:00Z", "2026-04-13T09:30:00Z"),
            // floating 16:00 is the person's local time
            tuple("floating@example.org", "2026-04-14T14:00:00Z", "2026-04-14T14:30:00Z"),
            tuple("utc@example.org", "2026-04-14T07:00:00Z", "2026-04-14T08:00:00Z"));
  }

  @Test
  void aSingleEventIsIdentifiedByItsUidAloneSoAMoveReplacesIt() {
    assertThat(convert("duration-floating.ics", "2026-04-15T00:00:00Z").events())
        .extracting(WorkEvent::eventId)
        .containsExactly(
            "calendar:alice|duration@example.org",
            "calendar:alice|floating@example.org",
            "calendar:alice|utc@example.org");
  }

  @Test
  void theSameDocumentTwiceGivesTheSameEvents() {
    assertThat(convert("weekly-rrule.ics", "2026-04-15T00:00:00Z").events())
        .isEqualTo(convert("weekly-rrule.ics", "2026-04-15T00:00:00Z").events());
  }

  @Test
  void occurrencesOutsideTheWindowAreLeftOut() {
    // 400 days back from 2027-05-01 is 2026-03-27: only the April occurrence remains
    assertThat(convert("weekly-rrule.ics", "2027-05-01T00:00:00Z").events())
        .extracting(WorkEvent::eventId)
        .containsExactly(
            "calendar:alice|weekly-sync@example.org|20260406T080000Z",
            "calendar:alice|weekly-sync@example.org|20260330T080000Z");
  }

  @Test
  void aPropertyTheImportDoesNotReadNeverRejectsTheFile() {
    // Google writes CREATED:00001231T000000Z (year 0) for some events, and a VALARM besides
    Result result = convert("google-export.ics", "2026-04-15T00:00:00Z");

    assertThat(result.events())
        .extracting(
            WorkEvent::eventId,
            WorkEvent::kind,
            e -> e.start().toInstant().toString(),
            e -> e.end().toInstant().toString(),
            WorkEvent::title)
        .containsExactly(
            tuple(
                "calendar:alice|0a1b2c3d4e5f@google.com",
                EventKind.MEETING,
                "2026-04-07T08:00:00Z",
                "2026-04-07T09:30:00Z",
                "Design review"));
  }

  @Test
  void aPropertyTheImportReadsStillRejectsTheFileWhenItIsBroken() {
    String broken = read("google-export.ics").replace("20260407T100000", "2026-04-07 10:00");
    assertThatThrownBy(() -> importer.convert(broken, ALICE, SOURCE, Instant.now()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot be parsed");
  }

  @Test
  void ofTwoCopiesOfOneEventTheHigherSequenceWinsThenTheLaterStamp() {
    Result result = convert("duplicate-uid.ics", "2026-04-15T00:00:00Z");

    assertThat(result.events())
        .extracting(
            WorkEvent::eventId,
            WorkEvent::version,
            e -> e.start().toInstant().toString(),
            e -> e.end().toInstant().toString(),
            WorkEvent::title)
        .containsExactlyInAnyOrder(
            tuple(
                "calendar:alice|040000008200E00074C5B7101A82E00800000000D0A4",
                3L,
                "2026-04-07T10:00:00Z",
                "2026-04-07T11:00:00Z",
                "Planning (moved)"),
            tuple(
                "calendar:alice|same-sequence@example.org",
                5L,
                "2026-04-08T14:00:00Z",
                "2026-04-08T15:00:00Z",
                "Retro (later stamp)"));
  }

  @Test
  void aMovedOccurrenceOfAnAllDaySeriesReplacesItsOriginalDay() {
    // Exchange names the moved Monday by local midnight in a Windows zone, not by date; the
    // colleague's leave, shared as free time, is skipped
    Result result = convert("exchange-all-day-series.ics", "2026-04-15T00:00:00Z");

    assertThat(result.events())
        .extracting(
            WorkEvent::eventId,
            WorkEvent::kind,
            e -> e.start().toInstant().toString(),
            e -> e.end().toInstant().toString())
        .containsExactlyInAnyOrder(
            tuple(
                "calendar:alice|parental-leave-mondays@example.org|20260406",
                EventKind.ABSENCE,
                "2026-04-05T22:00:00Z",
                "2026-04-06T22:00:00Z"),
            tuple(
                "calendar:alice|parental-leave-mondays@example.org|20260413",
                EventKind.ABSENCE,
                "2026-04-13T22:00:00Z",
                "2026-04-14T22:00:00Z"),
            tuple(
                "calendar:alice|parental-leave-mondays@example.org|20260420",
                EventKind.ABSENCE,
                "2026-04-19T22:00:00Z",
                "2026-04-20T22:00:00Z"));
    assertThat(result.skipped()).isEqualTo(1);
  }

  @Test
  void aDeclinedInvitationIsSkippedWhateverTheCaseOfEitherAddress() {
    Owner mixedCase = new Owner("alice", ZoneId.of("Europe/Berlin"), Set.of("Alice@Example.org"));
    Result result =
        importer.convert(
            read("outlook-declined.ics"), mixedCase, SOURCE, Instant.parse("2026-04-15T00:00:00Z"));

    assertThat(result.events())
        .extracting(WorkEvent::eventId)
        .containsExactly("calendar:alice|accepted@example.org");
    assertThat(result.skipped()).isEqualTo(1);
  }

  @Test
  void aTitleTooLongToStoreIsShortenedAndATooLongSkillRejectsTheFile() {
    String calendar =
        """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//wellbeing tests//long//EN
        BEGIN:VEVENT
        UID:long@example.org
        DTSTAMP:20260401T000000Z
        SUMMARY:%s
        DTSTART:20260407T090000Z
        DTEND:20260407T100000Z
        END:VEVENT
        END:VCALENDAR
        """;
    Result result =
        importer.convert(
            calendar.formatted("x".repeat(1_100)),
            ALICE,
            SOURCE,
            Instant.parse("2026-04-15T00:00:00Z"));
    assertThat(result.events()).singleElement().satisfies(e -> assertThat(e.title()).hasSize(1024));

    String skill =
        calendar
            .formatted("Course")
            .replace(
                "END:VEVENT", "CATEGORIES:Training,skill:" + "k".repeat(65) + "\r\nEND:VEVENT");
    assertThatThrownBy(
            () -> importer.convert(skill, ALICE, SOURCE, Instant.parse("2026-04-15T00:00:00Z")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("skill");
  }

  private static String series(String rule, String extra) {
    return """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//wellbeing tests//hostile//EN\r
        BEGIN:VEVENT\r
        UID:hostile@example.org\r
        DTSTAMP:20260401T000000Z\r
        DTSTART:20250601T090000Z\r
        DTEND:20250601T090001Z\r
        RRULE:%s\r
        %sEND:VEVENT\r
        END:VCALENDAR\r
        """
        .formatted(rule, extra);
  }

  @Test
  void aSeriesOfEverySecondWithoutEndIsRefusedBeforeItIsExpanded() {
    for (String rule :
        new String[] {
          "FREQ=SECONDLY",
          "FREQ=MINUTELY",
          "FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,5,10,15,20,25,30,35,40,45,50,55"
        }) {
      long started = System.nanoTime();
      assertThatThrownBy(
              () ->
                  importer.convert(
                      series(rule, ""), ALICE, SOURCE, Instant.parse("2026-04-15T00:00:00Z")))
          .as(rule)
          .isInstanceOf(TooManyItemsException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as(rule)
          .isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void anEventWithMoreExdatesThanTheCapIsRefused() {
    StringBuilder exdates = new StringBuilder();
    for (int i = 0; i < 60_000; i++) {
      exdates
          .append(i % 1000 == 0 ? (i == 0 ? "EXDATE:" : "\r\nEXDATE:") : ",")
          .append(
              Instant.parse("2026-04-01T09:00:00Z")
                  .plusSeconds(86_400L * (i % 400) + i / 400)
                  .toString()
                  .replace("-", "")
                  .replace(":", ""));
    }
    long started = System.nanoTime();
    assertThatThrownBy(
            () ->
                importer.convert(
                    series("FREQ=DAILY;COUNT=10", exdates + "\r\n"),
                    ALICE,
                    SOURCE,
                    Instant.parse("2026-04-15T00:00:00Z")))
        .isInstanceOf(TooManyItemsException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void malformedDocumentIsInvalidInput() {
    assertThatThrownBy(() -> convert("malformed.ics", "2026-04-15T00:00:00Z"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot be parsed");
  }

  static String read(String fixture) {
    try (InputStream in = CalendarImporterTest.class.getResourceAsStream("/ics/" + fixture)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
