package org.wellbeing.model.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.wellbeing.common.rest.RequestBodies;
import org.wellbeing.contract.Violation;
import org.wellbeing.model.domain.InvalidInputException;

/**
 * Bulk import of an org chart: teams and people in one transaction, all or nothing. JSON is {@code
 * {"teams": [Team…], "people": [Person…]}}; CSV has one row per team or person.
 */
@ApplicationScoped
public class DirectoryImport {

  /** What an import wrote. */
  public record Imported(int teams, int people) {}

  /** The CSV columns; {@code kind} is {@code team} or {@code person}. */
  public static final List<String> CSV_HEADER =
      List.of(
          "kind",
          "id",
          "name",
          "teamId",
          "managerId",
          "parentTeamId",
          "timeZone",
          "emails",
          "contractHoursPerWeek",
          "careerSkills",
          "workingWindows",
          "effectiveFrom");

  private final DirectoryService directory;
  private final ObjectMapper json;
  private final RequestBodies bodies;

  public DirectoryImport(DirectoryService directory, ObjectMapper json, RequestBodies bodies) {
    this.directory = directory;
    this.json = json;
    this.bodies = bodies;
  }

  /** The two lists of an org chart in JSON; each item is bound on its own, to name its index. */
  public record OrgChartRequest(ArrayNode teams, ArrayNode people) {}

  /** Where a CSV row's line number rides along with the fields it is bound from. */
  private static final String LINE = "line";

  @Transactional
  public Imported importJson(String body) {
    OrgChartRequest chart = bodies.one(body, OrgChartRequest.class);
    ArrayNode none = json.createArrayNode();
    return importAll(
        chart.teams() == null ? none : chart.teams(),
        chart.people() == null ? none : chart.people(),
        false);
  }

  @Transactional
  public Imported importCsv(String csv) {
    ArrayNode teams = json.createArrayNode();
    ArrayNode people = json.createArrayNode();
    List<Violation> violations = new ArrayList<>();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(csv == null ? "" : csv), format)) {
      if (parser.getHeaderMap() == null
          || !parser.getHeaderMap().keySet().containsAll(List.of("kind", "id"))) {
        throw new InvalidInputException(
            "invalid org chart",
            List.of(new Violation(1, null, "the header must be " + String.join(",", CSV_HEADER))));
      }
      for (CSVRecord record : parser) {
        int line = (int) record.getRecordNumber() + 1;
        String kind = value(record, "kind");
        ObjectNode node = json.createObjectNode();
        if ("team".equalsIgnoreCase(kind)) {
          node.put("teamId", value(record, "id"));
          put(node, "name", value(record, "name"));
          put(node, "managerId", value(record, "managerId"));
          put(node, "parentTeamId", value(record, "parentTeamId"));
          node.put(LINE, line);
          teams.add(node);
        } else if ("person".equalsIgnoreCase(kind)) {
          node.put("personId", value(record, "id"));
          put(node, "displayName", value(record, "name"));
          put(node, "teamId", value(record, "teamId"));
          put(node, "timeZone", value(record, "timeZone"));
          put(node, "effectiveFrom", value(record, "effectiveFrom"));
          String contract = value(record, "contractHoursPerWeek");
          if (contract != null) {
            try {
              node.put("contractHoursPerWeek", Double.parseDouble(contract));
            } catch (NumberFormatException e) {
              violations.add(new Violation(line, "contractHoursPerWeek", "must be a number"));
            }
          }
          list(node, "emails", value(record, "emails"));
          list(node, "careerSkills", value(record, "careerSkills"));
          String windows = value(record, "workingWindows");
          if (windows != null) {
            node.set("workingWindows", windows(windows, line, violations));
          }
          node.put(LINE, line);
          people.add(node);
        } else {
          violations.add(new Violation(line, "kind", "must be team or person"));
        }
      }
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw new InvalidInputException(
          "invalid org chart",
          List.of(Violation.of(null, "not a readable CSV file: " + e.getMessage())));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid org chart", violations);
    }
    return importAll(teams, people, true);
  }

  private Imported importAll(ArrayNode teams, ArrayNode people, boolean numbered) {
    List<Violation> violations = new ArrayList<>();
    int teamCount = 0;
    for (int i = 0; i < teams.size(); i++) {
      JsonNode node = teams.get(i);
      int index = numbered ? node.get(LINE).asInt() : i;
      List<Violation> own = new ArrayList<>();
      TeamRequest team = bodies.bind(index, node, TeamRequest.class, own);
      if (team != null && team.teamId() == null) {
        own.add(new Violation(index, "teamId", "is required"));
      }
      if (own.isEmpty()) {
        directory.putTeam(team.teamId(), team.name(), team.managerId(), team.parentTeamId(), own);
        teamCount++;
      }
      violations.addAll(prefixed("teams", index, own));
    }
    int personCount = 0;
    for (int i = 0; i < people.size(); i++) {
      JsonNode node = people.get(i);
      int index = numbered ? node.get(LINE).asInt() : i;
      List<Violation> own = new ArrayList<>();
      PersonRequest person = bodies.bind(index, node, PersonRequest.class, own);
      if (person != null && person.personId() == null) {
        own.add(new Violation(index, "personId", "must be 1-64 characters of A-Za-z0-9._@-"));
      }
      PersonInput input = person == null ? null : person.toInput(index, own);
      if (own.isEmpty()) {
        directory.putPerson(person.personId(), input, own);
        if (own.isEmpty()) {
          personCount++;
        }
      }
      violations.addAll(prefixed("people", index, own));
    }
    if (!violations.isEmpty()) {
      // throwing rolls back every team and person this import wrote
      throw new InvalidInputException(
          "%d problem(s) in the org chart; nothing was imported".formatted(violations.size()),
          violations);
    }
    return new Imported(teamCount, personCount);
  }

  private static List<Violation> prefixed(String list, int index, List<Violation> violations) {
    List<Violation> result = new ArrayList<>();
    for (Violation v : violations) {
      result.add(
          new Violation(index, v.field() == null ? list : list + "." + v.field(), v.message()));
    }
    return result;
  }

  private ObjectNode windows(String text, int line, List<Violation> violations) {
    // MONDAY=09:00-17:00;TUESDAY=07:00-11:00,15:00-19:00
    ObjectNode days = json.createObjectNode();
    for (String day : text.split(";")) {
      String[] parts = day.split("=", 2);
      if (parts.length != 2) {
        violations.add(
            new Violation(line, "workingWindows", "write DAY=HH:mm-HH:mm[,HH:mm-HH:mm];…"));
        continue;
      }
      ArrayNode list = days.putArray(parts[0].trim().toUpperCase(Locale.ROOT));
      for (String range : parts[1].split(",")) {
        String[] times = range.trim().split("-");
        if (times.length != 2) {
          violations.add(
              new Violation(line, "workingWindows", "a window is HH:mm-HH:mm, got " + range));
          continue;
        }
        ObjectNode window = list.addObject();
        window.put("start", times[0].trim());
        window.put("end", times[1].trim());
      }
    }
    return days;
  }

  private void list(ObjectNode node, String field, String text) {
    if (text == null) {
      return;
    }
    ArrayNode array = node.putArray(field);
    for (String item : text.split(";")) {
      if (!item.isBlank()) {
        array.add(item.trim());
      }
    }
  }

  private static void put(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static String value(CSVRecord record, String name) {
    if (!record.isMapped(name) || !record.isSet(name)) {
      return null;
    }
    String value = record.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
