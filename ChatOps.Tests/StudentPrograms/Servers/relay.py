"""Exercise 3: a multi-client relay, "[ip] message" to every other client.
Usage: relay.py PORT [--messages] [--fault self-echo|no-ip|one-at-a-time|blocking|split]"""
import os
import queue
import socket
import sys
import threading

from studentlib import encode, listen, messages

port = int(sys.argv[1])
no_newline = "--messages" in sys.argv
fault = sys.argv[sys.argv.index("--fault") + 1] if "--fault" in sys.argv else None
clients = {}  # connection -> its queue of outgoing messages
lock = threading.Lock()


def writer(conn, outgoing):
    # One thread per client writes its queue: a client that stops reading blocks only its own thread.
    while True:
        data = outgoing.get()
        if data is None:
            return
        try:
            conn.sendall(data)
        except OSError:
            return


def broadcast(sender, data):
    with lock:
        for conn, outgoing in list(clients.items()):
            if conn is sender and fault != "self-echo":  # FAULT self-echo: the sender gets its message back
                continue
            if fault == "blocking":
                try:
                    conn.sendall(data)  # FAULT: a blocking send, under the lock, to each client in turn
                except OSError:
                    clients.pop(conn, None)
                continue
            try:
                outgoing.put_nowait(data)
            except queue.Full:
                clients.pop(conn, None)
                conn.shutdown(socket.SHUT_RDWR)


def read(conn):
    if fault != "split":
        yield from messages(conn, no_newline)
        return
    while True:
        try:
            data = conn.recv(1024)  # FAULT: one recv() is taken for one message
        except OSError:
            return
        if not data:
            return
        yield data.decode("utf-8", "replace").strip()


def handle(conn, ip):
    outgoing = queue.Queue(maxsize=10000)
    with lock:
        clients[conn] = outgoing
    threading.Thread(target=writer, args=(conn, outgoing), daemon=True).start()
    try:
        for text in read(conn):
            if text.strip() == "bye":
                break
            if text.strip() == "arret":
                os._exit(0)
            shown = text if fault == "no-ip" else f"[{ip}] {text}"  # FAULT no-ip: nobody knows who wrote
            broadcast(conn, encode(shown, no_newline))
    finally:
        with lock:
            clients.pop(conn, None)
        outgoing.put(None)
        try:
            conn.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        conn.close()


server = listen(port)
while True:
    conn, (ip, _) = server.accept()
    if fault == "one-at-a-time":
        handle(conn, ip)  # FAULT: the next client waits until this one leaves
    else:
        threading.Thread(target=handle, args=(conn, ip), daemon=True).start()
