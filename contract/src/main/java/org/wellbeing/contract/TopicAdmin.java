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

  /** A topic, and how long it keeps its records: compacted, or deleted after a retention. */
  public record TopicSpec(String name, Topics.Policy policy) {

    /** {@code name} with the contract's policy for it. */
    public static TopicSpec of(String name) {
      return new TopicSpec(name, Topics.policy(name));
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
          topic.configs(
              spec.policy().compacted()
                  ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                  : Map.of(
                      TopicConfig.CLEANUP_POLICY_CONFIG,
                      TopicConfig.CLEANUP_POLICY_DELETE,
                      TopicConfig.RETENTION_MS_CONFIG,
                      String.valueOf(spec.policy().retention().toMillis())));
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
