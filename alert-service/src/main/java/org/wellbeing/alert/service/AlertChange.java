package org.wellbeing.alert.service;

import org.wellbeing.alert.persistence.AlertEntity;

/** One change of an alert: OPENED, ESCALATED, ACKNOWLEDGED or RESOLVED. */
public record AlertChange(String type, AlertEntity alert) {

  public static final String OPENED = "OPENED";
  public static final String ESCALATED = "ESCALATED";
  public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
  public static final String RESOLVED = "RESOLVED";
}
