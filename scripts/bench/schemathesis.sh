#!/usr/bin/env bash
# Conformance of the API to its own document: schemathesis generates requests from
# docs/openapi.json (its examples, boundary values and random data) against a fresh
# `concord serve --demo`, authenticated with an admin's bearer token, and checks that no answer is
# a server error, that every status, content type and body is one the document declares.
#
# Signing in and out, tokens and the password change are left out: a generated request there
# would end the run's own authentication. Installs schemathesis (pinned, from PyPI) into
# target/schemathesis once.
#
# Usage: scripts/bench/schemathesis.sh [SECONDS]   (time budget, default 240)
# CONCORD_BIN chooses the build (default target/release/concord).
set -euo pipefail
cd "$(dirname "$0")/../.."
budget="${1:-240}"
bin="${CONCORD_BIN:-target/release/concord}"
venv=target/schemathesis
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "schemathesis==4.32.5"
fi
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
DATABASE_URL="sqlite://$work/st.db" "$bin" serve --demo --addr "127.0.0.1:$port" --log warn >"$work/server.log" 2>&1 &
pid=$!
until curl -sf "$base/healthz" >/dev/null; do sleep 0.1; done
curl -sf -c "$work/cookies" -H 'Content-Type: application/json' -d '{"username":"admin","password":"concord-demo"}' "$base/api/v1/session" >/dev/null
token=$(curl -sf -b "$work/cookies" -H "Origin: $base" -H 'Content-Type: application/json' -d '{"name":"schemathesis"}' "$base/api/v1/tokens" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
"$venv/bin/schemathesis" run docs/openapi.json --url "$base" -H "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --exclude-path-regex '^/api/v1/(session|tokens)' --exclude-path /api/v1/me/password \
  --phases examples,coverage,fuzzing --workers 2 --max-time "$budget" --no-color
