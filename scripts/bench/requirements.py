#!/usr/bin/env python3
"""Requirement numbers, against a running `concord serve --demo` (release build).

Loads 2,000 requirements of about 2 KB each into the demo project through the REST API, and one
requirement with 200 revisions; then times (wall clock, sequential requests on one keep-alive
connection, 30 runs each after 3 warm-ups) and prints the median and p90 of:

  - the list page rendered on the server (first page, 50 rows): GET /projects/{id}/requirements
  - text search through the API: English word, Chinese word, two words
  - the search page rendered on the server
  - history (GET …/revisions) and the diff of revision 1 vs 200 (API and the diff page)

Usage: requirements.py BASE_URL   (the server must be fresh: demo data only)
"""

import http.client
import json
import random
import statistics
import sys
import time
import urllib.parse

BASE = sys.argv[1].rstrip("/")
HOST = urllib.parse.urlparse(BASE).netloc
conn = http.client.HTTPConnection(HOST, timeout=60)
cookie = ""


def request(method, path, body=None, expect=200):
    headers = {"Cookie": cookie, "Accept": "application/json, text/html"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
        headers["Origin"] = BASE
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    if response.status != expect:
        raise SystemExit(f"{method} {path}: {response.status} {payload[:300]!r}")
    return response, payload


def sign_in():
    global cookie
    response, _ = request("POST", "/api/v1/session", {"username": "xiaozhang", "password": "concord-demo"})
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and value.startswith("concord_session="):
            cookie = value.split(";")[0]


EN = ("order payment approval status query message listener customer manager bill charge refund invoice "
      "settlement ledger account budget audit retry timeout batch nightly export report dashboard").split()
ZH = "订单 付款 审批 状态 查询 消息 监听 客户 管理层 账单 扣款 退款 发票 结算 台账 预算 审计 重试 超时 批量 报表".split()


def paragraph(rng, words):
    out = []
    for _ in range(words):
        out.append(rng.choice(EN) if rng.random() < 0.6 else rng.choice(ZH))
    return " ".join(out)


def requirement_body(rng, n, departments):
    # ~2 KB: background ~1.3 KB, goal, three scenarios, two change points.
    background = "## Customer view\n\n" + paragraph(rng, 110) + "\n\n## PM view\n\n" + paragraph(rng, 60)
    if n % 100 == 0:
        background += " reconciliation 对账"  # 1 % of the requirements carry the rare words searched for
    return {
        "title": f"Requirement {n}: " + paragraph(rng, 5),
        "background": background,
        "goal": paragraph(rng, 20),
        "priority": rng.choice(["critical", "high", "medium", "low"]),
        "scenarios": [{"name": paragraph(rng, 4), "given": paragraph(rng, 8), "when": paragraph(rng, 6), "then": paragraph(rng, 8)} for _ in range(3)],
        "change_points": [{"department_id": rng.choice(departments), "text": paragraph(rng, 8)} for _ in range(2)],
    }


def timed(label, path, runs=30, budget=None):
    for _ in range(3):
        request("GET", path)
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        request("GET", path)
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    p50 = statistics.median(samples)
    p90 = samples[int(len(samples) * 0.9) - 1]
    note = f" (budget {budget} ms)" if budget else ""
    print(f"{label:<52} p50 {p50:7.1f} ms   p90 {p90:7.1f} ms{note}")


def main():
    sign_in()
    _, body = request("GET", "/api/v1/projects")
    project = next(p for p in json.loads(body) if p["code"] == "PAY")
    pid = project["id"]
    _, body = request("GET", f"/api/v1/projects/{pid}/stakeholders")
    departments = [s["department_id"] for s in json.loads(body)]
    rng = random.Random(7)
    t0 = time.perf_counter()
    sizes = []
    for n in range(1, 2001):
        payload = requirement_body(rng, n, departments)
        sizes.append(len(json.dumps(payload, ensure_ascii=False).encode()))
        request("POST", f"/api/v1/projects/{pid}/requirements", payload, expect=201)
    print(f"loaded 2000 requirements (mean {statistics.mean(sizes) / 1024:.1f} KB of JSON each) in {time.perf_counter() - t0:.1f} s")

    # One requirement with 200 revisions: each edit rewrites a paragraph and a scenario.
    _, body = request("POST", f"/api/v1/projects/{pid}/requirements", requirement_body(rng, 5000, departments), expect=201)
    rid = json.loads(body)["id"]
    for version in range(1, 200):
        patch = {"version": version, "background": paragraph(rng, 170), "scenarios": [{"name": paragraph(rng, 4), "then": paragraph(rng, 8)}]}
        request("PATCH", f"/api/v1/requirements/{rid}", patch)
    _, body = request("GET", f"/api/v1/requirements/{rid}/revisions")
    assert len(json.loads(body)) == 200

    q = urllib.parse.quote
    timed("list page, server-rendered (50 of 2001 rows)", f"/projects/{pid}/requirements", budget=20)
    timed("list API (50 rows)", f"/api/v1/projects/{pid}/requirements")
    timed("search API: 'reconciliation'", f"/api/v1/projects/{pid}/requirements?q=reconciliation", budget=50)
    timed("search API: '对账'", f"/api/v1/projects/{pid}/requirements?q={q('对账')}", budget=50)
    timed("search API: 'refund 审批' (common words)", f"/api/v1/projects/{pid}/requirements?q={q('refund 审批')}", budget=50)
    timed("search page, server-rendered: 'reconciliation'", f"/projects/{pid}/requirements?q=reconciliation", budget=50)
    timed("history API (200 revisions)", f"/api/v1/requirements/{rid}/revisions", budget=50)
    timed("requirement page with its history, server-rendered", f"/requirements/{rid}", budget=50)
    timed("diff API, revision 1 vs 200", f"/api/v1/requirements/{rid}/diff?from=1&to=200", budget=50)
    timed("diff page, server-rendered, 1 vs 200", f"/requirements/{rid}/diff?from=1&to=200", budget=50)


if __name__ == "__main__":
    main()
