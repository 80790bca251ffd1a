package org.wellbeing.model.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.wellbeing.common.kafka.DeadLetterSender;
import org.wellbeing.common.kafka.DeadLetterSender.Rejected;

/** The dead-letter topic of {@code work-events}. */
@ApplicationScoped
public class DeadLetters {

  /** Outgoing channel bound to {@code work-events-dlq}. */
  public static final String CHANNEL = "work-events-dlq";

  private final DeadLetterSender sender;

  public DeadLetters(
      @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
          Emitter<String> emitter,
      MeterRegistry registry) {
    this.sender = new DeadLetterSender(emitter, registry, "model.events.rejected");
  }

  public CompletableFuture<Void> send(List<Rejected> rejected) {
    return sender.send(rejected);
  }
}
