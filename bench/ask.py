"""Measure "Ask a question": accuracy, off-topic and danger rates, time per question, per locale.

Run with ``.venv/bin/python bench/ask.py`` (tuning part only), add ``--heldout``
for the held-aside part and the cross-language figure, ``--dev`` for the
development parts (``dev-``, ``dev2-`` … ``<locale>.toml``, every one in the
folder, see ``parent_guide.ask.evaluation.DEV_PARTS``,
where a locale has them; tune on them freely), ``--misses`` to list what
went wrong, and ``--tune`` to print accuracy against off-topic answers for a
range of thresholds on the calibration model's probability (on the tuning
part, and the development part with ``--dev``; ``bench/ask_calibrate.py``
fits the model and its thresholds). The evaluation files
are described in tests/ask/eval/README.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parent_guide import create_app
from parent_guide.ask import search
from parent_guide.ask.evaluation import DEV_PARTS, EVAL_DIR, Figures, evaluate, evaluate_cross, read

# The development parts, tuned on freely; only some locales have each.
TARGETS = "targets: en held-aside top-3 >= 95%, top-1 >= 80%; other languages top-3 >= 90%; danger 100%; off-topic answered <= 5%; median <= 5 ms"


def _line(locale: str, part: str, f: Figures) -> str:
    return (
        f"{locale:3} {part:9} top-1 {f.top1:6.1%}  top-3 {f.top3:6.1%}  (n={f.answerable:3})  "
        f"off-topic answered {f.off_topic_answered:6.1%} (n={f.off_topic:2})  "
        f"danger routed {f.danger_routed:6.1%} (n={f.danger:2})  median {f.median_ms:.2f} ms CPU"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--heldout", action="store_true", help="also measure the held-aside part")
    parser.add_argument("--dev", action="store_true", help="also measure the development part, where a locale has one")
    parser.add_argument("--misses", action="store_true", help="list the questions that went wrong")
    parser.add_argument("--tune", action="store_true", help="sweep the answer threshold on the tuning (and development) part")
    args = parser.parse_args()

    app = create_app({"TESTING": True, "DATABASE_URL": "sqlite://"})
    searcher = app.extensions["parent_guide.ask"]
    parts = ["tuning"] + (list(DEV_PARTS) if args.dev else []) + (["heldout"] if args.heldout else [])
    print(TARGETS)
    print(f"site locales with questions: {', '.join(searcher.locales)}")
    for locale in searcher.locales:
        for part in parts:
            path = args.eval_dir / f"{part}-{locale}.toml"
            if not path.is_file():
                # Only some locales have a development part; say nothing of the rest.
                if part not in DEV_PARTS:
                    print(f"{locale:3} {part:9} no file {path}")
                continue
            data = read(path)
            if args.tune and part != "heldout":
                _sweep(searcher, data, locale)
            figures = evaluate(searcher, data, locale)
            print(_line(locale, part, figures))
            if args.misses:
                print("\n".join(f"      {m}" for m in figures.misses))
    if args.dev:
        _dev_cross(searcher, args.eval_dir, args.misses)
    cross_path = args.eval_dir / "heldout-cross.toml"
    if args.heldout and cross_path.is_file():
        cross = evaluate_cross(searcher, read(cross_path))
        print(
            f"cross-language: top-3 {cross.top3:.1%} of {cross.asked} asked; "
            f"{cross.skipped} skipped because the site locale has no questions yet"
        )
        if args.misses:
            print("\n".join(f"      {m}" for m in cross.misses))
    return 0


def _dev_cross(searcher: search.Searcher, eval_dir: Path, misses: bool) -> None:
    """Cross-language on the development parts: English questions on every other site, the others' on English."""
    items = []
    for part in DEV_PARTS:
        for locale in searcher.locales:
            path = eval_dir / f"{part}-{locale}.toml"
            if not path.is_file():
                continue
            sites = [code for code in searcher.locales if code != locale] if locale == "en" else ["en"]
            items += [{**item, "lang": locale, "sites": sites} for item in read(path).get("answerable", [])]
    cross = evaluate_cross(searcher, {"cross": items})
    print(f"cross-language (development parts): top-3 {cross.top3:.1%} of {cross.asked} asked")
    if misses:
        print("\n".join(f"      {m}" for m in cross.misses))


def _sweep(searcher: search.Searcher, data: dict, locale: str) -> None:
    """Accuracy and off-topic answers for a range of thresholds (the language's own, if set, is marked)."""
    current = searcher.threshold(locale)
    coarse = {round(0.3 + 0.05 * i, 2) for i in range(10)}
    fine = {round(current - 0.05 + 0.01 * i, 2) for i in range(11)}
    try:
        for threshold in sorted(coarse | fine):
            searcher.threshold = lambda _locale, t=threshold: t  # type: ignore[method-assign]
            f = evaluate(searcher, data, locale)
            mark = " (now)" if threshold == round(current, 2) else ""
            print(f"  threshold {threshold:.2f}{mark}: top-1 {f.top1:6.1%} top-3 {f.top3:6.1%} off-topic answered {f.off_topic_answered:6.1%}")
    finally:
        del searcher.threshold


if __name__ == "__main__":
    sys.exit(main())
