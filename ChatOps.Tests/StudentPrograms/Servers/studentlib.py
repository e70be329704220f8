"""What the lab's servers share, written the way students write it: listen, read messages, write messages.

Two dialects, as in the students' programs: lines ending with a newline (makefile/readline), or one message per
write followed by silence (recv, then wait a little for the rest), answered without newline.
"""
import socket

GAP = 0.2  # seconds of silence that end a message written without newline


def listen(port):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen()  # Python's default backlog (128 here): a burst of connections waits instead of being dropped
    print(f"listening on port {server.getsockname()[1]}", flush=True)
    return server


def messages(conn, no_newline, swallow_errors=True):
    """Yields each message's text (without its line end) until the client leaves."""
    try:
        if not no_newline:
            for raw in conn.makefile("rb"):
                yield raw.decode("utf-8", "replace").rstrip("\r\n")
            return
        while True:
            data = conn.recv(1024)
            if not data:
                return
            conn.settimeout(GAP)
            try:
                while True:
                    more = conn.recv(1024)
                    if not more:
                        break
                    data += more
            except socket.timeout:
                pass
            finally:
                conn.settimeout(None)
            yield data.decode("utf-8", "replace").rstrip("\r\n")
    except OSError:
        if not swallow_errors:
            raise


def encode(text, no_newline):
    return (text if no_newline else text + "\n").encode("utf-8")
