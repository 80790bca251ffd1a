package org.wellbeing.common.rest;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.wellbeing.common.security.AccessDeniedException;
import org.wellbeing.contract.Problem;

/**
 * CONTRACT.md "Identity": no token or a bad one is a 401, a valid token that may not do this a 403,
 * both problem documents. Authentication is not proactive, so its failures reach these mappers.
 */
public class SecurityProblemMappers {

  private static final String CHALLENGE = "Bearer realm=\"wellbeing\"";

  @ServerExceptionMapper({
    UnauthorizedException.class,
    AuthenticationFailedException.class,
    AuthenticationCompletionException.class
  })
  public Response unauthenticated(RuntimeException e) {
    return Response.fromResponse(
            Problems.response(
                Problem.of(
                    401,
                    "unauthenticated",
                    "Unauthorized",
                    "a valid bearer access token is required")))
        .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return Problems.response(
        Problem.of(403, "access-denied", "Forbidden", "this token may not do this"));
  }

  @ServerExceptionMapper
  public Response denied(AccessDeniedException e) {
    return Problems.response(Problem.of(403, "access-denied", "Forbidden", e.getMessage()));
  }
}
