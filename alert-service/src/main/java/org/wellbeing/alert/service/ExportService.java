package org.wellbeing.alert.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wellbeing.alert.persistence.AlertEntity;
import org.wellbeing.common.persistence.Sql;
import org.wellbeing.common.security.AccessDeniedException;
import org.wellbeing.common.security.Callers;

/**
 * alert-service's part of a person's export (CONTRACT.md {@code /export}): their alerts with
 * evidence, the notifications and deliveries that name them, their figures and directory entry.
 */
@ApplicationScoped
public class ExportService {

  private final Callers callers;
  private final AlertMapper mapper;
  private final Sql sql;

  public ExportService(Callers callers, AlertMapper mapper, Sql sql) {
    this.callers = callers;
    this.mapper = mapper;
    this.sql = sql;
  }

  @Transactional
  public Map<String, Object> export(String personId) {
    if (!callers.current().mayExport(personId)) {
      throw new AccessDeniedException(
          "only %s and administrators export their data".formatted(personId));
    }
    Map<String, Object> part = new LinkedHashMap<>();
    part.put(
        "alerts",
        AlertEntity.<AlertEntity>list(
                "subject = ?1 and subjectType = 'PERSON' order by openedAt", personId)
            .stream()
            .map(a -> mapper.toContract(a, true))
            .toList());
    part.put(
        "notifications",
        sql.rows(
            "SELECT n.* FROM notification n JOIN alert a ON a.id = n.alert_id"
                + " WHERE a.subject = ? AND a.subject_type = 'PERSON' ORDER BY n.id",
            personId));
    part.put(
        "deliveries",
        sql.rows(
            "SELECT id, webhook_id, recipient, status, attempts, delivered_at, created_at, payload"
                + " FROM delivery WHERE payload LIKE ? ORDER BY id",
            "%\"subject\":\"" + personId + "\"%"));
    part.put(
        "figures",
        sql.rows("SELECT * FROM daily_figure WHERE person_id = ? ORDER BY date", personId));
    List<Map<String, Object>> directory =
        sql.rows("SELECT * FROM directory_person WHERE person_id = ?", personId);
    part.put("directory", directory.isEmpty() ? null : directory.get(0));
    return part;
  }
}
