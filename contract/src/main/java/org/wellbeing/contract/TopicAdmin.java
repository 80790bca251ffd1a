package org.wellbeing.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the topics a service writes to when they are missing. Where an operator manages topics
 * (Strimzi {@code KafkaTopic} resources), services run with topic creation switched off.
 */
public final class TopicAdmin {

  /** A topic and whether it is compacted (latest value per key) rather than time-retained. */
  public record TopicSpec(String name, boolean compacted) {

    public static TopicSpec retained(String name) {
      return new TopicSpec(name, false);
    }

    public static TopicSpec compacted(String name) {
      return new TopicSpec(name, true);
    }
  }

  private TopicAdmin() {}

  /**
   * Creates each of {@code topics} that does not exist yet.
   *
   * @return the names of the topics created
   */
  public static List<String> ensureTopics(
      String bootstrapServers,
      int partitions,
      short replicationFactor,
      Collection<TopicSpec> topics,
      Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(timeout.toMillis(), 10_000));
    try (Admin admin = Admin.create(config)) {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (TopicSpec spec : topics) {
        if (!existing.contains(spec.name())) {
          NewTopic topic = new NewTopic(spec.name(), partitions, replicationFactor);
          if (spec.compacted()) {
            topic.configs(
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
          }
          missing.add(topic);
        }
      }
      if (missing.isEmpty()) {
        return List.of();
      }
      try {
        admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        // another service created one of them at the same moment: that is what we wanted
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
          throw e;
        }
      }
      return missing.stream().map(NewTopic::name).toList();
    }
  }
}
