package org.wellbeing.common.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused with a 413
 * problem document before it is read, as every other refusal is; the HTTP layer's own 413 has no
 * body at all.
 */
@ApplicationScoped
public class BodyLimit {

  private static final String PROBLEM =
      "{\"type\":\"urn:wellbeing:problem:too-large\",\"title\":\"Payload too large\","
          + "\"status\":413,\"detail\":\"the body is larger than this service takes (%d bytes)\"}";

  void install(
      @Observes Router router,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
          MemorySize limit) {
    long max = limit.asLongValue();
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null && tooLong(length, max)) {
                ctx.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(PROBLEM.formatted(max));
                return;
              }
              ctx.next();
            });
  }

  private static boolean tooLong(String length, long max) {
    try {
      return Long.parseLong(length.trim()) > max;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
