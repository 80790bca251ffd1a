package org.wellbeing.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEventValidator;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.service.ClockService;
import org.wellbeing.ingest.service.IngestAccess;

/** {@code POST /api/v1/clock/{personId}}: {@code {"action": "IN"|"OUT", "at": …, "eventId": …}}. */
@Path("/api/v1/clock/{personId}")
public class ClockResource {

  private final ClockService clock;
  private final ObjectMapper json;
  private final IngestAccess access;

  public ClockResource(ClockService clock, ObjectMapper json, IngestAccess access) {
    this.clock = clock;
    this.json = json;
    this.access = access;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response punch(@PathParam("personId") String personId, String body) {
    JsonNode node = JsonItems.parse(json, body, 1).get(0);
    List<Violation> violations = new ArrayList<>();
    if (!WorkEventValidator.PERSON_ID.matcher(personId).matches()) {
      violations.add(Violation.of("personId", "must be 1-64 characters of A-Za-z0-9._@-"));
    }
    String action = node.path("action").asText("").toUpperCase(Locale.ROOT);
    if (!"IN".equals(action) && !"OUT".equals(action)) {
      violations.add(Violation.of("action", "must be IN or OUT"));
    }
    OffsetDateTime at = null;
    if (node.hasNonNull("at")) {
      try {
        at = OffsetDateTime.parse(node.get("at").asText());
      } catch (DateTimeException e) {
        violations.add(Violation.of("at", "must be an ISO-8601 date-time with an offset"));
      }
    }
    String given = node.hasNonNull("eventId") ? node.get("eventId").asText() : null;
    // a person's own ids live in their namespace (IngestAccess.ownEventId); the bound holds after
    String eventId = given == null || given.isBlank() ? given : access.ownEventId(personId, given);
    if (eventId != null && (eventId.isBlank() || eventId.length() > 256)) {
      violations.add(Violation.of("eventId", "must be 1-256 characters"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid clock punch", violations);
    }
    access.requirePostingFor(personId);
    return Response.accepted(clock.punch(personId, action, at, eventId)).build();
  }
}
