package org.wellbeing.model.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.wellbeing.common.rest.InvalidBodyException;
import org.wellbeing.common.rest.RequestBodies;
import org.wellbeing.common.security.Caller;
import org.wellbeing.contract.AccessRecord;
import org.wellbeing.contract.DailyMetrics;
import org.wellbeing.contract.Erasure;
import org.wellbeing.contract.Growth;
import org.wellbeing.contract.Person;
import org.wellbeing.contract.Violation;
import org.wellbeing.model.domain.GrowthCalculator;
import org.wellbeing.model.service.AccessService;
import org.wellbeing.model.service.DayQueryService;
import org.wellbeing.model.service.DirectoryService;
import org.wellbeing.model.service.DirectoryService.Saved;
import org.wellbeing.model.service.ErasureService;
import org.wellbeing.model.service.ExportService;
import org.wellbeing.model.service.GrowthService;
import org.wellbeing.model.service.PersonRequest;

/** People of the directory and their days. */
@Path("/api/v1/people/{personId}")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

  private final DirectoryService directory;

  /** Longest growth projection: ten years. */
  static final int MAX_GROWTH_WEEKS = 520;

  /** Learning cannot exceed the hours of a week. */
  private static final double HOURS_PER_WEEK = 168;

  private final DayQueryService days;
  private final GrowthService growth;
  private final RequestBodies bodies;
  private final AccessService access;
  private final ErasureService erasures;
  private final ExportService exports;

  public PeopleResource(
      DirectoryService directory,
      DayQueryService days,
      GrowthService growth,
      RequestBodies bodies,
      AccessService access,
      ErasureService erasures,
      ExportService exports) {
    this.erasures = erasures;
    this.exports = exports;
    this.directory = directory;
    this.days = days;
    this.growth = growth;
    this.bodies = bodies;
    this.access = access;
  }

  /** Creates or updates a person; fields left out keep their value (or the defaults). */
  @PUT
  @RolesAllowed(Caller.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("personId") String personId, String body) {
    List<Violation> found = new ArrayList<>();
    PersonRequest request = bodies.bind(-1, bodies.object(body), PersonRequest.class, found);
    if (request == null) {
      throw new InvalidBodyException("invalid person", found);
    }
    Saved<Person> saved = directory.putPerson(personId, request, found);
    return Response.status(saved.created() ? 201 : 200).entity(saved.value()).build();
  }

  /** The person with the profile in force today. */
  @GET
  public Person get(@PathParam("personId") String personId) {
    access.readPerson(personId, "GET /api/v1/people/{personId}");
    return directory.person(personId);
  }

  /** One DailyMetrics per date of {@code [from, to]}, both ends inclusive. */
  @GET
  @Path("/days")
  public List<DailyMetrics> days(
      @PathParam("personId") String personId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    access.readPerson(personId, "GET /api/v1/people/{personId}/days");
    return days.days(personId, Params.date("from", from), Params.date("to", to));
  }

  /**
   * MODEL.md "Growth" on {@code date} (default: today in the person's zone), projected {@code
   * weeks} ahead; W, M, P, E (each in [0, 1]) and {@code learningPerWeek} (hours, ≥ 0) replace the
   * person's values for a what-if.
   */
  @GET
  @Path("/growth")
  public Growth growth(
      @PathParam("personId") String personId,
      @QueryParam("date") String date,
      @QueryParam("weeks") String weeks,
      @QueryParam("W") String w,
      @QueryParam("M") String m,
      @QueryParam("P") String p,
      @QueryParam("E") String e,
      @QueryParam("learningPerWeek") String learningPerWeek) {
    access.readPerson(personId, "GET /api/v1/people/{personId}/growth");
    List<Violation> violations = new ArrayList<>();
    LocalDate on = Params.optionalDate("date", date, violations);
    int horizon =
        Params.integer(
            "weeks", weeks, GrowthCalculator.DEFAULT_WEEKS, 1, MAX_GROWTH_WEEKS, violations);
    GrowthCalculator.WhatIf whatIf =
        new GrowthCalculator.WhatIf(
            Params.number("W", w, 0, 1, violations),
            Params.number("M", m, 0, 1, violations),
            Params.number("P", p, 0, 1, violations),
            Params.number("E", e, 0, 1, violations),
            Params.number("learningPerWeek", learningPerWeek, 0, HOURS_PER_WEEK, violations));
    Params.check(violations);
    return growth.growth(personId, on, horizon, whatIf);
  }

  /**
   * Everything held about the person, from all three services, as one document (the person or an
   * administrator).
   */
  @GET
  @Path("/export")
  public java.util.Map<String, Object> export(@PathParam("personId") String personId) {
    return exports.export(personId);
  }

  /**
   * Erases the person everywhere (admin): {@code 202} with the erasure, whose progress {@code GET
   * /api/v1/erasures/{erasureId}} tells.
   */
  @DELETE
  @RolesAllowed(Caller.ADMIN)
  public Response erase(@PathParam("personId") String personId) {
    Erasure erasure = erasures.erase(personId);
    return Response.accepted(erasure)
        .location(java.net.URI.create("/api/v1/erasures/" + erasure.erasureId()))
        .build();
  }

  /**
   * Who read the person's data other than the person, newest first; {@code from}/{@code to} are UTC
   * dates (default: the last 30 days).
   */
  @GET
  @Path("/access-log")
  public List<AccessRecord> accessLog(
      @PathParam("personId") String personId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    access.readAccessLog(personId);
    List<Violation> violations = new ArrayList<>();
    LocalDate end = Params.optionalDate("to", dateOf(to), violations);
    LocalDate start = Params.optionalDate("from", dateOf(from), violations);
    Params.check(violations);
    end = end == null ? LocalDate.now(java.time.ZoneOffset.UTC) : end;
    start = start == null ? end.minusDays(30) : start;
    return access.log(personId, start, end);
  }

  /** The access log's range also takes instants ("2026-12-01T10:00:00Z"): their UTC date counts. */
  private static String dateOf(String value) {
    if (value == null || !value.contains("T")) {
      return value;
    }
    try {
      return java.time.OffsetDateTime.parse(value)
          .atZoneSameInstant(java.time.ZoneOffset.UTC)
          .toLocalDate()
          .toString();
    } catch (java.time.DateTimeException e) {
      return value;
    }
  }
}
