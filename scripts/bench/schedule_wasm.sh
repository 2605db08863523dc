#!/usr/bin/env bash
# The schedule engine in Chromium (wasm, release): re-scheduling a 1,000-item plan in the sandbox.
# Needs `make release` (the release site); installs the browser if it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench/serve_release.sh
node scripts/bench/schedule_wasm.mjs "$base_url"
