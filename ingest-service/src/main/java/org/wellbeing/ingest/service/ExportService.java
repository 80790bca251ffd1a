package org.wellbeing.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wellbeing.common.persistence.Sql;
import org.wellbeing.common.security.AccessDeniedException;
import org.wellbeing.common.security.Callers;

/**
 * ingest-service's part of a person's export: their open clock punch, their feeds with what each
 * last published, and their directory entry.
 */
@ApplicationScoped
public class ExportService {

  private final Callers callers;
  private final Sql sql;

  public ExportService(Callers callers, Sql sql) {
    this.callers = callers;
    this.sql = sql;
  }

  @Transactional
  public Map<String, Object> export(String personId) {
    if (!callers.current().mayExport(personId)) {
      throw new AccessDeniedException(
          "only %s and administrators export their data".formatted(personId));
    }
    Map<String, Object> part = new LinkedHashMap<>();
    List<Map<String, Object>> punch =
        sql.rows("SELECT * FROM open_punch WHERE person_id = ?", personId);
    part.put("openPunch", punch.isEmpty() ? null : punch.get(0));
    part.put(
        "feeds", sql.rows("SELECT * FROM feed WHERE person_id = ? ORDER BY feed_id", personId));
    part.put(
        "feedEvents",
        sql.rows(
            "SELECT e.* FROM feed_event e JOIN feed f ON f.feed_id = e.feed_id"
                + " WHERE f.person_id = ? ORDER BY e.id",
            personId));
    List<Map<String, Object>> directory =
        sql.rows("SELECT * FROM directory_person WHERE person_id = ?", personId);
    part.put("directory", directory.isEmpty() ? null : directory.get(0));
    return part;
  }
}
