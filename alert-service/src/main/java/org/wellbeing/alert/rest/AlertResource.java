package org.wellbeing.alert.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wellbeing.alert.domain.InvalidInputException;
import org.wellbeing.alert.domain.RuleId;
import org.wellbeing.alert.domain.Severity;
import org.wellbeing.alert.service.AlertQueryService;
import org.wellbeing.alert.service.AlertQueryService.Filter;
import org.wellbeing.alert.service.AlertQueryService.Result;
import org.wellbeing.common.rest.RequestBodies;
import org.wellbeing.contract.Alert;
import org.wellbeing.contract.Violation;

/** Alerts: listed newest first with filters and paging, read one by one, acknowledged. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

  static final int MAX_PAGE_SIZE = 500;

  /**
   * Deepest row a page may start at: deep offsets cost the database more than they serve anyone.
   */
  static final long MAX_OFFSET = 1_000_000;

  private final AlertQueryService alerts;
  private final RequestBodies bodies;

  public AlertResource(AlertQueryService alerts, RequestBodies bodies) {
    this.alerts = alerts;
    this.bodies = bodies;
  }

  /**
   * Alerts newest first. {@code from}/{@code to} keep alerts whose period overlaps those dates;
   * {@code page} counts from 0. The total is in the {@code X-Total-Count} header.
   */
  @GET
  public Response list(
      @QueryParam("status") String status,
      @QueryParam("teamId") String teamId,
      @QueryParam("personId") String personId,
      @QueryParam("rule") String rule,
      @QueryParam("severity") String severity,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("100") int size) {
    List<Violation> violations = new ArrayList<>();
    Filter filter =
        new Filter(
            oneOf("status", status, List.of("OPEN", "ACKNOWLEDGED", "RESOLVED"), violations),
            teamId,
            personId,
            oneOf("rule", rule, names(RuleId.values()), violations),
            oneOf("severity", severity, names(Severity.values()), violations),
            date("from", from, violations),
            date("to", to, violations));
    if (page < 0) {
      violations.add(Violation.of("page", "must be 0 or more"));
    } else if ((long) page * Math.max(size, 1) > MAX_OFFSET) {
      violations.add(
          Violation.of(
              "page", "page × size must be at most %d; narrow the filter".formatted(MAX_OFFSET)));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      violations.add(Violation.of("size", "must be between 1 and " + MAX_PAGE_SIZE));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid query", violations);
    }
    Result result = alerts.list(filter, page, size);
    return Response.ok(result.alerts()).header("X-Total-Count", result.total()).build();
  }

  @GET
  @Path("/{id}")
  public Alert get(@PathParam("id") String id) {
    return alerts.get(id);
  }

  /** Body {@code {"reason": "…", "until": "YYYY-MM-DD"}}; {@code until} is optional. */
  @POST
  @Path("/{id}/ack")
  @Consumes(MediaType.APPLICATION_JSON)
  public Alert acknowledge(@PathParam("id") String id, String body) {
    AcknowledgementRequest ack = bodies.one(body, AcknowledgementRequest.class);
    return alerts.acknowledge(id, ack.reason(), ack.until());
  }

  private static List<String> names(Enum<?>[] values) {
    List<String> names = new ArrayList<>();
    for (Enum<?> value : values) {
      names.add(value.name());
    }
    return names;
  }

  private static String oneOf(
      String name, String value, List<String> allowed, List<Violation> violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String upper = value.toUpperCase(Locale.ROOT);
    if (!allowed.contains(upper)) {
      violations.add(Violation.of(name, "must be one of " + allowed));
      return null;
    }
    return upper;
  }

  private static LocalDate date(String name, String value, List<Violation> violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeException e) {
      violations.add(Violation.of(name, "must be a date YYYY-MM-DD"));
      return null;
    }
  }
}
