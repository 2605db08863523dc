#!/usr/bin/env python3
"""Speed of the engine's unlimited-capacity (CPM) case against networkx, on one large plan.

What is compared
    One plan of 10,000 items and 30,000 finish-to-start dependencies (each item's predecessors
    drawn among the 400 items before it; lags mostly 0, one in ten 1–2 days), efforts 1–5,
    50 departments with capacity 100,000 (so capacity never binds), calendar "weekdays".

    (a) the engine, timed in-process by the bench binary
        (`cargo bench -p server --bench schedule -- --plan FILE --repeat 20`, median): validation
        and scheduling, JSON parsing excluded. The engine does more than the longest path — it
        also computes slack, the critical chain and the weekly load — so the comparison is, if
        anything, unfavourable to it;
    (b) networkx: `nx.dag_longest_path_length` on a DiGraph built once outside the timing (median
        of 5), and the same including graph construction; also the per-node longest path (every
        item's start, which is what the engine reports) as a DP over `nx.topological_sort`;
    (c) a plain Python dict/list DP over the items in file order (predecessors come first here),
        for reference.

Why it is independent
    The networkx graph is built here from the plan file alone: a SOURCE node with weight-0 edges to
    every item, an edge p → i of weight effort(p) + lag for each dependency and an edge i → SINK of
    weight effort(i), in working-day index space (index 0 = the start Monday). The longest path
    length is then (launch index + 1); it is turned into a date with Monday–Friday arithmetic and
    must equal the launch that `concord plan schedule` prints for the same file. Every item's
    finish from the topological-order DP is compared with the CLI's as well.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[2]
SOURCE, SINK = "__source__", "__sink__"


def index_to_date(monday: dt.date, k: int) -> dt.date:
    return monday + dt.timedelta(days=7 * (k // 5) + k % 5)


def make_plan(n_items: int, n_deps: int, window: int, n_depts: int, seed: int) -> dict:
    rng = random.Random(seed)
    want = [min(i, 3) for i in range(n_items)]
    deficit = n_deps - sum(want)
    while deficit > 0:  # the first items cannot have 3 predecessors: give the rest to later ones
        i = rng.randrange(window, n_items)
        if want[i] < window:
            want[i] += 1
            deficit -= 1
    items = []
    for i in range(n_items):
        lo = max(0, i - window)
        after = []
        for p in rng.sample(range(lo, i), want[i]):
            lag = rng.randint(1, 2) if rng.random() < 0.1 else 0
            after.append(f"w{p}" if lag == 0 else {"id": f"w{p}", "lag": lag})
        item = {"id": f"w{i}", "department": f"D{rng.randrange(n_depts)}", "effort": rng.randint(1, 5)}
        if after:
            item["after"] = after
        items.append(item)
    return {
        "start": "2025-01-06",  # a Monday
        "calendar": "weekdays",
        "departments": [{"id": f"D{d}", "capacity": 100_000} for d in range(n_depts)],
        "items": items,
    }


def preds_of(item: dict) -> list[tuple[str, int]]:
    return [(a, 0) if isinstance(a, str) else (a["id"], a.get("lag", 0)) for a in item.get("after", [])]


def build_graph(plan: dict) -> nx.DiGraph:
    effort = {it["id"]: it["effort"] for it in plan["items"]}
    g = nx.DiGraph()
    for it in plan["items"]:
        i = it["id"]
        g.add_edge(SOURCE, i, weight=0)
        g.add_edge(i, SINK, weight=it["effort"])
        for p, lag in preds_of(it):
            g.add_edge(p, i, weight=effort[p] + lag)
    return g


def nx_longest(g: nx.DiGraph) -> int:
    """Launch index + 1 (end-exclusive): networkx's longest path in the weighted DAG."""
    return nx.dag_longest_path_length(g, weight="weight")


def nx_all_starts(g: nx.DiGraph) -> dict:
    """Every node's longest SOURCE → node path, a DP over networkx's topological order."""
    dist = {}
    for v in nx.topological_sort(g):
        dist[v] = max((dist[u] + w for u, _, w in g.in_edges(v, data="weight")), default=0)
    return dist


