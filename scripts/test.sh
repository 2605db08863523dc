#!/usr/bin/env bash
# The one test command (`make test`, called by .ci/run): installs what is missing, builds the app
# with its browser bundle, runs unit and HTTP integration tests on SQLite and PostgreSQL, then the
# browser tests in Chromium against a real server on each engine.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/end2end/node_modules/.bin:$PATH"

scripts/setup.sh --with-browser
scripts/ensure-postgres.sh

echo "== build (server + browser bundle)"
cargo leptos build --split

echo "== unit and integration tests (SQLite and PostgreSQL)"
# One test at a time: each integration test starts its own Concord in the test process, and with
# two of them rendering pages at once a response occasionally stalled (never with one app per
# process, as in production). Serially the suite takes about 40 s.
cargo test --workspace --no-fail-fast -- --test-threads=1

echo "== browser tests (Chromium)"
scripts/e2e.sh
