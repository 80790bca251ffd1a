package org.wellbeing.alert.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.wellbeing.common.outbox.OutboxRecord;
import org.wellbeing.common.outbox.OutboxWriter;
import org.wellbeing.contract.CloudEvents;
import org.wellbeing.contract.ErasureReport;
import org.wellbeing.contract.PersonErasure;
import org.wellbeing.contract.Topics;

/**
 * Erases what alert-service holds about a person (their alerts, the notifications and deliveries
 * that name them, their figures and directory entry) and reports it on {@code erasure-reports}, in
 * one transaction.
 */
@ApplicationScoped
public class ErasureService {

  static final String SERVICE = "alert-service";

  private static final Logger LOG = Logger.getLogger(ErasureService.class);

  private final OutboxWriter outbox;
  private final Clock clock;

  public ErasureService(OutboxWriter outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public void erase(List<PersonErasure> erasures) {
    EntityManager em = Panache.getEntityManager();
    List<OutboxRecord> reports = new ArrayList<>();
    for (PersonErasure erasure : erasures) {
      String person = erasure.personId();
      delete(
          em,
          "DELETE FROM notification WHERE alert_id IN"
              + " (SELECT id FROM alert WHERE subject = ?1 AND subject_type = 'PERSON')",
          person);
      // a digest that names them, delivered or not (personIds hold no LIKE wildcards)
      delete(em, "DELETE FROM delivery WHERE payload LIKE ?1", "%\"subject\":\"" + person + "\"%");
      int alerts =
          delete(em, "DELETE FROM alert WHERE subject = ?1 AND subject_type = 'PERSON'", person);
      delete(em, "DELETE FROM daily_figure WHERE person_id = ?1", person);
      delete(em, "DELETE FROM directory_person WHERE person_id = ?1", person);
      delete(em, "DELETE FROM outbox WHERE record_key = ?1", person);
      em.createNativeQuery(
              "INSERT INTO erased_person (person_id, erased_at) VALUES (?1, ?2)"
                  + " ON CONFLICT (person_id) DO UPDATE SET erased_at = EXCLUDED.erased_at")
          .setParameter(1, person)
          .setParameter(2, erasure.requestedAt())
          .executeUpdate();
      reports.add(
          outbox.record(
              null,
              Topics.ERASURE_REPORTS,
              person,
              CloudEvents.TYPE_ERASURE_REPORT,
              "erasure/" + erasure.erasureId() + "/" + SERVICE,
              new ErasureReport(erasure.erasureId(), person, SERVICE, clock.instant())));
      LOG.infof("erasure %s: %d alerts erased", erasure.erasureId(), alerts);
    }
    outbox.queue(reports);
  }

  /** When each of {@code personIds} that was erased was erased. */
  @Transactional
  public Map<String, Instant> erasedAmong(Collection<String> personIds) {
    Map<String, Instant> erased = new HashMap<>();
    if (personIds.isEmpty()) {
      return erased;
    }
    for (Object row :
        Panache.getEntityManager()
            .createNativeQuery(
                "SELECT person_id || '|' || (extract(epoch from erased_at) * 1000)::bigint"
                    + " FROM erased_person WHERE person_id = ANY(?1)")
            .setParameter(1, personIds.toArray(String[]::new))
            .getResultList()) {
      String[] parts = row.toString().split("\\|", 2);
      erased.put(parts[0], Instant.ofEpochMilli(Long.parseLong(parts[1])));
    }
    return erased;
  }

  private static int delete(EntityManager em, String sql, String value) {
    return em.createNativeQuery(sql).setParameter(1, value).executeUpdate();
  }
}
