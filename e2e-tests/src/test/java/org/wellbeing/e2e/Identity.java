package org.wellbeing.e2e;

import io.restassured.filter.Filter;
import java.io.IOException;
import java.nio.file.Path;
import org.wellbeing.testing.Keycloak;

/** The e2e tests' identity provider: a real Keycloak with the local run's realm file. */
final class Identity {

  private Identity() {}

  static Keycloak start(Path target, Path logs) throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("wellbeing.root", ".."));
    Path distribution =
        Path.of(
            System.getProperty(
                "keycloak.distribution", target.resolve("keycloak-dist").toString()));
    return Keycloak.start(
        distribution,
        root.resolve("deploy/local/src/main/resources/keycloak/wellbeing-realm.json"),
        "wellbeing",
        target.resolve("keycloak-" + ProcessHandle.current().pid()),
        logs.resolve("keycloak.log"));
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
