package org.wellbeing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  void functionsAggregationsAndLabelListsAreNotMetrics() {
    assertThat(
            PromQl.metricNames(
                "histogram_quantile(0.99, sum by (job, le) (rate(ingest_kafka_send_seconds_bucket[5m])))"))
        .containsExactly("ingest_kafka_send_seconds_bucket");
  }

  @Test
  void labelMatchersAndGrafanaVariablesAreSkipped() {
    assertThat(
            PromQl.metricNames(
                "sum by (job) (rate(http_server_requests_seconds_count{job=~\"a|b\", uri!=\"{x}\"}[$__rate_interval]))"))
        .containsExactly("http_server_requests_seconds_count");
    assertThat(PromQl.metricNames("team:model_team_week_members:max{team=\"$team\"}"))
        .containsExactly("team:model_team_week_members:max");
  }

  @Test
  void bothSidesOfBinaryOperatorsAreRead() {
    assertThat(
            PromQl.metricNames(
                "sum(a_total) > 5 unless on (job) group_left (team) b_total offset 5m or vector(1)"))
        .containsExactly("a_total", "b_total");
  }

  @Test
  void numbersAndDurationsAreNotMetrics() {
    assertThat(PromQl.metricNames("up == 0 and 1e3 < 2.5 * deriv(lag_max[15m:1m])"))
        .containsExactly("lag_max", "up");
  }
}
