package org.wellbeing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wellbeing.deploy.Metrics.Meter;

/** The catalogue the dashboard and rule checks trust must match the services' code. */
class MetricCatalogueTest {

  @Test
  void everyApplicationMeterOfTheCatalogueIsRegisteredByItsOwner() {
    for (Meter meter : Metrics.catalogue()) {
      if (!meter.application()) {
        continue;
      }
      assertThat(sourcesNaming(meter))
          .as(
              "%s registers no meter \"%s\" (metrics.txt in deploy/checks): renamed or removed?",
              meter.owner(), meter.name())
          .isNotEmpty();
    }
  }

  @Test
  void timersPublishTheHistogramBucketsQuantilesNeed() {
    for (Meter meter : Metrics.catalogue()) {
      if (meter.kind().equals("timer")) {
        assertThat(sourcesNaming(meter))
            .as("%s: histogram_quantile needs %s_seconds_bucket", meter.owner(), meter.name())
            .anyMatch(source -> Repo.read(source).contains("publishPercentileHistogram()"));
      }
    }
  }

  private static List<Path> sourcesNaming(Meter meter) {
    String literal = "\"" + meter.name() + "\"";
    return Repo.javaSources(meter.owner() + "/src/main/java").stream()
        .filter(source -> Repo.read(source).contains(literal))
        .toList();
  }
}
