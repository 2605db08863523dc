#!/usr/bin/env bash
# Runs every measurement the foundation issue asks for, on a release build (`make bench`).
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/bench/bundle.sh
scripts/bench/startup.sh
scripts/bench/load.sh
scripts/bench/requirements.sh
scripts/bench/schedule.sh
scripts/bench/options.sh
scripts/bench/options_wasm.sh
scripts/bench/lost_writes.sh
scripts/bench/kill_recovery.sh
d=$(mktemp -d); python3 scripts/bench/login_flood_memory.py target/release/concord "sqlite://$d/flood.db"; rm -rf "$d"
