package org.wellbeing.model.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.wellbeing.common.rest.Problems;
import org.wellbeing.contract.Problem;
import org.wellbeing.model.domain.GroupTooSmallException;
import org.wellbeing.model.domain.InvalidInputException;
import org.wellbeing.model.domain.NotFoundException;
import org.wellbeing.model.domain.PartUnavailableException;
import org.wellbeing.model.domain.SwitchedOffException;

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
  public Response switchedOff(SwitchedOffException e) {
    return Problems.response(Problem.of(404, "switched-off", "Switched off", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response groupTooSmall(GroupTooSmallException e) {
    return Problems.response(Problem.of(403, "group-too-small", "Group too small", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response partUnavailable(PartUnavailableException e) {
    return Problems.response(Problem.of(502, "part-unavailable", "Bad gateway", e.getMessage()));
  }
}
