package org.wellbeing.ingest.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEventValidator;
import org.wellbeing.ingest.domain.CalendarImporter.Result;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.service.CalendarService;
import org.wellbeing.ingest.service.IngestAccess;

/**
 * {@code POST /api/v1/people/{personId}/calendar}: an iCalendar document, one event per occurrence.
 */
@Path("/api/v1/people/{personId}/calendar")
public class CalendarResource {

  private final CalendarService calendars;
  private final IngestAccess access;

  public CalendarResource(CalendarService calendars, IngestAccess access) {
    this.calendars = calendars;
    this.access = access;
  }

  /** The answer to an accepted calendar. */
  public record Imported(int accepted, int skipped) {}

  @POST
  @Consumes({"text/calendar", MediaType.TEXT_PLAIN})
  @Produces(MediaType.APPLICATION_JSON)
  public Response post(@PathParam("personId") String personId, String body) {
    if (!WorkEventValidator.PERSON_ID.matcher(personId).matches()) {
      throw new InvalidInputException(
          "invalid person id",
          List.of(Violation.of("personId", "must be 1-64 characters of A-Za-z0-9._@-")));
    }
    access.requirePostingFor(personId);
    Result result = calendars.importCalendar(personId, body);
    return Response.accepted(new Imported(result.events().size(), result.skipped())).build();
  }
}
