#!/usr/bin/env bash
# npm run test:faults — load and fault tests (also the last step of `npm test`): a webhook storm, a
# PostgreSQL restart under 50-connection load, SMTP down, and fuzzed bad input for every schema.
# Starts its own throw-away PostgreSQL, builds the app into FAULTS_DIST_DIR (default .next-faults;
# `npm test` passes the .next it has just built) when missing or older than the sources, runs
# tests/faults/*.fault.test.ts, prints a summary, exits non-zero on failure.
# Loopback addresses only; every loop in the tests is bounded in count and time.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
export NEXT_TELEMETRY_DISABLED=1
# Outside the tree by default (`npm test` wipes .test-tmp when it starts, and may run at the same
# time); `npm test` itself passes a folder under its .test-tmp, so its summary counts these tests.
OUT="${FAULTS_OUT:-$(mktemp -d /tmp/refi-faults.XXXXXX)}"
mkdir -p "$OUT" && chmod 755 "$OUT"
echo "[faults] logs and results in $OUT"
export DATA_DIR="$OUT/data" FAULTS_OUT="$OUT"
export FAULTS_DIST_DIR="${FAULTS_DIST_DIR:-.next-faults}"
source scripts/pg-server.sh

cleanup() { pg_server_stop; }
trap cleanup EXIT INT TERM
pg_server_start "$OUT/pg" || { echo "could not start PostgreSQL"; exit 1; }
export TEST_PG_ADMIN_URL="$PG_ADMIN_URL" PG_DIR PG_PORT

# A production build of its own, beside any other (.next stays untouched). Rebuilt when a source
# file is newer than the last build. A non-default dist dir makes `next build` rewrite
# tsconfig.json: put back the file as it was (edits not yet committed included).
stamp="$FAULTS_DIST_DIR/BUILD_ID"
if [ ! -f "$stamp" ] || [ -n "$(find app lib db components proxy.ts instrumentation.ts next.config.mjs -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
  echo "━━ building into $FAULTS_DIST_DIR"
  cp tsconfig.json "$OUT/tsconfig.json.before"
  NEXT_DIST_DIR="$FAULTS_DIST_DIR" timeout 600 npx next build > "$OUT/build.log" 2>&1
  build_rc=$?
  cp "$OUT/tsconfig.json.before" tsconfig.json
  if [ "$build_rc" -ne 0 ]; then tail -40 "$OUT/build.log"; echo "build failed"; exit 1; fi
fi

echo "━━ fault tests"
timeout 900 npx vitest run --config tests/faults/vitest.config.mts --reporter=default --reporter=json --outputFile.json="$OUT/faults.json" "$@"
rc=$?

echo
node -e '
const r = require(process.argv[1]);
const files = r.testResults || [];
for (const f of files) {
  const name = require("path").relative(process.cwd(), f.name);
  const a = f.assertionResults || [];
  const p = a.filter((t) => t.status === "passed").length, x = a.filter((t) => t.status === "failed").length;
  console.log(`${x ? "✗" : "✓"} ${name}: ${p} passed, ${x} failed`);
}
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' "$OUT/faults.json" 2>/dev/null || echo "no test results (exit code $rc)"
exit $rc
