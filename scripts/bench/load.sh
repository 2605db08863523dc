#!/usr/bin/env bash
# Throughput with wrk on loopback (2 threads, 32 connections, 20 s) against the release build with
# demo data: the signed-in project page (SSR) and /healthz; then the server's resident memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
bin=target/release/concord
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DATABASE_URL="sqlite://$work/bench.db" "$bin" serve --demo --addr "127.0.0.1:$port" --site-root target/site-release --log warn >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
base="http://127.0.0.1:$port"
curl -sf -c "$work/jar" -H 'content-type: application/json' -d '{"username":"xiaozhang","password":"concord-demo"}' "$base/api/v1/session" >/dev/null
cookie=$(awk '$6=="concord_session"{print "concord_session="$7}' "$work/jar")
project=$(curl -sf -b "$work/jar" "$base/api/v1/projects" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/projects/$project")
echo "project page status: $status (signed in as xiaozhang)"
echo "== signed-in project page /projects/$project"
wrk -t2 -c32 -d20s --latency -H "Cookie: $cookie" "$base/projects/$project" | grep -E 'Requests/sec|Latency|99%|50%|Non-2xx|Socket errors'
echo "== /healthz"
wrk -t2 -c32 -d20s --latency "$base/healthz" | grep -E 'Requests/sec|Latency|99%|50%|Non-2xx|Socket errors'
rss_kb=$(awk '/VmRSS/{print $2}' /proc/$pid/status)
echo "resident memory after the load: $((rss_kb / 1024)) MiB (budget 80 MB)"
