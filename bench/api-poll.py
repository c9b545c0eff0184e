#!/usr/bin/env python3
"""Engine API response times for the benchmarks, without a process per request.

  api-poll.py poll SOCKET FILE   GET /swarm on the engine's unix socket every 50 ms until SIGTERM;
                                 one line per poll to FILE: start (epoch s), latency (ms), ok (1/0)
  api-poll.py summary FILE       polls failed worst_ms p99_ms longest_wait_s (the longest time between
                                 two answers: an outage, or one slow answer, as a client waits it)

/swarm, not /_ping: the swarm component answers it from its raft store, so a stalled manager shows.
Polls do not overlap; a slow answer delays the next poll. Same rules as the tests' ApiPoller.
"""
import math
import signal
import socket
import sys
import time

INTERVAL = 0.05
TIMEOUT = 10.0
REQUEST = b"GET /swarm HTTP/1.0\r\nHost: docker\r\n\r\n"


def ask(path):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(TIMEOUT)
        s.connect(path)
        s.sendall(REQUEST)
        answer = b""
        while len(answer) < (8 << 20):
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
    status = answer.split(b"\r\n", 1)[0].split(b" ")
    return len(status) > 1 and status[1].startswith(b"2")


def poll(path, out):
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    with open(out, "w", buffering=1) as f:
        while not stop:
            start = time.time()
            t0 = time.monotonic()
            try:
                ok = ask(path)
            except OSError:
                ok = False
            took = time.monotonic() - t0
            f.write(f"{start:.3f} {took * 1000:.2f} {1 if ok else 0}\n")
            time.sleep(max(0.0, INTERVAL - took))


def summary(path):
    rows = [line.split() for line in open(path) if line.strip()]
    ok = sorted(float(r[1]) for r in rows if r[2] == "1")
    failed = sum(1 for r in rows if r[2] == "0")
    worst = ok[-1] if ok else 0.0
    p99 = ok[max(0, math.ceil(0.99 * len(ok)) - 1)] if ok else 0.0
    answered = [float(r[0]) + float(r[1]) / 1000 for r in rows if r[2] == "1"]
    wait = max((b - a for a, b in zip(answered, answered[1:])), default=0.0)
    print(len(rows), failed, f"{worst:.1f}", f"{p99:.1f}", f"{wait:.2f}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "poll":
        poll(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "summary":
        summary(sys.argv[2])
    else:
        sys.exit(__doc__)
