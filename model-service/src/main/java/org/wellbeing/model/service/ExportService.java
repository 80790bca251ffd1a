package org.wellbeing.model.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wellbeing.common.persistence.Sql;
import org.wellbeing.common.security.AccessDeniedException;
import org.wellbeing.common.security.Caller;
import org.wellbeing.common.security.Callers;
import org.wellbeing.model.config.ModelConfig;
import org.wellbeing.model.domain.PartUnavailableException;

/**
 * Everything the pipeline holds about a person as one document (CONTRACT.md {@code /export}):
 * model-service's own tables, and ingest-service's and alert-service's parts fetched with the
 * caller's own token, so each service applies its own access rules.
 */
@ApplicationScoped
public class ExportService {

  private final Callers callers;
  private final Sql sql;
  private final AccessService access;
  private final ModelConfig config;
  private final ObjectMapper json;
  private final HttpClient http;

  public ExportService(
      Callers callers, Sql sql, AccessService access, ModelConfig config, ObjectMapper json) {
    this.callers = callers;
    this.sql = sql;
    this.access = access;
    this.config = config;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(config.export().timeout()).build();
  }

  public Map<String, Object> export(String personId) {
    Caller caller = callers.current();
    if (!caller.mayExport(personId)) {
      throw new AccessDeniedException(
          "only %s and administrators export their data".formatted(personId));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("personId", personId);
    document.put("exportedAt", Instant.now().toString());
    // one transaction for model-service's own rows, so they are read as of one moment
    document.put("model", QuarkusTransaction.requiringNew().call(() -> own(personId)));
    document.put("ingest", part("ingest-service", config.export().ingestUrl(), personId));
    document.put("alert", part("alert-service", config.export().alertUrl(), personId));
    // an administrator's export is a read of someone else's data like any other
    access.readPerson(personId, "GET /api/v1/people/{personId}/export");
    return document;
  }

  private Map<String, Object> own(String personId) {
    Map<String, Object> part = new LinkedHashMap<>();
    List<Map<String, Object>> person =
        sql.rows("SELECT * FROM person WHERE person_id = ?", personId);
    part.put("person", person.isEmpty() ? null : person.get(0));
    part.put(
        "profileHistory",
        sql.rows(
            "SELECT * FROM person_profile WHERE person_id = ? ORDER BY effective_from", personId));
    part.put(
        "events",
        sql.rows("SELECT * FROM work_event WHERE person_id = ? ORDER BY start_at", personId));
    part.put(
        "days",
        sql.rows("SELECT * FROM daily_metrics WHERE person_id = ? ORDER BY date", personId));
    part.put(
        "accessLog",
        sql.rows(
            "SELECT reader, endpoint, read_at FROM access_log WHERE subject = ? ORDER BY read_at",
            personId));
    return part;
  }

  private Object part(String service, Optional<URI> base, String personId) {
    if (base.isEmpty()) {
      return Map.of(
          "unavailable", "model.export." + service.replace("-service", "") + "-url is not set");
    }
    String token =
        callers
            .accessToken()
            .orElseThrow(
                () -> new PartUnavailableException("no bearer token to ask " + service + " with"));
    URI uri = base.get().resolve("/api/v1/people/" + personId + "/export");
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .timeout(config.export().timeout())
                  .header("Authorization", "Bearer " + token)
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new PartUnavailableException(
            "%s answered %d for its part of the export".formatted(service, response.statusCode()));
      }
      JsonNode body = json.readTree(response.body());
      return body;
    } catch (IOException e) {
      throw new PartUnavailableException(service + " did not answer for its part of the export");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PartUnavailableException("interrupted while asking " + service);
    }
  }
}
