package org.wellbeing.alert.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.wellbeing.alert.service.DirectoryStore;
import org.wellbeing.alert.service.DirectoryStore.Entry;
import org.wellbeing.common.kafka.DeadLetterSender;
import org.wellbeing.common.kafka.DeadLetterSender.Rejected;
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

  public DirectoryConsumer(
      DirectoryStore store,
      ObjectMapper json,
      @Channel(DLQ_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
          Emitter<String> dlq,
      MeterRegistry registry) {
    this.store = store;
    this.json = json;
    this.deadLetters = new DeadLetterSender(dlq, registry, "alerts.directory.rejected");
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    List<Entry> entries = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (ConsumerRecord<String, String> r : records) {
      if (r.key() == null || r.value() == null) {
        // a removal: the directory keeps what it had; alerts keep their routing
        continue;
      }
      try {
        if (r.key().startsWith(Topics.TEAM_KEY_PREFIX)) {
          Team team = json.readValue(r.value(), Team.class);
          entries.add(new Entry(r.key(), null, team));
        } else {
          Person person = json.readValue(r.value(), Person.class);
          entries.add(new Entry(r.key(), person, null));
        }
      } catch (Exception e) {
        rejected.add(
            new Rejected(
                DeadLetterSender.incoming(r), "malformed: " + e.getClass().getSimpleName()));
      }
    }
    if (!rejected.isEmpty()) {
      deadLetters.send(rejected).join();
    }
    if (!entries.isEmpty()) {
      store.apply(entries);
    }
  }
}
