#!/usr/bin/env bash
# Writes .gz and .br beside each file of the browser bundle, so the server sends them as they are
# (tower-http's ServeDir picks the precompressed file the browser accepts) instead of compressing
# on every request. Uses the `compress` helper in the concord binary: no external tools.
set -euo pipefail
dir="${1:-target/site/pkg}"
bin="${CONCORD_BIN:-target/release/concord}"
"$bin" precompress "$dir"
