package org.wellbeing.model.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.wellbeing.common.kafka.BatchStore;
import org.wellbeing.common.kafka.DeadLetterSender;
import org.wellbeing.common.kafka.DeadLetterSender.Parsed;
import org.wellbeing.contract.AccessRecord;
import org.wellbeing.model.service.AccessService;

/** Consumes {@code access-log}: the other services' reads of a person's data. */
@ApplicationScoped
public class AccessLogConsumer {

  /** Incoming channel bound to {@code access-log}. */
  public static final String CHANNEL = "access-log-in";

  /** Outgoing channel bound to {@code access-log-dlq}. */
  public static final String DLQ_CHANNEL = "access-log-dlq";

  private final AccessService access;
  private final ObjectMapper json;
  private final DeadLetterSender deadLetters;
  private final BatchStore batches;

  public AccessLogConsumer(
      AccessService access,
      ObjectMapper json,
      BatchStore batches,
      @Channel(DLQ_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
          Emitter<String> dlq,
      MeterRegistry registry) {
    this.access = access;
    this.json = json;
    this.batches = batches;
    this.deadLetters = new DeadLetterSender(dlq, registry, "model.access-log.rejected");
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    List<Parsed<AccessRecord>> reads =
        deadLetters.parseEach(
            records,
            r -> {
              AccessRecord read = json.readValue(r.value(), AccessRecord.class);
              if (read.id() == null
                  || read.endpoint() == null
                  || read.subject() == null
                  || read.reader() == null
                  || read.at() == null) {
                throw new IllegalArgumentException(
                    "an access record needs id, subject, reader, endpoint, at");
              }
              if (read.id().length() > 64
                  || read.subject().length() > 64
                  || read.reader().length() > 256
                  || read.endpoint().length() > 200) {
                throw new IllegalArgumentException("an access record's fields are too long");
              }
              return read;
            });
    batches.store(CHANNEL, reads, access::record, deadLetters::send);
  }
}
