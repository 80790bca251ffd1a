package org.wellbeing.model.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.wellbeing.common.kafka.TopicDeclaration;
import org.wellbeing.contract.TopicAdmin.TopicSpec;
import org.wellbeing.contract.Topics;

/** The topics model-service reads and writes. */
@ApplicationScoped
public class ModelTopics implements TopicDeclaration {

  @Override
  public List<TopicSpec> topics() {
    return List.of(
        TopicSpec.retained(Topics.WORK_EVENTS),
        TopicSpec.retained(Topics.deadLetter(Topics.WORK_EVENTS)),
        TopicSpec.retained(Topics.ACCESS_LOG),
        TopicSpec.retained(Topics.deadLetter(Topics.ACCESS_LOG)),
        TopicSpec.retained(Topics.PERSON_ERASURES),
        TopicSpec.retained(Topics.ERASURE_REPORTS),
        TopicSpec.retained(Topics.deadLetter(Topics.ERASURE_REPORTS)),
        // latest wins per key on these, so compaction keeps what consumers need
        TopicSpec.compacted(Topics.WELLBEING_METRICS),
        TopicSpec.compacted(Topics.TEAM_METRICS),
        TopicSpec.compacted(Topics.ORG_DIRECTORY));
  }
}
