package org.wellbeing.model.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wellbeing.common.persistence.Sql;
import org.wellbeing.contract.TeamWeekMetrics;

/** The last published figures of each team and week, to publish only what changed. */
@ApplicationScoped
public class TeamWeekRepository {

  private final Sql sql;

  public TeamWeekRepository(Sql sql) {
    this.sql = sql;
  }

  /** Stored figures of the given teams, keyed by {@code teamId + "|" + week}. */
  public Map<String, TeamWeekMetrics> find(Collection<String> teamIds) {
    if (teamIds.isEmpty()) {
      return Map.of();
    }
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT * FROM team_week_metrics WHERE team_id = ANY(?)")) {
            statement.setArray(1, Sql.textArray(connection, teamIds));
            Map<String, TeamWeekMetrics> result = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                TeamWeekMetrics m = read(rs);
                result.put(key(m.teamId(), m.week()), m);
              }
            }
            return result;
          }
        });
  }

  /** The newest week of every team of at least {@code minMembers} members up to {@code week}. */
  public List<TeamWeekMetrics> latestPerTeam(String notAfterWeek, int minMembers) {
    return sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT DISTINCT ON (team_id) * FROM team_week_metrics"
                      + " WHERE week <= ? AND members >= ? ORDER BY team_id, week DESC")) {
            statement.setString(1, notAfterWeek);
            statement.setInt(2, minMembers);
            List<TeamWeekMetrics> result = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                result.add(read(rs));
              }
            }
            return result;
          }
        });
  }

  public void upsert(Collection<TeamWeekMetrics> weeks) {
    if (weeks.isEmpty()) {
      return;
    }
    sql.run(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  """
                  INSERT INTO team_week_metrics (team_id, week, members, mean_weekly_hours,
                      median_weekly_hours, p90_weekly_hours, mean_balance, mean_time_management,
                      share_over_48h, learning_hours, computed_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (team_id, week) DO UPDATE SET members = EXCLUDED.members,
                      mean_weekly_hours = EXCLUDED.mean_weekly_hours,
                      median_weekly_hours = EXCLUDED.median_weekly_hours,
                      p90_weekly_hours = EXCLUDED.p90_weekly_hours,
                      mean_balance = EXCLUDED.mean_balance,
                      mean_time_management = EXCLUDED.mean_time_management,
                      share_over_48h = EXCLUDED.share_over_48h,
                      learning_hours = EXCLUDED.learning_hours, computed_at = EXCLUDED.computed_at
                  """)) {
            for (TeamWeekMetrics m : weeks) {
              statement.setString(1, m.teamId());
              statement.setString(2, m.week());
              statement.setInt(3, m.members());
              statement.setDouble(4, m.meanWeeklyHours());
              statement.setDouble(5, m.medianWeeklyHours());
              statement.setDouble(6, m.p90WeeklyHours());
              statement.setDouble(7, m.meanBalance());
              statement.setDouble(8, m.meanTimeManagement());
              statement.setDouble(9, m.shareOver48h());
              statement.setDouble(10, m.learningHours());
              statement.setObject(11, Sql.timestamp(m.computedAt()));
              statement.addBatch();
            }
            statement.executeBatch();
            return null;
          }
        });
  }

  public static String key(String teamId, String week) {
    return teamId + "|" + week;
  }

  private static TeamWeekMetrics read(ResultSet rs) throws SQLException {
    return new TeamWeekMetrics(
        rs.getString("team_id"),
        rs.getString("week"),
        rs.getInt("members"),
        rs.getDouble("mean_weekly_hours"),
        rs.getDouble("median_weekly_hours"),
        rs.getDouble("p90_weekly_hours"),
        rs.getDouble("mean_balance"),
        rs.getDouble("mean_time_management"),
        rs.getDouble("share_over_48h"),
        rs.getDouble("learning_hours"),
        Sql.instant(rs, "computed_at"));
  }
}
