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
        TopicSpec.of(Topics.WORK_EVENTS),
        TopicSpec.of(Topics.deadLetter(Topics.WORK_EVENTS)),
        TopicSpec.of(Topics.ORG_DIRECTORY),
        TopicSpec.of(Topics.deadLetter(Topics.ORG_DIRECTORY)),
        TopicSpec.of(Topics.PERSON_ERASURES),
        TopicSpec.of(Topics.deadLetter(Topics.PERSON_ERASURES)),
        TopicSpec.of(Topics.ERASURE_REPORTS));
  }
}
