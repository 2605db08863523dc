#!/usr/bin/env bash
# Browser bundle size after wasm-opt: raw, gzip and brotli (the .gz/.br files cargo-leptos writes
# with `--precompress` and the server sends),
# and a check that server-only crates are not compiled into the wasm.
set -euo pipefail
cd "$(dirname "$0")/../.."
pkg=target/site-release/pkg
[ -d "$pkg" ] || { echo "run 'make release' first" >&2; exit 1; }
total_raw=0; total_gz=0; total_br=0
for f in "$pkg"/*.wasm "$pkg"/*.js; do
  raw=$(stat -c %s "$f"); gz=$(stat -c %s "$f.gz"); br=$(stat -c %s "$f.br")
  printf '%-50s raw %8d  gzip %8d  brotli %8d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
done
printf 'bundle (wasm + js): raw %.1f KiB, gzip %.1f KiB, brotli %.1f KiB (budget 300 KiB brotli)\n' \
  "$(echo "$total_raw/1024" | bc -l)" "$(echo "$total_gz/1024" | bc -l)" "$(echo "$total_br/1024" | bc -l)"

server_only='sqlx|argon2|utoipa|axum|tokio|pulldown|ammonia|tracing-subscriber|leptos_axum'
if cargo tree -p app --no-default-features --features hydrate --target wasm32-unknown-unknown -e normal --prefix none 2>/dev/null \
     | grep -Eo "^($server_only)[a-z_-]* " | sort -u | grep .; then
  echo "server-only crates are in the browser build (above)" >&2; exit 1
else
  echo "no server-only crates (sqlx, argon2, utoipa, axum, tokio, …) in the browser build"
fi
