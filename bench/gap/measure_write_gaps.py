#!/usr/bin/env python3
"""Measures the pause between the pieces of ONE message as a server's recv() sees them, over loopback.

A student's client often writes one message in several send() calls (a prefix, then the text; or print() to a
socket file without buffering). Nagle's algorithm (on by default) holds a small second write until the first is
acknowledged, and the receiver may delay that acknowledgement. The largest such pause bounds Chat:MessageGap from
below: a shorter gap would cut one message in two. Usage: measure_write_gaps.py [messages]  (bounded, loopback only).
"""
import socket
import sys
import threading
import time

MESSAGES = int(sys.argv[1]) if len(sys.argv) > 1 else 200
PIECES = (b"[eleve] ", b"bonjour ", b"tout le monde")


def serve(listener, gaps, done):
    conn, _ = listener.accept()
    expected = sum(len(p) for p in PIECES)
    for _ in range(MESSAGES):
        got = 0
        last = None
        while got < expected:
            data = conn.recv(1024)
            now = time.perf_counter()
            if not data:
                done.set()
                return
            if last is not None:
                gaps.append(now - last)
            last = now
            got += len(data)
        conn.sendall(b"ok\n")
    done.set()


def main():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    gaps, done = [], threading.Event()
    threading.Thread(target=serve, args=(listener, gaps, done), daemon=True).start()
    client = socket.create_connection(listener.getsockname())
    for _ in range(MESSAGES):
        for piece in PIECES:
            client.send(piece)
        client.recv(1024)
    done.wait(30)
    gaps.sort()
    split = len(gaps)
    if gaps:
        pct = lambda q: gaps[min(len(gaps) - 1, int(q * len(gaps)))] * 1000
        print(f"messages={MESSAGES} split_reads={split} gap_ms p50={pct(0.5):.3f} p99={pct(0.99):.3f} max={gaps[-1]*1000:.3f}")
    else:
        print(f"messages={MESSAGES} split_reads=0 (every message arrived in one read)")


main()
