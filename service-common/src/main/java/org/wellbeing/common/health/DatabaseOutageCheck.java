package org.wellbeing.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.wellbeing.common.persistence.OutageGuard;

/** Not ready while a consumer waits for the database: it takes records but commits none. */
@Readiness
@ApplicationScoped
public class DatabaseOutageCheck implements HealthCheck {

  private final OutageGuard guard;

  public DatabaseOutageCheck(OutageGuard guard) {
    this.guard = guard;
  }

  @Override
  public HealthCheckResponse call() {
    Map<String, Instant> waiting = guard.waiting();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("Consumers waiting for the database").status(waiting.isEmpty());
    waiting.forEach((consumer, since) -> response.withData(consumer, "waiting since " + since));
    return response.build();
  }
}
