#!/usr/bin/env python3
"""`concord audit verify` over a large audit log on SQLite (100,000 entries in ≤ 2 s).

Appends N entries to the audit chain of a demo database, hashing them here in Python with the
same canonical JSON (sorted keys, no spaces, UTF-8) and SHA-256 as Concord — so the run also checks
that an independent implementation produces a chain Concord accepts. Then runs the release binary's
`concord audit verify` 5 times and prints the median and the worst wall time, alters one entry in
the middle and checks that the command exits non-zero naming exactly that entry.

Usage: audit_verify.py CONCORD_BIN SQLITE_FILE [N]
"""

import hashlib
import json
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid

BIN, DB = sys.argv[1], sys.argv[2]
N = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
BUDGET_S = 2.0


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(row, payload):
    envelope = {k: row[k] for k in ("seq", "project_id", "created_at", "actor_id", "action", "subject_kind", "subject_id", "prev_hash")}
    envelope["payload"] = payload
    return hashlib.sha256(canonical(envelope).encode()).hexdigest()


def fill():
    db = sqlite3.connect(DB)
    seq, prev = db.execute("select seq, hash from audit_head where head_id = 1").fetchone()
    actors = [r[0] for r in db.execute("select user_id from users order by username")]
    project = db.execute("select project_id from projects limit 1").fetchone()[0]
    now = int(time.time() * 1000)
    rows = []
    for i in range(N):
        seq += 1
        signoff = str(uuid.uuid4())
        payload = {
            "signoff_id": signoff, "kind": "solution", "subject_id": str(uuid.uuid4()), "subject_ref": str(uuid.uuid4()),
            "label": "PAY-1 · A 查询 B 的审批状态接口 A queries B's approval-status API", "revision": i % 50 + 1,
            "fingerprint": hashlib.sha256(str(i).encode()).hexdigest(), "signer_id": actors[i % len(actors)],
            "capacity": "pm", "signer_role": "pm", "signer_department_id": str(uuid.uuid4()),
            "meaning_key": "signoff.meaning.solution.v1",
            "meaning_text": "我同意以此方案修订版本作为本部门实施的依据，并确认其中本部门的工作内容。",
        }
        row = {
            "seq": seq, "project_id": project, "created_at": now + i, "actor_id": actors[i % len(actors)],
            "action": "sign_off_signed", "subject_kind": "signoff", "subject_id": signoff, "prev_hash": prev,
        }
        row["hash"] = entry_hash(row, payload)
        prev = row["hash"]
        rows.append((row["seq"], row["project_id"], row["created_at"], row["actor_id"], row["action"], row["subject_kind"],
                     row["subject_id"], canonical(payload), row["prev_hash"], row["hash"]))
    db.executemany("insert into audit_log (seq, project_id, created_at, actor_id, action, subject_kind, subject_id, payload, prev_hash, hash)"
                   " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute("update audit_head set seq = ?, hash = ? where head_id = 1", (seq, prev))
    db.commit()
    total = db.execute("select count(*) from audit_log").fetchone()[0]
    db.close()
    return total, seq


def verify():
    started = time.perf_counter()
    done = subprocess.run([BIN, "--database-url", f"sqlite://{DB}", "--log", "warn", "audit", "verify"], capture_output=True, text=True)
    return time.perf_counter() - started, done


total, last = fill()
print(f"audit log: {total} entries (the demo's and {N:,} appended by Python)")
times = []
for _ in range(5):
    elapsed, done = verify()
    if done.returncode != 0:
        raise SystemExit(f"verify failed: {done.stdout}{done.stderr}")
    times.append(elapsed)
print(done.stdout.strip())
median, worst = statistics.median(times), max(times)
print(f"concord audit verify ({total:,} entries, SQLite): median {median:.2f} s, worst {worst:.2f} s  (budget ≤ {BUDGET_S} s)  "
      f"{'OK' if worst <= BUDGET_S else 'OVER BUDGET'}")

target = last - N // 2
db = sqlite3.connect(DB)
db.execute("update audit_log set payload = replace(payload, '\"revision\":', '\"revision\":9') where seq = ?", (target,))
db.commit()
db.close()
elapsed, done = verify()
message = (done.stdout + done.stderr).strip()
assert done.returncode != 0, "an altered entry must fail verification"
assert f"entry {target} " in message, message
print(f"altered entry {target}: exit {done.returncode} in {elapsed:.2f} s: {message}")
