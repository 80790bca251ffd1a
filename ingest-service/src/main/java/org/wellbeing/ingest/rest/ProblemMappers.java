package org.wellbeing.ingest.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.wellbeing.contract.Problem;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.domain.PublishFailedException;
import org.wellbeing.ingest.domain.TooManyItemsException;

/** Maps the domain's exceptions to {@code application/problem+json}, once for all resources. */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response invalidInput(InvalidInputException e) {
    return response(Problem.invalid(e.getMessage(), e.violations()));
  }

  @ServerExceptionMapper
  public Response tooManyItems(TooManyItemsException e) {
    return response(Problem.of(413, "too-many-items", "Too many items", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response publishFailed(PublishFailedException e) {
    return response(
        Problem.of(503, "publish-failed", "Events not acknowledged by Kafka", e.getMessage()));
  }

  static Response response(Problem problem) {
    return Response.status(problem.status())
        .type(MediaType.valueOf(Problem.MEDIA_TYPE))
        .entity(problem)
        .build();
  }
}
