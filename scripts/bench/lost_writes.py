#!/usr/bin/env python3
"""No acknowledged write is lost: clients editing the same records at once, against a running
`concord serve --demo`.

Eight clients (each its own session) spend 60 seconds saving, as fast as they can and in turn, the
same requirement (a new revision), the same agenda item's minutes (a running meeting) and the same
option's plan (a new revision). Each save names the version its client last read; a 409 makes the
client read again. Every save answered 200 is an acknowledged write, with the version it says it
made and a marker only it wrote. Each must have made exactly the version after the one its
client read (else it saved over a change its writer never saw). Afterwards:

  - requirement and option: the stored revision with each acknowledged number holds that write's
    marker (nobody else's, not missing);
  - minutes (no history is kept): no two acknowledged writes claim the same version, the item's
    version moved exactly once per acknowledged write, and its text is the last one's marker.

Prints the counts per record and "lost: 0" when all hold; exits 1 otherwise.

Usage: lost_writes.py BASE_URL [CLIENTS] [SECONDS]   (defaults 8 and 60)
"""

import http.client
import json
import sys
import threading
import time
import urllib.parse

BASE = sys.argv[1].rstrip("/")
CLIENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 8
SECONDS = float(sys.argv[3]) if len(sys.argv) > 3 else 60.0
HOST = urllib.parse.urlparse(BASE).netloc


class Client:
    """One browser: a keep-alive connection and a session of its own."""

    def __init__(self, username="xiaozhang"):
        self.conn = http.client.HTTPConnection(HOST, timeout=60)
        self.cookie = ""
        reply, _ = self.call("POST", "/api/v1/session", {"username": username, "password": "concord-demo"})
        for header, value in reply.getheaders():
            if header.lower() == "set-cookie" and "concord_session=" in value:
                self.cookie = value.split(";")[0]

    def call(self, method, path, body=None):
        headers = {"Cookie": self.cookie, "Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
            headers["Origin"] = BASE
        self.conn.request(method, path, body=data, headers=headers)
        reply = self.conn.getresponse()
        payload = reply.read()
        return reply, (json.loads(payload) if payload else None)

    def ok(self, method, path, body=None, expect=(200, 201)):
        reply, payload = self.call(method, path, body)
        if reply.status not in expect:
            raise SystemExit(f"{method} {path}: {reply.status} {payload}")
        return payload


def plan(marker):
    return {
        "items": [{"id": "w", "name": f"Work {marker}", "department": "A", "effort": 2}],
        "milestones": [{"id": "launch", "after": ["w"]}],
    }


def set_up():
    admin = Client()
    projects = admin.ok("GET", "/api/v1/projects")
    project = next(p for p in projects if p["code"] == "PAY")["id"]
    requirement = admin.ok("POST", f"/api/v1/projects/{project}/requirements", {"title": "Edited by many at once"})["id"]
    option = admin.ok("POST", f"/api/v1/requirements/{requirement}/options",
                      {"title": "Edited by many", "description": "", "covered_scenarios": [], "plan": plan("start"),
                       "summary": "start"})["id"]
    meeting = admin.ok("POST", f"/api/v1/projects/{project}/meetings", {
        "title": "Minutes by many", "kind": "requirement_review", "time_zone": "Asia/Shanghai",
        "start": "2026-12-01T10:00", "end": "2026-12-01T11:00", "place": "Room 3", "invitee_ids": [],
        "agenda": [{"title": "One item"}],
    })
    meeting_id, item = meeting["meeting"]["id"], meeting["agenda"][0]["id"]
    admin.ok("POST", f"/api/v1/meetings/{meeting_id}/status", {"status": "in_progress"})
    return requirement, option, meeting_id, item


def edit(client, target, ids, marker):
    """One save of `target` from the version just read: (that version, the acknowledged one or None)."""
    requirement, option, meeting, item = ids
    if target == "requirement":
        version = client.ok("GET", f"/api/v1/requirements/{requirement}")["version"]
        reply, payload = client.call("PATCH", f"/api/v1/requirements/{requirement}",
                                     {"version": version, "background": marker, "summary": "load"})
        return version, (payload["version"] if reply.status == 200 else check_refusal(reply, payload))
    if target == "option":
        version = client.ok("GET", f"/api/v1/options/{option}")["version"]
        reply, payload = client.call("PATCH", f"/api/v1/options/{option}", {"version": version, "plan": plan(marker), "summary": "load"})
        return version, (payload["option"]["version"] if reply.status == 200 else check_refusal(reply, payload))
    version = client.ok("GET", f"/api/v1/meetings/{meeting}")["agenda"][0]["version"]
    reply, payload = client.call("PUT", f"/api/v1/agenda-items/{item}/minutes", {"minutes": marker, "version": version})
    return version, (payload["agenda"][0]["version"] if reply.status == 200 else check_refusal(reply, payload))


def check_refusal(reply, payload):
    if reply.status != 409:
        raise SystemExit(f"a save answered {reply.status} {payload}")
    return None


def main():
    ids = set_up()
    targets = ["requirement", "minutes", "option"]
    acknowledged = {t: [] for t in targets}
    refused = {t: 0 for t in targets}
    skipped = {t: 0 for t in targets}
    lock = threading.Lock()
    deadline = time.monotonic() + SECONDS

    def work(n):
        client = Client()
        turn = 0
        while time.monotonic() < deadline:
            target = targets[(n + turn) % len(targets)]
            marker = f"client {n} save {turn}"
            base, version = edit(client, target, ids, marker)
            with lock:
                if version is None:
                    refused[target] += 1
                else:
                    acknowledged[target].append((version, marker))
                    if version != base + 1:
                        # Saved over a version its writer never read: whatever came between is lost.
                        skipped[target] += 1
            turn += 1

    threads = [threading.Thread(target=work, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    checker = Client()
    requirement, option, meeting, item = ids
    lost = dict(skipped)
    for version, marker in acknowledged["requirement"]:
        stored = checker.ok("GET", f"/api/v1/requirements/{requirement}/revisions/{version}")
        if stored["content"]["background"] != marker:
            lost["requirement"] += 1
    for version, marker in acknowledged["option"]:
        stored = checker.ok("GET", f"/api/v1/options/{option}/revisions/{version}")
        if stored["plan"]["items"][0]["name"] != f"Work {marker}":
            lost["option"] += 1
    minutes = acknowledged["minutes"]
    versions = [v for v, _ in minutes]
    lost["minutes"] += len(versions) - len(set(versions))
    final = checker.ok("GET", f"/api/v1/meetings/{meeting}")["agenda"][0]
    lost["minutes"] += abs(final["version"] - (1 + len(minutes)))
    if minutes and final["minutes"] != max(minutes)[1]:
        lost["minutes"] += 1

    print(f"{CLIENTS} clients x {SECONDS:.0f} s, one record of each kind edited by all of them")
    for t in targets:
        print(f"  {t:<12} acknowledged {len(acknowledged[t]):5d}   refused as stale (409) {refused[t]:5d}   lost {lost[t]}")
    total = sum(lost.values())
    print(f"lost: {total}")
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
