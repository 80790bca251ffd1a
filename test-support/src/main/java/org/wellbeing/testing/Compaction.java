package org.wellbeing.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Makes a real broker's log cleaner work on a topic within seconds: segments that roll after 100 ms
 * and any dirt worth cleaning. {@link KafkaBroker} wakes its cleaner every 200 ms. What a year of
 * daily segments does, in a test.
 */
public final class Compaction {

  private Compaction() {}

  /** Small segments and an eager cleaner for {@code topic}; its cleanup policy stays as it is. */
  public static void soon(String bootstrap, String topic) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .incrementalAlterConfigs(
              Map.of(
                  new ConfigResource(ConfigResource.Type.TOPIC, topic),
                  List.of(
                      set(TopicConfig.SEGMENT_MS_CONFIG, "100"),
                      set(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01"),
                      set(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0"))))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("could not reconfigure " + topic, e);
    }
  }

  private static AlterConfigOp set(String key, String value) {
    return new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET);
  }
}
