package org.wellbeing.ingest.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.wellbeing.common.kafka.TopicDeclaration;
import org.wellbeing.contract.TopicAdmin.TopicSpec;
import org.wellbeing.contract.Topics;

/** The topics ingest-service writes to and reads, with their dead-letter topics. */
@ApplicationScoped
public class IngestTopics implements TopicDeclaration {

  @Override
  public List<TopicSpec> topics() {
    return List.of(
        TopicSpec.retained(Topics.WORK_EVENTS),
        TopicSpec.retained(Topics.deadLetter(Topics.WORK_EVENTS)),
        TopicSpec.compacted(Topics.ORG_DIRECTORY),
        TopicSpec.retained(Topics.deadLetter(Topics.ORG_DIRECTORY)),
        TopicSpec.retained(Topics.PERSON_ERASURES),
        TopicSpec.retained(Topics.deadLetter(Topics.PERSON_ERASURES)),
        TopicSpec.retained(Topics.ERASURE_REPORTS));
  }
}