def plain_dp(plan: dict) -> int:
    """Plain Python: items in file order (each item's predecessors come before it in this plan)."""
    finish: dict[str, int] = {}
    last = 0
    for it in plan["items"]:
        s = 0
        for a in it.get("after", ()):
            if isinstance(a, str):
                f = finish[a] + 1
            else:
                f = finish[a["id"]] + 1 + a.get("lag", 0)
            if f > s:
                s = f
        f = s + it["effort"] - 1
        finish[it["id"]] = f
        if f > last:
            last = f
    return last


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median wall time in ms over `repeat` runs, and the last result."""
    samples, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples), result


def engine_bench(plan_file: Path, repeat: int) -> dict:
    cmd = ["cargo", "bench", "-p", "server", "--bench", "schedule", "--", "--plan", str(plan_file), "--repeat", str(repeat)]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"bench failed (exit {proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        sys.exit(f"no JSON line in the bench output:\n{proc.stdout[-2000:]}")
    return json.loads(lines[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--concord", type=Path, default=REPO / "target/release/concord", help="the concord binary")
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--deps", type=int, default=30_000)
    ap.add_argument("--window", type=int, default=400, help="predecessors among the previous N items")
    ap.add_argument("--departments", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--engine-repeat", type=int, default=20)
    ap.add_argument("--nx-repeat", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="also write the plan to this file")
    ap.add_argument("--cases", type=int, help="ignored (this script times one plan); accepted for `run.sh all --cases N`")
    args = ap.parse_args()
    if not args.concord.exists():
        print(f"{args.concord} not found: build it with `cargo build --release -p server --bin concord`", file=sys.stderr)
        return 2

    plan = make_plan(args.items, args.deps, args.window, args.departments, args.seed)
    n_deps = sum(len(it.get("after", [])) for it in plan["items"])
    with tempfile.TemporaryDirectory(prefix="concord-cpm-") as tmp:
        plan_file = Path(args.keep) if args.keep else Path(tmp) / "plan.json"
        plan_file.write_text(json.dumps(plan))

        # Correctness first: the CLI's dates against networkx's.
        proc = subprocess.run([str(args.concord), "plan", "schedule", str(plan_file)], capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"concord failed (exit {proc.returncode}): {proc.stderr}", file=sys.stderr)
            return 2
        out = json.loads(proc.stdout)
        monday = dt.date.fromisoformat(plan["start"])
        g = build_graph(plan)
        nx_launch = index_to_date(monday, nx_longest(g) - 1)
        starts = nx_all_starts(g)
        effort = {it["id"]: it["effort"] for it in plan["items"]}
        bad = [
            (it["id"], it["finish"], index_to_date(monday, starts[it["id"]] + effort[it["id"]] - 1).isoformat())
            for it in out["items"]
            if it["finish"] != index_to_date(monday, starts[it["id"]] + effort[it["id"]] - 1).isoformat()
        ]
        if bad:
            print(f"MISMATCH: {len(bad)} item finishes differ, first: {bad[0]} (engine, networkx)")
        if out["launch"] != nx_launch.isoformat():
            print(f"MISMATCH: launch engine {out['launch']}, networkx {nx_launch.isoformat()}")
        plain_launch = index_to_date(monday, plain_dp(plan))
        if plain_launch != nx_launch:
            print(f"MISMATCH: plain DP launch {plain_launch}, networkx {nx_launch}")
        if bad or out["launch"] != nx_launch.isoformat() or plain_launch != nx_launch:
            print(f"plan kept at {args.keep}" if args.keep else "rerun with --keep FILE to keep the plan")
            return 1

        print(f"plan: {len(plan['items']):,} items, {n_deps:,} dependencies, {args.departments} departments "
              f"(capacity 100,000), calendar weekdays; launch {out['launch']} — engine = networkx = plain DP")
        print("timing …", flush=True)
        engine = engine_bench(plan_file, args.engine_repeat)

    t_nx, _ = timed(lambda: nx_longest(g), args.nx_repeat)
    t_nx_build, _ = timed(lambda: nx_longest(build_graph(plan)), args.nx_repeat)
    t_nx_all, _ = timed(lambda: nx_all_starts(g), args.nx_repeat)
    t_plain, _ = timed(lambda: plain_dp(plan), args.nx_repeat)

    rows = [
        (f"engine schedule (bench binary, median of {args.engine_repeat}; min {engine['min_ms']:.2f} ms)", engine["median_ms"]),
        (f"networkx dag_longest_path_length (graph prebuilt, median of {args.nx_repeat})", t_nx),
        ("networkx build DiGraph + dag_longest_path_length", t_nx_build),
        ("networkx every node: DP over nx.topological_sort", t_nx_all),
        ("plain Python dict/list DP (file order)", t_plain),
    ]
    width = max(len(r[0]) for r in rows)
    print()
    print(f"{'what':<{width}}  {'ms':>10}  {'× engine':>9}")
    for label, ms in rows:
        print(f"{label:<{width}}  {ms:>10.2f}  {ms / engine['median_ms']:>8.1f}×")
    print()
    e = engine["median_ms"]
    print(f"engine CPM {e:.2f} ms, networkx {t_nx:.0f} ms → {t_nx / e:.0f}× faster "
          f"({t_nx_build / e:.0f}× with graph construction; plain Python DP {t_plain:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
