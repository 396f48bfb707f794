"""Would the learned checks catch, on questions nobody has tuned on, what the site missed?

An experiment beside the site: it needs scikit-learn, which is not a
project dependency (``.venv/bin/pip install scikit-learn``). Run with
``PYTHONPATH=. PARENT_GUIDE_ENV=development .venv/bin/python bench/ask_models_fresh.py --before REV [--misses FILE]``.

It fits the site's kind of model (``parent_guide/ask/text_model.py``) on every
development and tuning question (never a held-aside one) except the "fresh"
files (by default the development files added since REV), with the
threshold chosen by cross-validation over the training files (one file at a
time left out). On the fresh files it prints, per language:

- danger: how many danger questions the patterns *as they were at REV*
  (before anyone tuned on the fresh files) missed, how many of those the
  model catches, and how many ordinary questions it would send to help;
- another subject, with ``--misses`` (a ``bench/ask.py --dev --misses``
  output taken at REV): how many of the off-topic questions the site then
  answered the model would stop, and how many right answers it would stop too.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_val_predict

from parent_guide import create_app
from parent_guide.ask.danger import pattern_kinds
from parent_guide.ask.evaluation import EVAL_DIR, ROUTES, read
from parent_guide.ask.text_model import char_grams, word_grams

# The same n-grams and regularisation as the site's model (bench/ask_models_fit.py).
MAX_CHARS = 30_000
MAX_WORDS = 15_000
C = 4.0

FALSE_ALARMS = (0.002, 0.005, 0.01)
STOPPED_ANSWERS = (0.005, 0.01)


def _questions(path: Path) -> Iterator[tuple[str, str, str | None, str]]:
    """(locale, question, danger route or None, part) for every question of one file."""
    data = read(path)
    locale = data.get("locale", "")
    for item in data.get("answerable", []):
        yield locale, item["q"], None, "answerable"
    for question in data.get("off_topic", []):
        yield locale, question, None, "off_topic"
    for item in data.get("danger", []):
        yield locale, item["q"], item["route"], "danger"


def eval_questions(folder: Path = EVAL_DIR, kinds: tuple[str, ...] = ("answerable", "off_topic", "danger")) -> Iterator[tuple[str, str, str | None, str, str]]:
    """(locale, question, danger route or None, file name, part) for every question of the ``kinds`` parts of every file."""
    for path in sorted(folder.glob("*.toml")):
        for locale, question, route, part in _questions(path):
            if part in kinds:
                yield locale, question, route, path.name, part


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


@dataclass(frozen=True)
class Trained:
    """A fitted model with its n-gram weighers, and its cross-validated scores on the rows it was fitted on."""

    chars: TfidfVectorizer
    words: TfidfVectorizer
    model: LogisticRegression
    x: Any
    labels: np.ndarray
    crossed: np.ndarray

    def scores(self, texts: list[str]) -> np.ndarray:
        """The fitted model's probabilities for ``texts``."""
        return self.model.predict_proba(hstack([self.chars.transform(texts), self.words.transform(texts)]).tocsr())[:, 1]


def train(rows: list, label: Callable[[tuple], bool], c: float = C) -> Trained:
    """The site's kind of model fitted on ``rows``, with each file's scores from a fit without it (8 folds by file)."""
    texts = [r[1] for r in rows]
    chars = TfidfVectorizer(analyzer=char_grams, min_df=2, sublinear_tf=True, max_features=MAX_CHARS)
    words = TfidfVectorizer(analyzer=word_grams, sublinear_tf=True, max_features=MAX_WORDS)
    x = hstack([chars.fit_transform(texts), words.fit_transform(texts)]).tocsr()
    labels = np.array([label(r) for r in rows])
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    crossed = cross_val_predict(model, x, labels, cv=GroupKFold(n_splits=8), groups=[r[3] for r in rows], method="predict_proba")[:, 1]
    model.fit(x, labels)
    return Trained(chars, words, model, x, labels, crossed)


