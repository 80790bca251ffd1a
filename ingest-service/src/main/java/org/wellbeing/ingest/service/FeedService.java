package org.wellbeing.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.wellbeing.common.http.OutboundHttp;
import org.wellbeing.contract.EventStatus;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.contract.WorkEventValidator;
import org.wellbeing.ingest.config.IngestConfig;
import org.wellbeing.ingest.domain.CalendarImporter;
import org.wellbeing.ingest.domain.DocumentTooLargeException;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.domain.NotFoundException;
import org.wellbeing.ingest.domain.TooManyItemsException;
import org.wellbeing.ingest.persistence.FeedEntity;
import org.wellbeing.ingest.persistence.FeedEventEntity;

/**
 * iCalendar feed subscriptions. Each feed is polled on its schedule with a conditional GET; it
 * remembers what it published, so a changed occurrence gets a new version and one that vanished
 * from the feed is retracted. A failing feed backs off and reports its last error.
 */
@ApplicationScoped
public class FeedService {

  private static final Logger LOG = Logger.getLogger(FeedService.class);
  static final String SOURCE = "feed";

  /** A subscription and how its polling goes. */
  public record FeedStatus(
      String feedId,
      String personId,
      String url,
      int pollMinutes,
      Instant lastPolledAt,
      Instant lastSuccessAt,
      String lastError,
      Instant lastErrorAt,
      int consecutiveFailures,
      Instant nextPollAt,
      long events) {}

  /** A PUT's outcome. */
  public record Saved(FeedStatus feed, boolean created) {}

  private final CalendarImporter importer;
  private final IngestDirectory directory;
  private final EventIngestService events;
  private final IngestConfig config;
  private final ObjectMapper json;
  private final MeterRegistry registry;
  private final OutboundHttp http;
  private final Clock clock = Clock.systemUTC();
  private final ExecutorService pollers;
  private final Set<String> polling = ConcurrentHashMap.newKeySet();

  public FeedService(
      IngestConfig config,
      IngestDirectory directory,
      EventIngestService events,
      ObjectMapper json,
      OutboundHttp http,
      MeterRegistry registry) {
    this.importer = CalendarService.importer(config);
    this.directory = directory;
    this.events = events;
    this.config = config;
    this.json = json;
    this.registry = registry;
    this.http = http;
    // one slow feed holds one poller; the others go on
    this.pollers =
        Executors.newFixedThreadPool(
            config.feeds().concurrency(),
            r -> {
              Thread t = new Thread(r, "feed-poller");
              t.setDaemon(true);
              return t;
            });
  }

  @PreDestroy
  void stop() {
    pollers.shutdownNow();
  }

