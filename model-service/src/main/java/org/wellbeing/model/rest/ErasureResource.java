package org.wellbeing.model.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.wellbeing.common.security.Caller;
import org.wellbeing.contract.Erasure;
import org.wellbeing.model.service.ErasureService;

/** {@code GET /api/v1/erasures/{erasureId}}: which services have finished an erasure (admin). */
@Path("/api/v1/erasures/{erasureId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class ErasureResource {

  private final ErasureService erasures;

  public ErasureResource(ErasureService erasures) {
    this.erasures = erasures;
  }

  @GET
  public Erasure get(@PathParam("erasureId") String erasureId) {
    return erasures.status(erasureId);
  }
}
