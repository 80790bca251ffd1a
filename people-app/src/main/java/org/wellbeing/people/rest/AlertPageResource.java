package org.wellbeing.people.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.wellbeing.contract.Alert;
import org.wellbeing.people.client.AlertClient;
import org.wellbeing.people.view.EvidenceChart;

/** One alert with its evidence chart, and its acknowledgement. */
@Path("/alerts/{id}")
@Produces(MediaType.TEXT_HTML)
public class AlertPageResource {

  private final AlertClient alerts;
  private final Viewer viewer;
  private final Pages pages;
  private final Template page;

  public AlertPageResource(
      @RestClient AlertClient alerts,
      Viewer viewer,
      Pages pages,
      @Location("alert.html") Template page) {
    this.alerts = alerts;
    this.viewer = viewer;
    this.pages = pages;
    this.page = page;
  }

  @GET
  public TemplateInstance get(@PathParam("id") String id, @QueryParam("done") String done) {
    return view(alerts.get(id), done != null ? "Acknowledged." : null, List.of());
  }

  @POST
  @Path("ack")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response acknowledge(
      @PathParam("id") String id, @RestForm String reason, @RestForm String until) {
    LocalDate date = null;
    if (until != null && !until.isBlank()) {
      try {
        date = LocalDate.parse(until.trim());
      } catch (DateTimeParseException e) {
        return Response.status(400)
            .entity(view(alerts.get(id), null, List.of("“Until” must be a date YYYY-MM-DD.")))
            .build();
      }
    }
    try {
      alerts.acknowledge(id, new AlertClient.Acknowledgement(reason, date));
    } catch (WebApplicationException e) {
      if (e.getResponse().getStatus() != 400) {
        throw e;
      }
      return Response.status(400)
          .entity(view(alerts.get(id), null, ServiceErrors.messages(e)))
          .build();
    }
    return Response.seeOther(URI.create("/alerts/" + id + "?done=1")).build();
  }

  private TemplateInstance view(Alert alert, String notice, List<String> errors) {
    return page.data("viewer", viewer)
        .data("alert", alert)
        .data("chart", pages.chart(EvidenceChart.of(alert)))
        .data(
            "mayAcknowledge",
            "OPEN".equals(alert.status()) && !viewer.personId().equals(alert.subject()))
        .data("notice", notice)
        .data("errors", errors);
  }
}
