package org.wellbeing.alert.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.wellbeing.alert.config.AlertConfig;
import org.wellbeing.alert.domain.DateSpan;
import org.wellbeing.alert.persistence.FigureRepository;
import org.wellbeing.contract.DailyMetrics;

/** Stores a batch of DailyMetrics and re-judges the people whose figures changed. */
@ApplicationScoped
public class FigureService {

  private final FigureRepository figures;
  private final AlertEngine engine;
  private final AlertPublisher publisher;
  private final Counter processed;
  private final int groupSize;

  public FigureService(
      FigureRepository figures,
      AlertEngine engine,
      AlertPublisher publisher,
      AlertConfig config,
      MeterRegistry registry) {
    this.groupSize = Math.max(1, config.judgeGroupPeople());
    this.figures = figures;
    this.engine = engine;
    this.publisher = publisher;
    this.processed =
        Counter.builder("alerts.metrics.processed")
            .description("DailyMetrics records consumed and stored")
            .register(registry);
  }

  /**
   * One transaction for the batch; its people are judged in groups, each group's alerts written and
   * let go of before the next, so memory stays bounded however many people and days it holds.
   */
  @Transactional
  public int apply(List<DailyMetrics> batch) {
    Map<String, DateSpan> changed = figures.upsert(batch);
    List<String> people = new ArrayList<>(new TreeSet<>(changed.keySet()));
    int changes = 0;
    for (int from = 0; from < people.size(); from += groupSize) {
      Map<String, DateSpan> group = new HashMap<>();
      for (String person : people.subList(from, Math.min(people.size(), from + groupSize))) {
        group.put(person, changed.get(person));
      }
      List<AlertChange> judged = engine.evaluateChanges(group);
      publisher.publish(judged);
      changes += judged.size();
      EntityManager em = Panache.getEntityManager();
      em.flush();
      em.clear();
    }
    processed.increment(batch.size());
    return changes;
  }
}