  @Transactional
  public Saved subscribe(String feedId, String personId, String url, Integer pollMinutes) {
    List<Violation> violations = new ArrayList<>();
    if (feedId == null || !WorkEventValidator.PERSON_ID.matcher(feedId).matches()) {
      violations.add(Violation.of("feedId", "must be 1-64 characters of A-Za-z0-9._@-"));
    }
    if (personId == null || !WorkEventValidator.PERSON_ID.matcher(personId).matches()) {
      violations.add(Violation.of("personId", "is required: 1-64 characters of A-Za-z0-9._@-"));
    }
    if (url == null || url.length() > 2048 || !validUrl(url)) {
      violations.add(
          Violation.of("url", "must be an absolute http or https URL of at most 2048 characters"));
    } else {
      try {
        http.check(URI.create(url));
      } catch (OutboundHttp.OutboundException e) {
        violations.add(Violation.of("url", e.getMessage()));
      }
    }
    int minutes = pollMinutes == null ? 15 : pollMinutes;
    if (minutes < 1 || minutes > 24 * 60) {
      violations.add(Violation.of("pollMinutes", "must be between 1 and 1440"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid feed subscription", violations);
    }
    FeedEntity feed = FeedEntity.findById(feedId);
    boolean created = feed == null;
    Instant now = clock.instant();
    if (created) {
      feed = new FeedEntity();
      feed.feedId = feedId;
      feed.createdAt = now;
      feed.failures = 0;
    }
    if (!created && (!feed.url.equals(url) || !feed.personId.equals(personId))) {
      // another document: forget the validators so the next poll reads it whole
      feed.etag = null;
      feed.lastModified = null;
    }
    feed.personId = personId;
    feed.url = url;
    feed.pollMinutes = minutes;
    feed.nextPollAt = now;
    feed.updatedAt = now;
    feed.persist();
    return new Saved(status(feed), created);
  }

  /** Most feeds one list answers; the list is ordered by id. */
  public static final int MAX_LISTED = 500;

  /** The subscriptions by id, at most {@link #MAX_LISTED}, each with its status. */
  @Transactional
  public List<FeedStatus> list() {
    return FeedEntity.<FeedEntity>findAll(Sort.by("feedId")).page(0, MAX_LISTED).list().stream()
        .map(FeedService::status)
        .toList();
  }

  @Transactional
  public FeedStatus get(String feedId) {
    FeedEntity feed = FeedEntity.findById(feedId);
    if (feed == null) {
      throw new NotFoundException("feed", feedId);
    }
    return status(feed);
  }

  @Scheduled(
      every = "${ingest.feeds.scheduler-interval:5s}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  /** Hands every due feed to the pollers, skipping feeds still being polled; returns at once. */
  public void pollDue() {
    Instant now = clock.instant();
    List<String> due =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    FeedEntity.<FeedEntity>list("nextPollAt <= ?1 order by nextPollAt", now)
                        .stream()
                        .map(f -> f.feedId)
                        .toList());
    for (String feedId : due) {
      if (polling.add(feedId)) {
        try {
          pollers.execute(
              () -> {
                try {
                  poll(feedId);
                } finally {
                  polling.remove(feedId);
                }
              });
        } catch (java.util.concurrent.RejectedExecutionException e) {
          polling.remove(feedId);
        }
      }
    }
  }

  /** Polls one feed now; returns the result tag (ok, not_modified, error). */
  public String poll(String feedId) {
    FeedEntity feed = QuarkusTransaction.requiringNew().call(() -> FeedEntity.findById(feedId));
    if (feed == null) {
      return "gone";
    }
    Instant now = clock.instant();
    String result;
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(feed.url))
              .timeout(config.feeds().requestTimeout())
              .header("Accept", "text/calendar");
      request.GET();
      if (feed.etag != null) {
        request.header("If-None-Match", feed.etag);
      }
      if (feed.lastModified != null) {
        request.header("If-Modified-Since", feed.lastModified);
      }
      OutboundHttp.Reply response = http.send(request.build());
      if (response.status() == 304) {
        result = "not_modified";
        succeeded(feedId, now, feed.etag, feed.lastModified);
      } else if (response.status() / 100 == 2) {
        apply(feed, response.body(), now);
        result = "ok";
        succeeded(
            feedId,
            now,
            response.headers().firstValue("ETag").orElse(null),
            response.headers().firstValue("Last-Modified").orElse(null));
      } else {
        throw new OutboundHttp.OutboundException("the server answered HTTP " + response.status());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = "error";
      failed(feedId, now, "interrupted");
    } catch (OutboundHttp.OutboundException | RuntimeException e) {
      result = "error";
      // what failed, in our words: never what the server sent
      String message;
      if (e instanceof OutboundHttp.OutboundException) {
        message = e.getMessage();
      } else if (e instanceof InvalidInputException
          || e instanceof TooManyItemsException
          || e instanceof DocumentTooLargeException) {
        message = "the calendar was refused: " + e.getMessage();
      } else {
        message = "the calendar could not be imported (" + e.getClass().getSimpleName() + ")";
      }
      failed(feedId, now, message);
      LOG.warnf("feed %s failed: %s", feedId, message);
    }
    registry.counter("ingest.feed.polls", "result", result).increment();
    return result;
  }

  /** Publishes what changed since the last poll, then remembers it. */
  private void apply(FeedEntity feed, String body, Instant now) {
    DocumentTooLargeException.check(body, config.maxDocumentChars());
    CalendarImporter.Result parsed =
        importer.convert(body, directory.owner(feed.personId), "feed:" + feed.feedId, now);
    Map<String, FeedEventEntity> remembered = new HashMap<>();
    QuarkusTransaction.requiringNew()
        .run(() -> FeedEventEntity.forFeed(feed.feedId).forEach(e -> remembered.put(e.eventId, e)));
    List<WorkEvent> toPublish = new ArrayList<>();
    Map<String, String> fingerprints = new HashMap<>();
    for (WorkEvent event : parsed.events()) {
      String fingerprint = fingerprint(event);
      fingerprints.put(event.eventId(), fingerprint);
      FeedEventEntity before = remembered.get(event.eventId());
      if (before == null) {
        toPublish.add(event);
      } else if (before.retracted
          || !before.fingerprint.equals(fingerprint)
          || event.version() > before.version) {
        toPublish.add(event.withVersion(Math.max(before.version + 1, event.version())));
      }
    }
    Instant windowStart = now.minus(config.calendar().lookBack());
    for (FeedEventEntity before : remembered.values()) {
      // an occurrence older than the window is not expanded any more; it did not vanish
      if (!before.retracted
          && !fingerprints.containsKey(before.eventId)
          && !before.startsAt.isBefore(windowStart)) {
        WorkEvent last = read(before.payload);
        toPublish.add(
            new WorkEvent(
                last.eventId(),
                before.version + 1,
                last.personId(),
                last.kind(),
                last.start(),
                last.end(),
                EventStatus.CANCELLED,
                last.skill(),
                last.source(),
                last.title(),
                null));
      }
    }
    events.publish(toPublish, SOURCE);
    QuarkusTransaction.requiringNew().run(() -> remember(feed.feedId, toPublish, fingerprints));
  }

  private void remember(
      String feedId, List<WorkEvent> published, Map<String, String> fingerprints) {
    for (WorkEvent event : published) {
      FeedEventEntity row =
          FeedEventEntity.find("feedId = ?1 and eventId = ?2", feedId, event.eventId())
              .firstResult();
      if (row == null) {
        row = new FeedEventEntity();
        row.feedId = feedId;
        row.eventId = event.eventId();
      }
      row.version = event.version();
      row.retracted = event.status() == EventStatus.CANCELLED;
      row.fingerprint = fingerprints.getOrDefault(event.eventId(), "retracted");
      row.startsAt = event.start().toInstant();
      row.payload = write(events.kept(event));
      row.persist();
    }
  }

  private void succeeded(String feedId, Instant now, String etag, String lastModified) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              FeedEntity f = FeedEntity.findById(feedId);
              if (f == null) {
                return;
              }
              f.lastPolledAt = now;
              f.lastSuccessAt = now;
              f.failures = 0;
              f.etag = etag;
              f.lastModified = lastModified;
              f.nextPollAt = now.plus(Duration.ofMinutes(f.pollMinutes));
              f.updatedAt = now;
            });
  }

  private void failed(String feedId, Instant now, String error) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              FeedEntity f = FeedEntity.findById(feedId);
              if (f == null) {
                return;
              }
              f.lastPolledAt = now;
              f.lastError = error.length() > 500 ? error.substring(0, 500) : error;
              f.lastErrorAt = now;
              f.failures++;
              Duration backoff = config.feeds().initialBackoff();
              for (int i = 1; i < f.failures && backoff.toMinutes() < f.pollMinutes; i++) {
                backoff = backoff.multipliedBy(2);
              }
              Duration interval = Duration.ofMinutes(f.pollMinutes);
              f.nextPollAt = now.plus(backoff.compareTo(interval) < 0 ? backoff : interval);
              f.updatedAt = now;
            });
  }

  private static FeedStatus status(FeedEntity f) {
    return new FeedStatus(
        f.feedId,
        f.personId,
        f.url,
        f.pollMinutes,
        f.lastPolledAt,
        f.lastSuccessAt,
        f.lastError,
        f.lastErrorAt,
        f.failures,
        f.nextPollAt,
        FeedEventEntity.count("feedId = ?1 and retracted = false", f.feedId));
  }

  private static String fingerprint(WorkEvent e) {
    String text =
        String.join(
            "|",
            e.personId(),
            e.kind().name(),
            e.start().toInstant().toString(),
            e.end().toInstant().toString(),
            e.status().name(),
            String.valueOf(e.skill()),
            String.valueOf(e.title()));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private WorkEvent read(String payload) {
    try {
      return json.readValue(payload, WorkEvent.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String write(WorkEvent event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean validUrl(String url) {
    try {
      URI uri = URI.create(url);
      return uri.isAbsolute()
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
