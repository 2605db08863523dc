#!/usr/bin/env bash
# Solution-option numbers: saving an option with a 1,000-item work plan, and reading it
# back with its impact. Release build, on SQLite and on PostgreSQL.
exec "$(dirname "$0")/on_both_engines.sh" "$(dirname "$0")/options.py"
