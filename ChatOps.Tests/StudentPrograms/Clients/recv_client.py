#!/usr/bin/env python3
r"""A student's client as the lab's course writes it: one send() per message, one recv(1024) per answer.

usage: recv_client.py HOST PORT [--newline] [--threaded] [--encoding cp1252]

Messages come from standard input, one a line. Each send() carries one message, without a newline unless --newline.
Without --threaded the program is the synchronous exercise's client: send, then exactly one recv(1024), printed.
With --threaded a second thread prints every recv(1024) while the main thread sends (the asynchronous exercise).
After `bye` or `arret` it reads until the server closes. Every recv() is printed as one line "< TEXT" with
backslash, CR, LF and other control characters escaped (\\, \r, \n, \0, \xHH), then "closed" when the server closes.
Exit code 0 when the server closed the connection, 3 when a wait timed out.
"""
import codecs
import socket
import sys
import threading

TIMEOUT_SECONDS = 10


def escape(text):
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\0":
            out.append("\\0")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\x%02X" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def show(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main():
    args = sys.argv[1:]
    host, port = args[0], int(args[1])
    newline = "--newline" in args
    threaded = "--threaded" in args
    encoding = args[args.index("--encoding") + 1] if "--encoding" in args else "utf-8"
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")

    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(TIMEOUT_SECONDS)
    s.connect((host, port))

    def receive_once():
        data = s.recv(1024)
        if not data:
            show("closed")
            return False
        show("< " + escape(decoder.decode(data)))
        return True

    outcome = {"code": 3}

    def receive_until_closed():
        try:
            while receive_once():
                pass
            outcome["code"] = 0
        except socket.timeout:
            sys.stderr.write("timed out waiting for the server\n")

    reader = None
    if threaded:
        reader = threading.Thread(target=receive_until_closed, daemon=True)
        reader.start()

    try:
        for line in sys.stdin:
            message = line.rstrip("\n")
            s.send((message + ("\n" if newline else "")).encode(encoding))
            if message in ("bye", "arret"):
                break
            if not threaded and not receive_once():
                return 0
        if threaded:
            reader.join(TIMEOUT_SECONDS)
        else:
            receive_until_closed()
        return outcome["code"]
    except socket.timeout:
        sys.stderr.write("timed out waiting for the server\n")
        return 3


if __name__ == "__main__":
    sys.exit(main())
