#!/usr/bin/env bash
# A throw-away PostgreSQL for tests and benchmarks.
#   source scripts/pg-server.sh; pg_server_start DIR   -> exports PG_ADMIN_URL, PG_PORT, PG_DIR
#   pg_server_stop
# Installs Debian's postgresql package when no server binaries exist. The server refuses to run
# as root, so as root initdb/pg_ctl run as the postgres user on a folder it owns.

pg_bin_dir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

pg_install_if_missing() {
  pg_bin_dir >/dev/null && return 0
  echo "[pg] installing postgresql from Debian's packages…"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  pg_bin_dir >/dev/null
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_server_start() {
  local base="${1:-$(mktemp -d /tmp/refi-pg.XXXXXX)}"
  pg_install_if_missing || { echo "[pg] PostgreSQL is not available" >&2; return 1; }
  local bin; bin="$(pg_bin_dir)"
  mkdir -p "$base"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$base"
  PG_DIR="$base"
  PG_PORT="${PG_PORT:-$(free_port)}"
  pg_as_owner "$bin/initdb" -D "$base/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  pg_as_owner "$bin/pg_ctl" -D "$base/data" -l "$base/log" -w -t 30 \
    -o "-p $PG_PORT -k $base -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null || { cat "$base/log" >&2; return 1; }
  PG_ADMIN_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  export PG_DIR PG_PORT PG_ADMIN_URL
  echo "[pg] PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($base)"
}

pg_server_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  local bin; bin="$(pg_bin_dir)"
  pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

pg_server_restart() {
  local bin; bin="$(pg_bin_dir)"
  pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null
  pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 30 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
}

# psql/createdb against the throw-away server
pg_psql() { "$(pg_bin_dir)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
