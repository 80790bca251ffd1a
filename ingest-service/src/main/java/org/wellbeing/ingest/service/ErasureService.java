package org.wellbeing.ingest.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.wellbeing.contract.PersonErasure;

/** Erases what ingest-service holds about a person: their open punch, feeds and directory entry. */
@ApplicationScoped
public class ErasureService {

  private static final Logger LOG = Logger.getLogger(ErasureService.class);

  @Transactional
  public void erase(List<PersonErasure> erasures) {
    EntityManager em = Panache.getEntityManager();
    for (PersonErasure erasure : erasures) {
      String person = erasure.personId();
      em.createNativeQuery("DELETE FROM open_punch WHERE person_id = ?1")
          .setParameter(1, person)
          .executeUpdate();
      // feed_event rows go with their feed (ON DELETE CASCADE)
      int feeds =
          em.createNativeQuery("DELETE FROM feed WHERE person_id = ?1")
              .setParameter(1, person)
              .executeUpdate();
      em.createNativeQuery("DELETE FROM directory_person WHERE person_id = ?1")
          .setParameter(1, person)
          .executeUpdate();
      LOG.infof("erasure %s: open punch and %d feeds erased", erasure.erasureId(), feeds);
    }
  }
}
