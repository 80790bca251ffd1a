package org.wellbeing.alert.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.wellbeing.alert.domain.ConflictException;
import org.wellbeing.alert.domain.InvalidInputException;
import org.wellbeing.alert.domain.NotFoundException;
import org.wellbeing.common.rest.Problems;
import org.wellbeing.contract.Problem;

/** Maps the domain's exceptions to {@code application/problem+json}, once for all resources. */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response invalidInput(InvalidInputException e) {
    return Problems.response(Problem.invalid(e.getMessage(), e.violations()));
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return Problems.response(Problem.of(404, "not-found", "Not found", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response conflict(ConflictException e) {
    return Problems.response(Problem.of(409, "conflict", "Conflict", e.getMessage()));
  }
}
