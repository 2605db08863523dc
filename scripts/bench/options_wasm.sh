#!/usr/bin/env bash
# In Chromium (release): editing an effort in a 300-item plan on the option editor.
# Needs `make release` (the release site); installs the browser if it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench/serve_release.sh
node scripts/bench/options_wasm.mjs "$base_url"
