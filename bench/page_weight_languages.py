"""Page weight per language: the first visit and each further guide page, as sent to Chromium (Brotli).

Run with ``PYTHONPATH=. .venv/bin/python bench/page_weight_languages.py`` (test client, no server;
``bench/page_weight.py`` measures what Chromium fetches from a running server). Budgets
(issue 14): first visit at most 20 KB, each further guide page at most 5 KB.
"""

from __future__ import annotations

import re
import statistics

from parent_guide import create_app

BROWSER = {"Accept-Encoding": "gzip, deflate, br"}


def main() -> None:
    """Print, per locale, the first visit's bytes and the median and largest guide page."""
    app = create_app({"TESTING": True, "DATABASE_URL": "sqlite://"})
    client = app.test_client()
    print("locale  first visit (B)  guide page median (B)  largest (B)  pages")
    for locale in app.extensions["parent_guide.content"].locales:
        html = client.get(f"/{locale}/").get_data(as_text=True)
        first = len(client.get(f"/{locale}/", headers=BROWSER).data)
        for url in re.findall(r'(?:href|src)="(/assets/[^"]+)"', html):
            if "/print." not in url:
                first += len(client.get(url, headers=BROWSER).data)
        library = app.extensions["parent_guide.content"][locale]
        urls = [f"/{locale}/guide/", *(f"/{locale}/guide/{step.slug}" for step in library.steps)]
        sizes = [len(client.get(url, headers=BROWSER).data) for url in urls]
        print(f"{locale:6}  {first:15,}  {statistics.median(sizes):21,.0f}  {max(sizes):11,}  {len(sizes)}")


if __name__ == "__main__":
    main()
