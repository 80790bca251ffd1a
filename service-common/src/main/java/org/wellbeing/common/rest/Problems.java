package org.wellbeing.common.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.wellbeing.contract.Problem;

/** Builds {@code application/problem+json} responses. */
public final class Problems {

  private Problems() {}

  public static Response response(Problem problem) {
    return Response.status(problem.status())
        .type(MediaType.valueOf(Problem.MEDIA_TYPE))
        .entity(problem)
        .build();
  }
}
