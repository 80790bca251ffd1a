package org.wellbeing.model.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.wellbeing.common.security.AccessDeniedException;
import org.wellbeing.common.security.Caller;
import org.wellbeing.common.security.Callers;
import org.wellbeing.contract.AccessRecord;
import org.wellbeing.contract.Violation;
import org.wellbeing.model.config.ModelConfig;
import org.wellbeing.model.domain.InvalidInputException;
import org.wellbeing.model.persistence.AccessLogEntity;

/**
 * Who may read what in model-service, decided here and nowhere else (CONTRACT.md "Identity"), and
 * the record of every read of a person's data by someone other than the person.
 */
@ApplicationScoped
public class AccessService {

  private static final Logger LOG = Logger.getLogger(AccessService.class);

  /** Most records one {@code /access-log} answer holds: the newest; narrow the range for older. */
  public static final int MAX_RECORDS = 1000;

  private final Callers callers;
  private final DirectoryService directory;
  private final ModelConfig config;
  private final Clock clock = Clock.systemUTC();

  public AccessService(Callers callers, DirectoryService directory, ModelConfig config) {
    this.callers = callers;
    this.directory = directory;
    this.config = config;
  }

  /**
   * Lets the read of {@code personId}'s data through {@code endpoint} go ahead, or refuses it with
   * a 403; a read by anyone but the person is recorded first.
   */
  @Transactional
  public void readPerson(String personId, String endpoint) {
    Caller caller = callers.current();
    if (!caller.mayRead(personId, managersOf(caller, personId))) {
      throw new AccessDeniedException(
          "only %s, the managers above them and administrators see this".formatted(personId));
    }
    if (!config.managersReadPeople() && !caller.admin() && !caller.is(personId)) {
      throw new AccessDeniedException(
          "under this organisation's agreement managers see alerts and team figures only");
    }
    record(
        List.of(
            new AccessRecord(
                UUID.randomUUID().toString(),
                personId,
                caller.personId(),
                endpoint,
                clock.instant())));
  }

  /** Lets the read of a team's weekly figures go ahead, or refuses it with a 403. */
  @Transactional
  public void readTeam(String teamId) {
    Caller caller = callers.current();
    if (!caller.admin() && !caller.mayReadTeam(directory.managersOfTeam(teamId))) {
      throw new AccessDeniedException(
          "only the managers at or above team %s and administrators see this".formatted(teamId));
    }
  }

  /** A person's access log is for the person and administrators. */
  public void readAccessLog(String personId) {
    Caller caller = callers.current();
    if (!caller.admin() && (caller.ingest() || !caller.is(personId))) {
      throw new AccessDeniedException(
          "only %s and administrators see who read their data".formatted(personId));
    }
  }

  /**
   * Stores reads, skipping the person's own (they are not "someone else"); a read already stored
   * (the same id, delivered again) is stored once.
   */
  @Transactional
  public void record(List<AccessRecord> reads) {
    for (AccessRecord read : reads) {
      if (read.reader() == null || read.reader().equals(read.subject())) {
        continue;
      }
      AccessLogEntity.getEntityManager()
          .createNativeQuery(
              "INSERT INTO access_log (record_id, subject, reader, endpoint, read_at)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (record_id) DO NOTHING")
          .setParameter(1, read.id())
          .setParameter(2, read.subject())
          .setParameter(3, read.reader())
          .setParameter(4, read.endpoint())
          .setParameter(5, read.at())
          .executeUpdate();
    }
  }

  /**
   * The reads of {@code personId}'s data from {@code from} to {@code to} (UTC dates), newest first.
   */
  @Transactional
  public List<AccessRecord> log(String personId, LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new InvalidInputException(
          "invalid range", List.of(Violation.of("from", "must not be after to")));
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > config.maxAccessLogDays()) {
      throw new InvalidInputException(
          "invalid range",
          List.of(
              Violation.of(
                  "to", "a range holds at most %d days".formatted(config.maxAccessLogDays()))));
    }
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return AccessLogEntity.<AccessLogEntity>find(
            "subject = ?1 and readAt >= ?2 and readAt < ?3 order by readAt desc, id desc",
            personId,
            start,
            end)
        .page(0, MAX_RECORDS)
        .list()
        .stream()
        .map(e -> new AccessRecord(e.recordId, e.subject, e.reader, e.endpoint, e.readAt))
        .toList();
  }

  /** Purges reads older than the retention, once an hour. */
  @Scheduled(
      every = "1h",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  @Transactional
  void purge() {
    Instant cutoff = clock.instant().minus(config.accessLogRetention());
    long purged = AccessLogEntity.delete("readAt < ?1", cutoff);
    if (purged > 0) {
      LOG.infof("purged %d access-log records older than %s", purged, cutoff);
    }
  }

  private Set<String> managersOf(Caller caller, String personId) {
    if (caller.admin() || caller.is(personId)) {
      return Set.of();
    }
    return directory.managersOfPerson(personId);
  }
}
