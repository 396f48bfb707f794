"""Would a learned danger check catch what the patterns miss on questions nobody has tuned on?

An experiment, not part of the site: it needs scikit-learn, which is not a
project dependency (``.venv/bin/pip install scikit-learn``). Run with
``PYTHONPATH=. PARENT_GUIDE_ENV=development .venv/bin/python bench/ask_danger_model.py --before REV``.

It trains the site's kind of model (``parent_guide/ask/danger_model.py``) on
character and word n-grams of every
development and tuning question (never a held-aside one) except the "fresh"
files (by default the development files added since REV), with the
decision threshold chosen by cross-validation over the training files (one
file at a time left out) for a given false-alarm rate. On the fresh files it
prints, per language, how many danger questions the patterns *as they were at
REV* (before anyone tuned on the fresh files) missed, how many of those the
model catches, and how many ordinary questions it would wrongly send to help.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import tarfile
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_val_predict

from parent_guide import create_app
from parent_guide.ask.danger import pattern_kinds
from parent_guide.ask.danger_model import char_grams, word_grams
from parent_guide.ask.evaluation import EVAL_DIR, ROUTES

# The same n-grams and regularisation as the site's model (bench/ask_danger_fit.py).
MAX_CHARS = 30_000
MAX_WORDS = 15_000
C = 4.0

FALSE_ALARMS = (0.002, 0.005, 0.01)


def _questions(path: Path) -> Iterator[tuple[str, str, str | None]]:
    """(locale, question, danger route or None) for every question of one file."""
    data = tomllib.loads(path.read_text("utf-8"))
    locale = data.get("locale", "")
    for item in data.get("answerable", []):
        yield locale, item["q"], None
    for question in data.get("off_topic", []):
        yield locale, question, None
    for item in data.get("danger", []):
        yield locale, item["q"], item["route"]


def eval_questions(folder: Path = EVAL_DIR) -> Iterator[tuple[str, str, str | None, str]]:
    """(locale, question, danger route or None, file name) for every question of every evaluation file."""
    for path in sorted(folder.glob("*.toml")):
        for locale, question, route in _questions(path):
            yield locale, question, route, path.name


def _added_since(revision: str, folder: Path) -> set[str]:
    """The development files in ``folder`` that were not there at ``revision``."""
    listed = subprocess.run(
        ["git", "ls-tree", "--name-only", revision, f"{folder.relative_to(Path.cwd())}/"], check=True, capture_output=True, text=True
    ).stdout.split()
    there = {Path(name).name for name in listed}
    return {path.name for path in folder.glob("dev*-*.toml") if path.name not in there}


def _content_at(revision: str, into: Path) -> Path:
    """The ``content`` folder as it was at ``revision``, unpacked into ``into``."""
    archive = subprocess.run(["git", "archive", revision, "content"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "content"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True, help="the commit whose danger patterns had not seen the fresh files")
    parser.add_argument("--fresh", help="comma-separated eval file names (default: the development files added since --before)")
    parser.add_argument("--c", type=float, default=C, help="the logistic model's inverse regularisation")
    args = parser.parse_args()
    fresh = set(args.fresh.split(",")) if args.fresh else _added_since(args.before, EVAL_DIR)
    train, test = [], []
    for row in eval_questions():
        if not row[3].startswith("heldout"):
            (test if row[3] in fresh else train).append(row)
    print(f"fresh files: {', '.join(sorted(fresh))}")
    print(f"training questions {len(train)} ({sum(r[2] is not None for r in train)} danger); fresh {len(test)} ({sum(r[2] is not None for r in test)} danger)")

    chars = TfidfVectorizer(analyzer=char_grams, min_df=2, sublinear_tf=True, max_features=MAX_CHARS)
    words = TfidfVectorizer(analyzer=word_grams, sublinear_tf=True, max_features=MAX_WORDS)
    train_text = [r[1] for r in train]
    test_text = [r[1] for r in test]
    x_train = hstack([chars.fit_transform(train_text), words.fit_transform(train_text)]).tocsr()
    x_test = hstack([chars.transform(test_text), words.transform(test_text)]).tocsr()
    y_train = np.array([r[2] is not None for r in train])
    model = LogisticRegression(C=args.c, max_iter=3000, class_weight="balanced")
    crossed = cross_val_predict(model, x_train, y_train, cv=GroupKFold(n_splits=8), groups=[r[3] for r in train], method="predict_proba")[:, 1]
    model.fit(x_train, y_train)
    scores = model.predict_proba(x_test)[:, 1]

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"CONTENT_DIR": _content_at(args.before, Path(tmp))})
        locales = app.extensions["parent_guide.ask"].locales
        missed = [r[2] is not None and ROUTES[r[2]] not in pattern_kinds(r[1], locales) for r in test]
        alarms = [r[2] is None and bool(pattern_kinds(r[1], locales)) for r in test]

    ordinary_scores = np.sort(crossed[~y_train])[::-1]
    for rate in FALSE_ALARMS:
        threshold = ordinary_scores[int(rate * len(ordinary_scores))]
        print(f"\nthreshold {threshold:.3f} (false alarms {rate:.1%} across the training files, each scored by a model that never saw it)")
        for locale in sorted({r[0] for r in test}):
            rows = [i for i, r in enumerate(test) if r[0] == locale]
            danger = [i for i in rows if test[i][2] is not None]
            ordinary = [i for i in rows if test[i][2] is None]
            if not danger:
                continue
            pattern_missed = [i for i in danger if missed[i]]
            caught = [i for i in pattern_missed if scores[i] > threshold]
            union = len(danger) - len(pattern_missed) + len(caught)
            model_alarms = sum(scores[i] > threshold for i in ordinary)
            print(
                f"  {locale}: patterns at {args.before[:7]} routed {len(danger) - len(pattern_missed)} of {len(danger)}"
                f" ({sum(alarms[i] for i in ordinary)} false alarms); the model catches {len(caught)} of their"
                f" {len(pattern_missed)} misses: together {union / len(danger):.1%};"
                f" the model's false alarms {model_alarms} of {len(ordinary)} ordinary questions"
            )


if __name__ == "__main__":
    main()
