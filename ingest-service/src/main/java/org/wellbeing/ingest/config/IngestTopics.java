package org.wellbeing.ingest.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.wellbeing.common.kafka.TopicDeclaration;
import org.wellbeing.contract.TopicAdmin.TopicSpec;
import org.wellbeing.contract.Topics;

/** The topic ingest-service writes to, and its dead-letter topic. */
@ApplicationScoped
public class IngestTopics implements TopicDeclaration {

  @Override
  public List<TopicSpec> topics() {
    return List.of(
        TopicSpec.retained(Topics.WORK_EVENTS),
        TopicSpec.retained(Topics.deadLetter(Topics.WORK_EVENTS)));
  }
}
