package org.wellbeing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wellbeing.deploy.Services.Service;

/** deploy/docker: one image per service from the Quarkus fast-jar layout. */
class DockerfilesTest {

  @Test
  void eachServiceImageCopiesItsQuarkusAppAndExposesItsPort() {
    for (Service service : Services.ALL) {
      String dockerfile = Repo.read("deploy/docker/" + service.name() + ".Dockerfile");
      String app = service.name() + "/target/quarkus-app/";
      assertThat(dockerfile)
          .as(service.name())
          .containsPattern("(?m)^FROM \\S+:[\\w.-]+$")
          .doesNotContain(":latest")
          .contains("COPY --chown=185 " + app + "lib/ /deployments/lib/")
          .contains("COPY --chown=185 " + app + "*.jar /deployments/")
          .contains("COPY --chown=185 " + app + "app/ /deployments/app/")
          .contains("COPY --chown=185 " + app + "quarkus/ /deployments/quarkus/")
          .containsPattern("(?m)^USER 185$")
          .containsPattern("(?m)^EXPOSE " + service.port() + "$")
          .contains("$JAVA_OPTS -jar /deployments/quarkus-run.jar");
      assertThat(Repo.read("deploy/docker/" + service.name() + ".Dockerfile.dockerignore"))
          .as("the build context sends only the packaged application")
          .contains("!" + app);
    }
  }

  @Test
  void imagesRunAsTheUserKubernetesExpects() {
    Manifests prod = Manifests.render("overlays/prod");
    for (Service service : Services.ALL) {
      assertThat(
              prod.get("Deployment", service.name())
                  .path("spec")
                  .path("template")
                  .path("spec")
                  .path("securityContext")
                  .path("runAsUser")
                  .asInt())
          .isEqualTo(185);
    }
  }

  @Test
  void servicesPackageTheFastJarTheImagesCopy() {
    for (Service service : Services.ALL) {
      String jarType = service.properties().getProperty("quarkus.package.jar.type", "fast-jar");
      assertThat(jarType).as(service.name()).isIn(List.of("fast-jar"));
    }
  }
}
