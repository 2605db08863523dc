#!/usr/bin/env bash
# Start-up: time from launching `concord serve` on an existing database to the first 200 from
# /healthz (polled every 5 ms). Five runs; prints each and the median.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=target/release/concord
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
DATABASE_URL="sqlite://$work/bench.db" "$bin" seed-demo >/dev/null
python3 - "$bin" "$work" <<'PY'
import subprocess, sys, time, urllib.request, statistics, os, socket
bin, work = sys.argv[1], sys.argv[2]
times = []
for run in range(5):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    env = dict(os.environ, DATABASE_URL=f"sqlite://{work}/bench.db")
    t0 = time.perf_counter()
    p = subprocess.Popen([bin, "serve", "--addr", f"127.0.0.1:{port}", "--site-root", "target/site-release"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).status == 200:
                break
        except Exception:
            time.sleep(0.005)
    times.append(time.perf_counter() - t0)
    p.terminate(); p.wait()
print("startup to healthy /healthz (s):", " ".join(f"{t:.3f}" for t in times), f"median {statistics.median(times):.3f} (budget 0.5)")
PY
