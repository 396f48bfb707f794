"""Take the README's phone-sized screenshots with Debian's Chromium.

Serves the app on a loopback port in a thread, opens pages at 375 x 812 and
writes PNGs to docs/. Run with `make screenshots`.
"""

from __future__ import annotations

import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from parent_guide import create_app
from parent_guide.config import PROJECT_ROOT

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = {
    "screenshot-step.png": "/en/guide/who-will-be-there",
}


def main() -> None:
    """Write every screenshot in SHOTS to docs/."""
    app = create_app()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = PROJECT_ROOT / "docs"
    out.mkdir(exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 375, "height": 812}, device_scale_factor=2)
            for name, path in SHOTS.items():
                page.goto(f"http://127.0.0.1:{server.server_port}{path}")
                page.screenshot(path=str(Path(out, name)))
                print(f"wrote docs/{name}")
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
