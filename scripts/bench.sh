#!/usr/bin/env bash
# npm run bench — starts its own PostgreSQL (as the tests do), builds the app when needed,
# fills a large data set, measures, prints one table and writes BENCHMARKS.md. Not part of npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
source scripts/pg-server.sh
[ -x node_modules/.bin/next ] || npm install --no-audit --no-fund
[ -x /usr/bin/chromium ] || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; }
# Lighthouse, for the performance scores: a tool of the benchmark only, kept beside the project
# (gitignored) so the app's dependencies and `npm test` stay lean.
LIGHTHOUSE_VERSION=12.8.2  # the newest line that supports Node 20 (13.x wants Node 22)
if [ ! -x .bench-tools/node_modules/.bin/lighthouse ] || ! grep -q "\"version\": \"$LIGHTHOUSE_VERSION\"" .bench-tools/node_modules/lighthouse/package.json 2>/dev/null; then
  npm install --prefix .bench-tools --no-audit --no-fund --no-save "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi
trap pg_server_stop EXIT INT TERM
pg_server_start "$(mktemp -d /tmp/refi-bench.XXXXXX)"
pg_psql -d postgres -c "CREATE DATABASE refi_bench"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/refi_bench"
# The data first: the build prerenders the public pages from this database.
npx tsx --conditions=react-server scripts/bench/run.ts prepare
# A build of its own in .next-bench (the app's .next stays as it was), with the two reference
# pages (BENCH_PROBES=1, see next.config.mjs). A non-default dist dir makes `next build` rewrite
# tsconfig.json: put back the file as it was (edits not yet committed included).
export NEXT_DIST_DIR=.next-bench BENCH_PROBES=1
if [ ! -f .next-bench/BUILD_ID ] || [ -n "$(find app components lib db proxy.ts instrumentation.ts next.config.mjs -newer .next-bench/BUILD_ID -type f 2>/dev/null | head -n 1)" ]; then
  tsconfig_before="$(mktemp)"
  cp tsconfig.json "$tsconfig_before"
  build_rc=0
  npx next build || build_rc=$?
  cp "$tsconfig_before" tsconfig.json && rm -f "$tsconfig_before"
  [ "$build_rc" -eq 0 ] || exit "$build_rc"
fi

npx tsx --conditions=react-server scripts/bench/run.ts
