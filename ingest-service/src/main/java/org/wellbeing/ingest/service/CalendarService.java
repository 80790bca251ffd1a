package org.wellbeing.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.wellbeing.contract.EventKind;
import org.wellbeing.ingest.config.IngestConfig;
import org.wellbeing.ingest.domain.CalendarImporter;
import org.wellbeing.ingest.domain.CalendarImporter.Result;
import org.wellbeing.ingest.domain.DocumentTooLargeException;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.domain.TooManyItemsException;

/** iCalendar uploads: one WorkEvent per occurrence, published as a whole. */
@ApplicationScoped
public class CalendarService {

  static final String SOURCE = "ics";

  private final CalendarImporter importer;
  private final int maxDocumentChars;
  private final IngestDirectory directory;
  private final EventIngestService events;
  private final Clock clock = Clock.systemUTC();

  public CalendarService(
      IngestConfig config, IngestDirectory directory, EventIngestService events) {
    this.importer = importer(config);
    this.maxDocumentChars = config.maxDocumentChars();
    this.directory = directory;
    this.events = events;
  }

  /** The importer the configuration describes; feeds use the same. */
  static CalendarImporter importer(IngestConfig config) {
    Map<String, EventKind> categories = CalendarImporter.Settings.defaultCategories();
    config
        .calendar()
        .categories()
        .forEach(
            (category, kind) ->
                categories.put(
                    category.toLowerCase(Locale.ROOT),
                    EventKind.valueOf(kind.toUpperCase(Locale.ROOT))));
    return new CalendarImporter(
        new CalendarImporter.Settings(
            config.calendar().lookBack(),
            config.calendar().lookAhead(),
            categories,
            config.calendar().maxOccurrences()));
  }

  public Result importCalendar(String personId, String text) {
    DocumentTooLargeException.check(text, maxDocumentChars);
    Result result;
    try {
      result =
          importer.convert(
              text, directory.owner(personId), "calendar:" + personId, clock.instant());
    } catch (InvalidInputException e) {
      events.rejected(SOURCE, "invalid", 1);
      throw e;
    } catch (TooManyItemsException e) {
      events.rejected(SOURCE, "too_large", e.count());
      throw e;
    }
    events.publish(result.events(), SOURCE);
    return result;
  }
}
