package org.wellbeing.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the demo organisation into a running stack: teams and people into model-service, then their
 * events through ingest-service, signed in as the realm's {@code admin}. Arguments: ingest URL,
 * model URL, the Keycloak realm's issuer URL.
 */
public final class DemoLoader {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private DemoLoader() {}

  public static void main(String[] args) throws Exception {
    String ingest = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
    String model = args.length > 1 ? args[1] : "http://127.0.0.1:8082";
    String issuer = args.length > 2 ? args[2] : "http://127.0.0.1:8180/realms/wellbeing";
    String authorization = "Bearer " + adminToken(issuer);
    if (args.length > 3) {
      // before any event: every alert the demo raises is mailed to the manager it concerns
      send(authorization, "PUT", args[3] + "/api/v1/webhooks/demo-mail", "{\"format\": \"email\"}");
    }
    load(ingest, model, LocalDate.now(ZoneOffset.UTC), authorization);
  }

  /**
   * Loads the organisation; events run up to the day before {@code today}.
   *
   * @param authorization the {@code Authorization} header of an administrator
   */
  public static void load(String ingest, String model, LocalDate today, String authorization)
      throws IOException, InterruptedException {
    for (DemoOrganisation.Team team : DemoOrganisation.TEAMS) {
      send(
          authorization,
          "PUT",
          model + "/api/v1/teams/" + team.id(),
          """
          {"name": "%s", "managerId": "%s", "parentTeamId": %s}"""
              .formatted(team.name(), team.managerId(), quoted(team.parentTeamId())));
    }
    LocalDate from = today.minusYears(1);
    for (DemoOrganisation.Person p : DemoOrganisation.PEOPLE) {
      send(
          authorization,
          "PUT",
          model + "/api/v1/people/" + p.id(),
          """
          {"displayName": "%s", "emails": ["%s@example.org"], "teamId": "%s", "timeZone": "%s",
           "contractHoursPerWeek": %s, "workingWindows": %s, "careerSkills": %s,
           "effectiveFrom": "%s"}"""
              .formatted(
                  p.name(),
                  p.id(),
                  p.teamId(),
                  p.zone(),
                  p.schedule().contractHours(),
                  p.windowsJson(),
                  p.skillsJson(),
                  from));
    }
    List<Schedule.Event> events = DemoOrganisation.events(today);
    StringJoiner body = new StringJoiner(",\n", "[", "]");
    for (Schedule.Event e : events) {
      body.add(e.json());
    }
    send(authorization, "POST", ingest + "/api/v1/events", body.toString());
    LocalInfra.log(
        "demo organisation loaded: %d teams, %d people, %d events",
        DemoOrganisation.TEAMS.size(), DemoOrganisation.PEOPLE.size(), events.size());
  }

  /** The realm's admin signs in with the local run's public client (password grant). */
  private static String adminToken(String issuer) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=wellbeing-cli&username=admin&password=admin"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher token = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      throw new IOException(
          "Keycloak at %s gave no token for admin: %d".formatted(issuer, response.statusCode()));
    }
    return token.group(1);
  }

  private static void send(String authorization, String method, String url, String json)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "%s %s answered %d: %s".formatted(method, url, response.statusCode(), response.body()));
    }
  }

  private static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
