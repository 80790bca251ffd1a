package org.wellbeing.ingest.domain;

import java.io.IOException;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.wellbeing.contract.EventKind;
import org.wellbeing.contract.EventStatus;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.contract.WorkEventValidator;

/**
 * Reads a CSV timesheet (RFC 4180) with the header {@code personId,date,start,end,kind[,skill]}.
 * Times are local in the person's zone ({@code 09:00}; an end at or before the start is on the next
 * day; {@code 24:00} ends the day) or carry an offset ({@code 09:00+01:00}, or a full ISO
 * date-time). Every bad row is reported by its line number.
 */
public final class TimesheetParser {

  static final List<String> HEADER = List.of("personId", "date", "start", "end", "kind");
  private static final Pattern LOCAL_TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");
  private static final Pattern OFFSET_TIME =
      Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})");

  /** The people a file names, read as leniently as {@link #parse} reads rows. */
  public java.util.Set<String> personIds(String csv) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(csv == null ? "" : csv), format())) {
      if (parser.getHeaderMap() == null || !parser.getHeaderMap().containsKey("personId")) {
        return ids;
      }
      for (CSVRecord record : parser) {
        String personId = value(record, "personId");
        if (personId != null) {
          ids.add(personId);
        }
      }
    } catch (IOException | RuntimeException e) {
      // parse reports what is wrong with the file
    }
    return ids;
  }

  private static CSVFormat format() {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setTrim(true)
        .setIgnoreEmptyLines(true)
        .setIgnoreSurroundingSpaces(true)
        .get();
  }

  /**
   * The events of {@code csv}; problems go to {@code violations} by line number.
   *
   * @param zoneOf a person's time zone, or null for someone the org directory does not know
   * @param version the version of every event: the upload's, so a corrected file wins
   */
  public List<WorkEvent> parse(
      String csv, Function<String, ZoneId> zoneOf, long version, List<Violation> violations) {
    List<WorkEvent> events = new ArrayList<>();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(csv == null ? "" : csv), format)) {
      Map<String, Integer> header = parser.getHeaderMap();
      if (header == null || !header.keySet().containsAll(HEADER)) {
        violations.add(
            new Violation(1, null, "the header must be personId,date,start,end,kind[,skill]"));
        return events;
      }
      for (CSVRecord record : parser) {
        int line = (int) record.getRecordNumber() + 1;
        WorkEvent event = row(record, line, zoneOf, version, violations);
        if (event != null) {
          events.add(event);
        }
      }
    } catch (IOException | RuntimeException e) {
      violations.add(new Violation(-1, null, "not a readable CSV file: " + e.getMessage()));
    }
    if (events.isEmpty() && violations.isEmpty()) {
      violations.add(new Violation(-1, null, "the file holds no rows"));
    }
    return events;
  }

  private WorkEvent row(
      CSVRecord record,
      int line,
      Function<String, ZoneId> zoneOf,
      long version,
      List<Violation> violations) {
    int before = violations.size();
    String personId = value(record, "personId");
    if (personId == null || !WorkEventValidator.PERSON_ID.matcher(personId).matches()) {
      violations.add(new Violation(line, "personId", "must be 1-64 characters of A-Za-z0-9._@-"));
    }
    ZoneId zone = personId == null ? null : zoneOf.apply(personId);
    if (personId != null && zone == null) {
      violations.add(new Violation(line, "personId", "unknown person: not in the org directory"));
    }
    LocalDate date = null;
    try {
      date = LocalDate.parse(value(record, "date"));
    } catch (DateTimeException | NullPointerException e) {
      violations.add(new Violation(line, "date", "must be a date YYYY-MM-DD"));
    }
    EventKind kind = null;
    try {
      kind = EventKind.valueOf(value(record, "kind").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      violations.add(new Violation(line, "kind", "must be one of " + List.of(EventKind.values())));
    }
    String startText = value(record, "start");
    String endText = value(record, "end");
    OffsetDateTime start = null;
    OffsetDateTime end = null;
    if (date != null && zone != null) {
      start = time(startText, date, zone, false, line, "start", violations);
      end = time(endText, date, zone, true, line, "end", violations);
      if (start != null && end != null && !end.isAfter(start) && local(endText)) {
        // 22:00 to 06:00: a night shift ends the next day
        end = time(endText, date.plusDays(1), zone, true, line, "end", violations);
      }
    }
    if (start != null && end != null && kind != null) {
      Duration span = Duration.between(start.toInstant(), end.toInstant());
      if (span.isNegative() || span.isZero()) {
        violations.add(new Violation(line, "end", "must be after start"));
      } else if (span.compareTo(WorkEvent.maxSpan(kind)) > 0) {
        violations.add(
            new Violation(
                line,
                "end",
                "a %s spans at most %d hours".formatted(kind, WorkEvent.maxSpan(kind).toHours())));
      }
    }
    String skill = record.isMapped("skill") ? value(record, "skill") : null;
    if (skill != null && skill.length() > WorkEventValidator.MAX_SKILL_LENGTH) {
      violations.add(
          new Violation(
              line,
              "skill",
              "must be at most %d characters".formatted(WorkEventValidator.MAX_SKILL_LENGTH)));
    }
    if (violations.size() > before) {
      return null;
    }
    String id =
        "csv:%s:%s:%s:%s".formatted(personId, date, startText, kind).toLowerCase(Locale.ROOT);
    return new WorkEvent(
        id,
        version,
        personId,
        kind,
        start,
        end,
        EventStatus.CONFIRMED,
        kind == EventKind.LEARNING ? skill : null,
        "timesheet",
        null,
        null);
  }

  private static boolean local(String text) {
    return text != null && (LOCAL_TIME.matcher(text).matches() || "24:00".equals(text));
  }

  private static OffsetDateTime time(
      String text,
      LocalDate date,
      ZoneId zone,
      boolean end,
      int line,
      String field,
      List<Violation> violations) {
    try {
      if (text == null) {
        throw new DateTimeException("missing");
      }
      if (end && ("24:00".equals(text) || "24:00:00".equals(text))) {
        return date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
      }
      if (LOCAL_TIME.matcher(text).matches()) {
        return ZonedDateTime.of(date, LocalTime.parse(text), zone).toOffsetDateTime();
      }
      if (OFFSET_TIME.matcher(text).matches()) {
        return OffsetTime.parse(text).atDate(date);
      }
      return OffsetDateTime.parse(text);
    } catch (DateTimeException e) {
      violations.add(
          new Violation(
              line, field, "must be a time HH:mm (local), HH:mm+hh:mm or an ISO date-time"));
      return null;
    }
  }

  private static String value(CSVRecord record, String name) {
    if (!record.isMapped(name) || !record.isSet(name)) {
      return null;
    }
    String value = record.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
