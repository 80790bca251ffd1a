package org.wellbeing.people.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.wellbeing.contract.AccessRecord;
import org.wellbeing.contract.Alert;
import org.wellbeing.contract.DailyMetrics;
import org.wellbeing.contract.Growth;
import org.wellbeing.contract.Person;
import org.wellbeing.people.client.AlertClient;
import org.wellbeing.people.client.ModelClient;
import org.wellbeing.people.view.Charts;

/**
 * A person's page: their days, alerts, growth with what-if factors, overtime forecast and who read
 * their data. {@code /me} is everyone's own; {@code /people/{id}} is someone else's, which the
 * services allow only to that person's managers and administrators: anyone else gets their 403.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PersonResource {

  static final int DAYS = 28;

  private final ModelClient model;
  private final AlertClient alerts;
  private final Viewer viewer;
  private final Pages pages;
  private final Template page;

  public PersonResource(
      @RestClient ModelClient model,
      @RestClient AlertClient alerts,
      Viewer viewer,
      Pages pages,
      @Location("person.html") Template page) {
    this.model = model;
    this.alerts = alerts;
    this.viewer = viewer;
    this.pages = pages;
    this.page = page;
  }

  @GET
  @Path("me")
  public TemplateInstance me(
      @QueryParam("W") Double w,
      @QueryParam("M") Double m,
      @QueryParam("P") Double p,
      @QueryParam("E") Double e,
      @QueryParam("learningPerWeek") Double learning) {
    return view(viewer.personId(), w, m, p, e, learning);
  }

  @GET
  @Path("people/{personId}")
  public TemplateInstance person(
      @PathParam("personId") String personId,
      @QueryParam("W") Double w,
      @QueryParam("M") Double m,
      @QueryParam("P") Double p,
      @QueryParam("E") Double e,
      @QueryParam("learningPerWeek") Double learning) {
    return view(personId, w, m, p, e, learning);
  }

  private TemplateInstance view(
      String personId, Double w, Double m, Double p, Double e, Double learning) {
    Person person = model.person(personId);
    LocalDate today = LocalDate.now(viewer.zone());
    List<DailyMetrics> days =
        model.days(personId, today.minusDays(DAYS - 1).toString(), today.toString());
    List<Alert> theirs = alerts.list(null, null, personId, null, null, null, null, 100);
    Growth now = optional(() -> model.growth(personId, 12, null, null, null, null, null));
    boolean whatIf = w != null || m != null || p != null || e != null || learning != null;
    Growth growth =
        whatIf
            ? optional(
                () ->
                    model.growth(
                        personId,
                        12,
                        clamp(w),
                        clamp(m),
                        clamp(p),
                        clamp(e),
                        learning == null ? null : Math.max(0, Math.min(168, learning))))
            : now;
    // only the person and administrators read the access log; a manager's view goes without
    List<AccessRecord> readers =
        optional(() -> model.accessLog(personId, today.minusDays(30).toString(), today.toString()));
    List<Alert> forecast =
        theirs.stream()
            .filter(a -> "OVERTIME_FORECAST".equals(a.rule()) && "OPEN".equals(a.status()))
            .toList();
    List<Alert> overtime =
        theirs.stream()
            .filter(a -> "MONTHLY_OVERTIME".equals(a.rule()) && "OPEN".equals(a.status()))
            .toList();
    return page.data("viewer", viewer)
        .data("person", person)
        .data("own", personId.equals(viewer.personId()))
        .data("days", days)
        .data("hours", days.isEmpty() ? null : pages.chart(Charts.days(days)))
        .data("balance", days.isEmpty() ? null : pages.chart(Charts.balance(days)))
        .data("alerts", theirs)
        .data("growth", growth)
        .data("baseline", now)
        .data("whatIf", whatIf)
        .data("projection", growth == null ? null : pages.chart(Charts.growth(growth)))
        .data("forecast", forecast)
        .data("overtime", overtime)
        .data("readers", readers);
  }

  private static Double clamp(Double factor) {
    return factor == null ? null : Math.max(0, Math.min(1, factor));
  }

  private static <T> T optional(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (WebApplicationException e) {
      if (e.getResponse().getStatus() == 403 || e.getResponse().getStatus() == 404) {
        return null;
      }
      throw e;
    }
  }
}
