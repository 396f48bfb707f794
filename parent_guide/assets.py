"""Static assets: fingerprinting at build time and serving at ``/assets``.

``python -m parent_guide.assets`` copies the compiled CSS, GOV.UK Frontend's
JavaScript and our images into ``parent_guide/static`` under names that carry a
hash of their content, and writes ``manifest.json``. Fingerprinted files are
served with a year-long cache; anything else with a short one.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import re
import shutil
import sys
from pathlib import Path

from flask import Flask, abort, current_app, send_from_directory, url_for
from flask.typing import ResponseReturnValue

from parent_guide import compression
from parent_guide.config import PROJECT_ROOT

MANIFEST = "manifest.json"
FINGERPRINTED = re.compile(r"\.[0-9a-f]{12}\.")
BUILT = PROJECT_ROOT / "build" / "assets"
# The whole of GOV.UK Frontend's CSS, which the tests compare our slimmed build with.
GOVUK_CSS = PROJECT_ROOT / "node_modules" / "govuk-frontend" / "dist" / "govuk" / "govuk-frontend.min.css"
# app.mjs is our JavaScript and the GOV.UK components it uses, bundled by esbuild.
SOURCES = {
    "main.css": BUILT / "main.css",
    "rtl.css": BUILT / "rtl.css",
    "print.css": BUILT / "print.css",
    "app.mjs": BUILT / "app.mjs",
    "favicon.svg": PROJECT_ROOT / "parent_guide" / "assets" / "images" / "favicon.svg",
}


class AssetsNotBuilt(RuntimeError):
    """The fingerprinted assets are missing: run ``make assets``."""


def _fingerprinted_name(name: str, data: bytes) -> str:
    stem, dot, suffix = name.partition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}{dot}{suffix}"


def build(out_dir: Path) -> dict[str, str]:
    """Copy every asset into ``out_dir`` under a fingerprinted name; return the manifest."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    manifest: dict[str, str] = {}
    for name, source in SOURCES.items():
        data = source.read_bytes()
        manifest[name] = _fingerprinted_name(name, data)
        (out_dir / manifest[name]).write_bytes(data)
        if name.endswith(compression.COMPRESSIBLE):
            compression.precompress(out_dir / manifest[name])
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    return manifest


def load_manifest(static_dir: Path) -> dict[str, str]:
    """Read the manifest written by :func:`build`."""
    path = static_dir / MANIFEST
    if not path.exists():
        raise AssetsNotBuilt(f"{path} not found: run 'make assets' first")
    return json.loads(path.read_text(encoding="utf-8"))


def asset_url(name: str) -> str:
    """The URL of the fingerprinted file for a logical name, such as ``main.css``."""
    return url_for("assets", filename=current_app.extensions["parent_guide.assets"][name])


def serve_asset(filename: str) -> ResponseReturnValue:
    """Serve a built asset; long caching only for fingerprinted names."""
    static_dir: Path = current_app.config["STATIC_DIR"]
    if filename == MANIFEST:
        abort(404)
    max_age = current_app.config["ASSET_MAX_AGE"] if FINGERPRINTED.search(filename) else 3600
    variant = compression.precompressed_variant(static_dir, filename)
    if variant is None:
        response = send_from_directory(static_dir, filename, max_age=max_age)
    else:
        response = send_from_directory(static_dir, variant[0], max_age=max_age, mimetype=mimetypes.guess_type(filename)[0])
        response.headers["Content-Encoding"] = variant[1]
    response.vary.add("Accept-Encoding")
    if max_age == current_app.config["ASSET_MAX_AGE"]:
        response.cache_control.immutable = True
    return response


def init_app(app: Flask) -> None:
    """Load the manifest and add the ``/assets/<filename>`` route."""
    app.extensions["parent_guide.assets"] = load_manifest(app.config["STATIC_DIR"])
    app.add_url_rule("/assets/<path:filename>", "assets", serve_asset)
    app.jinja_env.globals["asset_url"] = asset_url


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT_ROOT / "parent_guide" / "static"
    written = build(target)
    print(f"wrote {len(written)} assets to {target}")
