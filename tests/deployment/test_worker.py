"""gunicorn's worker as configured: free at once after a request read to its end, and still careful with a body it refused."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from urllib.parse import urlsplit

from parent_guide.extensions import db
from tests.conftest import make_app
from tests.gunicorn_server import gunicorn, server_env

# gunicorn's own wait for the client to close lasts up to two seconds.
GUNICORN_LINGER_SECONDS = 2.0


def _connect(url: str) -> socket.socket:
    parts = urlsplit(url)
    return socket.create_connection((parts.hostname, parts.port), timeout=10)


def _response(client: socket.socket) -> bytes:
    """Everything the server sends until it ends its side of the connection."""
    received = b""
    while chunk := client.recv(65536):
        received += chunk
    return received


def _get(client: socket.socket, path: str) -> bytes:
    client.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    return _response(client)


def test_one_worker_serves_the_next_parent_while_a_client_is_slow_to_close(tmp_path: Path) -> None:
    """Verify a client that reads its page but keeps the connection open does not hold the only worker."""
    url = f"sqlite:///{tmp_path / 'worker.sqlite3'}"
    with make_app(url).app_context():
        db.engine.dispose()
    with gunicorn(server_env(url), tmp_path, workers=1) as server:
        slow = _connect(server.url)
        try:
            assert _get(slow, "/healthz").startswith(b"HTTP/1.1 200")
            # The slow client has its whole answer but has not closed. The next one:
            began = time.monotonic()
            with _connect(server.url) as other:
                assert _get(other, "/healthz").startswith(b"HTTP/1.1 200")
            waited = time.monotonic() - began
        finally:
            slow.close()
        assert waited < GUNICORN_LINGER_SECONDS / 2, f"the second request waited {waited:.2f} s for the first client to close"

        # A body refused unread (too large) still gets its whole answer. (Whether the
        # worker keeps gunicorn's wait for it is tested in tests/unit/test_worker.py:
        # on loopback a reset does not cut the answer short, so this cannot show it.)
        body = b"answer=" + b"x" * (600 * 1024)
        with _connect(server.url) as client:
            client.sendall(
                b"POST /en/ask HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body[: 200 * 1024]
            )
            time.sleep(0.2)
            try:
                client.sendall(body[200 * 1024 :])
            except OSError:
                pass  # the server may have ended its side; what it sent still counts
            answer = _response(client)
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
        head, _, page = answer.partition(b"\r\n\r\n")
        length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))
        assert len(page) == length and page.rstrip().endswith(b"</html>")
