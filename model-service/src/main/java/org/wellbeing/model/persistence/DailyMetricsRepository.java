package org.wellbeing.model.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wellbeing.common.persistence.Sql;
import org.wellbeing.model.domain.DayFacts;
import org.wellbeing.model.domain.DayResult;

/** Stored days, read and written a batch of people at a time. */
@ApplicationScoped
public class DailyMetricsRepository {

  private static final String COLUMNS =
      """
      d.person_id, d.date, d.team_id, d.worked_hours, d.meeting_hours, d.focus_hours,
      d.learning_hours, d.planned_learning_hours, d.after_hours_hours, d.rest_hours, d.absence,
      d.working_day, d.contract_hours, d.clipped_rest_hours, d.weekly_rest_hours, d.has_events,
      d.previous_work_end, d.balance,
      d.time_management, d.plan_accuracy, d.learning_efficiency, d.skill_rate, d.skill_delta,
      d.skill, d.computed_at
      """;

  private final Sql sql;

  public DailyMetricsRepository(Sql sql) {
    this.sql = sql;
  }

  /** The last stored date of each person who has any. */
  public Map<String, LocalDate> lastDates(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return Map.of();
    }
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  // one index probe a person: with person_id = ANY(?) the planner scanned the
                  // whole table once it was large, a cost that grew with everyone's history
                  "SELECT q.person_id, (SELECT max(d.date) FROM daily_metrics d"
                      + " WHERE d.person_id = q.person_id) AS last"
                      + " FROM unnest(?::text[]) AS q(person_id)")) {
            statement.setArray(1, Sql.textArray(connection, personIds));
            Map<String, LocalDate> result = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                LocalDate last = rs.getObject("last", LocalDate.class);
                if (last != null) {
                  result.put(rs.getString("person_id"), last);
                }
              }
            }
            return result;
          }
        });
  }

  /** A person's first stored date, or null. */
  public LocalDate firstDate(String personId) {
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT min(date) AS first FROM daily_metrics WHERE person_id = ?")) {
            statement.setString(1, personId);
            try (ResultSet rs = statement.executeQuery()) {
              return rs.next() ? rs.getObject("first", LocalDate.class) : null;
            }
          }
        });
  }

  /**
   * For each person, the end of their last piece of U before the start of the date given, as the
   * latest stored day on or before that date records it; people without one are left out.
   */
  public Map<String, Instant> workEndsBefore(Map<String, LocalDate> dateByPerson) {
    if (dateByPerson.isEmpty()) {
      return Map.of();
    }
    return sql.run(
        connection -> {
          List<String> people = new ArrayList<>(dateByPerson.keySet());
          List<LocalDate> dates = people.stream().map(dateByPerson::get).toList();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT q.person_id, last.previous_work_end"
                      + " FROM unnest(?::text[], ?::date[]) AS q(person_id, at_date)"
                      + " CROSS JOIN LATERAL (SELECT d.previous_work_end FROM daily_metrics d"
                      + " WHERE d.person_id = q.person_id AND d.date <= q.at_date"
                      + " ORDER BY d.date DESC LIMIT 1) AS last")) {
            statement.setArray(1, Sql.textArray(connection, people));
            statement.setArray(2, Sql.dateArray(connection, dates));
            Map<String, Instant> result = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                Instant end = Sql.instant(rs, "previous_work_end");
                if (end != null) {
                  result.put(rs.getString("person_id"), end);
                }
              }
            }
            return result;
          }
        });
  }

  /** Each person's stored days on or after the date given for them, in date order. */
  public Map<String, List<StoredDay>> from(Map<String, LocalDate> fromByPerson) {
    if (fromByPerson.isEmpty()) {
      return Map.of();
    }
    return sql.run(
        connection -> {
          List<String> people = new ArrayList<>(fromByPerson.keySet());
          List<LocalDate> dates = people.stream().map(fromByPerson::get).toList();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  // a range scan of the primary key a person: a join let the planner hash the
                  // whole table (a parallel scan of every stored day) for a few days of each
                  "SELECT "
                      + COLUMNS
                      + " FROM unnest(?::text[], ?::date[]) WITH ORDINALITY"
                      + " AS q(person_id, from_date, n)"
                      + " CROSS JOIN LATERAL (SELECT * FROM daily_metrics x"
                      + " WHERE x.person_id = q.person_id AND x.date >= q.from_date"
                      + " ORDER BY x.date) d"
                      + " ORDER BY q.n, d.date")) {
            statement.setArray(1, Sql.textArray(connection, people));
            statement.setArray(2, Sql.dateArray(connection, dates));
            Map<String, List<StoredDay>> result = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                StoredDay day = read(rs);
                result.computeIfAbsent(day.personId(), k -> new ArrayList<>()).add(day);
              }
            }
            return result;
          }
        });
  }

  /** A person's stored days in {@code [from, to]}, in date order. */
  public List<StoredDay> range(String personId, LocalDate from, LocalDate to) {
    return range(List.of(personId), from, to);
  }

  /** Stored days of several people in {@code [from, to]}. */
  public List<StoredDay> range(Collection<String> personIds, LocalDate from, LocalDate to) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM daily_metrics d WHERE d.person_id = ANY(?)"
                      + " AND d.date BETWEEN ? AND ? ORDER BY d.person_id, d.date")) {
            statement.setArray(1, Sql.textArray(connection, personIds));
            statement.setObject(2, from);
            statement.setObject(3, to);
            List<StoredDay> result = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                result.add(read(rs));
              }
            }
            return result;
          }
        });
  }

  /** Writes the days of several people in one batched statement. */
  public void upsert(Map<String, List<DayResult>> daysByPerson, Instant computedAt) {
    if (daysByPerson.values().stream().allMatch(List::isEmpty)) {
      return;
    }
    sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  """
                  INSERT INTO daily_metrics (person_id, date, team_id, worked_hours, meeting_hours,
                      focus_hours, learning_hours, planned_learning_hours, after_hours_hours,
                      rest_hours, absence, working_day, contract_hours, clipped_rest_hours,
                      weekly_rest_hours, has_events, previous_work_end, balance, time_management,
                      plan_accuracy, learning_efficiency, skill_rate, skill_delta, skill,
                      computed_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                      ?)
                  ON CONFLICT (person_id, date) DO UPDATE SET team_id = EXCLUDED.team_id,
                      worked_hours = EXCLUDED.worked_hours, meeting_hours = EXCLUDED.meeting_hours,
                      focus_hours = EXCLUDED.focus_hours, learning_hours = EXCLUDED.learning_hours,
                      planned_learning_hours = EXCLUDED.planned_learning_hours,
                      after_hours_hours = EXCLUDED.after_hours_hours,
                      rest_hours = EXCLUDED.rest_hours, absence = EXCLUDED.absence,
                      working_day = EXCLUDED.working_day,
                      contract_hours = EXCLUDED.contract_hours,
                      clipped_rest_hours = EXCLUDED.clipped_rest_hours,
                      weekly_rest_hours = EXCLUDED.weekly_rest_hours,
                      has_events = EXCLUDED.has_events,
                      previous_work_end = EXCLUDED.previous_work_end,
                      balance = EXCLUDED.balance, time_management = EXCLUDED.time_management,
                      plan_accuracy = EXCLUDED.plan_accuracy,
                      learning_efficiency = EXCLUDED.learning_efficiency,
                      skill_rate = EXCLUDED.skill_rate, skill_delta = EXCLUDED.skill_delta,
                      skill = EXCLUDED.skill, computed_at = EXCLUDED.computed_at
                  """)) {
            for (Map.Entry<String, List<DayResult>> person : daysByPerson.entrySet()) {
              String personId = person.getKey();
              for (DayResult day : person.getValue()) {
                DayFacts f = day.facts();
                int i = 1;
                statement.setString(i++, personId);
                statement.setObject(i++, f.date());
                statement.setString(i++, day.teamId());
                statement.setDouble(i++, f.worked());
                statement.setDouble(i++, f.meetings());
                statement.setDouble(i++, f.focus());
                statement.setDouble(i++, f.learning());
                statement.setDouble(i++, f.plannedLearning());
                statement.setDouble(i++, f.afterHours());
                if (f.rest() == null) {
                  statement.setNull(i++, Types.DOUBLE);
                } else {
                  statement.setDouble(i++, f.rest());
                }
                statement.setBoolean(i++, f.absence());
                statement.setBoolean(i++, f.workingDay());
                statement.setDouble(i++, f.contractHours());
                statement.setDouble(i++, f.clippedRest());
                if (f.weeklyRest() == null) {
                  statement.setNull(i++, Types.DOUBLE);
                } else {
                  statement.setDouble(i++, f.weeklyRest());
                }
                statement.setBoolean(i++, f.hasEvents());
                statement.setObject(i++, Sql.timestamp(f.previousWorkEnd()));
                statement.setDouble(i++, day.balance());
                statement.setDouble(i++, day.timeManagement());
                statement.setDouble(i++, day.planAccuracy());
                statement.setDouble(i++, day.learningEfficiency());
                statement.setDouble(i++, day.skillRate());
                statement.setDouble(i++, day.skillDelta());
                statement.setDouble(i++, day.skill());
                statement.setObject(i, Sql.timestamp(computedAt));
                statement.addBatch();
              }
            }
            statement.executeBatch();
            return null;
          }
        });
  }

  /** Removes all of a person's days, before a recomputation under a new time zone. */
  public void deleteAll(String personId) {
    sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("DELETE FROM daily_metrics WHERE person_id = ?")) {
            statement.setString(1, personId);
            statement.executeUpdate();
            return null;
          }
        });
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static StoredDay read(ResultSet rs) throws SQLException {
    double rest = rs.getDouble("rest_hours");
    Double restHours = rs.wasNull() ? null : rest;
    DayFacts facts =
        new DayFacts(
            rs.getObject("date", LocalDate.class),
            rs.getDouble("worked_hours"),
            rs.getDouble("meeting_hours"),
            rs.getDouble("focus_hours"),
            rs.getDouble("learning_hours"),
            rs.getDouble("planned_learning_hours"),
            rs.getDouble("after_hours_hours"),
            restHours,
            rs.getBoolean("absence"),
            rs.getBoolean("working_day"),
            rs.getDouble("contract_hours"),
            rs.getDouble("clipped_rest_hours"),
            nullableDouble(rs, "weekly_rest_hours"),
            rs.getBoolean("has_events"),
            Sql.instant(rs, "previous_work_end"));
    DayResult result =
        new DayResult(
            rs.getString("team_id"),
            facts,
            rs.getDouble("balance"),
            rs.getDouble("time_management"),
            rs.getDouble("plan_accuracy"),
            rs.getDouble("learning_efficiency"),
            rs.getDouble("skill_rate"),
            rs.getDouble("skill_delta"),
            rs.getDouble("skill"));
    return new StoredDay(rs.getString("person_id"), result, Sql.instant(rs, "computed_at"));
  }
}
