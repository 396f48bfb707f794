"""Bytes Chromium fetches: the first visit to the start page, then guide pages with assets cached.

Run with ``.venv/bin/python bench/page_weight.py http://127.0.0.1:8000`` against a
running server (``make serve``). Prints, per page, the transfer size with headers,
the bodies as sent (compressed) and uncompressed, from the Resource Timing API,
in a phone-sized Debian Chromium.
"""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

PATHS = ("/en/", "/en/guide/what-is-a-conference", "/en/guide/who-will-be-there", "/en/guide/")
ENTRIES = """() => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
  .map(e => [e.name.replace(location.origin, ""), e.transferSize, e.encodedBodySize, e.decodedBodySize])"""


def main(base: str) -> None:
    """Visit the pages in order in one browser context and print what each fetched."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 375, "height": 667}).new_page()
        for path in PATHS:
            page.goto(base + path, wait_until="networkidle")
            fetched = [row for row in page.evaluate(ENTRIES) if row[1]]
            print(f"{path}: {sum(r[1] for r in fetched)} B with headers, {sum(r[2] for r in fetched)} B as sent, {sum(r[3] for r in fetched)} B uncompressed")
            for name, transfer, sent, size in fetched:
                print(f"    {name}: {sent} B as sent, {size} B uncompressed")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
