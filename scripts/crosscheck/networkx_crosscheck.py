#!/usr/bin/env python3
"""Cross-check the schedule engine's dates against networkx on random plans without capacity limits.

What is compared
    For N random plans (default 200) — a random DAG of 1–60 items, efforts 1–8 working days,
    finish-to-start lags 0–3, calendar "weekdays", a Monday start, 1–5 departments whose capacity
    is at least the number of items (so capacity never binds) and, in about half of the plans, a
    "launch" milestone after a random subset of the items — we run `concord plan schedule` and
    compare EVERY item's start and finish date, the plan's finish and the launch with dates
    computed here.

Why it is independent
    Without capacity limits the schedule is the critical-path (CPM) early-start schedule, i.e. a
    longest-path problem. Here it is solved by networkx's own graph algorithm, not by a re-
    implementation of the engine: in working-day index space (index 0 = the start Monday) a node
    SOURCE has an edge of weight 0 to every item, and each dependency p → i has the weight
    effort(p) + lag(p, i). The earliest start index of item i is the longest SOURCE → i path, which
    `nx.dag_longest_path_length` returns for the sub-DAG of i and its ancestors (every node there
    reaches i and all weights are ≥ 0, so the longest path of that sub-DAG ends at i). The finish
    index is start + effort − 1. Indices become dates with plain Monday–Friday arithmetic
    (index k → start + 7·(k div 5) + (k mod 5) days). The plan is written with its items shuffled
    and with ids that carry no order, so nothing leans on the file order.

Exit status 0 when every date agrees; 1 on the first plan with a mismatch (its file is kept and its
path printed, with the item); 2 when concord fails on a plan.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[2]
SOURCE = "__source__"


# --- Monday–Friday arithmetic, independent of the engine's calendar ----------------------------

def index_to_date(monday: dt.date, k: int) -> dt.date:
    """The k-th working day (0-based) counting from a Monday, weekends skipped."""
    return monday + dt.timedelta(days=7 * (k // 5) + k % 5)


def random_monday(rng: random.Random) -> dt.date:
    base = dt.date(2024, 1, 1)  # a Monday
    assert base.weekday() == 0
    return base + dt.timedelta(weeks=rng.randrange(0, 156))


# --- random plans -------------------------------------------------------------------------------

def random_plan(rng: random.Random) -> dict:
    n = rng.randint(1, 60)
    n_depts = rng.randint(1, 5)
    depts = [f"team-{chr(ord('a') + d)}" for d in range(n_depts)]
    # Ids that carry no topological order: a random permutation of labels.
    labels = [f"t{x:03d}" for x in rng.sample(range(1000), n)]
    density = rng.choice([0, 1, 2, 3, 4])  # max predecessors per item, varies the graph shape
    items = []
    for i in range(n):
        preds = rng.sample(range(i), rng.randint(0, min(density, i))) if i else []
        after = []
        for p in preds:
            lag = rng.choice([0, 0, 1, 2, 3])
            # Both spellings of a predecessor, plain id and object with lag.
            after.append(labels[p] if lag == 0 and rng.random() < 0.5 else {"id": labels[p], "lag": lag})
        item = {"id": labels[i], "department": rng.choice(depts), "effort": rng.randint(1, 8)}
        if after:
            item["after"] = after
        items.append(item)
    rng.shuffle(items)
    plan = {
        "start": random_monday(rng).isoformat(),
        "calendar": "weekdays",
        # capacity >= number of items: capacity never binds.
        "departments": [{"id": d, "capacity": n + rng.randint(0, 5)} for d in depts],
        "items": items,
    }
    if rng.random() < 0.5:
        chosen = rng.sample([it["id"] for it in items], rng.randint(1, n))
        plan["milestones"] = [{"id": "launch", "name": "上线", "after": chosen}]
    return plan


# --- the networkx side -------------------------------------------------------------------------

def pred_list(item: dict) -> list[tuple[str, int]]:
    return [(a, 0) if isinstance(a, str) else (a["id"], a.get("lag", 0)) for a in item.get("after", [])]


def networkx_dates(plan: dict) -> dict:
    """Start/finish dates of every item, the finish and the launch, from networkx longest paths."""
    items = {it["id"]: it for it in plan["items"]}
    g = nx.DiGraph()
    g.add_node(SOURCE)
    for iid in items:
        g.add_edge(SOURCE, iid, weight=0)
    for iid, it in items.items():
        for p, lag in pred_list(it):
            g.add_edge(p, iid, weight=items[p]["effort"] + lag)
    assert nx.is_directed_acyclic_graph(g)

    monday = dt.date.fromisoformat(plan["start"])
    start_k, finish_k = {}, {}
    for iid, it in items.items():
        sub = g.subgraph(nx.ancestors(g, iid) | {iid})
        start_k[iid] = nx.dag_longest_path_length(sub, weight="weight")
        finish_k[iid] = start_k[iid] + it["effort"] - 1

    launch_items = items.keys()
    for m in plan.get("milestones", []):
        if m["id"] == "launch":
            launch_items = m["after"]
    return {
        "start": {i: index_to_date(monday, k) for i, k in start_k.items()},
        "finish": {i: index_to_date(monday, k) for i, k in finish_k.items()},
        "plan_finish": index_to_date(monday, max(finish_k.values())),
        "launch": index_to_date(monday, max(finish_k[i] for i in launch_items)),
    }


# --- the engine side ---------------------------------------------------------------------------

def run_concord(concord: Path, plan_file: Path) -> dict:
    proc = subprocess.run([str(concord), "plan", "schedule", str(plan_file)], capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"concord failed (exit {proc.returncode}) on {plan_file}:\n{proc.stderr}", file=sys.stderr)
        sys.exit(2)
    return json.loads(proc.stdout)


def compare(plan: dict, out: dict, want: dict) -> list[str]:
    """Every disagreement, as readable lines (empty when all agree)."""
    problems = []
    d = dt.date.fromisoformat
    got_items = {it["id"]: it for it in out["items"]}
    if set(got_items) != set(want["finish"]):
        problems.append(f"item ids differ: engine {sorted(got_items)} vs plan {sorted(want['finish'])}")
        return problems
    for it in plan["items"]:
        iid = it["id"]
        g = got_items[iid]
        for field in ("start", "finish"):
            if d(g[field]) != want[field][iid]:
                problems.append(
                    f"item {iid!r} {field}: engine {g[field]}, networkx {want[field][iid].isoformat()} "
                    f"(effort {it['effort']}, after {it.get('after', [])})"
                )
    if d(out["finish"]) != want["plan_finish"]:
        problems.append(f"plan finish: engine {out['finish']}, networkx {want['plan_finish'].isoformat()}")
    if d(out["launch"]) != want["launch"]:
        problems.append(f"launch: engine {out['launch']}, networkx {want['launch'].isoformat()}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=200, help="number of random plans (default 200)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--concord", type=Path, default=REPO / "target/release/concord", help="the concord binary")
    ap.add_argument("--keep", type=Path, help="write every plan into this folder (kept)")
    args = ap.parse_args()
    if not args.concord.exists():
        print(f"{args.concord} not found: build it with `cargo build --release -p server --bin concord`", file=sys.stderr)
        return 2

    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="concord-nx-"))
    folder = args.keep or work
    folder.mkdir(parents=True, exist_ok=True)
    total_items = 0
    with_launch = 0
    for case in range(args.cases):
        plan = random_plan(rng)
        plan_file = folder / f"plan-{args.seed}-{case:04d}.json"
        plan_file.write_text(json.dumps(plan, ensure_ascii=False, indent=1))
        out = run_concord(args.concord, plan_file)
        problems = compare(plan, out, networkx_dates(plan))
        total_items += len(plan["items"])
        with_launch += any(m["id"] == "launch" for m in plan.get("milestones", []))
        if problems:
            kept = plan_file if args.keep else Path(tempfile.gettempdir()) / f"concord-nx-mismatch-{args.seed}-{case:04d}.json"
            if not args.keep:
                shutil.copy(plan_file, kept)
            print(f"MISMATCH in plan {case} ({len(plan['items'])} items): {kept}")
            for line in problems[:10]:
                print("  " + line)
            if len(problems) > 10:
                print(f"  … and {len(problems) - 10} more")
            shutil.rmtree(work, ignore_errors=True)
            return 1
        if not args.keep:
            plan_file.unlink()
    shutil.rmtree(work, ignore_errors=True)
    print(
        f"{args.cases} plans, {total_items:,} items ({with_launch} with a launch milestone): "
        f"all start and finish dates, plan finishes and launches agree with networkx"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
