package org.wellbeing.people.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.runtime.BlockingOperationControl;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.wellbeing.contract.Problem;
import org.wellbeing.contract.Violation;

/**
 * Refusals as pages. A service's 403 and 404 keep their status (someone else's page is forbidden
 * here as it is there), anything else from a service is a 502 that says which part failed, never
 * what it answered; the app's own refusals (an unknown page, a bad parameter) keep theirs.
 */
public class ServiceErrors {

  private static final Logger LOG = Logger.getLogger(ServiceErrors.class);

  private final Template error;
  private final Template plain;
  private final Viewer viewer;

  public ServiceErrors(
      @Location("error.html") Template error,
      @Location("error-plain.html") Template plain,
      Viewer viewer) {
    this.error = error;
    this.plain = plain;
    this.viewer = viewer;
  }

  /** What a service answered: its refusal, as a page that says what it means for the person. */
  @ServerExceptionMapper
  public Response refused(ClientWebApplicationException e) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    return switch (status) {
      case 401 ->
          page(
              401,
              "Please sign in again",
              "Your sign-in has expired. Sign out and in again to go on.");
      case 403 ->
          page(
              403,
              "Not yours to see",
              "Your sign-in does not allow this page. People see their own figures; managers"
                  + " those of the teams they lead; administrators everything.");
      case 404 -> page(404, "Not found", "There is no such person, team or alert.");
      case 400 -> page(400, "Not understood", String.join(" ", messages(e)));
      default -> {
        LOG.warnf("a service answered %d", status);
        yield page(
            502,
            "A service did not answer",
            "The pipeline could not answer just now. Try again in a moment.");
      }
    };
  }

  /**
   * What the app itself refuses: an unknown page, a method a page does not take, a bad parameter.
   */
  @ServerExceptionMapper
  public Response own(WebApplicationException e) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    return switch (status) {
      case 404 -> page(404, "Not found", "There is no such page.");
      case 405 -> page(405, "Not here", "This page does not take that kind of request.");
      case 403 -> page(403, "Not yours to see", "Your sign-in does not allow this page.");
      case 400, 415 -> page(status, "Not understood", "The request could not be read.");
      default -> {
        LOG.warnf("a request failed with %d", status);
        yield page(500, "Something went wrong", "The page could not be shown. Try again.");
      }
    };
  }

  @ServerExceptionMapper
  public Response unreachable(ProcessingException e) {
    LOG.warnf("a service is unreachable: %s", e.getMessage());
    return page(502, "A service did not answer", "The pipeline could not be reached just now.");
  }

  private Response page(int status, String title, String detail) {
    if (!BlockingOperationControl.isBlockingAllowed()) {
      // refused before any resource ran (an unknown path): no directory lookup for the header
      return Response.status(status)
          .type(MediaType.TEXT_HTML_TYPE)
          .entity(plain.data("status", status).data("title", title).data("detail", detail).render())
          .build();
    }
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(
            error
                .data("viewer", viewer)
                .data("status", status)
                .data("title", title)
                .data("detail", detail)
                .render())
        .build();
  }

  /** The problem document's violations as lines for a person to read. */
  static List<String> messages(WebApplicationException e) {
    List<String> messages = new ArrayList<>();
    try {
      Problem problem = e.getResponse().readEntity(Problem.class);
      if (problem.errors() != null) {
        for (Violation v : problem.errors()) {
          String where = v.path();
          messages.add(where == null ? v.message() : where + ": " + v.message());
        }
      }
      if (messages.isEmpty() && problem.detail() != null) {
        messages.add(problem.detail());
      }
    } catch (RuntimeException unreadable) {
      messages.add("The request was refused.");
    }
    return messages;
  }
}
