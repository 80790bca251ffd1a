package org.wellbeing.ingest.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.common.rest.InvalidBodyException;
import org.wellbeing.common.rest.ItemLimitException;
import org.wellbeing.common.rest.RequestBodies;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.contract.WorkEventValidator;
import org.wellbeing.ingest.config.IngestConfig;
import org.wellbeing.ingest.domain.InvalidInputException;
import org.wellbeing.ingest.service.EventIngestService;
import org.wellbeing.ingest.service.IngestAccess;

/** {@code POST /api/v1/events}: WorkEvents as JSON, one or an array. */
@Path("/api/v1/events")
public class EventResource {

  static final String SOURCE = "json";

  private final EventIngestService service;
  private final RequestBodies bodies;
  private final IngestConfig config;
  private final WorkEventValidator validator;
  private final IngestAccess access;

  public EventResource(
      EventIngestService service,
      RequestBodies bodies,
      IngestConfig config,
      PipelineConfig pipeline,
      IngestAccess access) {
    this.access = access;
    this.service = service;
    this.bodies = bodies;
    this.config = config;
    this.validator = pipeline.events().validator();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response post(String body) {
    RequestBodies.Batch<WorkEventRequest> batch;
    try {
      batch = bodies.batch(body, WorkEventRequest.class, config.maxEventsPerRequest());
    } catch (InvalidBodyException e) {
      service.rejected(SOURCE, "malformed", 1);
      throw e;
    } catch (ItemLimitException e) {
      service.rejected(SOURCE, "too_large", e.count());
      throw e;
    }
    List<Violation> violations = new ArrayList<>(batch.violations());
    List<WorkEvent> events = new ArrayList<>(batch.items().size());
    BinaryOperator<String> eventIds = access.eventIds();
    for (int i = 0; i < batch.items().size(); i++) {
      WorkEventRequest item = batch.items().get(i);
      if (item != null) {
        WorkEvent event = item.toEvent(eventIds.apply(item.personId(), item.eventId()));
        violations.addAll(validator.problems(batch.index(i), event));
        events.add(event);
      }
    }
    if (!violations.isEmpty()) {
      int items = batch.items().size();
      service.rejected(SOURCE, "invalid", items);
      long bad = violations.stream().mapToInt(Violation::index).distinct().count();
      throw new InvalidInputException(
          "%d of %d events are invalid; none was published".formatted(bad, items), violations);
    }
    access.requirePostingFor(events.stream().map(WorkEvent::personId).distinct().toList());
    int accepted = service.publish(events, SOURCE);
    return Response.accepted(new Accepted(accepted)).build();
  }

  /** The answer to an accepted request. */
  public record Accepted(int accepted) {}
}
