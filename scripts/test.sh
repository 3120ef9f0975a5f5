#!/usr/bin/env bash
# npm test — everything, from a clean clone: installs what is missing (npm dependencies;
# PostgreSQL and Chromium from Debian's packages), starts a throw-away PostgreSQL, then runs
# type check, lint, unit tests, integration tests, a production build, the Playwright tests, and
# the load and fault tests (scripts/faults.sh, on that same build and a PostgreSQL of its own).
# Ends with one line "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
export NEXT_TELEMETRY_DISABLED=1 CI="${CI:-}"
OUT="$ROOT/.test-tmp"
rm -rf "$OUT" && mkdir -p "$OUT"
export DATA_DIR="$OUT/data"
source scripts/pg-server.sh

step_names=(); step_results=()
record() { step_names+=("$1"); step_results+=("$2"); }
run_step() { # name, command...
  local name="$1"; shift
  echo; echo "━━ $name"
  if "$@"; then record "$name" pass; else record "$name" fail; fi
}

# 1. npm dependencies (npm install, not npm ci: see README)
if [ ! -x node_modules/.bin/next ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "━━ installing npm dependencies"
  npm install --no-audit --no-fund || { echo "npm install failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# 2. Debian packages: PostgreSQL server and Chromium, in one apt run when both are missing
apt_pkgs=()
pg_bin_dir >/dev/null || apt_pkgs+=(postgresql)
[ -x /usr/bin/chromium ] || apt_pkgs+=(chromium)
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  echo "━━ installing ${apt_pkgs[*]} from Debian's packages"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${apt_pkgs[@]}" >/dev/null \
    || { echo "apt-get install ${apt_pkgs[*]} failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# 3. throw-away PostgreSQL, stopped on any exit
cleanup() { pg_server_stop; }
trap cleanup EXIT INT TERM
pg_server_start "$OUT/pg" || { echo "could not start PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }
export TEST_PG_ADMIN_URL="$PG_ADMIN_URL"

run_step "type check" npx tsc --noEmit -p .
run_step "lint" npx eslint . --max-warnings=0
run_step "unit tests" npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$OUT/unit.json"
run_step "integration tests (PostgreSQL)" npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$OUT/integration.json"
# 4. the browser journeys' database (migrated, plans and rates), then the production build: it
# prerenders the public pages from that database, as `npm start` does from its own. (The web
# server's command adds the demo accounts, with the browser tests' own keys.)
export E2E_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/refi_e2e"
e2e_db() {
  pg_psql -d postgres -c "CREATE DATABASE refi_e2e" >/dev/null && \
  DATABASE_URL="$E2E_DATABASE_URL" npm run -s db:migrate >/dev/null && \
  DATABASE_URL="$E2E_DATABASE_URL" npm run -s db:seed -- --no-demo >/dev/null
}
if e2e_db; then
  run_step "production build" env DATABASE_URL="$E2E_DATABASE_URL" npx next build
else
  record "production build" fail
  echo "the browser tests' database could not be prepared"
fi

# 5. browser journeys, served by `next start` on that database
if [ "${step_results[-1]}" = pass ]; then
  run_step "browser tests (Playwright, Chromium)" env PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/e2e.json" npx playwright test --reporter=list,json
else
  record "browser tests (Playwright, Chromium)" fail
  echo "browser tests skipped: the build failed"
fi

# 6. load and fault tests on the same build (about a minute): their own PostgreSQL, which the
# database-restart test stops and starts, so none of this run's variables point at ours.
if [ "${step_results[-2]}" = pass ]; then
  run_step "load and fault tests" env -u PG_PORT -u PG_DIR -u PG_ADMIN_URL -u TEST_PG_ADMIN_URL \
    FAULTS_DIST_DIR=.next FAULTS_OUT="$OUT/faults" bash scripts/faults.sh
else
  record "load and fault tests" fail
  echo "load and fault tests skipped: the build failed"
fi

echo
node scripts/test-summary.mjs "$OUT" "${step_names[@]}" -- "${step_results[@]}"
