package org.wellbeing.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.ingest.config.IngestConfig;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.domain.TimesheetParser;
import org.wellbeing.ingest.domain.TooManyItemsException;

/** CSV timesheets: every row checked, local times read in each person's zone, all or nothing. */
@ApplicationScoped
public class TimesheetService {

  static final String SOURCE = "csv";

  private final IngestDirectory directory;
  private final EventIngestService events;
  private final IngestConfig config;
  private final TimesheetParser parser = new TimesheetParser();
  private final Clock clock = Clock.systemUTC();

  public TimesheetService(
      IngestDirectory directory, EventIngestService events, IngestConfig config) {
    this.directory = directory;
    this.events = events;
    this.config = config;
  }

  public int importCsv(String csv) {
    var zones = directory.zones(personIds(csv));
    List<Violation> violations = new ArrayList<>();
    // the upload's time is the version: a corrected file replaces what an earlier one said
    List<WorkEvent> rows = parser.parse(csv, zones::get, clock.millis(), violations);
    if (!violations.isEmpty()) {
      events.rejected(SOURCE, "invalid", Math.max(1, rows.size() + violations.size()));
      long lines = violations.stream().mapToInt(Violation::index).distinct().count();
      throw new InvalidInputException(
          "%d line(s) of the timesheet are invalid; none was published".formatted(lines),
          violations);
    }
    if (rows.size() > config.maxEventsPerRequest()) {
      events.rejected(SOURCE, "too_large", rows.size());
      throw new TooManyItemsException(rows.size(), config.maxEventsPerRequest());
    }
    return events.publish(rows, SOURCE);
  }

  /** The people a file names, read leniently: the parser reports what is wrong. */
  private static Set<String> personIds(String csv) {
    Set<String> ids = new HashSet<>();
    try (var parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .get()
            .parse(new java.io.StringReader(csv == null ? "" : csv))) {
      Map<String, Integer> header = parser.getHeaderMap();
      if (header == null || !header.containsKey("personId")) {
        return ids;
      }
      parser.forEach(
          r -> {
            if (r.isSet("personId")) {
              ids.add(r.get("personId").trim());
            }
          });
    } catch (java.io.IOException | RuntimeException e) {
      // the parser reports the file's problems
    }
    return ids;
  }
}
