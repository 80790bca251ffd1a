package org.wellbeing.ingest.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;
import org.wellbeing.contract.EventKind;
import org.wellbeing.contract.EventStatus;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.ingest.config.IngestConfig;
import org.wellbeing.ingest.domain.ConflictException;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.persistence.OpenPunchEntity;

/**
 * Clock punches: an IN waits in the database (so it survives restarts) for its OUT, and the pair
 * becomes one WORK event. An IN left open too long is closed as an auto-closed WORK event.
 */
@ApplicationScoped
public class ClockService {

  private static final Logger LOG = Logger.getLogger(ClockService.class);
  static final String SOURCE = "clock";

  /** What a punch did. */
  public record Punch(
      String action,
      String eventId,
      OffsetDateTime start,
      OffsetDateTime end,
      Boolean autoClosed) {}

  private final EventIngestService events;
  private final IngestConfig config;
  private final Clock clock = Clock.systemUTC();
  private final Counter autoClosed;

  public ClockService(EventIngestService events, IngestConfig config, MeterRegistry registry) {
    this.events = events;
    this.config = config;
    this.autoClosed =
        Counter.builder("ingest.clock.auto_closed")
            .description("Clock INs closed automatically after being open too long")
            .register(registry);
  }

  /**
   * Punches in or out.
   *
   * @param at when; now when null
   * @param eventId the id of the WORK event an IN starts; derived from person and time when null
   */
  @Transactional
  public Punch punch(String personId, String action, OffsetDateTime at, String eventId) {
    OffsetDateTime when = at != null ? at : OffsetDateTime.now(clock);
    OpenPunchEntity open = OpenPunchEntity.findById(personId, LockModeType.PESSIMISTIC_WRITE);
    if ("IN".equals(action)) {
      if (open != null) {
        throw new ConflictException(
            "%s is already clocked in since %s".formatted(personId, open.punchedIn));
      }
      OpenPunchEntity punch = new OpenPunchEntity();
      punch.personId = personId;
      punch.eventId =
          eventId != null ? eventId : "clock:%s:%d".formatted(personId, when.toEpochSecond());
      punch.punchedIn = when.toInstant();
      punch.createdAt = clock.instant();
      punch.persist();
      return new Punch("IN", punch.eventId, when, null, null);
    }
    if (open == null) {
      throw new ConflictException("%s has no open IN to close".formatted(personId));
    }
    if (!when.toInstant().isAfter(open.punchedIn)) {
      throw new InvalidInputException(
          "an OUT must come after its IN",
          List.of(Violation.of("at", "must be after the IN at " + open.punchedIn)));
    }
    Instant limit = open.punchedIn.plus(config.clock().maxOpen());
    boolean tooLate = when.toInstant().isAfter(limit);
    WorkEvent work = work(open, tooLate ? limit : when.toInstant(), tooLate);
    // published before the punch is deleted: if Kafka fails, the IN is still open
    events.publish(List.of(work), SOURCE);
    open.delete();
    if (tooLate) {
      autoClosed.increment();
    }
    return new Punch("OUT", work.eventId(), work.start(), work.end(), tooLate ? true : null);
  }

  @Scheduled(
      every = "${ingest.clock.check-interval:1m}",
      delayed = "10s",
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  public void closeStalePunches() {
    Instant cutoff = clock.instant().minus(config.clock().maxOpen());
    List<String> stale =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    OpenPunchEntity.<OpenPunchEntity>list("punchedIn < ?1", cutoff).stream()
                        .map(p -> p.personId)
                        .toList());
    for (String personId : stale) {
      try {
        QuarkusTransaction.requiringNew().run(() -> autoClose(personId, cutoff));
      } catch (RuntimeException e) {
        LOG.warnf("could not auto-close the open punch of %s: %s", personId, e.toString());
      }
    }
  }

  private void autoClose(String personId, Instant cutoff) {
    OpenPunchEntity open = OpenPunchEntity.findById(personId, LockModeType.PESSIMISTIC_WRITE);
    if (open == null || !open.punchedIn.isBefore(cutoff)) {
      return;
    }
    events.publish(
        List.of(work(open, open.punchedIn.plus(config.clock().maxOpen()), true)), SOURCE);
    open.delete();
    autoClosed.increment();
    LOG.infof("closed %s's IN of %s after %s", personId, open.punchedIn, config.clock().maxOpen());
  }

  private static WorkEvent work(OpenPunchEntity open, Instant end, boolean auto) {
    return new WorkEvent(
        open.eventId,
        1,
        open.personId,
        EventKind.WORK,
        open.punchedIn.atOffset(ZoneOffset.UTC),
        end.atOffset(ZoneOffset.UTC),
        EventStatus.CONFIRMED,
        null,
        "clock:" + open.personId,
        null,
        auto ? Boolean.TRUE : null);
  }
}