def _fitted(train_rows: list, test: list, label: Callable[[tuple], bool], c: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cross-validated scores of the training rows, their labels, and the fresh rows' scores from a fit on all of them."""
    trained = train(train_rows, label, c)
    return trained.crossed, trained.labels, trained.scores([r[1] for r in test])


def _danger(train: list, test: list, before: str, c: float) -> None:
    crossed, y_train, scores = _fitted(train, test, lambda r: r[2] is not None, c)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"CONTENT_DIR": _content_at(before, Path(tmp))})
        locales = app.extensions["parent_guide.ask"].locales
        missed = [r[2] is not None and ROUTES[r[2]] not in pattern_kinds(r[1], locales) for r in test]
        alarms = [r[2] is None and bool(pattern_kinds(r[1], locales)) for r in test]
    ordinary_scores = np.sort(crossed[~y_train])[::-1]
    for rate in FALSE_ALARMS:
        threshold = ordinary_scores[int(rate * len(ordinary_scores))]
        print(f"\ndanger, threshold {threshold:.3f} (false alarms {rate:.1%} across the training files, each scored by a model that never saw it)")
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
                f"  {locale}: patterns at {before[:7]} routed {len(danger) - len(pattern_missed)} of {len(danger)}"
                f" ({sum(alarms[i] for i in ordinary)} false alarms); the model catches {len(caught)} of their"
                f" {len(pattern_missed)} misses: together {union / len(danger):.1%};"
                f" the model's false alarms {model_alarms} of {len(ordinary)} ordinary questions"
            )


def _quoted(line: str, before: str, after: str) -> str | None:
    """The question quoted between ``before`` and ``after`` in a line of ``bench/ask.py --misses``."""
    match = re.match(r"\s+" + re.escape(before) + r"""(['"])(.*?)\1""" + re.escape(after) + "$", line)
    return match.group(2) if match else None


def _off_topic(train: list, test: list, misses: Path, c: float) -> None:
    lines = misses.read_text("utf-8").splitlines()
    answered = {q for line in lines if (q := _quoted(line.rstrip(), "off-topic answered: ", ""))}
    wrong = {q for line in lines if (q := _quoted(line.split(": wanted [")[0], "", "")) and ": wanted [" in line}
    train = [r for r in train if r[4] != "danger"]
    test = [r for r in test if r[4] != "danger"]
    crossed, y_train, scores = _fitted(train, test, lambda r: r[4] == "off_topic", c)
    answerable_scores = np.sort(crossed[~y_train])[::-1]
    for rate in STOPPED_ANSWERS:
        threshold = answerable_scores[int(rate * len(answerable_scores))]
        print(f"\nanother subject, threshold {threshold:.3f} (stopping {rate:.1%} of answerable questions across the training files, each scored by a model that never saw it)")
        for locale in sorted({r[0] for r in test}):
            rows = [i for i, r in enumerate(test) if r[0] == locale]
            off = [i for i in rows if test[i][4] == "off_topic" and test[i][1] in answered]
            right = [i for i in rows if test[i][4] == "answerable" and test[i][1] not in wrong]
            print(
                f"  {locale}: of {len(off)} off-topic questions answered then, the model stops {sum(scores[i] > threshold for i in off)};"
                f" of {len(right)} answerable questions answered right then, it stops {sum(scores[i] > threshold for i in right)}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True, help="the commit whose patterns and phrasings had not seen the fresh files")
    parser.add_argument("--fresh", help="comma-separated eval file names (default: the development files added since --before)")
    parser.add_argument("--misses", type=Path, help="bench/ask.py --dev --misses output taken at --before")
    parser.add_argument("--c", type=float, default=C, help="the logistic model's inverse regularisation")
    args = parser.parse_args()
    fresh = set(args.fresh.split(",")) if args.fresh else _added_since(args.before, EVAL_DIR)
    train, test = [], []
    for row in eval_questions():
        if not row[3].startswith("heldout"):
            (test if row[3] in fresh else train).append(row)
    print(f"fresh files: {', '.join(sorted(fresh))}")
    print(f"training questions {len(train)} ({sum(r[2] is not None for r in train)} danger); fresh {len(test)} ({sum(r[2] is not None for r in test)} danger)")
    _danger(train, test, args.before, args.c)
    if args.misses:
        _off_topic(train, test, args.misses, args.c)


if __name__ == "__main__":
    main()
