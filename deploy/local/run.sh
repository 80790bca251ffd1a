#!/usr/bin/env bash
# The whole pipeline on this machine: a KRaft Kafka broker and PostgreSQL (both from Maven
# Central artifacts), Keycloak (Maven Central's keycloak-quarkus-dist) on 127.0.0.1:8180 with the
# realm deploy/local/src/main/resources/keycloak/wellbeing-realm.json, the three services on ports
# 8081-8083, the people app on 8080, and a demo organisation.
#
#   deploy/local/run.sh [start]   build what is missing, start everything, load the demo once
#   deploy/local/run.sh stop      stop everything; data stays under the data directory
#   deploy/local/run.sh status    what is running
#
# Needs a JDK 17 for the pipeline and a JDK 21 or newer for Keycloak (KEYCLOAK_JAVA_HOME, else the
# newest under /usr/lib/jvm). Data, logs and pids live under WELLBEING_DATA_DIR (default .local/).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DATA="${WELLBEING_DATA_DIR:-$ROOT/.local}"
LOGS="$DATA/logs"
KAFKA_PORT="${WELLBEING_KAFKA_PORT:-9092}"
CONTROLLER_PORT="${WELLBEING_KAFKA_CONTROLLER_PORT:-9093}"
PG_PORT="${WELLBEING_PG_PORT:-55432}"
SMTP_PORT="${WELLBEING_SMTP_PORT:-3025}"
IMAP_PORT="${WELLBEING_IMAP_PORT:-3143}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# a service's JVM: a heap of at most 256 MB that starts at 96 MB (48 MB of it young) and grows only
# when what survives needs it (each service keeps about 40 MB live, so a heap committed in full
# was 150 MB of resident garbage room), freed C heap handed back to the OS every 10 s, smaller
# thread stacks, and (MALLOC_ARENA_MAX below) two malloc arenas instead of glibc's one per thread;
# out of memory, it exits rather than limps on
SERVICE_JVM=(-Xmx256m -Xms96m -Xmn48m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=10000 -Xss512k
  -XX:+ExitOnOutOfMemoryError)
# more JVM options for the three services, after these (e.g. a profiler's)
read -r -a EXTRA_JVM <<< "${WELLBEING_SERVICE_JVM_OPTS:-}"
SERVICE_JVM+=("${EXTRA_JVM[@]}")
SERVICES=(ingest model alert)
declare -A PORTS=([ingest]="${INGEST_PORT:-8081}" [model]="${MODEL_PORT:-8082}" [alert]="${ALERT_PORT:-8083}")
STACK_CP="$ROOT/deploy/local/target/classes:$ROOT/deploy/local/target/lib/*"
KEYCLOAK_PORT="${WELLBEING_KEYCLOAK_PORT:-8180}"
APP_PORT="${PEOPLE_APP_PORT:-8080}"
ISSUER="http://127.0.0.1:$KEYCLOAK_PORT/realms/wellbeing"
REALM_FILE="$ROOT/deploy/local/src/main/resources/keycloak/wellbeing-realm.json"

say() { printf '[run] %s\n' "$*"; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

http_status() { # host port path -> HTTP status code, or 000 when nothing answers
  local code
  code=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3 \
    && head -1 <&3 | awk '{print $2}') 2>/dev/null || true)
  echo "${code:-000}"
}

build() {
  if [ "${SKIP_BUILD:-}" = 1 ] && [ -d "$ROOT/deploy/local/target/lib" ]; then return; fi
  say "building (./mvnw -DskipTests package; the first build downloads dependencies)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl ingest-service,model-service,alert-service,people-app,deploy/local -am) \
    > "$LOGS/build.log" 2>&1 || { tail -40 "$LOGS/build.log"; say "build failed, see $LOGS/build.log"; exit 1; }
}

