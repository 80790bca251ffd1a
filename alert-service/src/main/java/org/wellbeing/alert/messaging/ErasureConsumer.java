package org.wellbeing.alert.messaging;

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
import org.wellbeing.alert.service.ErasureService;
import org.wellbeing.common.kafka.BatchStore;
import org.wellbeing.common.kafka.DeadLetterSender;
import org.wellbeing.common.kafka.DeadLetterSender.Parsed;
import org.wellbeing.contract.PersonErasure;
import org.wellbeing.contract.WorkEventValidator;

/** Consumes {@code person-erasures}: erases what alert-service holds about the person. */
@ApplicationScoped
public class ErasureConsumer {

  /** Incoming channel bound to {@code person-erasures}. */
  public static final String CHANNEL = "person-erasures-in";

  /** Outgoing channel bound to {@code person-erasures-dlq}. */
  public static final String DLQ_CHANNEL = "person-erasures-dlq";

  private final ErasureService erasures;
  private final ObjectMapper json;
  private final DeadLetterSender deadLetters;
  private final BatchStore batches;

  public ErasureConsumer(
      ErasureService erasures,
      ObjectMapper json,
      BatchStore batches,
      @Channel(DLQ_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1_000)
          Emitter<String> dlq,
      MeterRegistry registry) {
    this.erasures = erasures;
    this.json = json;
    this.batches = batches;
    this.deadLetters = new DeadLetterSender(dlq, registry, "alerts.erasures.rejected");
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    List<Parsed<PersonErasure>> batch =
        deadLetters.parseEach(records, r -> valid(json.readValue(r.value(), PersonErasure.class)));
    batches.store(CHANNEL, batch, erasures::erase, deadLetters::send);
  }

  static PersonErasure valid(PersonErasure e) throws DeadLetterSender.InvalidRecord {
    if (e == null
        || e.erasureId() == null
        || e.erasureId().length() > 64
        || e.requestedAt() == null
        || e.personId() == null
        || !WorkEventValidator.PERSON_ID.matcher(e.personId()).matches()) {
      throw new DeadLetterSender.InvalidRecord("not a PersonErasure");
    }
    return e;
  }
}
