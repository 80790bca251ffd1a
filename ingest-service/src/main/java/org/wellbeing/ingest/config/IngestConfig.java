package org.wellbeing.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Settings of ingest-service, under {@code ingest.*}. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

  /** Most events one request may carry; more get 413. */
  @WithDefault("10000")
  int maxEventsPerRequest();

  /** Largest calendar or timesheet document, in characters; larger ones get 413. */
  @WithDefault("4194304")
  int maxDocumentChars();

  /** How long a request waits for Kafka to acknowledge all its records before it fails. */
  @WithDefault("30s")
  Duration publishTimeout();

  /** iCalendar imports and feeds. */
  Calendar calendar();

  /** Clock punches. */
  Clock clock();

  /** iCalendar feed polling. */
  Feeds feeds();

  /** iCalendar settings. */
  interface Calendar {

    /** How far back recurring events are expanded. */
    @WithDefault("400d")
    Duration lookBack();

    /** How far ahead recurring events are expanded. */
    @WithDefault("14d")
    Duration lookAhead();

    /** Most occurrences one document may expand to. */
    @WithDefault("50000")
    int maxOccurrences();

    /**
     * Extra CATEGORIES mapped to kinds, e.g. {@code ingest.calendar.categories."Deep work"=FOCUS};
     * they add to (or replace) the built-in ones.
     */
    Map<String, String> categories();
  }

  /** Clock punch settings. */
  interface Clock {

    /** An IN left open longer than this is closed as an auto-closed WORK event. */
    @WithDefault("16h")
    Duration maxOpen();

    /** How often open punches are checked. */
    @WithDefault("1m")
    Duration checkInterval();
  }

  /** Feed settings. */
  interface Feeds {

    /** Feeds polled at once; a slow one holds one poller and delays no other. */
    @WithDefault("4")
    int concurrency();

    /** How often due feeds are looked for. */
    @WithDefault("5s")
    Duration schedulerInterval();

    /** Timeout of one feed download. */
    @WithDefault("30s")
    Duration requestTimeout();

    /**
     * Wait after the first failed poll; doubles with each further failure, up to the poll interval.
     */
    @WithDefault("30s")
    Duration initialBackoff();
  }
}
