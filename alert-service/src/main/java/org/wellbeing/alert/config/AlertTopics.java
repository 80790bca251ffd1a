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
        TopicSpec.of(Topics.OVERWORK_ALERTS),
        TopicSpec.of(Topics.ACCESS_LOG),
        TopicSpec.of(Topics.PERSON_ERASURES),
        TopicSpec.of(Topics.deadLetter(Topics.PERSON_ERASURES)),
        TopicSpec.of(Topics.ERASURE_REPORTS),
        TopicSpec.of(Topics.WELLBEING_METRICS),
        TopicSpec.of(Topics.ORG_DIRECTORY),
        TopicSpec.of(Topics.deadLetter(Topics.WELLBEING_METRICS)),
        TopicSpec.of(Topics.deadLetter(Topics.ORG_DIRECTORY)));
  }
}
