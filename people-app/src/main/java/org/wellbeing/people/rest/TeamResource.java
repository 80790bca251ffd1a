package org.wellbeing.people.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.wellbeing.contract.Alert;
import org.wellbeing.contract.IsoWeek;
import org.wellbeing.contract.Team;
import org.wellbeing.contract.TeamWeekMetrics;
import org.wellbeing.people.client.AlertClient;
import org.wellbeing.people.client.ModelClient;
import org.wellbeing.people.view.Charts;
import org.wellbeing.people.view.Inbox;

/**
 * A team's health over twelve weeks. model-service answers team figures only for groups of at least
 * the minimum size, so a small team shows none: no one's hours can be read off a mean.
 */
@Path("/teams/{teamId}")
@Produces(MediaType.TEXT_HTML)
public class TeamResource {

  static final int WEEKS = 12;

  private final ModelClient model;
  private final AlertClient alerts;
  private final Viewer viewer;
  private final Pages pages;
  private final Template page;

  public TeamResource(
      @RestClient ModelClient model,
      @RestClient AlertClient alerts,
      Viewer viewer,
      Pages pages,
      @Location("team.html") Template page) {
    this.model = model;
    this.alerts = alerts;
    this.viewer = viewer;
    this.pages = pages;
    this.page = page;
  }

  @GET
  public TemplateInstance get(@PathParam("teamId") String teamId) {
    Team team = model.team(teamId);
    LocalDate today = LocalDate.now(viewer.zone());
    String to = IsoWeek.of(today).toString();
    String from = IsoWeek.of(today.minusWeeks(WEEKS - 1)).toString();
    List<TeamWeekMetrics> weeks = model.weeks(teamId, from, to);
    List<Alert> open = alerts.list("OPEN", teamId, null, null, null, null, null, 500);
    return page.data("viewer", viewer)
        .data("team", team)
        .data("weeks", weeks)
        .data("from", from)
        .data("to", to)
        .data("hours", weeks.isEmpty() ? null : pages.chart(Charts.teamHours(weeks)))
        .data("balance", weeks.isEmpty() ? null : pages.chart(Charts.teamBalance(weeks)))
        .data("byRule", Inbox.byRule(open).entrySet());
  }
}
