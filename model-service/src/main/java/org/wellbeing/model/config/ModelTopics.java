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
        TopicSpec.of(Topics.WORK_EVENTS),
        TopicSpec.of(Topics.deadLetter(Topics.WORK_EVENTS)),
        TopicSpec.of(Topics.ACCESS_LOG),
        TopicSpec.of(Topics.deadLetter(Topics.ACCESS_LOG)),
        TopicSpec.of(Topics.PERSON_ERASURES),
        TopicSpec.of(Topics.ERASURE_REPORTS),
        TopicSpec.of(Topics.deadLetter(Topics.ERASURE_REPORTS)),
        TopicSpec.of(Topics.WELLBEING_METRICS),
        TopicSpec.of(Topics.TEAM_METRICS),
        TopicSpec.of(Topics.ORG_DIRECTORY));
  }
}
