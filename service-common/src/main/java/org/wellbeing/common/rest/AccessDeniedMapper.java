package org.wellbeing.common.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.wellbeing.common.access.AccessDeniedException;
import org.wellbeing.contract.Problem;

/** A denied read is a 403 problem in every service. */
public class AccessDeniedMapper {

  @ServerExceptionMapper
  public Response denied(AccessDeniedException e) {
    return Problems.response(Problem.of(403, "access-denied", "Access denied", e.getMessage()));
  }
}
