package org.wellbeing.alert.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wellbeing.alert.domain.DateSpan;
import org.wellbeing.alert.domain.Figure;
import org.wellbeing.alert.domain.PersonSpan;
import org.wellbeing.common.persistence.Sql;
import org.wellbeing.contract.DailyMetrics;

/** The latest DailyMetrics per person and date, written a batch at a time. */
@ApplicationScoped
public class FigureRepository {

  /** A person's latest team and manager as their figures name them. */
  public record Routing(String teamId, String managerId) {}

  private final Sql sql;

  public FigureRepository(Sql sql) {
    this.sql = sql;
  }

  /**
   * Stores each record unless a newer computation of the same person and date is already stored.
   *
   * @return per person whose figures changed, the dates that changed
   */
  public Map<String, DateSpan> upsert(Collection<DailyMetrics> metrics) {
    if (metrics.isEmpty()) {
      return Map.of();
    }
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  """
                  INSERT INTO daily_figure (person_id, date, team_id, manager_id, worked_hours,
                      after_hours_hours, rest_hours, balance, skill_delta, contract_hours,
                      weekly_rest_hours, has_events, computed_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (person_id, date) DO UPDATE SET team_id = EXCLUDED.team_id,
                      manager_id = EXCLUDED.manager_id, worked_hours = EXCLUDED.worked_hours,
                      after_hours_hours = EXCLUDED.after_hours_hours,
                      rest_hours = EXCLUDED.rest_hours, balance = EXCLUDED.balance,
                      skill_delta = EXCLUDED.skill_delta, contract_hours = EXCLUDED.contract_hours,
                      weekly_rest_hours = EXCLUDED.weekly_rest_hours,
                      has_events = EXCLUDED.has_events, computed_at = EXCLUDED.computed_at
                  WHERE daily_figure.computed_at <= EXCLUDED.computed_at
                  """)) {
            for (DailyMetrics m : metrics) {
              statement.setString(1, m.personId());
              statement.setObject(2, m.date());
              statement.setString(3, m.teamId());
              statement.setString(4, m.managerId());
              statement.setDouble(5, m.workedHours());
              // null where after-hours tracking is off: then no rule reads it (docs/PRIVACY.md)
              statement.setDouble(6, m.afterHoursHours() == null ? 0 : m.afterHoursHours());
              if (m.restHours() == null) {
                statement.setNull(7, Types.DOUBLE);
              } else {
                statement.setDouble(7, m.restHours());
              }
              statement.setDouble(8, m.balance());
              statement.setDouble(9, m.skillDelta() == null ? 0 : m.skillDelta());
              statement.setDouble(10, m.contractHours());
              if (m.weeklyRestHours() == null) {
                statement.setNull(11, Types.DOUBLE);
              } else {
                statement.setDouble(11, m.weeklyRestHours());
              }
              statement.setBoolean(12, m.hasEvents());
              statement.setObject(13, Sql.timestamp(m.computedAt()));
              statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            Map<String, DateSpan> changed = new HashMap<>();
            int i = 0;
            for (DailyMetrics m : metrics) {
              if (counts[i++] != 0) {
                changed.merge(m.personId(), DateSpan.of(m.date()), (a, b) -> a.with(b.from()));
              }
            }
            return changed;
          }
        });
  }

  /** Each person's figures in date order. */
  public Map<String, List<Figure>> forPeople(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return Map.of();
    }
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT * FROM daily_figure WHERE person_id = ANY(?) ORDER BY person_id, date")) {
            statement.setArray(1, Sql.textArray(connection, personIds));
            return figures(statement);
          }
        });
  }

  /**
   * Each person's figures dated within any of their spans, in date order, each date once.
   *
   * @param spans per person, the spans to read
   */
  public Map<String, List<Figure>> within(Map<String, List<DateSpan>> spans) {
    List<String> people = new ArrayList<>();
    List<LocalDate> froms = new ArrayList<>();
    List<LocalDate> tos = new ArrayList<>();
    spans.forEach(
        (person, list) -> {
          for (DateSpan span : list) {
            people.add(person);
            froms.add(span.from());
            tos.add(span.to());
          }
        });
    if (people.isEmpty()) {
      return Map.of();
    }
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  """
                  SELECT DISTINCT ON (f.person_id, f.date) f.*
                  FROM unnest(?, ?, ?) AS span(person_id, date_from, date_to)
                  CROSS JOIN LATERAL (SELECT * FROM daily_figure x
                      WHERE x.person_id = span.person_id
                      AND x.date BETWEEN span.date_from AND span.date_to ORDER BY x.date) f
                  ORDER BY f.person_id, f.date
                  """)) {
            // a range scan of the primary key a span: a plain join let the planner hash every
            // stored figure for a few weeks of each person, a cost that grew with the history
            statement.setArray(1, Sql.textArray(connection, people));
            statement.setArray(2, Sql.dateArray(connection, froms));
            statement.setArray(3, Sql.dateArray(connection, tos));
            return figures(statement);
          }
        });
  }

  /** Where each person's figures lie; a person without figures is absent. */
  public Map<String, PersonSpan> spans(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return Map.of();
    }
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  // three index probes a person, not a scan of their history
                  """
                  SELECT people.person_id, first.date AS first, last.date AS last,
                      latest.date AS latest_event
                  FROM unnest(?) AS people(person_id)
                  CROSS JOIN LATERAL (SELECT date FROM daily_figure f
                      WHERE f.person_id = people.person_id ORDER BY date LIMIT 1) first
                  CROSS JOIN LATERAL (SELECT date FROM daily_figure f
                      WHERE f.person_id = people.person_id ORDER BY date DESC LIMIT 1) last
                  LEFT JOIN LATERAL (SELECT date FROM daily_figure f
                      WHERE f.person_id = people.person_id AND f.has_events
                      ORDER BY date DESC LIMIT 1) latest ON true
                  """)) {
            statement.setArray(1, Sql.textArray(connection, personIds));
            Map<String, PersonSpan> result = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                result.put(
                    rs.getString("person_id"),
                    new PersonSpan(
                        rs.getObject("first", LocalDate.class),
                        rs.getObject("last", LocalDate.class),
                        rs.getObject("latest_event", LocalDate.class)));
              }
            }
            return result;
          }
        });
  }

  private static Map<String, List<Figure>> figures(PreparedStatement statement)
      throws java.sql.SQLException {
    Map<String, List<Figure>> result = new HashMap<>();
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        double rest = rs.getDouble("rest_hours");
        Double restHours = rs.wasNull() ? null : rest;
        double weekly = rs.getDouble("weekly_rest_hours");
        Double weeklyRest = rs.wasNull() ? null : weekly;
        result
            .computeIfAbsent(rs.getString("person_id"), k -> new ArrayList<>())
            .add(
                new Figure(
                    rs.getObject("date", LocalDate.class),
                    rs.getDouble("worked_hours"),
                    rs.getDouble("after_hours_hours"),
                    restHours,
                    rs.getDouble("balance"),
                    rs.getDouble("skill_delta"),
                    rs.getDouble("contract_hours"),
                    weeklyRest,
                    rs.getBoolean("has_events")));
      }
    }
    return result;
  }

  /** Each person's team and manager on their latest figure. */
  public Map<String, Routing> latestRouting(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return Map.of();
    }
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  // the last figure by the primary key, not every figure of each person sorted
                  "SELECT q.person_id, last.team_id, last.manager_id"
                      + " FROM unnest(?::text[]) AS q(person_id)"
                      + " CROSS JOIN LATERAL (SELECT f.team_id, f.manager_id FROM daily_figure f"
                      + " WHERE f.person_id = q.person_id ORDER BY f.date DESC LIMIT 1) last")) {
            statement.setArray(1, Sql.textArray(connection, personIds));
            Map<String, Routing> result = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                result.put(
                    rs.getString("person_id"),
                    new Routing(rs.getString("team_id"), rs.getString("manager_id")));
              }
            }
            return result;
          }
        });
  }
}
