package org.wellbeing.model.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.wellbeing.common.access.AccessDeniedException;
import org.wellbeing.common.access.AccessPolicy;
import org.wellbeing.common.access.Viewer;
import org.wellbeing.contract.DailyMetrics;
import org.wellbeing.contract.Person;
import org.wellbeing.model.service.DayQueryService;
import org.wellbeing.model.service.DirectoryService;
import org.wellbeing.model.service.DirectoryService.Saved;

/** People of the directory and their days. */
@Path("/api/v1/people/{personId}")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

  private final DirectoryService directory;
  private final DayQueryService days;
  private final ObjectMapper json;
  private final AccessPolicy access;

  public PeopleResource(
      DirectoryService directory, DayQueryService days, ObjectMapper json, AccessPolicy access) {
    this.directory = directory;
    this.days = days;
    this.json = json;
    this.access = access;
  }

  /** Creates or updates a person; fields left out keep their value (or the defaults). */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("personId") String personId, String body) {
    Saved<Person> saved = directory.putPerson(personId, JsonBody.read(json, body));
    return Response.status(saved.created() ? 201 : 200).entity(saved.value()).build();
  }

  /** The person with the profile in force today. */
  @GET
  public Person get(@PathParam("personId") String personId, @Context HttpHeaders headers) {
    checkAccess(personId, headers);
    return directory.person(personId);
  }

  /** One DailyMetrics per date of {@code [from, to]}, both ends inclusive. */
  @GET
  @Path("/days")
  public List<DailyMetrics> days(
      @PathParam("personId") String personId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @Context HttpHeaders headers) {
    checkAccess(personId, headers);
    return days.days(personId, Params.date("from", from), Params.date("to", to));
  }

  /** MODEL.md: a person's data is for them, their managers and administrators. */
  private void checkAccess(String personId, HttpHeaders headers) {
    Viewer viewer = access.viewer(headers);
    if (!viewer.unrestricted() && !viewer.maySee(personId, directory.managersOfPerson(personId))) {
      throw new AccessDeniedException(
          "only %s, their managers and administrators see this".formatted(personId));
    }
  }
}
