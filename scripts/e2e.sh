#!/usr/bin/env bash
# Runs the browser tests against `concord serve --demo` (started afresh for each test file), once on
# a new SQLite file and once on a new PostgreSQL database. Expects `cargo leptos build --split` to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CONCORD_BIN:-target/debug/concord}"
pg_admin="${CONCORD_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_server() {
  local engine="$1" url="$2" port="$3"
  DATABASE_URL="$url" "$bin" serve --demo --addr "127.0.0.1:$port" --site-root target/site >>"$work/server-$engine.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0
    sleep 0.2
  done
  cat "$work/server-$engine.log" >&2
  return 1
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# Each test file gets a freshly started server on the suite's one database (the demo is loaded
# once, by the first start). Every browser signs in from 127.0.0.1, and the per-address login
# limit (30 attempts per 15 minutes, kept in each process's memory) would otherwise be spent by
# the files before the last ones; a person's browser never signs in that often.
run_suite() {
  local engine="$1" url="$2" port status=0
  echo "-- $engine"
  for file in end2end/tests/*.test.mjs; do
    port="$(free_port)"
    start_server "$engine" "$url" "$port" || return 1
    (cd end2end && CONCORD_URL="http://127.0.0.1:$port" node --test --test-concurrency=1 "tests/$(basename "$file")") || status=$?
    stop_server
  done
  if [ "$status" != 0 ]; then
    echo "server log ($engine):" >&2
    tail -n 50 "$work/server-$engine.log" >&2
  fi
  return "$status"
}

run_suite sqlite "sqlite://$work/e2e.db"

db="concord_e2e_$(date +%s)_$$"
psql "$pg_admin" -qc "create database $db" >/dev/null
pg_url="${pg_admin%/*}/$db"
status=0
run_suite postgres "$pg_url" || status=$?
psql "$pg_admin" -qc "drop database if exists $db with (force)" >/dev/null || true
exit "$status"
