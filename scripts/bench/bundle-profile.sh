#!/usr/bin/env bash
# Where the browser bundle's size goes: builds the release site with function names kept
# (into target/site-profile, beside the real one) and lists the main wasm's largest crates and
# functions with scripts/bench/wasm_sizes.py. The code is optimised as in a real release build
# (wasm-opt -Oz, the same split); only the name section is added, so the sizes are comparable
# with `scripts/bench/bundle.sh` (which reads the real build, without names).
# Usage: scripts/bench/bundle-profile.sh [--top N] [--crate NAME]
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PWD/end2end/node_modules/.bin:$PATH"
real_opt=$(command -v wasm-opt) || { echo "wasm-opt is missing: run scripts/setup.sh" >&2; exit 1; }
shim=$(mktemp -d)
trap 'rm -rf "$shim"' EXIT
# cargo-leptos runs wasm-opt on each split module; -g keeps their names.
printf '#!/bin/sh\nexec "%s" -g "$@"\n' "$real_opt" > "$shim/wasm-opt"
chmod +x "$shim/wasm-opt"
PATH="$shim:$PATH" LEPTOS_SITE_ROOT=target/site-profile LEPTOS_HASH_FILE_NAME=hash-profile.txt \
  cargo leptos build --release --split --wasm-debug --frontend-only >&2
pkg=target/site-profile/pkg
main=$(ls -t "$pkg"/concord*.wasm | grep -v '/split_\|__wasm_split' | head -1)
python3 scripts/bench/wasm_sizes.py "$main" "$@"
