"""Exercise 1: an echo server.
Usage: echo.py PORT [--messages] [--fault dies-on-bye|ignores-arret|to-everyone|latin1|dies-on-reset|fixed-table]"""
import os
import sys
import threading

from studentlib import encode, listen, messages

port = int(sys.argv[1])
no_newline = "--messages" in sys.argv
fault = sys.argv[sys.argv.index("--fault") + 1] if "--fault" in sys.argv else None
clients = []
lock = threading.Lock()


def send(conn, text):
    if fault == "latin1":
        text = text.encode("utf-8").decode("latin-1")  # FAULT: the bytes were read as Latin-1, then written as UTF-8
    if fault == "to-everyone":
        with lock:
            for other in clients:
                try:
                    other.sendall(encode(text, no_newline))  # FAULT: every client gets every echo
                except OSError:
                    pass
        return
    conn.sendall(encode(text, no_newline))


def serve(conn):
    with lock:
        clients.append(conn)
    try:
        with conn:
            for text in messages(conn, no_newline, swallow_errors=fault != "dies-on-reset"):
                if text.strip() == "bye":
                    if fault == "dies-on-bye":
                        os._exit(0)  # FAULT: the whole server ends when one client leaves
                    return
                if text.strip() == "arret" and fault != "ignores-arret":  # FAULT ignores-arret: echoed like any message
                    os._exit(0)
                send(conn, text)
    except ConnectionResetError:
        os._exit(1)  # FAULT dies-on-reset: an exception nobody catches ends the server
    finally:
        with lock:
            clients.remove(conn)


server = listen(port)
accepted = 0
while True:
    conn, _ = server.accept()
    accepted += 1
    if fault == "fixed-table" and accepted > 20:
        conn.close()  # FAULT: a table of 20 clients whose slots are never given back
        continue
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
