"""Fit the learned danger check (``parent_guide/ask/danger_model.py``) and write its file.

Needs scikit-learn, which only this script uses (``.venv/bin/pip install
scikit-learn``; the site scores with plain Python). Run with
``PYTHONPATH=. PARENT_GUIDE_ENV=development .venv/bin/python bench/ask_danger_fit.py --write``.

Every tuning and development question of every language is used (never a
held-aside one): danger questions against all the others. The threshold is
the score above which 0.2 % of the ordinary questions fall when each file is
scored by a model fitted without it, so it is set on questions the model has
not seen, as a parent's will be. ``bench/ask_danger_model.py`` measures what
such a model adds to the patterns on sets written after them.
"""

from __future__ import annotations

import argparse
import gzip
import json

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_val_predict

from bench.ask_danger_model import eval_questions
from parent_guide.ask.danger_model import FILE, char_grams, load, references, word_grams

# The most n-grams of each kind kept (the most frequent), the regularisation and the false-alarm rate.
MAX_CHARS = 30_000
MAX_WORDS = 15_000
C = 4.0
FALSE_ALARMS = 0.002
REFERENCE_EVERY = 250


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {FILE.name}")
    args = parser.parse_args()
    rows = [row for row in eval_questions() if not row[3].startswith("heldout")]
    texts = [question for _, question, _, _ in rows]
    labels = np.array([route is not None for _, _, route, _ in rows])
    chars = TfidfVectorizer(analyzer=char_grams, min_df=2, sublinear_tf=True, max_features=MAX_CHARS)
    words = TfidfVectorizer(analyzer=word_grams, sublinear_tf=True, max_features=MAX_WORDS)
    x = hstack([chars.fit_transform(texts), words.fit_transform(texts)]).tocsr()
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    crossed = cross_val_predict(model, x, labels, cv=GroupKFold(n_splits=8), groups=[row[3] for row in rows], method="predict_proba")[:, 1]
    ordinary = np.sort(crossed[~labels])[::-1]
    threshold = float(ordinary[int(FALSE_ALARMS * len(ordinary))])
    model.fit(x, labels)
    fitted = model.predict_proba(x)[:, 1]
    coef = model.coef_[0]
    split = len(chars.vocabulary_)
    data = {
        "threshold": round(threshold, 6),
        "intercept": round(float(model.intercept_[0]), 8),
        "chars": sorted([g, round(float(chars.idf_[i]), 8), round(float(coef[i]), 8)] for g, i in chars.vocabulary_.items()),
        "words": sorted([g, round(float(words.idf_[i]), 8), round(float(coef[split + i]), 8)] for g, i in words.vocabulary_.items()),
        "references": [[texts[i], round(float(fitted[i]), 8)] for i in range(0, len(texts), REFERENCE_EVERY)],
    }
    print(f"questions {len(rows)} ({int(labels.sum())} danger); n-grams {split} characters, {len(words.vocabulary_)} words")
    print(f"threshold {threshold:.4f}: cross-validated, {(crossed[labels] > threshold).mean():.1%} of danger questions above it and {(crossed[~labels] > threshold).mean():.2%} of ordinary ones")
    print(f"fitted on all: {int((fitted[labels] <= threshold).sum())} danger questions below the threshold, {int((fitted[~labels] > threshold).sum())} ordinary ones above it")
    if args.write:
        FILE.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mtime=0))
        load.cache_clear()
        worst = max(abs(load().probability(q) - p) for q, p in references())
        print(f"wrote {FILE} ({FILE.stat().st_size // 1024} KB); largest difference from scikit-learn's scores {worst:.2e}")


if __name__ == "__main__":
    main()
