package org.wellbeing.model.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.contract.IsoWeek;
import org.wellbeing.contract.TeamWeekMetrics;
import org.wellbeing.model.config.ModelConfig;
import org.wellbeing.model.persistence.TeamWeekRepository;

/**
 * Team figures as Prometheus gauges, tagged by team only and only for teams of at least the minimum
 * group size: each team's latest stored week up to the last complete ISO week.
 */
@ApplicationScoped
public class TeamGauges {

  private final TeamWeekRepository weeks;
  private final ModelConfig config;
  private final Clock clock = Clock.systemUTC();
  private final Map<MultiGauge, ToDoubleFunction<TeamWeekMetrics>> gauges = new LinkedHashMap<>();

  public TeamGauges(
      TeamWeekRepository weeks,
      ModelConfig config,
      PipelineConfig pipeline,
      MeterRegistry registry) {
    this.weeks = weeks;
    this.config = config;
    gauge(registry, "model.team.week.members", "Members in the team's week", m -> m.members());
    gauge(
        registry,
        "model.team.week.hours.mean",
        "Mean weekly worked hours",
        TeamWeekMetrics::meanWeeklyHours);
    gauge(
        registry,
        "model.team.week.hours.median",
        "Median weekly worked hours",
        TeamWeekMetrics::medianWeeklyHours);
    gauge(
        registry,
        "model.team.week.hours.p90",
        "90th percentile of weekly worked hours",
        TeamWeekMetrics::p90WeeklyHours);
    gauge(
        registry,
        "model.team.week.balance.mean",
        "Mean work-life balance W",
        TeamWeekMetrics::meanBalance);
    gauge(
        registry,
        "model.team.week.time_management.mean",
        "Mean time management M",
        TeamWeekMetrics::meanTimeManagement);
    gauge(
        registry,
        "model.team.week.share_over_48h",
        "Share of members over 48 h",
        TeamWeekMetrics::shareOver48h);
    if (pipeline.functions().learning()) {
      gauge(
          registry,
          "model.team.week.learning.hours",
          "Learning hours of all members",
          TeamWeekMetrics::learningHours);
    }
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String description,
      ToDoubleFunction<TeamWeekMetrics> value) {
    gauges.put(MultiGauge.builder(name).description(description).register(registry), value);
  }

  @Scheduled(
      every = "${model.gauge-refresh:15s}",
      delayed = "1s",
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void refresh() {
    IsoWeek lastComplete = IsoWeek.of(LocalDate.now(clock).minusWeeks(1));
    List<TeamWeekMetrics> latest =
        QuarkusTransaction.requiringNew()
            .call(() -> weeks.latestPerTeam(lastComplete.toString(), config.minGroupSize()));
    gauges.forEach(
        (gauge, value) -> {
          List<MultiGauge.Row<?>> rows = new ArrayList<>();
          for (TeamWeekMetrics m : latest) {
            rows.add(MultiGauge.Row.of(Tags.of("team", m.teamId()), value.applyAsDouble(m)));
          }
          gauge.register(rows, true);
        });
  }
}
