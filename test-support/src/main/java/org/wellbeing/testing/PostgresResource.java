package org.wellbeing.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Quarkus test resource: a real PostgreSQL server, bound to the default datasource. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  private Postgres postgres;

  @Override
  public Map<String, String> start() {
    postgres = Postgres.start();
    return Map.of(
        "quarkus.datasource.jdbc.url", postgres.jdbcUrl("postgres"),
        "quarkus.datasource.username", Postgres.USER,
        "quarkus.datasource.password", Postgres.PASSWORD);
  }

  @Override
  public void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }
}
