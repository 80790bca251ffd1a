package org.wellbeing.model.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.wellbeing.contract.Erasure;
import org.wellbeing.contract.ErasureReport;
import org.wellbeing.contract.IsoWeek;
import org.wellbeing.contract.PersonErasure;
import org.wellbeing.contract.Topics;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEventValidator;
import org.wellbeing.model.domain.InvalidInputException;
import org.wellbeing.model.domain.NotFoundException;
import org.wellbeing.model.persistence.ErasedPersonEntity;
import org.wellbeing.model.persistence.ErasureEntity;
import org.wellbeing.model.service.TeamWeekService.TeamWeekKey;

/**
 * Erases a person (CONTRACT.md {@code DELETE /api/v1/people/{personId}}): everything model-service
 * holds about them goes in one transaction, with tombstones for their keys on the compacted topics
 * and a {@code person-erasures} record that the other services act on and report back.
 */
@ApplicationScoped
public class ErasureService {

  /** The services that hold a person's data, as their reports name them. */
  public static final List<String> SERVICES =
      List.of("model-service", "ingest-service", "alert-service");

  private static final Logger LOG = Logger.getLogger(ErasureService.class);

  private final Publications outbox;
  private final TeamWeekService teamWeeks;

  public ErasureService(Publications outbox, TeamWeekService teamWeeks) {
    this.outbox = outbox;
    this.teamWeeks = teamWeeks;
  }

  /**
   * Erases {@code personId}. Idempotent: erasing someone of whom nothing is held since their last
   * erasure answers that erasure again.
   */
  @Transactional
  public Erasure erase(String personId) {
    if (personId == null || !WorkEventValidator.PERSON_ID.matcher(personId).matches()) {
      throw new InvalidInputException(
          "invalid person id",
          List.of(Violation.of("personId", "must be 1-64 characters of A-Za-z0-9._@-")));
    }
    EntityManager em = Panache.getEntityManager();
    ErasureEntity previous = latest(personId);
    if (previous != null && !holdsAnything(em, personId)) {
      return toContract(previous);
    }
    // waits for a batch being applied to them (MetricsEngine locks person rows the same way)
    em.createNativeQuery("SELECT person_id FROM person WHERE person_id = ?1 FOR UPDATE")
        .setParameter(1, personId)
        .getResultList();
    Instant now = Instant.now();
    Set<TeamWeekKey> weeks = new java.util.HashSet<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT DISTINCT team_id || '|' || date FROM daily_metrics"
                    + " WHERE person_id = ?1 AND team_id IS NOT NULL")
            .setParameter(1, personId)
            .getResultList()) {
      String[] parts = row.toString().split("\\|", 2);
      weeks.add(new TeamWeekKey(parts[0], IsoWeek.of(LocalDate.parse(parts[1]))));
    }
    int events = delete(em, "DELETE FROM work_event WHERE person_id = ?1", personId);
    int days = delete(em, "DELETE FROM daily_metrics WHERE person_id = ?1", personId);
    delete(em, "DELETE FROM person_profile WHERE person_id = ?1", personId);
    delete(em, "DELETE FROM person WHERE person_id = ?1", personId);
    delete(em, "DELETE FROM access_log WHERE subject = ?1", personId);
    // what is not yet published about them is not published at all
    delete(
        em,
        "DELETE FROM outbox WHERE record_key = ?1 AND topic IN ('"
            + Topics.WELLBEING_METRICS
            + "', '"
            + Topics.ORG_DIRECTORY
            + "')",
        personId);
    em.createNativeQuery(
            "INSERT INTO erased_person (person_id, erased_at) VALUES (?1, ?2)"
                + " ON CONFLICT (person_id) DO UPDATE SET erased_at = EXCLUDED.erased_at")
        .setParameter(1, personId)
        .setParameter(2, now)
        .executeUpdate();
    ErasureEntity erasure = new ErasureEntity();
    erasure.erasureId = UUID.randomUUID().toString();
    erasure.personId = personId;
    erasure.requestedAt = now;
    erasure.modelDone = now;
    erasure.persist();
    List<org.wellbeing.common.outbox.OutboxRecord> records =
        new ArrayList<>(outbox.tombstones(personId, erasure.erasureId));
    records.add(outbox.erasure(new PersonErasure(erasure.erasureId, personId, now)));
    outbox.queue(records);
    // the teams' weeks without them
    teamWeeks.refresh(weeks);
    LOG.infof(
        "erasure %s: %d events and %d days erased, %d team weeks recomputed",
        erasure.erasureId, events, days, weeks.size());
    return toContract(erasure);
  }

  @Transactional
  public Erasure status(String erasureId) {
    ErasureEntity erasure = ErasureEntity.findById(erasureId);
    if (erasure == null) {
      throw new NotFoundException("erasure", erasureId);
    }
    return toContract(erasure);
  }

  /** Records the other services' reports; a report for an unknown erasure is ignored. */
  @Transactional
  public void reported(List<ErasureReport> reports) {
    for (ErasureReport report : reports) {
      ErasureEntity erasure = ErasureEntity.findById(report.erasureId());
      if (erasure == null) {
        continue;
      }
      if ("ingest-service".equals(report.service()) && erasure.ingestDone == null) {
        erasure.ingestDone = report.completedAt();
      } else if ("alert-service".equals(report.service()) && erasure.alertDone == null) {
        erasure.alertDone = report.completedAt();
      }
    }
  }

  /** When each of {@code personIds} that was erased was erased. */
  @Transactional
  public Map<String, Instant> erasedAmong(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Instant> erased = new HashMap<>();
    for (ErasedPersonEntity e :
        ErasedPersonEntity.<ErasedPersonEntity>list("personId in ?1", personIds)) {
      erased.put(e.personId, e.erasedAt);
    }
    return erased;
  }

  private static ErasureEntity latest(String personId) {
    return ErasureEntity.<ErasureEntity>find("personId = ?1 order by requestedAt desc", personId)
        .firstResult();
  }

  private static boolean holdsAnything(EntityManager em, String personId) {
    return !em.createNativeQuery(
            "SELECT 1 FROM person WHERE person_id = ?1"
                + " UNION ALL SELECT 1 FROM work_event WHERE person_id = ?1"
                + " UNION ALL SELECT 1 FROM daily_metrics WHERE person_id = ?1 LIMIT 1")
        .setParameter(1, personId)
        .getResultList()
        .isEmpty();
  }

  private static int delete(EntityManager em, String sql, String personId) {
    return em.createNativeQuery(sql).setParameter(1, personId).executeUpdate();
  }

  private static Erasure toContract(ErasureEntity e) {
    Map<String, Instant> services = new LinkedHashMap<>();
    services.put("model-service", e.modelDone);
    services.put("ingest-service", e.ingestDone);
    services.put("alert-service", e.alertDone);
    boolean complete = services.values().stream().allMatch(java.util.Objects::nonNull);
    return new Erasure(e.erasureId, e.erasureId, e.personId, e.requestedAt, services, complete);
  }
}
