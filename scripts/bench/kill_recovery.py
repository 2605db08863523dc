#!/usr/bin/env python3
"""No acknowledged write lost when the server is killed: `concord serve --demo` is killed with
SIGKILL 20 times while 4 clients write, and started again on the same database each time.

Each round starts the server, lets 4 clients (each its own session) create requirements and save
new revisions of them as fast as they can, and kills the server (SIGKILL: no shutdown, no flush)
after a random 1 to 3 seconds. Every write answered 2xx before the kill is acknowledged. The next
start must open the database (migrations run, `/healthz` answers) and every acknowledged write must
be there: each created requirement, and each acknowledged revision with the text it saved.

Prints the rounds, the writes acknowledged and checked, and "lost: 0" when all hold; exits 1
otherwise.

Usage: kill_recovery.py BINARY DATABASE_URL [ROUNDS]   (ROUNDS defaults to 20)
"""

import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

BINARY, DATABASE_URL = sys.argv[1], sys.argv[2]
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 20
WRITERS = 4


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(port, log):
    env = dict(os.environ, DATABASE_URL=DATABASE_URL)
    process = subprocess.Popen([BINARY, "serve", "--demo", "--addr", f"127.0.0.1:{port}", "--log", "warn"],
                               env=env, stdout=log, stderr=log)
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            pass
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode} on start: the database did not open")
        time.sleep(0.1)
    raise SystemExit("the server did not answer /healthz within 30 s")


class Client:
    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        self.cookie = ""
        reply, _ = self.call("POST", "/api/v1/session", {"username": "xiaozhang", "password": "concord-demo"})
        for header, value in reply.getheaders():
            if header.lower() == "set-cookie" and "concord_session=" in value:
                self.cookie = value.split(";")[0]

    def call(self, method, path, body=None):
        headers = {"Cookie": self.cookie, "Accept": "application/json", "Origin": f"http://127.0.0.1:{self.port}"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        self.conn.request(method, path, body=data, headers=headers)
        reply = self.conn.getresponse()
        payload = reply.read()
        return reply, (json.loads(payload) if payload else None)


def write_until_killed(port, project, acknowledged, lock, n, round_no):
    """Creates requirements and revises them; records each acknowledged write."""
    try:
        client = Client(port)
        seq = 0
        while True:
            title = f"round {round_no} writer {n} requirement {seq}"
            reply, created = client.call("POST", f"/api/v1/projects/{project}/requirements", {"title": title})
            if reply.status != 201:
                raise SystemExit(f"create answered {reply.status} {created}")
            with lock:
                acknowledged.append(("created", created["id"], 1, title))
            background = f"revised by writer {n} in round {round_no}"
            reply, saved = client.call("PATCH", f"/api/v1/requirements/{created['id']}", {"version": 1, "background": background})
            if reply.status != 200:
                raise SystemExit(f"revise answered {reply.status} {saved}")
            with lock:
                acknowledged.append(("revised", created["id"], saved["version"], background))
            seq += 1
    except (OSError, http.client.HTTPException):
        return  # the server was killed mid-request: that write was never acknowledged


def main():
    port = free_port()
    acknowledged, lock = [], threading.Lock()
    with tempfile.TemporaryFile() as log:
        for round_no in range(1, ROUNDS + 1):
            server = start(port, log)
            projects = Client(port).call("GET", "/api/v1/projects")[1]
            project = next(p for p in projects if p["code"] == "PAY")["id"]
            writers = [threading.Thread(target=write_until_killed, args=(port, project, acknowledged, lock, n, round_no))
                       for n in range(WRITERS)]
            for w in writers:
                w.start()
            time.sleep(random.uniform(1.0, 3.0))
            server.send_signal(signal.SIGKILL)
            server.wait()
            for w in writers:
                w.join()
            print(f"round {round_no:2d}: killed; {len(acknowledged)} writes acknowledged so far", flush=True)

        server = start(port, log)
        checker = Client(port)
        lost = 0
        for kind, requirement, revision, text in acknowledged:
            reply, stored = checker.call("GET", f"/api/v1/requirements/{requirement}/revisions/{revision}")
            field = "title" if kind == "created" else "background"
            if reply.status != 200 or stored["content"][field] != text:
                lost += 1
                print(f"lost: {kind} {requirement} r{revision}: {reply.status} {stored}")
        server.send_signal(signal.SIGTERM)
        server.wait()
    print(f"{ROUNDS} SIGKILLs under {WRITERS} writers; the database opened after each; "
          f"{len(acknowledged)} acknowledged writes checked")
    print(f"lost: {lost}")
    sys.exit(1 if lost else 0)


if __name__ == "__main__":
    main()
