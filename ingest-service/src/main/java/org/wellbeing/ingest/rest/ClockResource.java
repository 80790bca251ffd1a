package org.wellbeing.ingest.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.wellbeing.common.rest.RequestBodies;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEventValidator;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.service.ClockService;
import org.wellbeing.ingest.service.IngestAccess;

/** {@code POST /api/v1/clock/{personId}}: {@code {"action": "IN"|"OUT", "at": …, "eventId": …}}. */
@Path("/api/v1/clock/{personId}")
public class ClockResource {

  private final ClockService clock;
  private final RequestBodies bodies;
  private final IngestAccess access;

  public ClockResource(ClockService clock, RequestBodies bodies, IngestAccess access) {
    this.clock = clock;
    this.bodies = bodies;
    this.access = access;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response punch(@PathParam("personId") String personId, String body) {
    if (!WorkEventValidator.PERSON_ID.matcher(personId).matches()) {
      throw new InvalidInputException(
          "invalid clock punch",
          List.of(Violation.of("personId", WorkEventValidator.PERSON_ID_RULE)));
    }
    ClockPunchRequest punch = bodies.one(body, ClockPunchRequest.class);
    // a person's own ids live in their namespace (IngestAccess.ownEventId); the bound holds after
    String eventId = access.ownEventId(personId, punch.eventId());
    if (eventId != null && eventId.length() > WorkEventValidator.MAX_EVENT_ID_LENGTH) {
      throw new InvalidInputException(
          "invalid clock punch", List.of(Violation.of("eventId", "must be 1-256 characters")));
    }
    access.requirePostingFor(personId);
    return Response.accepted(clock.punch(personId, punch.action().name(), punch.at(), eventId))
        .build();
  }
}
