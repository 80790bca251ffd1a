package org.wellbeing.common.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.wellbeing.common.kafka.DeadLetterSender.Parsed;
import org.wellbeing.common.kafka.DeadLetterSender.Rejected;
import org.wellbeing.common.persistence.OutageGuard;

/**
 * Stores what a consumer read, so that no record can stop it: the batch goes to the database as a
 * whole; an outage is waited out; when the database refuses the batch for its contents, each record
 * is stored on its own, and those it still refuses go to the dead-letter topic with the reason,
 * while the rest are kept. Either way the call returns only when every record is stored or
 * dead-lettered, so the consumer commits offsets for nothing it lost.
 */
@ApplicationScoped
public class BatchStore {

  private static final Logger LOG = Logger.getLogger(BatchStore.class);

  private final OutageGuard outages;

  public BatchStore(OutageGuard outages) {
    this.outages = outages;
  }

  /**
   * @param consumer the channel, for logs and readiness
   * @param store stores some of the values in one transaction of its own; must be idempotent
   * @param deadLetter sends refused records to the dead-letter topic, completing on their acks
   */
  public <T> void store(
      String consumer,
      List<Parsed<T>> batch,
      Consumer<List<T>> store,
      Function<List<Rejected>, CompletableFuture<Void>> deadLetter) {
    if (batch.isEmpty()) {
      return;
    }
    List<T> values = batch.stream().map(Parsed::value).toList();
    try {
      outages.run(consumer, () -> store.accept(values));
      return;
    } catch (OutageGuard.GaveUpException e) {
      throw e;
    } catch (RuntimeException refused) {
      LOG.warnf(
          "%s: the database refused a batch of %d (%s); storing its records one by one",
          consumer, batch.size(), refused.toString());
    }
    List<Rejected> rejected = new ArrayList<>();
    for (Parsed<T> item : batch) {
      try {
        outages.run(consumer, () -> store.accept(List.of(item.value())));
      } catch (OutageGuard.GaveUpException e) {
        // nothing is dead-lettered for the service stopping: the batch stays uncommitted
        throw e;
      } catch (RuntimeException e) {
        rejected.add(new Rejected(item.record(), "unstorable: " + e.getClass().getSimpleName()));
      }
    }
    if (!rejected.isEmpty()) {
      LOG.warnf(
          "%s: %d of %d records could not be stored and go to the dead-letter topic",
          consumer, rejected.size(), batch.size());
      deadLetter.apply(rejected).join();
    }
  }
}
