#!/usr/bin/env python3
"""Memory under a sign-in flood: 10,000 sign-in attempts with 1 MB usernames from 1,000 addresses
against `concord serve --demo`, then the server's resident memory.

The server is started here with `--client-address-header x-forwarded-for`, so each attempt can
come from one of 1,000 addresses (as behind a proxy). Eight connections send the attempts; every
one must be refused (413: a sign-in body is at most 16 KiB; the server may answer before the whole
body is sent and close the connection, and the client then reads that answer and reconnects).
Prints the resident memory after start, after the flood, and its peak (VmHWM), in MB, and fails if
the peak passes 100 MB or any attempt was not refused.

Usage: login_flood_memory.py BINARY DATABASE_URL [ATTEMPTS] [ADDRESSES]
"""

import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

BINARY, DATABASE_URL = sys.argv[1], sys.argv[2]
ATTEMPTS = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
ADDRESSES = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000
CONNECTIONS = 8
LIMIT_MB = 100


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def memory_mb(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise SystemExit(f"no {field} for {pid}")


def main():
    port = free_port()
    env = dict(os.environ, DATABASE_URL=DATABASE_URL, CONCORD_CLIENT_ADDRESS_HEADER="x-forwarded-for")
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen([BINARY, "serve", "--demo", "--addr", f"127.0.0.1:{port}", "--log", "warn"],
                                  env=env, stdout=log, stderr=log)
        try:
            for _ in range(300):
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                    conn.request("GET", "/healthz")
                    if conn.getresponse().status == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            started = memory_mb(server.pid, "VmRSS")
            username = "u" * (1024 * 1024)
            statuses = {}
            lock = threading.Lock()
            counter = iter(range(ATTEMPTS))

            def flood():
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                for i in counter:
                    body = json.dumps({"username": username, "password": f"guess {i}"}).encode()
                    address = f"10.{i % ADDRESSES // 250}.{i % 250}.{1 + i % ADDRESSES % 7}"
                    try:
                        conn.request("POST", "/api/v1/session", body=body,
                                     headers={"Content-Type": "application/json", "X-Forwarded-For": address})
                    except (BrokenPipeError, ConnectionResetError):
                        pass  # the server answered before the body was sent, and closed: read its answer
                    try:
                        reply = conn.getresponse()
                        reply.read()
                        status = reply.status
                    except (http.client.HTTPException, OSError):
                        status = "closed before answering"
                    with lock:
                        statuses[status] = statuses.get(status, 0) + 1
                    if status != 422:
                        conn.close()
                        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

            begun = time.monotonic()
            threads = [threading.Thread(target=flood) for _ in range(CONNECTIONS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            took = time.monotonic() - begun
            after, peak = memory_mb(server.pid, "VmRSS"), memory_mb(server.pid, "VmHWM")
        finally:
            server.terminate()
            server.wait()
    print(f"{ATTEMPTS} sign-in attempts with 1 MB usernames from {ADDRESSES} addresses in {took:.0f} s: answers {statuses}")
    print(f"resident memory: {started:.1f} MB after start, {after:.1f} MB after the flood, peak {peak:.1f} MB (limit {LIMIT_MB} MB)")
    sys.exit(0 if peak <= LIMIT_MB and set(statuses) <= {413, 422} and sum(statuses.values()) == ATTEMPTS else 1)


if __name__ == "__main__":
    main()
