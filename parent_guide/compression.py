"""Compressed responses: precompressed assets, and public pages compressed as they are sent.

Assets are compressed once at build time (Brotli at its best level and gzip) and
the right file is sent for the browser's ``Accept-Encoding``. HTML is compressed
with Brotli (else gzip), but only the pages that are the same for everyone
(``render_cache.render_shared`` marks them); a kept page's compressed bytes are
kept beside it, so it is compressed once per worker. A page holding a parent's
answers, resume code or a form token is sent uncompressed, so its size can
never leak a secret to someone watching the network (the BREACH attack). A
reverse proxy in front must not compress those pages either (docs/deploying.md).
"""

from __future__ import annotations

import gzip
from collections.abc import Hashable
from pathlib import Path

import brotli
from flask import Flask, Response, current_app, g, request

from parent_guide.page_store import PageStore

# Which file suffix holds which encoding, in the order the server prefers them.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
COMPRESSIBLE = (".css", ".mjs", ".js", ".svg", ".json")
PUBLIC_PAGE = "public_page"
EXTENSION = "parent_guide.compressed_pages"
# Brotli's quality for pages: 5 compresses a 9 KB page about as well as 11 at a
# fraction of the CPU, which matters for share links (compressed on every request).
PAGE_QUALITY = 5


def _accepted() -> set[str]:
    return {part.split(";")[0].strip() for part in request.headers.get("Accept-Encoding", "").split(",")}


def precompress(path: Path) -> None:
    """Write ``path.br`` and ``path.gz`` beside a text asset."""
    data = path.read_bytes()
    path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def precompressed_variant(directory: Path, filename: str) -> tuple[str, str] | None:
    """The precompressed file to send for this request, with its encoding, if any."""
    if not filename.endswith(COMPRESSIBLE):
        return None
    accepted = _accepted()
    for encoding, suffix in ENCODINGS:
        if encoding in accepted and (directory / (filename + suffix)).is_file():
            return filename + suffix, encoding
    return None


def mark_public(key: Hashable | None) -> None:
    """This response is a page the same for everyone: compress it, and keep it compressed under ``key``."""
    g.setdefault(PUBLIC_PAGE, (key,))


def _compress(data: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(data, quality=PAGE_QUALITY, mode=brotli.MODE_TEXT)
    return gzip.compress(data, compresslevel=6, mtime=0)


def _compress_public_pages(response: Response) -> Response:
    marked = g.get(PUBLIC_PAGE)
    if marked is None or response.status_code != 200 or "Content-Encoding" in response.headers:
        return response
    response.vary.add("Accept-Encoding")
    encoding = next((name for name, _ in ENCODINGS if name in _accepted()), None)
    if encoding is None:
        return response
    store: PageStore[bytes] = current_app.extensions[EXTENSION]
    key = (marked[0], encoding) if marked[0] is not None else None
    compressed = store.get(key) if key else None
    if compressed is None:
        compressed = _compress(response.get_data(), encoding)
        if key:
            store.put(key, compressed)
    response.set_data(compressed)
    response.headers["Content-Encoding"] = encoding
    return response


def init_app(app: Flask) -> None:
    """Compress public pages with Brotli (or gzip) as they leave, keeping kept pages' bytes."""
    app.extensions[EXTENSION] = PageStore(app.config["RENDER_CACHE_SIZE"])
    app.after_request(_compress_public_pages)
