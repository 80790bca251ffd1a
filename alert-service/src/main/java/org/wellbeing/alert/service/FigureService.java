package org.wellbeing.alert.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.wellbeing.alert.persistence.FigureRepository;
import org.wellbeing.contract.DailyMetrics;

/** Stores a batch of DailyMetrics and re-judges the people whose figures changed. */
@ApplicationScoped
public class FigureService {

  private final FigureRepository figures;
  private final AlertEngine engine;
  private final AlertPublisher publisher;
  private final Counter processed;

  public FigureService(
      FigureRepository figures,
      AlertEngine engine,
      AlertPublisher publisher,
      MeterRegistry registry) {
    this.figures = figures;
    this.engine = engine;
    this.publisher = publisher;
    this.processed =
        Counter.builder("alerts.metrics.processed")
            .description("DailyMetrics records consumed and stored")
            .register(registry);
  }

  @Transactional
  public int apply(List<DailyMetrics> batch) {
    List<AlertChange> changes = engine.evaluateChanges(figures.upsert(batch));
    publisher.publish(changes);
    processed.increment(batch.size());
    return changes.size();
  }
}
