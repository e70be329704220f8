#!/usr/bin/env python3
r"""A person at a character-mode telnet (PuTTY, Windows telnet): every key is sent as soon as it is pressed.

usage: telnet_user.py HOST PORT [--enter crlf|crnul] [--key-delay-ms N]

On connecting it negotiates as telnet clients do (DO SUPPRESS-GO-AHEAD, DO ECHO, WILL NAWS and the window size).
Each line of standard input is typed key by key, one send() per key; "\b" in it is the Backspace key (0x7F, DEL, as
PuTTY and xterm send it). Enter sends CR LF (or CR NUL with --enter crnul, as RFC 854 says for a bare CR).
A thread prints what the server sends, telnet commands removed, as "< TEXT" with CR and LF escaped (\r, \n),
then "closed". After `bye` or `arret` it waits until the server closes. Exit code 0 when the server closed, 3 on timeout.
"""
import codecs
import socket
import sys
import threading
import time

TIMEOUT_SECONDS = 10
IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240
ECHO, SGA, NAWS = 1, 3, 31
NEGOTIATION = bytes([IAC, DO, SGA, IAC, DO, ECHO, IAC, WILL, NAWS, IAC, SB, NAWS, 0, 80, 0, 24, IAC, SE])


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


class TelnetFilter:
    """Removes telnet commands from the received bytes, across recv() boundaries."""

    def __init__(self):
        self.state = "data"

    def feed(self, data):
        out = bytearray()
        for b in data:
            if self.state == "data":
                if b == IAC:
                    self.state = "iac"
                else:
                    out.append(b)
            elif self.state == "iac":
                if b == IAC:
                    out.append(IAC)
                    self.state = "data"
                elif b in (DO, DONT, WILL, WONT):
                    self.state = "option"
                elif b == SB:
                    self.state = "sb"
                else:
                    self.state = "data"
            elif self.state == "option":
                self.state = "data"
            elif self.state == "sb":
                if b == IAC:
                    self.state = "sb-iac"
            elif self.state == "sb-iac":
                self.state = "data" if b == SE else "sb"
        return bytes(out)


def show(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main():
    args = sys.argv[1:]
    host, port = args[0], int(args[1])
    enter = b"\r\0" if "--enter" in args and args[args.index("--enter") + 1] == "crnul" else b"\r\n"
    delay = int(args[args.index("--key-delay-ms") + 1]) / 1000 if "--key-delay-ms" in args else 0

    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.settimeout(TIMEOUT_SECONDS)
    s.connect((host, port))
    s.sendall(NEGOTIATION)

    outcome = {"code": 3}

    def receive_until_closed():
        telnet = TelnetFilter()
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        try:
            while True:
                data = s.recv(1024)
                if not data:
                    show("closed")
                    outcome["code"] = 0
                    return
                text = decoder.decode(telnet.feed(data))
                if text:
                    show("< " + escape(text))
        except socket.timeout:
            sys.stderr.write("timed out waiting for the server\n")

    reader = threading.Thread(target=receive_until_closed, daemon=True)
    reader.start()

    def key(data):
        s.sendall(data)
        if delay:
            time.sleep(delay)  # a person's typing pace, not a synchronisation

    for line in sys.stdin:
        typed = line.rstrip("\n")
        shown = []  # what the person sees on the line, backspaces applied
        i = 0
        while i < len(typed):
            if typed.startswith("\\b", i):
                key(b"\x7f")
                if shown:
                    shown.pop()
                i += 2
            else:
                key(typed[i].encode("utf-8"))
                shown.append(typed[i])
                i += 1
        key(enter)
        if "".join(shown) in ("bye", "arret"):
            break
    reader.join(TIMEOUT_SECONDS)
    return outcome["code"]


if __name__ == "__main__":
    sys.exit(main())
