"""Fit the learned danger check of ``parent_guide/ask/text_model.py`` and write its file.

Needs scikit-learn, which only this script and ``bench/ask_models_fresh.py``
use (``.venv/bin/pip install scikit-learn``; the site scores in plain
Python). Run with
``PYTHONPATH=. PARENT_GUIDE_ENV=development .venv/bin/python bench/ask_models_fit.py --write``
after the evaluation files change.

Every tuning and development question of every language is used (never a
held-aside one): the danger questions against every other question; the
threshold is the score above which 0.2 % of the ordinary questions fall when
every file is scored by a model fitted without it, as a parent's question
will be. It also fits, and reports without writing, the same kind of model for
questions on another subject (off-topic against answerable, threshold at
0.5 % of answerable questions held back), which was tried and not adopted:
it prints how many of the entries' own ways of asking such a check would hold back.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bench.ask_models_fresh import eval_questions, train
from parent_guide import create_app
from parent_guide.ask import text_model

REFERENCE_EVERY = 250
Row = tuple[str, str, "str | None", str, str]


def fit(rows: list[Row], label: Callable[[Row], bool], wrong_rate: float, path: Path | None, write: bool) -> None:
    """Fit one model: ``label`` says which rows are of its kind; the threshold lets ``wrong_rate`` of the others through."""
    texts = [row[1] for row in rows]
    trained = train(rows, label)
    chars, words, model, labels, crossed = trained.chars, trained.words, trained.model, trained.labels, trained.crossed
    others = np.sort(crossed[~labels])[::-1]
    threshold = float(others[int(wrong_rate * len(others))])
    fitted = model.predict_proba(trained.x)[:, 1]
    coef = model.coef_[0]
    split = len(chars.vocabulary_)
    data = {
        "threshold": round(threshold, 6),
        "intercept": round(float(model.intercept_[0]), 8),
        "chars": sorted([g, round(float(chars.idf_[i]), 8), round(float(coef[i]), 8)] for g, i in chars.vocabulary_.items()),
        "words": sorted([g, round(float(words.idf_[i]), 8), round(float(coef[split + i]), 8)] for g, i in words.vocabulary_.items()),
        "references": [[texts[i], round(float(fitted[i]), 8)] for i in range(0, len(texts), REFERENCE_EVERY)],
    }
    print(f"{path.name if path else 'another subject (not written)'}: questions {len(rows)} ({int(labels.sum())} of its kind); n-grams {split} characters, {len(words.vocabulary_)} words")
    print(f"  threshold {threshold:.4f}: cross-validated, {(crossed[labels] > threshold).mean():.1%} of its kind above it and {(crossed[~labels] > threshold).mean():.2%} of the others")
    print(f"  fitted on all: {int((fitted[labels] <= threshold).sum())} of its kind below the threshold, {int((fitted[~labels] > threshold).sum())} others above it")
    if path is None:
        ways = [p for ask in _entries() for p in ask]
        held = int((trained.scores(ways) > threshold).sum())
        print(f"  it would hold back {held} of the entries' {len(ways)} own ways of asking ({held / len(ways):.1%})")
    if write and path is not None:
        path.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mtime=0))
        text_model.load.cache_clear()
        worst = max(abs(text_model.load(path).probability(q) - p) for q, p in text_model.references(path))
        print(f"  wrote {path} ({path.stat().st_size // 1024} KB); largest difference from scikit-learn's scores {worst:.2e}")


def _entries() -> list[tuple[str, ...]]:
    """Every entry's ways of asking (its title and phrasings), in every language."""
    app = create_app()
    return [(entry.title, *entry.phrasings) for ask in app.extensions["parent_guide.ask"].locales.values() for entry in ask.entries.values()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the models' files")
    args = parser.parse_args()
    rows = [row for row in eval_questions() if not row[3].startswith("heldout")]
    fit(rows, lambda row: row[2] is not None, 0.002, text_model.DANGER, args.write)
    asked = [row for row in eval_questions(kinds=("answerable", "off_topic")) if not row[3].startswith("heldout")]
    fit(asked, lambda row: row[4] == "off_topic", 0.005, None, False)


if __name__ == "__main__":
    main()
