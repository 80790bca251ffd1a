package org.wellbeing.people.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.wellbeing.contract.AccessRecord;
import org.wellbeing.contract.DailyMetrics;
import org.wellbeing.contract.Growth;
import org.wellbeing.contract.Person;
import org.wellbeing.contract.Team;
import org.wellbeing.contract.TeamWeekMetrics;

/** model-service (CONTRACT.md), called with the signed-in user's own access token. */
@RegisterRestClient(configKey = "model")
@RegisterClientHeaders(UserToken.class)
@Path("/api/v1")
public interface ModelClient {

  @GET
  @Path("/people/{personId}")
  Person person(@PathParam("personId") String personId);

  @GET
  @Path("/people/{personId}/days")
  List<DailyMetrics> days(
      @PathParam("personId") String personId,
      @QueryParam("from") String from,
      @QueryParam("to") String to);

  @GET
  @Path("/people/{personId}/growth")
  Growth growth(
      @PathParam("personId") String personId,
      @QueryParam("weeks") Integer weeks,
      @QueryParam("W") Double w,
      @QueryParam("M") Double m,
      @QueryParam("P") Double p,
      @QueryParam("E") Double e,
      @QueryParam("learningPerWeek") Double learningPerWeek);

  @GET
  @Path("/people/{personId}/access-log")
  List<AccessRecord> accessLog(
      @PathParam("personId") String personId,
      @QueryParam("from") String from,
      @QueryParam("to") String to);

  @GET
  @Path("/teams/{teamId}")
  Team team(@PathParam("teamId") String teamId);

  @GET
  @Path("/teams/{teamId}/weeks")
  List<TeamWeekMetrics> weeks(
      @PathParam("teamId") String teamId,
      @QueryParam("from") String from,
      @QueryParam("to") String to);

  /** Answers the raw response, so a refused import's problem document can be shown. */
  @POST
  @Path("/directory")
  @Consumes("text/csv")
  Response importCsv(String csv);

  @POST
  @Path("/directory")
  @Consumes("application/json")
  Response importJson(String json);
}
