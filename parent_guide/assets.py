"""Static assets: fingerprinting at build time and serving at ``/assets``.

``python -m parent_guide.assets`` copies the compiled CSS, GOV.UK Frontend's
JavaScript and our images into ``parent_guide/static`` under names that carry a
hash of their content, and writes ``manifest.json``. Fingerprinted files are
served with a year-long cache; anything else with a short one.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

from flask import Flask, abort, current_app, send_from_directory, url_for
from flask.typing import ResponseReturnValue

from parent_guide.config import PROJECT_ROOT

MANIFEST = "manifest.json"
FINGERPRINTED = re.compile(r"\.[0-9a-f]{12}\.")
GOVUK_DIST = PROJECT_ROOT / "node_modules" / "govuk-frontend" / "dist" / "govuk"
SOURCES = {
    "main.css": PROJECT_ROOT / "build" / "assets" / "main.css",
    "rtl.css": PROJECT_ROOT / "build" / "assets" / "rtl.css",
    "print.css": PROJECT_ROOT / "build" / "assets" / "print.css",
    "govuk-frontend.min.js": GOVUK_DIST / "govuk-frontend.min.js",
    "favicon.svg": PROJECT_ROOT / "parent_guide" / "assets" / "images" / "favicon.svg",
}
JS_DIR = PROJECT_ROOT / "parent_guide" / "assets" / "js"
# Our modules, in dependency order: each is rewritten to import the others by
# their fingerprinted names, so every module can be cached for a year.
MODULES = ("autosave.mjs", "print.mjs", "exit.mjs", "idle.mjs", "handover.mjs", "app.mjs")


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
    for module in MODULES:
        text = (JS_DIR / module).read_text(encoding="utf-8")
        for name, fingerprinted in manifest.items():
            text = text.replace(f'"./{name}"', f'"./{fingerprinted}"')
        manifest[module] = _fingerprinted_name(module, text.encode())
        (out_dir / manifest[module]).write_text(text, encoding="utf-8")
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
    response = send_from_directory(static_dir, filename, max_age=max_age)
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
