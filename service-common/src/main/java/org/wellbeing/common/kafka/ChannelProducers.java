package org.wellbeing.common.kafka;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;

/**
 * The Kafka producer behind an outgoing channel, configured like the channel ({@code
 * mp.messaging.outgoing.<channel>.*}), for the paths that send thousands of records a second:
 * through the messaging layer each record costs a message, its metadata and a context-propagating
 * acknowledgement, a third of ingest-service's CPU (JFR, issue 13).
 */
@ApplicationScoped
public class ChannelProducers {

  private final KafkaClientService clients;
  private final Map<String, Producer<String, String>> producers = new ConcurrentHashMap<>();

  public ChannelProducers(KafkaClientService clients) {
    this.clients = clients;
  }

  /**
   * @throws IllegalStateException before messaging has started, when the channel has no producer
   *     yet
   */
  public Producer<String, String> of(String channel) {
    return producers.computeIfAbsent(
        channel,
        c -> {
          KafkaProducer<String, String> producer = clients.getProducer(c);
          if (producer == null) {
            throw new IllegalStateException("no Kafka producer for channel " + c + " yet");
          }
          return producer.unwrap();
        });
  }
}
