package org.wellbeing.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.wellbeing.alert.domain.Finding;
import org.wellbeing.alert.persistence.AlertEntity;
import org.wellbeing.contract.Alert;

/** Alerts as the contract shows them. */
@ApplicationScoped
public class AlertMapper {

  private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

  private final ObjectMapper json;

  public AlertMapper(ObjectMapper json) {
    this.json = json;
  }

  public Alert toContract(AlertEntity a, boolean withEvidence) {
    return new Alert(
        a.id,
        a.subject,
        a.subjectType,
        a.teamId,
        a.managerId,
        a.rule,
        a.severity,
        a.period,
        a.status,
        a.value,
        a.threshold,
        a.openedAt,
        a.resolvedAt,
        a.updatedAt,
        a.acknowledgedAt,
        a.ackReason,
        a.ackUntil,
        withEvidence ? evidence(a) : null);
  }

  private Alert.Evidence evidence(AlertEntity a) {
    List<Map<String, Object>> rows = readRows(a.evidence);
    Finding.Forecast f = readForecast(a.evidenceForecast);
    if (f == null) {
      return new Alert.Evidence(a.periodFrom, a.periodTo, a.summary, rows);
    }
    return new Alert.Evidence(
        a.periodFrom,
        a.periodTo,
        a.summary,
        rows,
        f.overtimeHours(),
        f.elapsedContractDays(),
        f.remainingContractDays(),
        f.breachDate());
  }

  /** The forecast facts as stored, or null when there are none. */
  public String writeForecast(Finding.Forecast forecast) {
    if (forecast == null) {
      return null;
    }
    try {
      return json.writeValueAsString(forecast);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Finding.Forecast readForecast(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, Finding.Forecast.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String writeRows(List<Map<String, Object>> rows) {
    try {
      return json.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The evidence rows of {@link #writeRows}. */
  public List<Map<String, Object>> readRows(String text) {
    if (text == null) {
      return List.of();
    }
    try {
      return json.readValue(text, ROWS);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
