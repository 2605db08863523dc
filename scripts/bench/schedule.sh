#!/usr/bin/env bash
# The schedule engine natively: 10,000 items / 30,000 dependencies / 50 teams on the CN
# calendar — schedule and impact — plus the unlimited-capacity (CPM) case; then in the browser.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo bench -p server --bench schedule
scripts/bench/schedule_wasm.sh
