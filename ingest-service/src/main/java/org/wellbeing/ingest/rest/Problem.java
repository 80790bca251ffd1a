package org.wellbeing.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.wellbeing.ingest.domain.Violation;

/** An RFC 9457 problem document; {@code errors} lists each bad item and field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, List<Violation> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  static Response response(Response.Status status, String type, String title, String detail) {
    return response(new Problem(type, title, status.getStatusCode(), detail, null));
  }

  static Response response(Problem problem) {
    return Response.status(problem.status())
        .type(MediaType.valueOf(MEDIA_TYPE))
        .entity(problem)
        .build();
  }
}
