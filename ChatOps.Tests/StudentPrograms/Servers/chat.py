"""Exercise 2: a chat server that serves one client at a time, then the next. The reply is automatic (the teacher
types it in the lab). Usage: chat.py PORT sync|async [--messages] [--fault twice|one-client|turns-away|cr-lines]"""
import os
import queue
import socket
import sys
import threading
import time

from studentlib import encode, listen, messages

port = int(sys.argv[1])
mode = sys.argv[2]
no_newline = "--messages" in sys.argv
fault = sys.argv[sys.argv.index("--fault") + 1] if "--fault" in sys.argv else None


def answer(conn, answers):
    while True:
        text = answers.get()
        if text is None:
            return
        try:
            conn.sendall(encode(f"vu : {text}", no_newline))
        except OSError:
            return


def cr_lines(conn):
    # FAULT cr-lines: \r and \n each end a line, so "texte\r\n" is a line and then an empty one
    pending = b""
    while True:
        try:
            data = conn.recv(1024)
        except OSError:
            return
        if not data:
            return
        pending += data
        while True:
            ends = [i for i in (pending.find(b"\r"), pending.find(b"\n")) if i >= 0]
            if not ends:
                break
            line, pending = pending[: min(ends)], pending[min(ends) + 1 :]
            yield line.decode("utf-8", "replace")


def serve(conn):
    with conn:
        answers = queue.Queue()
        if mode == "async":
            conn.sendall(encode("Bienvenue ! Écris quand tu veux.", no_newline))
            threading.Thread(target=answer, args=(conn, answers), daemon=True).start()
        for text in cr_lines(conn) if fault == "cr-lines" else messages(conn, no_newline):
            if text.strip() == "bye":
                break
            if text.strip() == "arret":
                os._exit(0)
            if mode == "sync":
                conn.sendall(encode(f"reçu : {text}", no_newline))
                if fault == "twice":
                    conn.sendall(encode(f"reçu : {text}", no_newline))  # FAULT: two answers to one message
            else:
                answers.put(text)
        answers.put(None)


server = listen(port)
if fault == "turns-away":
    busy = threading.Lock()
    served = [None]

    def still_open(conn):
        try:
            return conn.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
        except BlockingIOError:
            return True
        except OSError:
            return False

    def serve_then_free(conn):
        try:
            serve(conn)
        finally:
            busy.release()

    while True:
        conn, _ = server.accept()
        if not busy.acquire(blocking=False):
            if still_open(served[0]):
                conn.close()  # FAULT: a client that comes while another is served is sent away instead of waiting
                continue
            busy.acquire()  # the served client has left: its turn ends in a moment
        served[0] = conn
        threading.Thread(target=serve_then_free, args=(conn,), daemon=True).start()
while True:
    conn, _ = server.accept()
    if fault == "one-client":
        server.close()  # FAULT: the listening socket is closed once a client is in (a `with` block that ends too early)
    serve(conn)
    if fault == "one-client":
        while True:
            time.sleep(1)
