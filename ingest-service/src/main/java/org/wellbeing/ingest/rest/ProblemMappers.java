package org.wellbeing.ingest.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.wellbeing.common.rest.Problems;
import org.wellbeing.contract.Problem;
import org.wellbeing.ingest.domain.ConflictException;
import org.wellbeing.ingest.domain.DocumentTooLargeException;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.domain.NotFoundException;
import org.wellbeing.ingest.domain.PublishFailedException;
import org.wellbeing.ingest.domain.TooManyItemsException;

/** Maps the domain's exceptions to {@code application/problem+json}, once for all resources. */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response invalidInput(InvalidInputException e) {
    return Problems.response(Problem.invalid(e.getMessage(), e.violations()));
  }

  @ServerExceptionMapper
  public Response tooManyItems(TooManyItemsException e) {
    return Problems.response(Problem.of(413, "too-many-items", "Too many items", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response tooLarge(DocumentTooLargeException e) {
    return Problems.response(
        Problem.of(413, "document-too-large", "Document too large", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response conflict(ConflictException e) {
    return Problems.response(Problem.of(409, "conflict", "Conflict", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return Problems.response(Problem.of(404, "not-found", "Not found", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response publishFailed(PublishFailedException e) {
    return Problems.response(
        Problem.of(503, "publish-failed", "Events not acknowledged by Kafka", e.getMessage()));
  }
}
