package org.wellbeing.common.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code /q/metrics} answers in the Prometheus text format (0.0.4) unless the client asks for
 * OpenMetrics, as Prometheus itself does; without this a client that names no format gets
 * OpenMetrics.
 */
@ApplicationScoped
public class PrometheusTextByDefault {

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  void register(@Observes Filters filters) {
    filters.register(
        context -> {
          String accept = context.request().getHeader(HttpHeaders.ACCEPT);
          if (context.request().path().startsWith("/q/metrics")
              && (accept == null || accept.isBlank() || accept.trim().equals("*/*"))) {
            context.request().headers().set(HttpHeaders.ACCEPT, PROMETHEUS_TEXT);
          }
          context.next();
        },
        // before the metrics handler
        1000);
  }
}
