#!/usr/bin/env bash
# Browser bundle size after wasm-opt: raw, gzip and brotli (the .gz/.br files cargo-leptos writes
# with `--precompress` and the server sends),
# and a check that server-only crates are not compiled into the wasm.
set -euo pipefail
cd "$(dirname "$0")/../.."
pkg=target/site-release/pkg
[ -d "$pkg" ] || { echo "run 'make release' first" >&2; exit 1; }
# The release build is split (`--split`): the main wasm and its JS load on every page; each lazy
# page's code (requirements, administration, account, forms) is fetched when that page is opened.
hash_of() { awk -v k="$1:" '$1==k{print $2}' target/release/hash.txt; }
main_wasm="$pkg/concord.$(hash_of wasm).wasm"; main_js="$pkg/concord.$(hash_of js).js"
split_js="$pkg/__wasm_split.$(hash_of split).js"
sizes() { local raw=0 gz=0 br=0; for f in "$@"; do [ -f "$f" ] || continue
  raw=$((raw + $(stat -c %s "$f"))); gz=$((gz + $(stat -c %s "$f.gz"))); br=$((br + $(stat -c %s "$f.br"))); done
  printf 'raw %.1f KiB, gzip %.1f KiB, brotli %.1f KiB' "$(echo "$raw/1024" | bc -l)" "$(echo "$gz/1024" | bc -l)" "$(echo "$br/1024" | bc -l)"; }
for f in "$main_wasm" "$main_js" "$split_js"; do
  [ -f "$f" ] && printf '%-60s raw %8d  gzip %8d  brotli %8d\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(stat -c %s "$f.gz")" "$(stat -c %s "$f.br")"
done
echo "loaded on every page (main wasm + js + split loader): $(sizes "$main_wasm" "$main_js" "$split_js") (budget 300 KiB brotli)"
# This build's lazy files, as its split manifest lists them (older builds' files stay in pkg/).
manifest="$pkg/__wasm_split_manifest.$(hash_of manifest).json"
lazy=$(python3 -c 'import json,sys; print("\n".join(sorted({f for fs in json.load(open(sys.argv[1])).values() for f in fs})))' "$manifest" \
  | sed "s|^|$pkg/|; s|$|.wasm|")
echo "lazy pages' code, all of it together: $(sizes $lazy) in $(echo "$lazy" | grep -c . ) files"
for route in $(echo "$lazy" | grep '/split___'); do
  [ -f "$route" ] && printf '  %-40s brotli %6d\n' "$(basename "$route" | sed -E 's/split___(.*)_route_view_.*/\1/')" "$(stat -c %s "$route.br")"
done

server_only='sqlx|argon2|utoipa|axum|tokio|pulldown|ammonia|tracing-subscriber|leptos_axum'
if cargo tree -p app --no-default-features --features hydrate --target wasm32-unknown-unknown -e normal --prefix none 2>/dev/null \
     | grep -Eo "^($server_only)[a-z_-]* " | sort -u | grep .; then
  echo "server-only crates are in the browser build (above)" >&2; exit 1
else
  echo "no server-only crates (sqlx, argon2, utoipa, axum, tokio, …) in the browser build"
fi
