#!/usr/bin/env bash
# The benchmark of BENCHMARKS.md, in one run against the running local stack:
#
#   deploy/local/run.sh && deploy/local/bench.sh [people=1000] [days=60] [samples=60] [history=100]
#
# Kafka's raw producer, ingest over HTTP, model-service on a shuffled and on an in-order backlog,
# alert-service with a month and with a year of history, POST-to-alert latency idle and at half the
# sustained rate, each service's memory; it writes BENCHMARKS.md at the repository root. It adds
# benchmark people to the stack's data (a fresh WELLBEING_DATA_DIR keeps the demo clean) and
# takes 15 to 25 minutes on a 2-core machine with the defaults.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DATA="${WELLBEING_DATA_DIR:-$ROOT/.local}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

for s in ingest model alert; do
  [ -f "$DATA/$s.pid" ] && kill -0 "$(cat "$DATA/$s.pid")" 2>/dev/null \
    || { echo "[bench] $s-service is not running: start the stack with deploy/local/run.sh first"; exit 1; }
done
exec "$JAVA" -Xmx1g -cp "$ROOT/deploy/local/target/classes:$ROOT/deploy/local/target/lib/*" \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  org.wellbeing.local.Bench "$DATA" "$ROOT" "$@"
