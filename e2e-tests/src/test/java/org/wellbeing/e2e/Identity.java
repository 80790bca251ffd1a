package org.wellbeing.e2e;

import io.restassured.filter.Filter;
import java.io.IOException;
import java.nio.file.Path;
import org.wellbeing.testing.Keycloak;

/** The e2e tests' identity provider: a real Keycloak with the local run's realm file. */
final class Identity {

  private Identity() {}

  private static Keycloak shared;

  /**
   * The one Keycloak of this test JVM, started by the first class that asks and stopped when the
   * JVM exits. Each start costs about 40 s on two cores (dev mode augments before it starts), and
   * the realm is only read: the test classes cannot see each other through it.
   */
  static synchronized Keycloak shared(Path target) throws IOException, InterruptedException {
    if (shared == null) {
      Path root = Path.of(System.getProperty("wellbeing.root", ".."));
      Path distribution =
          Path.of(
              System.getProperty(
                  "keycloak.distribution", target.resolve("keycloak-dist").toString()));
      Keycloak started =
          Keycloak.start(
              distribution,
              root.resolve("deploy/local/src/main/resources/keycloak/wellbeing-realm.json"),
              "wellbeing",
              target.resolve("keycloak-" + ProcessHandle.current().pid()),
              target.resolve("keycloak.log"));
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "keycloak-stop"));
      shared = started;
    }
    return shared;
  }

  /**
   * Sends every RestAssured request that names no caller as {@code user}: the tests below drive
   * figures as an administrator, and say so where a test is about who may do what.
   */
  static Filter defaultCaller(Keycloak keycloak, String user) {
    return (request, response, context) -> {
      if (!request.getHeaders().hasHeaderWithName("Authorization")) {
        request.header("Authorization", keycloak.bearer(user));
      }
      return context.next(request, response);
    };
  }
}
