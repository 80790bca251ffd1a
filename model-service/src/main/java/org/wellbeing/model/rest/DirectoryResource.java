package org.wellbeing.model.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.wellbeing.common.security.Caller;
import org.wellbeing.model.service.DirectoryImport;
import org.wellbeing.model.service.DirectoryImport.Imported;

/** {@code POST /api/v1/directory}: a whole org chart, as JSON or CSV, all or nothing. */
@Path("/api/v1/directory")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class DirectoryResource {

  private final DirectoryImport imports;

  public DirectoryResource(DirectoryImport imports) {
    this.imports = imports;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Imported importJson(String body) {
    return imports.importJson(body);
  }

  @POST
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  public Imported importCsv(String body) {
    return imports.importCsv(body);
  }
}
