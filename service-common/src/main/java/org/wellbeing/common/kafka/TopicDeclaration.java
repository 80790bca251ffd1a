package org.wellbeing.common.kafka;

import java.util.List;
import org.wellbeing.contract.TopicAdmin.TopicSpec;

/** A service's bean naming the topics it writes to, created at start-up when missing. */
public interface TopicDeclaration {

  List<TopicSpec> topics();
}
