"""When the worker may end a connection at once: only after a request read to its end, with nothing more waiting."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from gunicorn.config import Config
from gunicorn.http import get_parser

from parent_guide.worker import nothing_waiting, read_to_the_end


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    client, server = socket.socketpair()
    yield client, server
    client.close()
    server.close()


def _request(server: socket.socket):  # type: ignore[no-untyped-def]
    return next(get_parser(Config(), server, ("127.0.0.1", 1234)))


def test_a_get_is_read_to_the_end(pair: tuple[socket.socket, socket.socket]) -> None:
    """Verify a request without a body counts as read, and nothing is waiting after it."""
    client, server = pair
    client.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    request = _request(server)
    assert read_to_the_end(request)
    assert nothing_waiting(server)


def test_a_body_counts_as_read_only_once_every_byte_is(pair: tuple[socket.socket, socket.socket]) -> None:
    """Verify a form body not yet read (as when it is refused with 413) keeps gunicorn's wait."""
    client, server = pair
    client.sendall(b"POST /en/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 11\r\n\r\nquestion=hi")
    request = _request(server)
    assert not read_to_the_end(request)
    assert request.body.read() == b"question=hi"
    assert read_to_the_end(request)


def test_a_chunked_body_always_keeps_the_wait(pair: tuple[socket.socket, socket.socket]) -> None:
    """Verify a chunked body, whose end gunicorn's reader does not report, never counts as read."""
    client, server = pair
    client.sendall(b"POST /en/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n")
    request = _request(server)
    assert request.body.read() == b"hi"
    assert not read_to_the_end(request)


def test_bytes_or_a_close_waiting_on_the_socket_are_seen_without_blocking(pair: tuple[socket.socket, socket.socket]) -> None:
    """Verify more bytes from the client, or its close, count as waiting; an idle client does not."""
    client, server = pair
    assert nothing_waiting(server)
    client.sendall(b"more")
    assert not nothing_waiting(server)
    assert server.recv(4) == b"more"
    assert nothing_waiting(server)
    client.shutdown(socket.SHUT_WR)
    assert not nothing_waiting(server)
