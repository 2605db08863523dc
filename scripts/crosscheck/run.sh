#!/usr/bin/env bash
# Independent cross-checks of the schedule engine (see each script's docstring):
#   scripts/crosscheck/run.sh networkx [--cases N] [--seed S]   dates vs networkx longest paths (no capacity limits)
#   scripts/crosscheck/run.sh cpm [...]                          engine CPM speed vs networkx on 10,000 items
#   scripts/crosscheck/run.sh ortools [--cases N] [--seed S]    launch vs the CP-SAT optimum (with capacity)
#   scripts/crosscheck/run.sh all [--cases N] [--seed S]        the three in turn, with the same arguments
# Every script also takes --concord PATH (default target/release/concord).
# Sets up a Python venv in target/py-venv with pinned networkx and ortools (once), and builds the
# release concord binary (cargo does nothing when it is up to date).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

NETWORKX_VERSION=3.4.2
ORTOOLS_VERSION=9.15.6755
VENV=target/py-venv
PY="$VENV/bin/python"

usage() {
    echo "usage: $0 networkx|cpm|ortools|all [script arguments…]" >&2
    exit 64
}
[[ $# -ge 1 ]] || usage
what=$1
shift
case "$what" in
    networkx | cpm | ortools | all) ;;
    *) usage ;;
esac

if [[ ! -x "$PY" ]]; then
    echo "creating the Python venv in $VENV" >&2
    python3 -m venv "$VENV"
fi
installed() { # name version
    [[ "$("$PY" -m pip show "$1" 2>/dev/null | sed -n 's/^Version: //p')" == "$2" ]]
}
if ! installed networkx "$NETWORKX_VERSION" || ! installed ortools "$ORTOOLS_VERSION"; then
    "$PY" -m pip install --quiet "networkx==$NETWORKX_VERSION" "ortools==$ORTOOLS_VERSION"
fi

export PATH="$HOME/.cargo/bin:$PATH"
cargo build --release -p server --bin concord

dir=scripts/crosscheck
case "$what" in
    networkx) exec "$PY" "$dir/networkx_crosscheck.py" "$@" ;;
    cpm) exec "$PY" "$dir/cpm_vs_networkx.py" "$@" ;;
    ortools) exec "$PY" "$dir/ortools_gap.py" "$@" ;;
    all)
        "$PY" "$dir/networkx_crosscheck.py" "$@"
        "$PY" "$dir/cpm_vs_networkx.py" "$@"
        "$PY" "$dir/ortools_gap.py" "$@"
        ;;
esac
