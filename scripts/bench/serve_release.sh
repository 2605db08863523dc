# Sourced by the browser benchmarks: installs the browser if it is missing, starts the release
# `concord serve --demo` on a fresh SQLite file and a free port, waits until it answers, and stops
# it (and removes its files) when the calling script exits. Needs `make release` first.
# Sets: work (a temporary folder the caller may use too) and base_url.
scripts/setup.sh --with-browser >/dev/null
work=$(mktemp -d)
server_pid=""
stop_release_server() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap stop_release_server EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DATABASE_URL="sqlite://$work/bench.db" target/release/concord serve --demo --addr "127.0.0.1:$port" \
  --site-root target/site-release --log warn >"$work/server.log" 2>&1 &
server_pid=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
base_url="http://127.0.0.1:$port"
