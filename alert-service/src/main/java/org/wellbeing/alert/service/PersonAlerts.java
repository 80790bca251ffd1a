package org.wellbeing.alert.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.wellbeing.alert.persistence.AlertEntity;
import org.wellbeing.common.config.PipelineConfig;

/**
 * Whether alerts about one person reach anyone. A works agreement may switch them off
 * (WELLBEING_FUNCTIONS_PERSON_ALERTS=false): they are still judged, because TEAM_OVERLOAD counts
 * the members with one, but never published, notified, listed, counted in metrics or shown.
 */
@ApplicationScoped
public class PersonAlerts {

  private final boolean on;

  public PersonAlerts(PipelineConfig pipeline) {
    this.on = pipeline.functions().personAlerts();
  }

  /** Whether person alerts are on. */
  public boolean on() {
    return on;
  }

  /** Whether {@code alert} may reach anyone: a team's alert always, a person's while on. */
  public boolean shown(AlertEntity alert) {
    return on || !AlertEngine.PERSON.equals(alert.subjectType);
  }
}
