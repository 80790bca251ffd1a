package org.wellbeing.model.config;

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

/** Creates the topics model-service writes to at start-up when they are missing. */
@ApplicationScoped
public class TopicInitializer {

  private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

  void onStart(
      @Observes StartupEvent event,
      ModelConfig config,
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
                  TopicSpec.retained(Topics.deadLetter(Topics.WORK_EVENTS)),
                  // latest wins per key on these, so compaction keeps what consumers need
                  TopicSpec.compacted(Topics.WELLBEING_METRICS),
                  TopicSpec.compacted(Topics.TEAM_METRICS),
                  TopicSpec.compacted(Topics.ORG_DIRECTORY)),
              Duration.ofSeconds(30));
      if (!created.isEmpty()) {
        LOG.infof("Created topics %s", created);
      }
    } catch (Exception e) {
      LOG.warnf("Could not check or create topics on %s: %s", bootstrapServers, e.toString());
    }
  }
}
