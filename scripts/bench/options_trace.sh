#!/usr/bin/env bash
# Diagnostic: where an effort edit's time goes in Chromium (script, style, layout, paint), from a
# performance trace of 15 edits on the 300-item option editor. Needs `make release`.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench/serve_release.sh
node scripts/bench/options_trace.mjs "$base_url" "$work/trace.json"
python3 scripts/bench/trace_summary.py "$work/trace.json"
