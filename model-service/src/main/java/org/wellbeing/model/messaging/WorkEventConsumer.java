package org.wellbeing.model.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.wellbeing.common.kafka.DeadLetterSender;
import org.wellbeing.common.kafka.IncomingRecord;
import org.wellbeing.model.service.EventBatchProcessor;

/** Consumes {@code work-events} a poll at a time and hands each batch to the processor. */
@ApplicationScoped
public class WorkEventConsumer {

  /** Incoming channel bound to {@code work-events}. */
  public static final String CHANNEL = "work-events-in";

  private final EventBatchProcessor processor;

  public WorkEventConsumer(EventBatchProcessor processor) {
    this.processor = processor;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    List<IncomingRecord> batch = new ArrayList<>(records.count());
    for (ConsumerRecord<String, String> r : records) {
      batch.add(DeadLetterSender.incoming(r));
    }
    processor.process(batch);
  }
}
