#!/usr/bin/env bash
# `concord audit verify` over 100,000 audit entries on SQLite (budget ≤ 2 s), release
# build: a demo database, 100,000 entries appended (hashed independently in Python), five timed
# runs, then one altered entry that must be named. Usage: scripts/bench/audit_verify.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${CONCORD_BIN:-target/release/concord}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
DATABASE_URL="sqlite://$work/bench.db" "$bin" --log warn seed-demo >/dev/null
python3 scripts/bench/audit_verify.py "$bin" "$work/bench.db" "${1:-100000}"
