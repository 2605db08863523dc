#!/usr/bin/env bash
# Requirement numbers: 2,000 requirements of ~2 KB — list page and text search; one
# requirement with 200 revisions — history and diff. Release build, on SQLite and on PostgreSQL.
exec "$(dirname "$0")/on_both_engines.sh" "$(dirname "$0")/requirements.py"
