package org.wellbeing.ingest.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.wellbeing.ingest.rest.EventResource.Accepted;
import org.wellbeing.ingest.service.TimesheetService;

/**
 * {@code POST /api/v1/timesheets}: a CSV timesheet {@code personId,date,start,end,kind[,skill]}.
 */
@Path("/api/v1/timesheets")
public class TimesheetResource {

  private final TimesheetService timesheets;

  public TimesheetResource(TimesheetService timesheets) {
    this.timesheets = timesheets;
  }

  @POST
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @Produces(MediaType.APPLICATION_JSON)
  public Response post(String body) {
    return Response.accepted(new Accepted(timesheets.importCsv(body))).build();
  }
}
