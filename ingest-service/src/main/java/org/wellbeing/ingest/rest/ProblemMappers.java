package org.wellbeing.ingest.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.domain.PublishFailedException;
import org.wellbeing.ingest.domain.TooManyItemsException;

/** Maps the domain's exceptions to {@code application/problem+json}, once for all resources. */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response invalidInput(InvalidInputException e) {
    return Problem.response(
        new Problem(
            "urn:wellbeing:problem:invalid-input",
            "Invalid input",
            Response.Status.BAD_REQUEST.getStatusCode(),
            e.getMessage(),
            e.violations().isEmpty() ? null : e.violations()));
  }

  @ServerExceptionMapper
  public Response tooManyItems(TooManyItemsException e) {
    return Problem.response(
        Response.Status.REQUEST_ENTITY_TOO_LARGE,
        "urn:wellbeing:problem:too-many-items",
        "Too many items",
        e.getMessage());
  }

  @ServerExceptionMapper
  public Response publishFailed(PublishFailedException e) {
    return Problem.response(
        Response.Status.SERVICE_UNAVAILABLE,
        "urn:wellbeing:problem:publish-failed",
        "Events not acknowledged by Kafka",
        e.getMessage());
  }
}
