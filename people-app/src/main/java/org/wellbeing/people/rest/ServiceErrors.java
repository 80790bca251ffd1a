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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.wellbeing.contract.Problem;
import org.wellbeing.contract.Violation;

/**
 * What a service refused, as a page: 403 and 404 keep their status (someone else's page is
 * forbidden here as it is there), anything else from a service is a 502 that says which part
 * failed, never what it answered.
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

  @ServerExceptionMapper
  public Response refused(WebApplicationException e) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    String title;
    String detail;
    switch (status) {
      case 401, 403 -> {
        status = 403;
        title = "Not yours to see";
        detail =
            "Your sign-in does not allow this page. People see their own figures; managers"
                + " those of the teams they lead; administrators everything.";
      }
      case 404 -> {
        title = "Not found";
        detail = "There is no such page, person, team or alert.";
      }
      case 400 -> {
        title = "Not understood";
        detail = String.join(" ", messages(e));
      }
      default -> {
        LOG.warnf("a service answered %d", status);
        status = 502;
        title = "A service did not answer";
        detail = "The pipeline could not answer just now. Try again in a moment.";
      }
    }
    return page(status, title, detail);
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
