package org.wellbeing.alert.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.wellbeing.alert.config.AlertConfig;

/**
 * Gauges of open alerts by team, rule and severity: team level only, and only for teams of at least
 * the minimum group size, so no person can be singled out.
 */
@ApplicationScoped
public class OpenAlertGauges {

  private final EntityManager entityManager;
  private final AlertConfig config;
  private final MultiGauge gauge;

  private final PersonAlerts personAlerts;

  public OpenAlertGauges(
      EntityManager entityManager,
      AlertConfig config,
      PersonAlerts personAlerts,
      MeterRegistry registry) {
    this.personAlerts = personAlerts;
    this.entityManager = entityManager;
    this.config = config;
    this.gauge =
        MultiGauge.builder("alerts.open")
            .description("Open and acknowledged alerts, by team, rule and severity")
            .register(registry);
  }

  @Scheduled(every = "15s", delayed = "1s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void refresh() {
    List<Object[]> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createQuery(
                            "select a.teamId, a.rule, a.severity, count(a) from AlertEntity a"
                                + " where a.status <> 'RESOLVED' and a.teamId is not null"
                                + (personAlerts.on() ? "" : " and a.subjectType <> 'PERSON'")
                                + " and (select count(p) from DirectoryPersonEntity p"
                                + " where p.teamId = a.teamId) >= :min"
                                + " group by a.teamId, a.rule, a.severity",
                            Object[].class)
                        .setParameter("min", (long) config.minGroupSize())
                        .getResultList());
    List<MultiGauge.Row<?>> gaugeRows = new ArrayList<>();
    for (Object[] row : rows) {
      gaugeRows.add(
          MultiGauge.Row.of(
              Tags.of(
                  "team", (String) row[0], "rule", (String) row[1], "severity", (String) row[2]),
              ((Number) row[3]).doubleValue()));
    }
    gauge.register(gaugeRows, true);
  }
}
