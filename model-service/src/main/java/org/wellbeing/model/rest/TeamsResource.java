package org.wellbeing.model.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.wellbeing.common.rest.InvalidBodyException;
import org.wellbeing.common.rest.RequestBodies;
import org.wellbeing.common.security.Caller;
import org.wellbeing.contract.Team;
import org.wellbeing.contract.TeamWeekMetrics;
import org.wellbeing.contract.Violation;
import org.wellbeing.model.service.AccessService;
import org.wellbeing.model.service.DirectoryService;
import org.wellbeing.model.service.DirectoryService.Saved;
import org.wellbeing.model.service.TeamRequest;
import org.wellbeing.model.service.TeamWeekService;

/** Teams of the directory and their weekly figures. */
@Path("/api/v1/teams/{teamId}")
@Produces(MediaType.APPLICATION_JSON)
public class TeamsResource {

  private final DirectoryService directory;
  private final TeamWeekService weeks;
  private final RequestBodies bodies;
  private final AccessService access;

  public TeamsResource(
      DirectoryService directory,
      TeamWeekService weeks,
      RequestBodies bodies,
      AccessService access) {
    this.directory = directory;
    this.weeks = weeks;
    this.bodies = bodies;
    this.access = access;
  }

  @PUT
  @RolesAllowed(Caller.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("teamId") String teamId, String body) {
    List<Violation> found = new ArrayList<>();
    TeamRequest request = bodies.bind(-1, bodies.object(body), TeamRequest.class, found);
    if (request == null) {
      throw new InvalidBodyException("invalid team", found);
    }
    Saved<Team> saved = directory.putTeam(teamId, request, found);
    return Response.status(saved.created() ? 201 : 200).entity(saved.value()).build();
  }

  @GET
  public Team get(@PathParam("teamId") String teamId) {
    access.readTeam(teamId);
    return directory.team(teamId);
  }

  /** TeamWeekMetrics for each ISO week of {@code [from, to]}; 403 for teams below the minimum. */
  @GET
  @Path("/weeks")
  public List<TeamWeekMetrics> weeks(
      @PathParam("teamId") String teamId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    access.readTeam(teamId);
    return weeks.weeks(teamId, Params.week("from", from), Params.week("to", to));
  }
}
