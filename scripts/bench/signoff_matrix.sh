#!/usr/bin/env bash
# The sign-off matrix of a project with 20 departments and 50 revisions (budget ≤ 30 ms
# server time), release build, SQLite. See signoff_matrix.py for the project's shape.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${CONCORD_BIN:-target/release/concord}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/bench/signoff_matrix.py "$bin" "$work"
