package org.wellbeing.ingest.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.wellbeing.contract.TopicAdmin;
import org.wellbeing.contract.TopicAdmin.TopicSpec;
import org.wellbeing.contract.Topics;

/** Creates {@code work-events} and its dead-letter topic at start-up when they are missing. */
@ApplicationScoped
public class TopicInitializer {

  private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

  void onStart(
      @Observes StartupEvent event,
      IngestConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    if (!config.topics().create()) {
      return;
    }
    try {
      List<String> created =
          TopicAdmin.ensureTopics(
              bootstrapServers,
              config.topics().partitions(),
              config.topics().replicationFactor(),
              List.of(
                  TopicSpec.retained(Topics.WORK_EVENTS),
                  TopicSpec.retained(Topics.deadLetter(Topics.WORK_EVENTS))),
              Duration.ofSeconds(30));
      if (!created.isEmpty()) {
        LOG.infof("Created topics %s", created);
      }
    } catch (Exception e) {
      // the producer still works against a broker that creates topics on first use
      LOG.warnf("Could not check or create topics on %s: %s", bootstrapServers, e.toString());
    }
  }
}
