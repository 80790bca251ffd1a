package org.wellbeing.alert.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.wellbeing.common.kafka.TopicDeclaration;
import org.wellbeing.contract.TopicAdmin.TopicSpec;
import org.wellbeing.contract.Topics;

/** The topics alert-service reads and writes. */
@ApplicationScoped
public class AlertTopics implements TopicDeclaration {

  @Override
  public List<TopicSpec> topics() {
    return List.of(
        TopicSpec.retained(Topics.OVERWORK_ALERTS),
        TopicSpec.retained(Topics.ACCESS_LOG),
        TopicSpec.retained(Topics.PERSON_ERASURES),
        TopicSpec.retained(Topics.deadLetter(Topics.PERSON_ERASURES)),
        TopicSpec.retained(Topics.ERASURE_REPORTS),
        TopicSpec.compacted(Topics.WELLBEING_METRICS),
        TopicSpec.compacted(Topics.ORG_DIRECTORY),
        TopicSpec.retained(Topics.deadLetter(Topics.WELLBEING_METRICS)),
        TopicSpec.retained(Topics.deadLetter(Topics.ORG_DIRECTORY)));
  }
}
