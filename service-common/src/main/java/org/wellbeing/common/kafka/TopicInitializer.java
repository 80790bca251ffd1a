package org.wellbeing.common.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.contract.TopicAdmin;
import org.wellbeing.contract.TopicAdmin.TopicSpec;

/** Creates the topics the service declares at start-up when they are missing. */
@ApplicationScoped
public class TopicInitializer {

  private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

  void onStart(
      @Observes StartupEvent event,
      PipelineConfig config,
      Instance<TopicDeclaration> declarations,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    if (!config.topics().create()) {
      return;
    }
    List<TopicSpec> topics = new ArrayList<>();
    declarations.forEach(declaration -> topics.addAll(declaration.topics()));
    try {
      List<String> created =
          TopicAdmin.ensureTopics(
              bootstrapServers,
              config.topics().partitions(),
              config.topics().replicationFactor(),
              topics,
              Duration.ofSeconds(30));
      if (!created.isEmpty()) {
        LOG.infof("Created topics %s", created);
      }
    } catch (Exception e) {
      // producers still work against a broker that creates topics on first use
      LOG.warnf("Could not check or create topics on %s: %s", bootstrapServers, e.toString());
    }
  }
}
