#!/usr/bin/env bash
# Lighthouse (mobile profile: simulated slow 4G and a 4× slower CPU) on the release build with demo
# data: the sign-in page, the project list, a project page and a requirement page, signed in as the
# demo PM for the last three. Prints each page's performance score with LCP, TBT and CLS, and keeps
# the full reports in target/lighthouse/. Needs `make release`; installs Lighthouse (npm) and the
# browser if they are missing. Scores move a few points between runs: run it three times to quote.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d scripts/bench/lighthouse/node_modules/lighthouse ] || npm install --prefix scripts/bench/lighthouse --no-audit --no-fund --silent
source scripts/bench/serve_release.sh
curl -sf -c "$work/jar" -H 'content-type: application/json' -d '{"username":"xiaozhang","password":"concord-demo"}' \
  "$base_url/api/v1/session" >/dev/null
cookie=$(awk '$6=="concord_session"{print "concord_session="$7}' "$work/jar")
project=$(curl -sf -H "Cookie: $cookie" "$base_url/api/v1/projects" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
requirement=$(curl -sf -H "Cookie: $cookie" "$base_url/api/v1/projects/$project/requirements" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("items", d) if isinstance(d, dict) else d; print(d[0]["id"])')
out=target/lighthouse
mkdir -p "$out"
run() { # name, path, signed in (yes/no)
  local headers='{}'
  [ "$3" = yes ] && headers="{\"Cookie\": \"$cookie\"}"
  scripts/bench/lighthouse/node_modules/.bin/lighthouse "$base_url$2" --quiet --only-categories=performance \
    --chrome-path=/usr/bin/chromium --chrome-flags="--headless=new --no-sandbox" --extra-headers="$headers" \
    --output=json --output-path="$out/$1.json" >/dev/null 2>&1
  python3 - "$out/$1.json" "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); a = r["audits"]
print(f'{sys.argv[2]:<12} performance {round(r["categories"]["performance"]["score"] * 100):>3}   '
      f'LCP {a["largest-contentful-paint"]["numericValue"] / 1000:.1f} s   TBT {a["total-blocking-time"]["numericValue"]:.0f} ms   '
      f'CLS {a["cumulative-layout-shift"]["numericValue"]:.3f}   FCP {a["first-contentful-paint"]["numericValue"] / 1000:.1f} s')
PY
}
run sign-in /login no
run projects / yes
run project "/projects/$project" yes
run requirement "/requirements/$requirement" yes
