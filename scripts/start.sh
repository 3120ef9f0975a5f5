#!/usr/bin/env bash
# npm start — from a fresh clone with only Node 20 and npm: installs dependencies when missing,
# migrates and seeds the embedded database (demo accounts included), builds when sources changed,
# starts the local Stripe stand-in when no real Stripe key is set, and serves on
# http://localhost:${PORT:-3000}. A second start reuses everything and keeps the data.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export DATA_DIR="${DATA_DIR:-.data}"
export PORT="${PORT:-3000}"
export APP_URL="${APP_URL:-http://localhost:$PORT}"
mkdir -p "$DATA_DIR"

if [ ! -x node_modules/.bin/next ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "▸ installing dependencies (npm install)…"
  npm install --no-audit --no-fund
fi

# Secrets for this machine only: generated once and kept in the data folder. In a real
# deployment set AUTH_SECRET and LOAN_NUMBER_KEY in the environment (see .env.example).
local_secret() { # file, node expression making the value
  [ -s "$DATA_DIR/$1" ] || node -e "require('fs').writeFileSync(process.argv[1], $2 + '\n', { mode: 0o600 })" "$DATA_DIR/$1"
  tr -d '\n' < "$DATA_DIR/$1"
}
export AUTH_SECRET="${AUTH_SECRET:-$(local_secret auth-secret "require('crypto').randomBytes(32).toString('base64url')")}"
export LOAN_NUMBER_KEY="${LOAN_NUMBER_KEY:-$(local_secret loan-number-key "require('crypto').randomBytes(32).toString('hex')")}"
export DEMO_SEED="${DEMO_SEED:-true}"
export WORKER_IN_PROCESS="${WORKER_IN_PROCESS:-true}"

echo "▸ database: ${DATABASE_URL:+PostgreSQL}${DATABASE_URL:-embedded PGlite in $DATA_DIR/pglite}"
npm run -s db:migrate | grep -vE '^\s+\S+\s+\S+ -> \S+$' || exit 1
npm run -s db:seed

fresh_build() {
  [ -f .next/BUILD_ID ] || return 1
  [ -z "$(find app components lib db public proxy.ts next.config.mjs postcss.config.mjs tsconfig.json package-lock.json \
      -newer .next/BUILD_ID -type f -not -name '*.test.ts' 2>/dev/null | head -n 1)" ]
}
if fresh_build; then
  echo "▸ build is up to date"
else
  echo "▸ building (next build)…"
  npx next build
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

if [ -z "${STRIPE_SECRET_KEY:-}" ]; then
  # No Stripe account: the local stand-in plays Stripe (test mode, no real charges).
  export STRIPE_STANDIN_PORT="${STRIPE_STANDIN_PORT:-12111}"
  export STRIPE_SECRET_KEY="sk_test_local_standin"
  export STRIPE_API_URL="http://127.0.0.1:$STRIPE_STANDIN_PORT"
  export STRIPE_WEBHOOK_SECRET="${STRIPE_WEBHOOK_SECRET:-whsec_$(local_secret stripe-standin-secret "require('crypto').randomBytes(24).toString('hex')")}"
  # With demo data, the stand-in also holds the demo "paid" account's subscription.
  STRIPE_STANDIN_DEMO="$DEMO_SEED" STRIPE_WEBHOOK_URL="http://127.0.0.1:$PORT/api/stripe/webhook" STRIPE_STANDIN_STATE="$DATA_DIR/stripe-standin.json" \
    npx tsx lib/billing/standin/cli.ts serve &
  pids+=($!)
fi

echo "▸ Refi Alert on $APP_URL"
# Garbage collection sized for a web server (the benchmark, `npm run bench`, measures both):
# - an old-space cap, without which V8 lets garbage pile up under load (RSS ~430 MB at 50
#   signed-in connections, against ~260 MB with it, at the same throughput);
# - a larger young generation (32 MB semi-spaces): most of a request's allocations die young, and
#   fewer scavenges gave the dashboard ~10 % more throughput and a lower tail (3 interleaved
#   runs each), for ~35 MB more RSS.
# Override with NODE_OPTIONS.
NODE_OPTIONS="${NODE_OPTIONS:---max-old-space-size=224 --max-semi-space-size=32}" npx next start -p "$PORT" &
pids+=($!)
wait "${pids[-1]}"
