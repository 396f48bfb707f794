"""Danger in a question, in any language: each language's patterns, over the words as typed and with small slips mended.

A parent in danger types fast ("he hitts me", "strangeld"), and one slip in
the one word a pattern needs would hide the help. So a word of four letters or
more that no language knows (from its entries, stopwords, pattern words or
dictionary) is also read as the pattern word one slip away (a letter missing,
added or wrong, or two swapped), and the patterns are tried on that reading
too. A mended word must still fit a whole pattern, with the words around it,
before anything is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from parent_guide.ask.entries import DANGER_KINDS, MIN_SLIP_LENGTH, LocaleAsk
from parent_guide.ask.text_model import TextModel


def mended(ask: LocaleAsk, text: str, known: Callable[[str], bool]) -> str | None:
    """``text`` with each word no language knows read as ``ask``'s pattern word one slip away, or None if none was."""
    words = text.split(" ")
    changed = False
    for i, word in enumerate(words):
        if len(word) < MIN_SLIP_LENGTH or not word.isalpha() or known(word):
            continue
        found = process.extractOne(word, ask.danger_words, scorer=DamerauLevenshtein.distance, score_cutoff=1)
        if found is not None:
            words[i] = found[0]
            changed = True
    return " ".join(words) if changed else None


def danger_kinds(question: str, locales: Mapping[str, LocaleAsk], model: TextModel | None = None) -> tuple[str, ...]:
    """Which kinds of danger the question signals: the patterns' kinds, else every kind if ``model`` finds danger.

    The learned model (see text_model.py) says "danger" but not which kind,
    so a question only it finds is shown every help line.
    """
    found = pattern_kinds(question, locales)
    if found or model is None or not model.finds(question):
        return found
    return DANGER_KINDS


def pattern_kinds(question: str, locales: Mapping[str, LocaleAsk]) -> tuple[str, ...]:
    """Which kinds of danger the question signals, in any language's word lists.

    A word any of the languages writes correctly is never mended: "change" is
    English, though one slip from an Urdu word for a slap. Only the language
    that knows most of the question's words mends it, so a Welsh word no
    dictionary knows is not read as an Urdu one.
    """
    memo: dict[str, bool] = {}

    def known(word: str) -> bool:
        if word not in memo:
            memo[word] = any(ask.knows(word) for ask in locales.values())
        return memo[word]

    read = {code: ask.language.normalised(question) for code, ask in locales.items()}
    # A slip is mended in the language the question is written in: the one (or
    # those) knowing the most of its words.
    knowing = {code: sum(locales[code].knows(w) for w in text.split()) for code, text in read.items()}
    most = max(knowing.values(), default=0)
    texts: dict[str, tuple[str, ...]] = {}
    for code, text in read.items():
        other = mended(locales[code], text, known) if knowing[code] == most else None
        texts[code] = (text,) if other is None else (text, other)
    found: set[str] = set()
    for code, ask in locales.items():
        for text in texts[code]:
            found |= ask.danger_in(text)
    return tuple(kind for kind in DANGER_KINDS if kind in found)
