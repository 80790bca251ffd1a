package org.wellbeing.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.contract.WorkEventValidator;
import org.wellbeing.ingest.config.IngestConfig;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.domain.TooManyItemsException;
import org.wellbeing.ingest.service.EventIngestService;
import org.wellbeing.ingest.service.IngestAccess;

/** {@code POST /api/v1/events}: WorkEvents as JSON, one or an array. */
@Path("/api/v1/events")
public class EventResource {

  static final String SOURCE = "json";

  private final EventIngestService service;
  private final ObjectMapper json;
  private final IngestConfig config;
  private final WorkEventValidator validator;
  private final IngestAccess access;

  public EventResource(
      EventIngestService service,
      ObjectMapper json,
      IngestConfig config,
      PipelineConfig pipeline,
      IngestAccess access) {
    this.access = access;
    this.service = service;
    this.json = json;
    this.config = config;
    this.validator = pipeline.events().validator();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response post(String body) {
    List<JsonNode> items;
    try {
      items = JsonItems.parse(json, body, config.maxEventsPerRequest());
    } catch (InvalidInputException e) {
      service.rejected(SOURCE, "malformed", 1);
      throw e;
    } catch (TooManyItemsException e) {
      service.rejected(SOURCE, "too_large", e.count());
      throw e;
    }
    for (JsonNode item : items) {
      if (item instanceof ObjectNode object
          && object.get("eventId") instanceof TextNode eventId
          && object.get("personId") instanceof TextNode personId) {
        object.put("eventId", access.ownEventId(personId.textValue(), eventId.textValue()));
      }
      // a title too long to store is shortened, not refused: no figure reads it
      if (item instanceof ObjectNode object
          && object.get("title") instanceof TextNode title
          && title.textValue().length() > WorkEventValidator.MAX_TEXT_LENGTH) {
        object.put("title", WorkEventValidator.title(title.textValue()));
      }
    }
    List<Violation> violations = new ArrayList<>();
    List<WorkEvent> events = validator.validate(items, violations);
    if (!violations.isEmpty()) {
      service.rejected(SOURCE, "invalid", items.size());
      long bad = violations.stream().mapToInt(Violation::index).distinct().count();
      throw new InvalidInputException(
          "%d of %d events are invalid; none was published".formatted(bad, items.size()),
          violations);
    }
    access.requirePostingFor(events.stream().map(WorkEvent::personId).distinct().toList());
    int accepted = service.publish(events, SOURCE);
    return Response.accepted(new Accepted(accepted)).build();
  }

  /** The answer to an accepted request. */
  public record Accepted(int accepted) {}
}
