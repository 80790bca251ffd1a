package org.wellbeing.local;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Realistic working days of N people in Berlin (work, a break, two meetings, focus time, some
 * learning and evening work) as {@code work-events} records, day by day as a replay would write
 * them: the load of BackfillBenchmark and Bench.
 */
final class Workdays {

  private static final String EVENTS = "work-events";

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private Workdays() {}

  static List<ProducerRecord<String, String>> records(String prefix, int people, int days) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    LocalDate first = LocalDate.now(ZONE).minusDays(days);
    for (int d = 0; d < days; d++) {
      LocalDate date = first.plusDays(d);
      if (date.getDayOfWeek().getValue() > 5) {
        continue;
      }
      for (int p = 0; p < people; p++) {
        day(records, prefix + "-" + p, date, new Random(31L * p + d));
      }
    }
    return records;
  }

  /**
   * More work today for each person, from {@code from} to {@code to} minutes after midnight: a
   * change at the end of their history; {@code tag} tells the events of one call from another's.
   */
  static List<ProducerRecord<String, String>> extraDay(
      String prefix, int people, int from, int to, String tag) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    LocalDate today = LocalDate.now(ZONE);
    for (int p = 0; p < people; p++) {
      records.add(event(prefix + "-" + p, today, "WORK", from, to, null, tag));
    }
    return records;
  }

  private static void day(
      List<ProducerRecord<String, String>> out, String person, LocalDate date, Random random) {
    int start = 7 * 60 + random.nextInt(150);
    int length = 7 * 60 + random.nextInt(240);
    out.add(event(person, date, "WORK", start, start + length, null, ""));
    out.add(event(person, date, "BREAK", 12 * 60, 12 * 60 + 30, null, ""));
    out.add(event(person, date, "MEETING", 10 * 60, 11 * 60, null, ""));
    out.add(event(person, date, "MEETING", 14 * 60, 14 * 60 + 45, null, ""));
    out.add(event(person, date, "FOCUS", start, start + 90, null, ""));
    if (random.nextInt(3) == 0) {
      out.add(event(person, date, "LEARNING", 15 * 60, 16 * 60, "kafka", ""));
    }
    if (random.nextInt(4) == 0) {
      out.add(event(person, date, "WORK", 20 * 60, 21 * 60 + 30, null, ""));
    }
  }

  private static ProducerRecord<String, String> event(
      String person, LocalDate date, String kind, int from, int to, String skill, String tag) {
    ZonedDateTime start = date.atStartOfDay(ZONE).plusMinutes(from);
    ZonedDateTime end = date.atStartOfDay(ZONE).plusMinutes(to);
    String id = "%s-%s-%s-%d%s".formatted(person, date, kind, from, tag);
    String value =
        """
        {"eventId":"%s","version":1,"personId":"%s","kind":"%s","start":"%s","end":"%s",\
        "status":"CONFIRMED","skill":%s,"source":"benchmark","title":null}"""
            .formatted(
                id,
                person,
                kind,
                start.toOffsetDateTime(),
                end.toOffsetDateTime(),
                skill == null ? "null" : "\"" + skill + "\"");
    return new ProducerRecord<>(EVENTS, person, value);
  }
}
