package org.wellbeing.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: a real in-process KRaft broker. Works for {@code @QuarkusTest} and
 * {@code @QuarkusIntegrationTest}; fields annotated {@link KafkaBootstrap} receive its address,
 * those annotated {@link InjectKafkaBroker} the broker itself.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

  private KafkaBroker broker;

  @Override
  public Map<String, String> start() {
    broker = KafkaBroker.start();
    return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(
        broker.bootstrapServers(),
        new TestInjector.AnnotatedAndMatchesType(KafkaBootstrap.class, String.class));
    testInjector.injectIntoFields(
        broker,
        new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, KafkaBroker.class));
  }

  @Override
  public void stop() {
    if (broker != null) {
      broker.close();
    }
  }
}
