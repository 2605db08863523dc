#!/usr/bin/env python3
"""The sign-off matrix of a large project (20 departments and 50 revisions, ≤ 30 ms).

Builds the project directly in a migrated SQLite database (the shape, not the workflow, is what is
measured): 20 stakeholder departments, each with a PM, an architect and a leader; 10 requirements
past draft, each with change points for all 20 departments and 5 revisions (50 requirement
revisions); each requirement's chosen option with work for all 20 departments and 5 revisions
(50 option revisions); a baseline with all 20 departments' work. Every requirement and solution
cell was signed at revision 3, and half of them again at the current revision 5 (900 signatures:
300 cells signed, 300 stale, the baseline's 20 missing). Then times GET /api/v1/projects/{id}/signoffs on a release `concord serve` (30 runs after
3 warm-ups, one keep-alive connection) and prints the median and p90.

Usage: signoff_matrix.py CONCORD_BIN WORK_DIR
"""

import hashlib
import http.client
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid

BIN, WORK = sys.argv[1], sys.argv[2]
DB = os.path.join(WORK, "matrix.db")
URL = f"sqlite://{DB}"
DEPARTMENTS, REQUIREMENTS, REVISIONS = 20, 10, 5
BUDGET_MS = 30.0
PASSWORD = "bench password 123"


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


def run(*args, stdin=None):
    subprocess.run([BIN, "--database-url", URL, "--log", "warn", *args], input=stdin, text=True, check=True, capture_output=True)


run("migrate")
run("create-user", "--username", "bench-pm", "--display-name", "Bench PM", "--department", "D00", "--department-name-zh", "部门00",
    "--department-name-en", "Department 00", "--role", "pm", stdin=PASSWORD)

db = sqlite3.connect(DB)
now = int(time.time() * 1000)
new_id = lambda: str(uuid.uuid4())
d00 = db.execute("select department_id from departments where code = 'D00'").fetchone()[0]
pm0 = db.execute("select user_id from users where username = 'bench-pm'").fetchone()[0]
departments = [(d00, "D00")]
for i in range(1, DEPARTMENTS):
    did = new_id()
    db.execute("insert into departments (department_id, code, name_zh, name_en, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
               (did, f"D{i:02}", f"部门{i:02}", f"Department {i:02}", now, now))
    departments.append((did, f"D{i:02}"))
people = {}  # (department_id, role) -> user_id
people[(d00, "pm")] = pm0
for did, code in departments:
    for role in ("pm", "architect", "leader"):
        if (did, role) in people:
            continue
        uid = new_id()
        db.execute("insert into users (user_id, username, display_name, department_id, job_role, is_admin, password_hash, created_at, updated_at)"
                   " values (?, ?, ?, ?, ?, 0, 'x', ?, ?)", (uid, f"{code.lower()}-{role}", f"{code} {role}", did, role, now, now))
        people[(did, role)] = uid
project = new_id()
db.execute("insert into projects (project_id, name, goal, lead_department_id, kickoff_on, target_launch_on, visibility, created_by, created_at, updated_at, code)"
           " values (?, 'Matrix bench', 'Twenty departments', ?, '2026-03-02', '2026-12-31', 'internal', ?, ?, ?, 'MB')", (project, d00, pm0, now, now))
for did, _ in departments:
    db.execute("insert into project_stakeholders (project_id, department_id, stakeholder_role, identified_at, identified_by) values (?, ?, ?, ?, ?)",
               (project, did, "lead" if did == d00 else "collaborator", now, pm0))

signatures = []  # (kind, subject_id, subject_ref, revision, fingerprint, signer, capacity, role, department)


def sign_all(kind, subject_id, subject_ref, revision, fp, capacities, when):
    for did, _ in departments:
        for capacity, role in capacities:
            signatures.append((kind, subject_id, subject_ref, revision, fp, people[(did, role)], capacity, role, did, when))


