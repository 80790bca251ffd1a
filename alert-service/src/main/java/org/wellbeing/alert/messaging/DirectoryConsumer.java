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
import org.wellbeing.alert.service.DirectoryStore;
import org.wellbeing.alert.service.DirectoryStore.Entry;
import org.wellbeing.common.kafka.BatchStore;
import org.wellbeing.common.kafka.DeadLetterSender;
import org.wellbeing.common.kafka.DeadLetterSender.Parsed;
import org.wellbeing.contract.Person;
import org.wellbeing.contract.Team;
import org.wellbeing.contract.Topics;

/** Consumes the compacted {@code org-directory}: people by personId, teams by team:id. */
@ApplicationScoped
public class DirectoryConsumer {

  /** Incoming channel bound to {@code org-directory}. */
  public static final String CHANNEL = "org-directory-in";

  /** Outgoing channel bound to {@code org-directory-dlq}. */
  public static final String DLQ_CHANNEL = "org-directory-dlq";

  private final DirectoryStore store;
  private final ObjectMapper json;
  private final DeadLetterSender deadLetters;
  private final BatchStore batches;

  public DirectoryConsumer(
      DirectoryStore store,
      ObjectMapper json,
      BatchStore batches,
      @Channel(DLQ_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
          Emitter<String> dlq,
      MeterRegistry registry) {
    this.store = store;
    this.json = json;
    this.batches = batches;
    this.deadLetters = new DeadLetterSender(dlq, registry, "alerts.directory.rejected");
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    List<Parsed<Entry>> entries =
        deadLetters.parseEach(
            records,
            r -> {
              if (r.key() == null || r.value() == null) {
                // a removal: the directory keeps what it had; alerts keep their routing
                return null;
              }
              return r.key().startsWith(Topics.TEAM_KEY_PREFIX)
                  ? new Entry(r.key(), null, json.readValue(r.value(), Team.class))
                  : new Entry(r.key(), json.readValue(r.value(), Person.class), null);
            });
    batches.store(CHANNEL, entries, store::apply, deadLetters::send);
  }
}
