package org.wellbeing.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.ingest.config.IngestConfig;
import org.wellbeing.ingest.domain.DocumentTooLargeException;
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
      IngestDirectory directory,
      EventIngestService events,
      IngestConfig config,
      IngestAccess access) {
    this.access = access;
    this.directory = directory;
    this.events = events;
    this.config = config;
  }

  private final IngestAccess access;

  /** Publishes every row of a timesheet the caller may post, or none. */
  public int importCsv(String csv) {
    DocumentTooLargeException.check(csv, config.maxDocumentChars());
    var people = parser.personIds(csv);
    access.requirePostingFor(people);
    var zones = directory.zones(people);
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
}
