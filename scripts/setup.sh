#!/usr/bin/env bash
# Installs everything Concord needs to build and test, and skips whatever is already in place.
#
# Nothing here downloads from outside the package registries (crates.io, Debian, npm):
# cargo-leptos would otherwise fetch wasm-bindgen and wasm-opt itself, so we put both on PATH first.
# Usage: scripts/setup.sh [--with-browser]   (the browser + end2end packages are only needed for tests)
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$PWD/end2end/node_modules/.bin:$PATH"

log() { printf '[setup] %s\n' "$*"; }

with_browser=0
[ "${1:-}" = "--with-browser" ] && with_browser=1

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 20 minutes on 2 cores, once)"
  cargo install cargo-leptos --locked --version "$CARGO_LEPTOS_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 8 minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt (binaryen) and the end-to-end tooling come from npm, pinned by package-lock.json.
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  log "installing npm packages (binaryen for wasm-opt, playwright-core for browser tests)"
  (cd end2end && npm ci --no-audit --no-fund)
fi

if [ "$with_browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  log "installing Debian's chromium"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
log "ready"
