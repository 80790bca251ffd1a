# syntax=docker/dockerfile:1
# ingest-service on the JVM, from the Quarkus fast-jar layout the Maven build leaves in
# ingest-service/target/quarkus-app. From the repository root:
#   ./mvnw -B package -DskipTests -pl ingest-service -am
#   docker build -f deploy/docker/ingest-service.Dockerfile -t ghcr.io/wellbeing/ingest-service:0.1.0 .
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23

WORKDIR /deployments
# dependencies first: they change least, so their layer is reused from one release to the next
COPY --chown=185 ingest-service/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 ingest-service/target/quarkus-app/*.jar /deployments/
COPY --chown=185 ingest-service/target/quarkus-app/app/ /deployments/app/
COPY --chown=185 ingest-service/target/quarkus-app/quarkus/ /deployments/quarkus/

# the image's unprivileged java user; Kubernetes runs it with runAsNonRoot
USER 185
EXPOSE 8081
# heap as a share of the container's memory limit; Kubernetes and Compose pass their own JAVA_OPTS
ENV JAVA_OPTS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
# exec: java becomes PID 1 and gets SIGTERM, so Quarkus shuts down gracefully
ENTRYPOINT ["/bin/sh", "-c", "exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager $JAVA_OPTS -jar /deployments/quarkus-run.jar"]