start_infra() {
  if alive "$DATA/infra.pid"; then say "infrastructure already running"; return; fi
  rm -f "$DATA/infra.ready"
  # the JBoss log manager prints the broker's own errors into infra.log, so a failed start says why
  nohup "$JAVA" -Xmx768m -XX:+UseSerialGC -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -Djava.io.tmpdir="$DATA/tmp" -cp "$STACK_CP" \
    org.wellbeing.local.LocalInfra "$DATA" "$KAFKA_PORT" "$CONTROLLER_PORT" "$PG_PORT" "$SMTP_PORT" "$IMAP_PORT" \
    > "$LOGS/infra.log" 2>&1 &
  echo $! > "$DATA/infra.pid"
  for _ in $(seq 1 240); do
    [ -f "$DATA/infra.ready" ] && { say "Kafka on 127.0.0.1:$KAFKA_PORT, PostgreSQL on 127.0.0.1:$PG_PORT, SMTP on 127.0.0.1:$SMTP_PORT"; return; }
    alive "$DATA/infra.pid" || { tail -40 "$LOGS/infra.log"; say "infrastructure died, see $LOGS/infra.log"; exit 1; }
    sleep 0.5
  done
  say "infrastructure did not start within 120 s, see $LOGS/infra.log"; exit 1
}

