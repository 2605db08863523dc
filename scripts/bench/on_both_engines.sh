#!/usr/bin/env bash
# Runs one API benchmark script (`scripts/bench/<name>.py BASE_URL`) against a fresh release
# `concord serve --demo`, first on a new SQLite file, then on a new PostgreSQL database.
# Usage: scripts/bench/on_both_engines.sh scripts/bench/requirements.py [ARGS...]
# CONCORD_BIN and CONCORD_SITE_ROOT choose another build (a correctness check such as
# lost_writes.py needs no release build).
set -euo pipefail
script="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
args=("$@")
cd "$(dirname "$0")/../.."
bin="${CONCORD_BIN:-target/release/concord}"
site="${CONCORD_SITE_ROOT:-target/site-release}"
pg_admin="${CONCORD_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

run() {
  local engine="$1" url="$2" port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  DATABASE_URL="$url" "$bin" serve --demo --addr "127.0.0.1:$port" --site-root "$site" --log warn >"$work/server-$engine.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
  echo "== $engine"
  python3 "$script" "http://127.0.0.1:$port" ${args[@]+"${args[@]}"}
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

run sqlite "sqlite://$work/bench.db"
db="concord_bench_$$"
psql "$pg_admin" -qc "create database $db" >/dev/null
run postgres "${pg_admin%/*}/$db"
psql "$pg_admin" -qc "drop database $db" >/dev/null
