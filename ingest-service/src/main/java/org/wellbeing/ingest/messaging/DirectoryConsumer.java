package org.wellbeing.ingest.messaging;

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
import org.wellbeing.contract.Person;
import org.wellbeing.contract.Topics;
import org.wellbeing.ingest.service.IngestDirectory;

/** Learns people's zones and e-mail addresses from the compacted {@code org-directory}. */
@ApplicationScoped
public class DirectoryConsumer {

  /** Incoming channel bound to {@code org-directory}. */
  public static final String CHANNEL = "org-directory-in";

  /** Outgoing channel bound to {@code org-directory-dlq}. */
  public static final String DLQ_CHANNEL = "org-directory-dlq";

  private final IngestDirectory directory;
  private final ObjectMapper json;
  private final DeadLetterSender deadLetters;
  private final BatchStore batches;

  public DirectoryConsumer(
      IngestDirectory directory,
      ObjectMapper json,
      BatchStore batches,
      @Channel(DLQ_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
          Emitter<String> dlq,
      MeterRegistry registry) {
    this.directory = directory;
    this.json = json;
    this.batches = batches;
    this.deadLetters = new DeadLetterSender(dlq, registry, "ingest.directory.rejected");
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    List<Parsed<Person>> people =
        deadLetters.parseEach(
            records,
            r ->
                r.key() == null || r.value() == null || r.key().startsWith(Topics.TEAM_KEY_PREFIX)
                    ? null
                    : json.readValue(r.value(), Person.class));
    batches.store(CHANNEL, people, directory::apply, deadLetters::send);
  }
}
