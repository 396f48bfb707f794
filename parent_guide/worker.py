"""gunicorn's sync worker, which is free for the next request as soon as a response is sent.

gunicorn (from version 26) ends every connection by half-closing it and then
waiting, up to two seconds, for the client to close its side (RFC 9112,
section 9.6). That wait protects one case: request bytes the app never read
(a body refused with 413, say) would make the kernel answer the client's
later bytes with a reset, which can cut the response short. The wait
protects nothing when the request was read to its last byte and nothing more
has arrived, yet a sync worker serves no one while it waits: a reverse proxy
or a busy client that is slow to close holds every worker idle in turn.

This worker skips the wait in that case only: after a response, if the body
had a known length and was read to the end, and no byte is waiting on the
socket, it shuts the connection down in both directions, so gunicorn's own
close finds nothing to wait for. In every other case (a body not read to the
end, a chunked body, bytes already waiting) gunicorn's wait is kept.
``docs/performance.md`` has what this measured.
"""

from __future__ import annotations

import contextlib
import select
import socket
from typing import Any

from gunicorn.http.body import LengthReader
from gunicorn.workers.sync import SyncWorker


def read_to_the_end(request: Any) -> bool:
    """Whether gunicorn's request had a body of known length (none counts) and every byte of it was read."""
    body = getattr(request, "body", None)
    if body is None or body.failed:
        return False
    return isinstance(body.reader, LengthReader) and body.reader.length == 0


def nothing_waiting(client: socket.socket) -> bool:
    """Whether no byte (and no close) from the client is waiting on the socket, without blocking."""
    poller = select.poll()
    poller.register(client, select.POLLIN | select.POLLPRI)
    return not poller.poll(0)


class ClosingSyncWorker(SyncWorker):
    """A sync worker that does not wait for the client to close after a request read to the end."""

    def handle_request(self, listener: Any, req: Any, client: socket.socket, addr: Any) -> Any:
        """Serve the request as gunicorn does, then end a fully read connection at once."""
        result = super().handle_request(listener, req, client, addr)
        if read_to_the_end(req) and nothing_waiting(client):
            # gunicorn's close_graceful then half-closes (or is told the socket is
            # already shut), reads the end of stream at once and closes.
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)
        return result
