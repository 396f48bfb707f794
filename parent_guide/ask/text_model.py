"""A learned second look at a question, in words nobody wrote a pattern for.

The danger patterns (``ask.toml``) catch the ways of telling of danger that
someone has written down; every blind round finds questions they miss ("he
counts out my bus fare", "I've written the kids their letters"). This is a
logistic model over the question's character 3-5-grams (inside words) and its
words and word pairs, each weighed tf-idf and scaled to length 1, fitted by
``bench/ask_models_fit.py`` on every tuning and development question (never
a held-aside one) and kept in ``danger.json.gz`` beside this module, with the
threshold that sent 0.2 % of the ordinary questions to help when each file
was scored by a model fitted without it. It is asked only when the patterns
find nothing, and says "danger", not which kind, so a question only it finds
is shown every help line (see danger.py).

The same kind of model was tried for questions on another subject, and not
adopted (docs/ask.md). The fit cuts text with these same functions, so the
site scores exactly as scikit-learn did; the file also keeps some questions'
scores from the fit, which a test compares.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DANGER = Path(__file__).with_name("danger.json.gz")
CHAR_SIZES = (3, 5)
_NOT_WORD = re.compile(r"[^\w]+")
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def normal(text: str) -> str:
    """Lower case, accents and vowel marks dropped, words separated by single spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return " ".join(_NOT_WORD.sub(" ", text).replace("_", " ").split())


def char_grams(text: str) -> list[str]:
    """Character n-grams inside each word padded with a space each side (scikit-learn's ``char_wb``)."""
    low, high = CHAR_SIZES
    grams: list[str] = []
    for word in normal(text).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) <= n:
                grams.append(padded)
                break
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


def word_grams(text: str) -> list[str]:
    """Words of two letters or more, and each pair of neighbouring words."""
    words = _TOKEN.findall(normal(text))
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


@dataclass(frozen=True)
class TextModel:
    """The fitted weights: for each n-gram its idf and its weight, per kind of n-gram."""

    chars: dict[str, tuple[float, float]]
    words: dict[str, tuple[float, float]]
    intercept: float
    threshold: float

    def probability(self, question: str) -> float:
        """How likely the model thinks it is that ``question`` is of its kind, from 0 to 1."""
        z = self.intercept + _part(self.chars, char_grams(question)) + _part(self.words, word_grams(question))
        return 1.0 / (1.0 + math.exp(-z))

    def finds(self, question: str) -> bool:
        """Whether the question scores above the threshold."""
        return self.probability(question) > self.threshold


def _part(vocabulary: dict[str, tuple[float, float]], grams: list[str]) -> float:
    """One kind of n-gram's share of the score: tf-idf (sublinear tf), scaled to length 1, times the weights."""
    counts = Counter(g for g in grams if g in vocabulary)
    values = {g: (1.0 + math.log(c)) * vocabulary[g][0] for g, c in counts.items()}
    length = math.sqrt(sum(v * v for v in values.values()))
    return sum(v * vocabulary[g][1] for g, v in values.items()) / length if length else 0.0


@cache
def load(path: Path) -> TextModel:
    """The model as its file keeps it."""
    data = json.loads(gzip.decompress(path.read_bytes()))
    return TextModel(
        chars={g: (idf, w) for g, idf, w in data["chars"]},
        words={g: (idf, w) for g, idf, w in data["words"]},
        intercept=float(data["intercept"]),
        threshold=float(data["threshold"]),
    )


def references(path: Path) -> list[tuple[str, float]]:
    """Questions and the probabilities scikit-learn gave them when the model was fitted."""
    return [(q, p) for q, p in json.loads(gzip.decompress(path.read_bytes()))["references"]]