for r in range(1, REQUIREMENTS + 1):
    rid, oid = new_id(), new_id()
    db.execute("insert into requirements (requirement_id, project_id, number, req_key, title, status, priority, owner_id, current_revision, search_text, created_by, created_at, updated_at)"
               " values (?, ?, ?, ?, ?, 'in_development', 'high', ?, ?, '', ?, ?, ?)", (rid, project, r, f"MB-{r}", f"Requirement {r}", pm0, REVISIONS, pm0, now, now))
    db.execute("insert into solution_options (option_id, requirement_id, project_id, title, status, current_revision, launch_on, created_by, created_at, updated_at)"
               " values (?, ?, ?, ?, 'chosen', ?, '2026-06-30', ?, ?, ?)", (oid, rid, project, f"Option {r}", REVISIONS, pm0, now, now))
    for v in range(1, REVISIONS + 1):
        content = {
            "title": f"Requirement {r}", "background": "背景 background " * 40, "goal": f"Goal {v}", "priority": "high", "owner_id": pm0,
            "scenarios": [{"id": f"S{i}", "name": f"Scenario {i}", "given": "g", "when": "w", "then": f"t{v}", "notes": ""} for i in range(1, 4)],
            "change_points": [{"id": f"C{i + 1}", "department_id": did, "text": f"Change {i} in revision {v}"} for i, (did, _) in enumerate(departments)],
        }
        db.execute("insert into requirement_revisions (requirement_id, revision, content, summary, status, is_late, author_id, created_at) values (?, ?, ?, ?, 'in_development', 0, ?, ?)",
                   (rid, v, json.dumps(content, ensure_ascii=False), f"r{v}", pm0, now + v))
        plan = {"items": [{"id": f"{code.lower()}-{v}", "department": code, "effort": 3 + v} for _, code in departments], "milestones": []}
        option = {"title": f"Option {r}", "description": f"Revision {v}", "covered_scenarios": ["S1", "S2", "S3"], "plan": plan}
        db.execute("insert into solution_revisions (option_id, revision, content, summary, launch_on, author_id, created_at) values (?, ?, ?, ?, '2026-06-30', ?, ?)",
                   (oid, v, json.dumps(option, ensure_ascii=False), f"r{v}", pm0, now + v))
        if v in (3, REVISIONS):
            req_fp = sha(canonical({"kind": "requirement", "requirement_id": rid, "revision": v, "content": content}))
            sol_fp = sha(canonical({"kind": "solution", "requirement_id": rid, "option_id": oid, "revision": v, "content": option}))
            if v == 3 or r % 2 == 0:  # half the subjects re-signed at the current revision
                sign_all("requirement", rid, rid, v, req_fp, [("pm", "pm")], now + v * 1000)
                sign_all("solution", rid, oid, v, sol_fp, [("pm", "pm"), ("technical", "architect")], now + v * 1000)
    if r == 1:
        first_option = oid
baseline_plan = {"start": "2026-03-02", "items": [{"id": f"{code.lower()}", "department": code, "effort": 5} for _, code in departments]}
request = new_id()
db.execute("insert into baselines (baseline_id, project_id, number, option_id, revision, plan, launch_on, request_id, created_at) values (?, ?, 1, ?, ?, ?, '2026-06-30', ?, ?)",
           (new_id(), project, first_option, REVISIONS, json.dumps(baseline_plan), request, now))
for s in signatures:
    db.execute("insert into signoffs (signoff_id, project_id, subject_kind, subject_id, subject_ref, revision, fingerprint, signer_id, capacity, signer_role,"
               " signer_department_id, meaning_key, meaning_text, signed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'k', 't', ?)",
               (new_id(), project, *s))
db.commit()
db.close()
print(f"project: {DEPARTMENTS} departments, {REQUIREMENTS * REVISIONS} requirement revisions, {REQUIREMENTS * REVISIONS} option revisions, "
      f"{len(signatures):,} signatures")

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([BIN, "--database-url", URL, "--log", "warn", "serve", "--addr", f"127.0.0.1:{port}", "--site-root", "target/site"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    conn = None
    for _ in range(100):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", "/healthz")
            conn.getresponse().read()
            break
        except OSError:
            time.sleep(0.1)
    conn.request("POST", "/api/v1/session", body=json.dumps({"username": "bench-pm", "password": PASSWORD}),
                 headers={"Content-Type": "application/json", "Origin": f"http://127.0.0.1:{port}"})
    response = conn.getresponse()
    response.read()
    cookie = next(v.split(";")[0] for k, v in response.getheaders() if k.lower() == "set-cookie" and v.startswith("concord_session="))
    path = f"/api/v1/projects/{project}/signoffs"
    times = []
    for i in range(33):
        started = time.perf_counter()
        conn.request("GET", path, headers={"Cookie": cookie})
        response = conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise SystemExit(f"GET {path}: {response.status} {body[:300]!r}")
        if i >= 3:
            times.append(elapsed)
    matrix = json.loads(body)
    median, p90 = statistics.median(times), sorted(times)[int(len(times) * 0.9) - 1]
    print(f"matrix: {len(matrix['subjects'])} subjects, {len(matrix['signers'])} signers, {len(matrix['cells'])} cells "
          f"({matrix['signed']} signed, {matrix['stale']} stale, {matrix['missing']} missing), {len(body) // 1024} KiB")
    print(f"GET {path.replace(project, '{id}')}: median {median:.1f} ms, p90 {p90:.1f} ms  (budget ≤ {BUDGET_MS} ms)  "
          f"{'OK' if p90 <= BUDGET_MS else 'OVER BUDGET'}")
finally:
    server.terminate()
    server.wait()
