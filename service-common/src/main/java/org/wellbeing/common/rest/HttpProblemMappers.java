package org.wellbeing.common.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.wellbeing.contract.Problem;

/**
 * What the HTTP layer refuses before a resource runs (an unknown route, a method or media type the
 * route does not take, a parameter that does not convert) and anything unforeseen: each a problem
 * document in every service, never an HTML page or a stack trace.
 */
public class HttpProblemMappers {

  private static final Logger LOG = Logger.getLogger(HttpProblemMappers.class);

  @ServerExceptionMapper
  public Response invalidBody(InvalidBodyException e) {
    return Problems.response(Problem.invalid(e.getMessage(), e.violations()));
  }

  @ServerExceptionMapper
  public Response itemLimit(ItemLimitException e) {
    return Problems.response(Problem.of(413, "too-many-items", "Too many items", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    if (status >= 500) {
      LOG.errorf(e, "request failed with %d", status);
      return Problems.response(
          Problem.of(status, "internal", "Internal error", "the request could not be completed"));
    }
    Response.StatusType reason = Response.Status.fromStatusCode(status);
    String title = reason == null ? "Request refused" : reason.getReasonPhrase();
    return Problems.response(
        Problem.of(
            status,
            title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
            title,
            detail(status)));
  }

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response unexpected(RuntimeException e) {
    LOG.error("unexpected failure of a request", e);
    return Problems.response(
        Problem.of(500, "internal", "Internal error", "the request could not be completed"));
  }

  private static String detail(int status) {
    return switch (status) {
      case 404 -> "no such resource";
      case 405 -> "the resource does not take this method";
      case 406 -> "the resource cannot answer in the media type asked for";
      case 415 -> "the resource does not take this media type";
      default -> "the request was refused";
    };
  }
}
