package org.wellbeing.people.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.wellbeing.contract.Alert;
import org.wellbeing.people.client.AlertClient;
import org.wellbeing.people.view.Inbox;

/**
 * A manager's inbox: the open alerts of their people and teams (alert-service decides which those
 * are, from the manager's token), most severe and newest first, with filters.
 */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

  static final List<String> RULES =
      List.of(
          "WEEKLY_HOURS",
          "AVERAGE_WEEKLY_HOURS",
          "DAILY_REST",
          "WEEKLY_REST",
          "MONTHLY_OVERTIME",
          "AFTER_HOURS_STREAK",
          "LOW_BALANCE",
          "SKILL_STAGNATION",
          "OVERTIME_FORECAST",
          "TEAM_OVERLOAD");

  static final List<String> SEVERITIES = List.of("CRITICAL", "WARNING", "INFO");

  private final AlertClient alerts;
  private final Viewer viewer;
  private final Template inbox;

  public InboxResource(
      @RestClient AlertClient alerts, Viewer viewer, @Location("inbox.html") Template inbox) {
    this.alerts = alerts;
    this.viewer = viewer;
    this.inbox = inbox;
  }

  @GET
  public TemplateInstance get(
      @QueryParam("rule") String rule,
      @QueryParam("severity") String severity,
      @QueryParam("team") String team,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    List<Alert> open =
        Inbox.order(
            alerts.list(
                "OPEN",
                blank(team),
                null,
                blank(rule),
                blank(severity),
                blank(from),
                blank(to),
                500));
    List<String> teams =
        alerts.list("OPEN", null, null, null, null, null, null, 500).stream()
            .map(Alert::teamId)
            .filter(t -> t != null)
            .distinct()
            .sorted()
            .toList();
    return inbox
        .data("viewer", viewer)
        .data("alerts", open)
        .data("rules", RULES)
        .data("severities", SEVERITIES)
        .data("teams", teams)
        .data("rule", blank(rule))
        .data("severity", blank(severity))
        .data("team", blank(team))
        .data("from", blank(from))
        .data("to", blank(to));
  }

  static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
