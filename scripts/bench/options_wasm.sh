#!/usr/bin/env bash
# Issue 5 in Chromium (release): editing an effort in a 300-item plan on the option editor.
# Needs `make release` (the release site); installs the browser if it is missing.
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
node scripts/bench/options_wasm.mjs "http://127.0.0.1:$port"
