#!/usr/bin/env bash
# SIGKILL 20 times under 4 writers, on SQLite and on PostgreSQL (kill_recovery.py): every
# acknowledged write is there afterwards and the database opens each time.
# CONCORD_BIN chooses the build (default target/release/concord).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${CONCORD_BIN:-target/release/concord}"
pg_admin="${CONCORD_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== sqlite"
python3 scripts/bench/kill_recovery.py "$bin" "sqlite://$work/kill.db" "$@"
db="concord_kill_$$"
psql "$pg_admin" -qc "create database $db" >/dev/null
echo "== postgres"
status=0
python3 scripts/bench/kill_recovery.py "$bin" "${pg_admin%/*}/$db" "$@" || status=$?
psql "$pg_admin" -qc "drop database $db with (force)" >/dev/null
exit "$status"
