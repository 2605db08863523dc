#!/usr/bin/env python3
"""Solution-option numbers, against a running `concord serve --demo` (release build).

Adds ten departments D0..D9 (capacity 10 each, as the admin) so that a 1,000-item plan fits the
calendar, proposes an option on PAY-1 with a 1,000-item work plan (3,000 dependencies within a
window of recent items, efforts 1-3 days), then times saving it — PATCH with a changed effort, so
each save validates, schedules, compares with the baseline and writes a new revision — 30 times
after 3 warm-ups (wall clock on one keep-alive connection: an upper bound of the server time).
Also times reading the option back (GET computes its impact on the spot).

Usage: options.py BASE_URL   (the server must be fresh: demo data only)
"""

import http.client
import json
import statistics
import sys
import time
import urllib.parse

BASE = sys.argv[1].rstrip("/")
HOST = urllib.parse.urlparse(BASE).netloc
conn = http.client.HTTPConnection(HOST, timeout=120)
cookie = ""


def request(method, path, body=None, expect=200):
    headers = {"Cookie": cookie, "Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
        headers["Origin"] = BASE
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    if response.status != expect:
        raise SystemExit(f"{method} {path}: {response.status} {payload[:400]!r}")
    return response, payload


def sign_in(username):
    global cookie
    cookie = ""
    response, _ = request("POST", "/api/v1/session", {"username": username, "password": "concord-demo"})
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and value.startswith("concord_session="):
            cookie = value.split(";")[0]


def work_plan(items, bump=0):
    x = 0x9E3779B9

    def rand(n):
        nonlocal x
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        return x % n

    out = []
    for i in range(items):
        after = set()
        while i > 0 and len(after) < min(3, i):
            after.add(f"w{i - 1 - rand(min(100, i))}")
        effort = 1 + rand(3) + (bump if i == 0 else 0)
        out.append({"id": f"w{i}", "name": f"Work item {i}", "department": f"D{rand(10)}", "effort": effort, "after": sorted(after)})
    return {"items": out, "milestones": [{"id": "launch", "after": [f"w{items - 1}"]}]}


def timed(label, runs, action, budget=None):
    for n in range(3):
        action(n)
    samples = []
    for n in range(runs):
        t0 = time.perf_counter()
        action(n + 3)
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    p50 = statistics.median(samples)
    p90 = samples[int(len(samples) * 0.9) - 1]
    note = f" (budget {budget} ms)" if budget else ""
    print(f"{label:<60} p50 {p50:7.1f} ms   p90 {p90:7.1f} ms{note}")


def main():
    sign_in("admin")
    for d in range(10):
        _, body = request("POST", "/api/v1/departments", {"code": f"D{d}", "name_zh": f"部门{d}", "name_en": f"Team {d}"}, expect=201)
        department_id = json.loads(body)["id"]
        conn.request("PUT", f"/api/v1/departments/{department_id}/schedule", body=json.dumps({"capacity": 10, "version": 0}).encode(),
                     headers={"Cookie": cookie, "Content-Type": "application/json", "Origin": BASE})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"setting D{d}'s capacity: {response.status}")
    sign_in("xiaozhang")
    _, body = request("GET", "/api/v1/projects")
    project = next(p for p in json.loads(body) if p["code"] == "PAY")
    _, body = request("GET", f"/api/v1/projects/{project['id']}/requirements")
    requirement = json.loads(body)["items"][0]["id"]
    plan = work_plan(1000)
    t0 = time.perf_counter()
    _, body = request("POST", f"/api/v1/requirements/{requirement}/options",
                      {"title": "1,000-item plan", "plan": plan, "covered_scenarios": ["S1"]}, expect=201)
    print(f"proposed an option with {len(plan['items'])} items and "
          f"{sum(len(i['after']) for i in plan['items'])} dependencies in {(time.perf_counter() - t0) * 1000:.1f} ms "
          f"({len(json.dumps(plan)) / 1024:.0f} KB of JSON)")
    option = json.loads(body)
    version = [option["version"]]

    def save(n):
        body = {"version": version[0], "plan": work_plan(1000, bump=1 + n % 4)}
        _, reply = request("PATCH", f"/api/v1/options/{option['id']}", body)
        version[0] = json.loads(reply)["option"]["version"]

    timed("save a 1,000-item option (PATCH, new revision)", 30, save, budget=200)
    timed("read it back with its impact (GET /options/{id})", 30, lambda n: request("GET", f"/api/v1/options/{option['id']}"))


if __name__ == "__main__":
    main()
