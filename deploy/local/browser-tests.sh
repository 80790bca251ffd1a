#!/usr/bin/env bash
# The people app's browser tests: Debian's chromium (installed when missing) driven by
# playwright-core from npm, against a local stack of its own (deploy/local/run.sh on a fresh data
# directory, stopped afterwards). Screenshots of every view land in docs/screenshots/.
#
#   deploy/local/browser-tests.sh      needs the build of ./mvnw -B verify (or run.sh builds it)
#
# Needs Node.js 18 or newer and npm (installed from Debian when missing, as chromium is).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TESTS="$ROOT/people-app/src/test/browser"
DATA="${WELLBEING_DATA_DIR:-$(mktemp -d /tmp/wellbeing-browser.XXXXXX)}"

say() { printf '[browser-tests] %s\n' "$*"; }

install_debian() { # package...
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  say "installing $* from Debian"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" > /dev/null
}

command -v chromium > /dev/null || install_debian chromium
command -v node > /dev/null && command -v npm > /dev/null || install_debian nodejs npm
say "$(chromium --version 2>/dev/null | tail -1), node $(node --version)"

(cd "$TESTS" && npm ci --no-audit --no-fund --loglevel=error)

stop_stack() { WELLBEING_DATA_DIR="$DATA" bash "$ROOT/deploy/local/run.sh" stop > /dev/null || true; }
trap stop_stack EXIT
say "starting the local stack in $DATA"
WELLBEING_DATA_DIR="$DATA" bash "$ROOT/deploy/local/run.sh" start > "$DATA/run.out" 2>&1 \
  || { tail -40 "$DATA/run.out"; say "the local stack did not start"; exit 1; }

say "running the flows"
(cd "$TESTS" && APP_URL="http://127.0.0.1:${PEOPLE_APP_PORT:-8080}" SCREENSHOT_DIR="$ROOT/docs/screenshots" \
  CHROMIUM="$(command -v chromium)" npm test)
say "screenshots in docs/screenshots/"
