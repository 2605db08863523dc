#!/usr/bin/env bash
# No acknowledged write lost: 8 clients x 60 s editing the same requirement, minutes and option
# plan (lost_writes.py), on SQLite and on PostgreSQL. Release build by default; for the debug one:
# CONCORD_BIN=target/debug/concord CONCORD_SITE_ROOT=target/site scripts/bench/lost_writes.sh
exec "$(dirname "$0")/on_both_engines.sh" "$(dirname "$0")/lost_writes.py" "$@"
