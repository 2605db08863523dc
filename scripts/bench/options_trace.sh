#!/usr/bin/env bash
# Diagnostic: where an effort edit's time goes in Chromium (script, style, layout, paint), from a
# performance trace of 15 edits on the 300-item option editor. Needs `make release`.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup.sh --with-browser >/dev/null
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DATABASE_URL="sqlite://$work/bench.db" target/release/concord serve --demo --addr "127.0.0.1:$port" --site-root target/site-release --log warn >"$work/server.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
node scripts/bench/options_trace.mjs "http://127.0.0.1:$port" "$work/trace.json"
python3 scripts/bench/trace_summary.py "$work/trace.json"
