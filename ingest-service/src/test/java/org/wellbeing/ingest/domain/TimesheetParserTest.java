package org.wellbeing.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wellbeing.contract.EventKind;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEvent;

class TimesheetParserTest {

  private static final Map<String, ZoneId> ZONES =
      Map.of("alice", ZoneId.of("Europe/Berlin"), "bob", ZoneId.of("America/New_York"));

  private final TimesheetParser parser = new TimesheetParser();
  private final List<Violation> violations = new ArrayList<>();

  private List<WorkEvent> parse(String csv) {
    return parser.parse(csv, ZONES::get, 7, violations);
  }

  @Test
  void localTimesAreReadInEachPersonsZone() {
    List<WorkEvent> events =
        parse(
            """
            personId,date,start,end,kind,skill
            alice,2026-03-02,09:00,17:30,WORK,
            bob,2026-03-02,09:00,10:00,learning,kafka
            """);

    assertThat(violations).isEmpty();
    assertThat(events)
        .extracting(
            WorkEvent::personId,
            e -> e.start().toInstant().toString(),
            e -> e.end().toInstant().toString(),
            WorkEvent::kind,
            WorkEvent::skill,
            WorkEvent::version)
        .containsExactly(
            tuple(
                "alice", "2026-03-02T08:00:00Z", "2026-03-02T16:30:00Z", EventKind.WORK, null, 7L),
            tuple(
                "bob",
                "2026-03-02T14:00:00Z",
                "2026-03-02T15:00:00Z",
                EventKind.LEARNING,
                "kafka",
                7L));
  }

  @Test
  void aSkillTooLongToStoreIsABadRowNotASilentLoss() {
    List<WorkEvent> events =
        parse(
            """
            personId,date,start,end,kind,skill
            alice,2026-03-02,09:00,10:00,LEARNING,%s
            alice,2026-03-02,10:00,11:00,LEARNING,%s
            """
                .formatted("k".repeat(64), "k".repeat(65)));

    assertThat(events).hasSize(1);
    assertThat(violations)
        .extracting(Violation::index, Violation::field)
        .containsExactly(tuple(3, "skill"));
  }

  @Test
  void anEndAtOrBeforeTheStartIsOnTheNextDayAnd2400EndsTheDay() {
    List<WorkEvent> events =
        parse(
            """
            personId,date,start,end,kind
            alice,2026-03-02,22:00,06:00,WORK
            alice,2026-03-03,20:00,24:00,WORK
            """);

    assertThat(events)
        .extracting(e -> e.start().toInstant().toString(), e -> e.end().toInstant().toString())
        .containsExactly(
            tuple("2026-03-02T21:00:00Z", "2026-03-03T05:00:00Z"),
            tuple("2026-03-03T19:00:00Z", "2026-03-03T23:00:00Z"));
  }

  @Test
  void timesWithOffsetsNeedNoZoneConversion() {
    List<WorkEvent> events =
        parse(
            """
            personId,date,start,end,kind
            alice,2026-03-02,09:00+00:00,10:00Z,MEETING
            alice,2026-03-02,2026-03-02T11:00:00+01:00,2026-03-02T12:00:00+01:00,FOCUS
            """);

    assertThat(events)
        .extracting(e -> e.start().toInstant().toString(), e -> e.end().toInstant().toString())
        .containsExactly(
            tuple("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"),
            tuple("2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z"));
  }

  @Test
  void badRowsAndUnknownPeopleAreReportedByLineNumber() {
    List<WorkEvent> events =
        parse(
            """
            personId,date,start,end,kind
            alice,2026-03-02,09:00,17:00,WORK
            carol,2026-03-02,09:00,17:00,WORK
            alice,2026-13-02,09:00,17:00,WORK
            alice,2026-03-04,9 am,17:00,NAPPING
            """);

    assertThat(events).hasSize(1);
    assertThat(violations)
        .extracting(Violation::index, Violation::field)
        .containsExactly(
            tuple(3, "personId"), tuple(4, "date"), tuple(5, "kind"), tuple(5, "start"));
  }

  @Test
  void aLeadingEmptyLineIsIgnoredByRowsAndByTheLookupOfPeopleAlike() {
    String csv = "\npersonId,date,start,end,kind\nalice,2026-03-02,09:00,17:00,WORK\n";

    assertThat(parser.personIds(csv)).containsExactly("alice");
    assertThat(parse(csv)).hasSize(1);
    assertThat(violations).isEmpty();
  }

  @Test
  void aFileWithoutTheHeaderIsRejected() {
    parse("alice,2026-03-02,09:00,17:00,WORK\n");

    assertThat(violations).extracting(Violation::index).containsExactly(1);
  }
}
