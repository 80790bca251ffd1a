package org.wellbeing.alert.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.wellbeing.alert.service.ExportService;

/**
 * alert-service's part of a person's export, for model-service's {@code /export} (or anyone
 * allowed).
 */
@Path("/api/v1/people/{personId}/export")
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

  private final ExportService exports;

  public ExportResource(ExportService exports) {
    this.exports = exports;
  }

  @GET
  public Map<String, Object> export(@PathParam("personId") String personId) {
    return exports.export(personId);
  }
}
