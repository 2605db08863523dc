#!/usr/bin/env python3
"""Schedule quality: the engine's launch against OR-tools CP-SAT's optimum on small contended plans.

What is compared
    200 random instances (`--cases`), each 30 items in 4 departments of capacity 1–2 (random),
    efforts 1–8, a random DAG (each item 0–3 predecessors among the earlier items), lags 0,
    calendar "weekdays", a Monday start, no availability or not_before dates. The engine
    (`concord plan schedule`) gives a launch date, turned into a makespan in working days (index of
    the launch date counted from the start Monday, + 1). CP-SAT solves the same resource-
    constrained project scheduling problem to optimality: one interval variable per item (in
    working-day indices, end exclusive), start_j ≥ end_i for each dependency i → j, one
    AddCumulative per department (demand 1, the department's capacity), minimise the makespan;
    10 s per instance on 2 workers. We report the mean and worst gap (engine − best) / best, how
    often the engine hits the optimum and how many optima were proven.

Why it is independent
    The CP-SAT model is built here from the plan alone; it knows nothing of the engine's priority
    rules or its schedule (no hints). Besides the gap, the engine's own schedule is checked here
    for feasibility — dependencies respected, no department over capacity on any day, every item
    exactly `effort` consecutive working days — and its makespan must never beat CP-SAT's proven
    lower bound. Either failure is an engine bug and makes the script exit 1.

Deterministic: instance k uses the seed `--seed` × 1,000,003 + k (printed for the worst one;
`--only SEED` re-runs that instance and prints its plan).
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
from pathlib import Path

from ortools.sat.python import cp_model

REPO = Path(__file__).resolve().parents[2]
START = dt.date(2025, 1, 6)  # a Monday


def date_to_index(monday: dt.date, d: dt.date) -> int:
    """Working-day index (0-based) of a weekday, counting Monday–Friday from a Monday."""
    days = (d - monday).days
    if d.weekday() >= 5 or days < 0:
        raise ValueError(f"{d} is not a working day on or after {monday}")
    return 5 * (days // 7) + days % 7


def make_instance(seed: int, n_items: int = 30, n_depts: int = 4) -> dict:
    rng = random.Random(seed)
    depts = [{"id": f"D{d}", "capacity": rng.randint(1, 2)} for d in range(n_depts)]
    items = []
    for i in range(n_items):
        preds = rng.sample(range(i), rng.randint(0, min(3, i))) if i else []
        item = {"id": f"i{i:02d}", "department": f"D{rng.randrange(n_depts)}", "effort": rng.randint(1, 8)}
        if preds:
            item["after"] = [f"i{p:02d}" for p in sorted(preds)]
        items.append(item)
    return {"start": START.isoformat(), "calendar": "weekdays", "departments": depts, "items": items}


def engine_schedule(concord: Path, plan: dict, tmp: Path) -> dict:
    f = tmp / "plan.json"
    f.write_text(json.dumps(plan))
    proc = subprocess.run([str(concord), "plan", "schedule", str(f)], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"concord failed (exit {proc.returncode}): {proc.stderr}\nplan: {json.dumps(plan)}")
    return json.loads(proc.stdout)


def check_feasible(plan: dict, out: dict) -> tuple[int, list[str]]:
    """The engine's makespan in working days, and every way its schedule breaks the plan's rules."""
    monday = dt.date.fromisoformat(plan["start"])
    errors: list[str] = []
    got = {it["id"]: it for it in out["items"]}
    start, end = {}, {}
    for it in plan["items"]:
        g = got[it["id"]]
        s = date_to_index(monday, dt.date.fromisoformat(g["start"]))
        f = date_to_index(monday, dt.date.fromisoformat(g["finish"]))
        if f - s + 1 != it["effort"]:
            errors.append(f"{it['id']}: {g['start']}..{g['finish']} is not {it['effort']} working days")
        start[it["id"]], end[it["id"]] = s, f + 1
    for it in plan["items"]:
        for p in it.get("after", []):
            if start[it["id"]] < end[p]:
                errors.append(f"{it['id']} starts before its predecessor {p} finishes")
    cap = {d["id"]: d["capacity"] for d in plan["departments"]}
    use: dict[tuple[str, int], int] = {}
    for it in plan["items"]:
        for k in range(start[it["id"]], end[it["id"]]):
            key = (it["department"], k)
            use[key] = use.get(key, 0) + 1
    for (dept, k), n in sorted(use.items()):
        if n > cap[dept]:
            errors.append(f"department {dept} runs {n} items on working day {k} (capacity {cap[dept]})")
    makespan = date_to_index(monday, dt.date.fromisoformat(out["launch"])) + 1
    if makespan != max(end.values()):
        errors.append(f"launch {out['launch']} is not the latest finish")
    return makespan, errors


def solve_cp_sat(plan: dict, time_limit: float, workers: int) -> tuple[int, int, bool]:
    """(best makespan found, proven lower bound, proven optimal) for the plan, from CP-SAT."""
    m = cp_model.CpModel()
    horizon = sum(it["effort"] for it in plan["items"])
    start, end, interval = {}, {}, {}
    for it in plan["items"]:
        i = it["id"]
        start[i] = m.NewIntVar(0, horizon, f"s_{i}")
        end[i] = m.NewIntVar(0, horizon, f"e_{i}")
        interval[i] = m.NewIntervalVar(start[i], it["effort"], end[i], f"x_{i}")
    for it in plan["items"]:
        for p in it.get("after", []):
            m.Add(start[it["id"]] >= end[p])
    for d in plan["departments"]:
        ivs = [interval[it["id"]] for it in plan["items"] if it["department"] == d["id"]]
        if ivs:
            m.AddCumulative(ivs, [1] * len(ivs), d["capacity"])
    makespan = m.NewIntVar(0, horizon, "makespan")
    m.AddMaxEquality(makespan, list(end.values()))
    m.Minimize(makespan)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = 1
    status = solver.Solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise RuntimeError(f"CP-SAT found no schedule: {solver.StatusName(status)}")
    return int(solver.ObjectiveValue()), int(solver.BestObjectiveBound()), status == cp_model.OPTIMAL


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", type=int, help="run the one instance with this seed and print its plan")
    ap.add_argument("--time-limit", type=float, default=10.0, help="CP-SAT seconds per instance")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--concord", type=Path, default=REPO / "target/release/concord", help="the concord binary")
    args = ap.parse_args()
    if not args.concord.exists():
        print(f"{args.concord} not found: build it with `cargo build --release -p server --bin concord`", file=sys.stderr)
        return 2

    seeds = [args.only] if args.only is not None else [args.seed * 1_000_003 + k for k in range(args.cases)]
    rows = []  # (seed, engine, best, bound, proven)
    bugs = []
    with tempfile.TemporaryDirectory(prefix="concord-gap-") as tmp:
        for n, seed in enumerate(seeds, 1):
            plan = make_instance(seed)
            out = engine_schedule(args.concord, plan, Path(tmp))
            engine, errors = check_feasible(plan, out)
            best, bound, proven = solve_cp_sat(plan, args.time_limit, args.workers)
            if engine < bound:
                errors.append(f"engine makespan {engine} beats CP-SAT's proven bound {bound}")
            if errors:
                bugs.append((seed, errors))
                print(f"ENGINE SCHEDULE INVALID for seed {seed}:", *errors[:5], sep="\n  ")
            rows.append((seed, engine, best, bound, proven))
            if args.only is not None:
                print(json.dumps(plan, indent=1))
            if n % 20 == 0 or n == len(seeds):
                print(f"  {n}/{len(seeds)} instances", flush=True)

    gaps = [(e - b) / b * 100 for _, e, b, _, _ in rows]
    worst = max(range(len(rows)), key=lambda k: (gaps[k], -k))
    hits = sum(e <= b for _, e, b, _, _ in rows)
    proven = sum(p for *_, p in rows)
    below_best = sum(e < b for _, e, b, _, _ in rows)  # engine beat an unproven CP-SAT incumbent
    print()
    print(f"{len(rows)} instances (30 items, 4 departments of capacity 1–2, efforts 1–8, lags 0), "
          f"CP-SAT {args.time_limit:g} s × {args.workers} workers")
    print(f"  proven optimal by CP-SAT: {proven}/{len(rows)}")
    print(f"  engine hits the optimum:  {hits}/{len(rows)}" + (f" ({below_best} beat an unproven CP-SAT incumbent)" if below_best else ""))
    print(f"  gap (engine − best) / best: mean {statistics.mean(gaps):.2f} %, median {statistics.median(gaps):.2f} %, "
          f"worst {gaps[worst]:.2f} %")
    s, e, b, lb, p = rows[worst]
    print(f"  worst instance: seed {s} — engine {e} working days, CP-SAT {b} ({'proven optimal' if p else f'bound {lb}'}); "
          f"rerun with --only {s}")
    if bugs:
        print(f"{len(bugs)} instance(s) with an invalid engine schedule; first seed {bugs[0][0]}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