# A JDK >= 21 for Keycloak 26: KEYCLOAK_JAVA_HOME, else the newest under /usr/lib/jvm
keycloak_java() {
  if [ -n "${KEYCLOAK_JAVA_HOME:-}" ]; then echo "$KEYCLOAK_JAVA_HOME"; return; fi
  local best="" best_version=0 home version
  for home in /usr/lib/jvm/*; do
    [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    if [ -n "$version" ] && [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best=$home; best_version=$version
    fi
  done
  echo "$best"
}

start_keycloak() {
  if alive "$DATA/keycloak.pid"; then say "Keycloak already running"; return; fi
  local java_home; java_home=$(keycloak_java)
  if [ -z "$java_home" ]; then
    say "Keycloak 26 needs a JDK 21 or newer and none was found under /usr/lib/jvm."
    say "Install one (e.g. apt-get install openjdk-21-jdk-headless) or set KEYCLOAK_JAVA_HOME."
    exit 1
  fi
  local dist; dist=$(ls -d "$ROOT"/deploy/local/target/keycloak-dist/keycloak-* 2>/dev/null | head -1)
  [ -n "$dist" ] || { say "Keycloak is not unpacked under deploy/local/target/keycloak-dist; run without SKIP_BUILD"; exit 1; }
  if [ ! -d "$DATA/keycloak" ]; then
    cp -a "$dist" "$DATA/keycloak"
    mkdir -p "$DATA/keycloak/data/import"
    cp "$REALM_FILE" "$DATA/keycloak/data/import/"
  fi
  JAVA_HOME="$java_home" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    nohup bash "$DATA/keycloak/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --import-realm > "$LOGS/keycloak.log" 2>&1 &
  echo $! > "$DATA/keycloak.pid"
  for _ in $(seq 1 360); do
    [ "$(http_status "$KEYCLOAK_PORT" /realms/wellbeing/.well-known/openid-configuration)" = 200 ] \
      && { say "Keycloak on http://127.0.0.1:$KEYCLOAK_PORT (realm wellbeing, Java from $java_home)"; return; }
    alive "$DATA/keycloak.pid" || { tail -40 "$LOGS/keycloak.log"; say "Keycloak died, see $LOGS/keycloak.log"; exit 1; }
    sleep 0.5
  done
  say "Keycloak did not start within 180 s, see $LOGS/keycloak.log"; exit 1
}

# a key that seals webhook secrets at rest, made once per data directory
webhook_key() {
  [ -f "$DATA/webhook.key" ] || (umask 077; head -c 32 /dev/urandom | base64 > "$DATA/webhook.key")
  cat "$DATA/webhook.key"
}

start_service() {
  local name=$1 port=${PORTS[$1]}
  if alive "$DATA/$name.pid"; then say "$name-service already running"; return; fi
  # read here, not inside the backgrounded command, whose expansions would race each other
  local key; key="$(webhook_key)"
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/wellbeing_$name" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  QUARKUS_HTTP_PORT="$port" \
  QUARKUS_OIDC_AUTH_SERVER_URL="$ISSUER" QUARKUS_OIDC_TOKEN_AUDIENCE=wellbeing \
  ALERTS_NOTIFICATIONS_SECRET_KEY="$key" \
  QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$SMTP_PORT" QUARKUS_MAILER_START_TLS=DISABLED \
  ALERTS_NOTIFICATIONS_GROUPING_WINDOW=30s ALERTS_NOTIFICATIONS_QUIET_HOURS=false \
  MODEL_EXPORT_INGEST_URL="http://127.0.0.1:${PORTS[ingest]}" MODEL_EXPORT_ALERT_URL="http://127.0.0.1:${PORTS[alert]}" \
  MALLOC_ARENA_MAX=2 \
    nohup "$JAVA" "${SERVICE_JVM[@]}" -Djava.io.tmpdir="$DATA/tmp" \
    -jar "$ROOT/$name-service/target/quarkus-app/quarkus-run.jar" > "$LOGS/$name.log" 2>&1 &
  echo $! > "$DATA/$name.pid"
}

# the people app's cookie secrets (PKCE state, session tokens), made once per data directory
app_secret() {
  [ -f "$DATA/people-app.key" ] || (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n' > "$DATA/people-app.key")
  cat "$DATA/people-app.key"
}

start_app() {
  if alive "$DATA/people-app.pid"; then say "people app already running"; return; fi
  local secret; secret="$(app_secret)"
  QUARKUS_HTTP_PORT="$APP_PORT" QUARKUS_OIDC_AUTH_SERVER_URL="$ISSUER" \
  QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET="$secret" \
  QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET="$secret" \
  QUARKUS_REST_CLIENT_MODEL_URL="http://127.0.0.1:${PORTS[model]}" \
  QUARKUS_REST_CLIENT_ALERT_URL="http://127.0.0.1:${PORTS[alert]}" \
  QUARKUS_REST_CLIENT_INGEST_URL="http://127.0.0.1:${PORTS[ingest]}" \
    nohup "$JAVA" -Xmx192m -XX:+UseSerialGC -Djava.io.tmpdir="$DATA/tmp" \
    -jar "$ROOT/people-app/target/quarkus-app/quarkus-run.jar" > "$LOGS/people-app.log" 2>&1 &
  echo $! > "$DATA/people-app.pid"
  for _ in $(seq 1 240); do
    [ "$(http_status "$APP_PORT" /q/health/ready)" = 200 ] && { say "people app ready on http://127.0.0.1:$APP_PORT"; return; }
    alive "$DATA/people-app.pid" || { tail -40 "$LOGS/people-app.log"; say "people app died, see $LOGS/people-app.log"; exit 1; }
    sleep 0.5
  done
  say "people app not ready within 120 s, see $LOGS/people-app.log"; exit 1
}

await_ready() {
  local name=$1 port=${PORTS[$1]}
  for _ in $(seq 1 240); do
    [ "$(http_status "$port" /q/health/ready)" = 200 ] && { say "$name-service ready on http://127.0.0.1:$port"; return; }
    alive "$DATA/$name.pid" || { tail -40 "$LOGS/$name.log"; say "$name-service died, see $LOGS/$name.log"; exit 1; }
    sleep 0.5
  done
  say "$name-service not ready within 120 s, see $LOGS/$name.log"; exit 1
}

stop_pid() {
  local file=$1 label=$2
  if alive "$file"; then
    local pid; pid=$(cat "$file")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    say "$label stopped"
  fi
  rm -f "$file"
}

start() {
  mkdir -p "$LOGS" "$DATA/tmp"
  build
  start_keycloak
  start_infra
  for s in "${SERVICES[@]}"; do start_service "$s"; done
  for s in "${SERVICES[@]}"; do await_ready "$s"; done
  if [ ! -f "$DATA/demo.loaded" ]; then
    "$JAVA" -cp "$STACK_CP" org.wellbeing.local.DemoLoader \
      "http://127.0.0.1:${PORTS[ingest]}" "http://127.0.0.1:${PORTS[model]}" "$ISSUER" \
      "http://127.0.0.1:${PORTS[alert]}" >> "$LOGS/demo.log" 2>&1 \
      || { tail -20 "$LOGS/demo.log"; say "demo load failed, see $LOGS/demo.log"; exit 1; }
    touch "$DATA/demo.loaded"
    say "demo organisation loaded (most people healthy; alice works 55 h weeks, grace every evening, ivan twelve days in a row)"
  fi
  start_app
  cat <<MSG
[run] the people app: http://127.0.0.1:$APP_PORT  (sign in as maria/maria, a manager; alice/alice; admin/admin)
[run] the pipeline is up. Every /api/v1 call needs a bearer token from Keycloak; get one with
      TOKEN=\$(curl -s -d grant_type=password -d client_id=wellbeing-cli -d username=maria -d password=maria \\
        $ISSUER/protocol/openid-connect/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
      curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:${PORTS[model]}/api/v1/people/alice
      users: each demo person (password = name: alice, maria, grace, tom, ...), admin/admin, ingest/ingest
Where to look:
      Keycloak      http://127.0.0.1:$KEYCLOAK_PORT/realms/wellbeing  (the realm comes from its file; no console user)
      alerts        http://127.0.0.1:${PORTS[alert]}/api/v1/alerts?status=OPEN
      a person      http://127.0.0.1:${PORTS[model]}/api/v1/people/alice/days?from=$(date -u -d '-21 days' +%F)&to=$(date -u +%F)
      a team        http://127.0.0.1:${PORTS[model]}/api/v1/teams/platform/weeks?from=$(date -u -d '-21 days' +%G-W%V)&to=$(date -u +%G-W%V)
      post events   http://127.0.0.1:${PORTS[ingest]}/api/v1/events
      metrics       http://127.0.0.1:8081/q/metrics  :8082/q/metrics  :8083/q/metrics
      OpenAPI       http://127.0.0.1:8081/q/openapi (and :8082, :8083)
      the demo's mail $DATA/mail/*.eml (one file a message), or any IMAP client on 127.0.0.1:$IMAP_PORT
                    (user = the address, e.g. maria@example.org, any password); SMTP on 127.0.0.1:$SMTP_PORT
      logs          $LOGS/
      stop          deploy/local/run.sh stop
MSG
}

stop() {
  stop_pid "$DATA/people-app.pid" "people app"
  for s in alert model ingest; do stop_pid "$DATA/$s.pid" "$s-service"; done
  stop_pid "$DATA/infra.pid" "Kafka, PostgreSQL and the mail server"
  stop_keycloak
}

stop_keycloak() {
  if alive "$DATA/keycloak.pid"; then
    # kc.sh runs Keycloak's JVM as its child
    pkill -TERM -P "$(cat "$DATA/keycloak.pid")" 2>/dev/null || true
  fi
  stop_pid "$DATA/keycloak.pid" "Keycloak"
}

status() {
  for s in "${SERVICES[@]}"; do
    if alive "$DATA/$s.pid"; then echo "$s-service running (pid $(cat "$DATA/$s.pid"), port ${PORTS[$s]})"; else echo "$s-service stopped"; fi
  done
  if alive "$DATA/infra.pid"; then echo "Kafka and PostgreSQL running (pid $(cat "$DATA/infra.pid"))"; else echo "Kafka and PostgreSQL stopped"; fi
  if alive "$DATA/people-app.pid"; then echo "people app running (pid $(cat "$DATA/people-app.pid"), port $APP_PORT)"; else echo "people app stopped"; fi
  if alive "$DATA/keycloak.pid"; then echo "Keycloak running (pid $(cat "$DATA/keycloak.pid"), port $KEYCLOAK_PORT)"; else echo "Keycloak stopped"; fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  *) echo "usage: $0 [start|stop|restart|status]"; exit 2 ;;
esac
