"""Ranking a parent's question: danger first, then the best few vetted answers, or none.

Three signals are fused into one score per entry, to rank:

- coverage: the share of the question's telling words (weighted by how rare
  they are among the entries) that the entry's questions use; a word no entry
  uses counts against every entry, which is how off-topic questions fall away;
- bm25 of the closest single way of asking it;
- bm25 of the whole entry (questions, topic and answer).

Each entry's confidence is its coverage, blended with how alike the question
and its closest way of asking are both ways round (so a question sharing one
rare word with a long phrasing is not enough). A question of several clauses is
also read clause by clause, and an entry is judged by the clause it answers
best. Whether there is a good match at all is decided by a small model over the
best entry's confidence and a few more signals (:func:`signals`; see
:mod:`parent_guide.ask.calibration`), fitted on the tuning and development
questions (``bench/ask_calibrate.py``).
A question is looked up in the site's language first. Another locale's index
is searched too only when at least as many of the question's words belong to
that language as to the site's (a set look-up, so asking stays fast however many
languages there are; a tie is common, as translations keep English words such
as "meeting" or "judge"); the locale that knows the question best wins, so an
English question on another language's site still finds its entry. The
question is never stored or logged here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from parent_guide.ask import calibration, text_model
from parent_guide.ask.danger import danger_kinds
from parent_guide.ask.entries import LocaleAsk
from parent_guide.ask.index import LocaleIndex, QueryTerm, build_index
from parent_guide.ask.language import fold, plain_words

MAX_ANSWERS = 3
# The single confidence threshold used before the calibration model (chosen on the
# tuning and development questions, off-topic answered <= 5%): kept to compare
# against (bench/ask_calibrate.py) and to judge the answers after the first.
MIN_CONFIDENCE = 0.61
# An answer after the first is shown only if it scores this share of the first's,
# and is itself at least this sure (half that threshold).
RUNNER_UP_SHARE = 0.4
RUNNER_UP_CONFIDENCE = MIN_CONFIDENCE / 2
COVERAGE_SHARE = 0.8
ANSWER_SHARE = 0.3
PHRASING_WEIGHT = 0.5
ENTRY_WEIGHT = 0.3
CLOSENESS_WEIGHT = 0.5
RERANK = 8
# A run-on question ("meetings tomorrow, still not had the report, panicking")
# is also read clause by clause: the clause an entry answers best counts at this
# share, so the words of the other worries count against it less.
CLAUSE_SHARE = 1.0
CLAUSE_UNKNOWN_SHARE = 0.5
_CLAUSE_BREAKS = re.compile(r"[.,;:!?\n()]+|\s[-–—]\s")


@dataclass(frozen=True)
class Match:
    """One entry found for a question, and the locale whose words found it."""

    entry_id: str
    score: float
    confidence: float
    locale: str
    # For the best match only: what the calibration model reads (see calibration.py).
    signals: Mapping[str, float] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Outcome:
    """What to show: help lines for any danger, then the matches (empty: no good match)."""

    danger: tuple[str, ...]
    matches: tuple[Match, ...]


def _coverage(terms: list[QueryTerm], entry_terms: frozenset[str], answer_terms: frozenset[str] = frozenset()) -> float:
    """The share of the question's weight that ``entry_terms`` holds (words only in the answer count less)."""
    total = sum(t.idf for t in terms)
    if not total:
        return 0.0
    held = sum(t.idf * t.weight for t in terms if t.term in entry_terms)
    held += ANSWER_SHARE * sum(t.idf * t.weight for t in terms if t.term in answer_terms)
    return held / total


def _closest(index: LocaleIndex, terms: list[QueryTerm], entry_id: str) -> float:
    """How alike the question and the entry's closest way of asking are: both ways round, harmonic mean."""
    total = sum(t.idf for t in terms)
    # Only the ways of asking that share a term can score above 0: find them
    # from the entry's postings, each with its shared terms in the question's order.
    postings = index.phrasing_postings[entry_id]
    shared_by: dict[int, list[QueryTerm]] = {}
    for t in terms:
        for position in postings.get(t.term, ()):
            shared_by.setdefault(position, []).append(t)
    weights = index.phrasing_weights[entry_id]
    best = 0.0
    for position, shared in shared_by.items():
        weight = weights[position]
        asked = sum(t.idf * t.weight for t in shared) / total if total else 0.0
        found = sum(index.idf.get(t.term, 0.0) * t.weight for t in shared) / weight if weight else 0.0
        best = max(best, 2 * asked * found / (asked + found) if asked + found else 0.0)
    return best


def confidence(coverage: float, closest: float) -> float:
    """How sure we are that an entry answers the question, from 0 to 1."""
    return COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * closest


def _clauses(index: LocaleIndex, question: str, memo: dict[str, QueryTerm]) -> list[list[QueryTerm]]:
    """The terms of each clause of a question of several clauses with two or more terms each."""
    parts = [index.query_terms(part, memo, whole=False) for part in _CLAUSE_BREAKS.split(question) if part.strip()]
    parts = [terms for terms in parts if len(terms) >= 2]
    if len(parts) < 2:
        return []
    # A word no entry uses tells of another subject wherever it stands, so it
    # counts against every clause ("a parking fine, do i have to go to court").
    unknown = {t.term: QueryTerm(t.term, t.weight, t.idf * CLAUSE_UNKNOWN_SHARE, False) for part in parts for t in part if not t.known}
    return [part + [t for term, t in unknown.items() if term not in {p.term for p in part}] for part in parts]


def rank(index: LocaleIndex, question: str, locale: str) -> list[Match]:
    """The best few entries that share a word with the question, best first."""
    memo: dict[str, QueryTerm] = {}
    terms = index.query_terms(question, memo)
    clauses = _clauses(index, question, memo)
    by_phrasing, by_entry = index.bm25(terms)
    if not by_phrasing and not by_entry:
        return []
    top_phrasing = max(by_phrasing.values(), default=0.0) or 1.0
    top_entry = max(by_entry.values(), default=0.0) or 1.0
    scored = []
    # Each entry's coverage of the whole question and of its best clause, kept for the model's signals.
    coverages: dict[str, tuple[float, float]] = {}
    for entry_id in set(by_phrasing) | set(by_entry):
        entry_terms, answer_terms = index.entry_terms[entry_id], index.answer_terms[entry_id]
        whole = _coverage(terms, entry_terms, answer_terms)
        by_clause = max((CLAUSE_SHARE * _coverage(clause, entry_terms, answer_terms) for clause in clauses), default=0.0)
        coverages[entry_id] = (whole, by_clause)
        coverage = max(whole, by_clause)
        score = (
            coverage
            + PHRASING_WEIGHT * by_phrasing.get(entry_id, 0.0) / top_phrasing
            + ENTRY_WEIGHT * by_entry.get(entry_id, 0.0) / top_entry
        )
        scored.append((score, entry_id, coverage))
    scored.sort(key=lambda item: (-item[0], item[1]))
    # The closest single way of asking re-ranks the front runners; it is too
    # slow to work out for every entry that shares a word.
    matches = []
    closest_whole: dict[str, float] = {}
    for score, entry_id, coverage in scored[:RERANK]:
        closest_whole[entry_id] = _closest(index, terms, entry_id)
        closest = max([closest_whole[entry_id]] + [CLAUSE_SHARE * _closest(index, c, entry_id) for c in clauses])
        matches.append(Match(entry_id, score + CLOSENESS_WEIGHT * closest, confidence(coverage, closest), locale))
    matches.sort(key=lambda m: (-m.score, m.entry_id))
    matches = matches[:MAX_ANSWERS]
    best = matches[0].entry_id
    return [replace(matches[0], signals=signals(question, terms, matches, *coverages[best], closest_whole[best])), *matches[1:]]


def signals(question: str, terms: list[QueryTerm], matches: list[Match], coverage: float, clause_coverage: float, closest: float) -> dict[str, float]:
    """What the calibration model reads of the best match and the question (names in calibration.FEATURES).

    ``coverage``, ``clause_coverage`` and ``closest`` are the best match's, as :func:`rank` worked them out.
    """
    total = sum(t.idf for t in terms) or 1.0
    known = sum(t.known for t in terms)
    runner_up = matches[1] if len(matches) > 1 else None
    return {
        "confidence": matches[0].confidence,
        "coverage": coverage,
        "clause_coverage": clause_coverage,
        "closest": closest,
        "unknown_share": sum(t.idf for t in terms if not t.known) / total,
        "known_terms": math.log1p(known),
        "unknown_terms": math.log1p(len(terms) - known),
        "runner_up_confidence": runner_up.confidence if runner_up else 0.0,
        "runner_up_score": runner_up.score / matches[0].score if runner_up and matches[0].score else 0.0,
        "words": math.log1p(len(question.split())),
    }


def _folded_words(question: str) -> list[str]:
    """The question's words, folded as the vocabularies are (the same in every locale)."""
    return [fold(w) for w in plain_words(question)]


def _vocabulary(ask: LocaleAsk) -> frozenset[str]:
    """The telling words a locale's entries are asked or titled with, folded.

    The locale's stopwords are left out: some languages list English function
    words as stopwords (so English questions are not typo-corrected against
    their own words), and those must not make an English question look like theirs.
    """
    texts = [text for entry in ask.entries.values() for text in (entry.title, *entry.phrasings)]
    stopwords = {fold(w) for w in ask.language.stopwords}
    return frozenset({fold(w) for text in texts for w in plain_words(text)} - stopwords)


class Searcher:
    """Every locale's index, and the one call the views make."""

    def __init__(self, locales: Mapping[str, LocaleAsk]):
        self.locales = dict(locales)
        self.indexes = {code: build_index(ask) for code, ask in self.locales.items()}
        self.vocabulary = {code: _vocabulary(ask) for code, ask in self.locales.items()}
        # The danger check's word lists and sieve, worked out now rather than on a parent's first question.
        for ask in self.locales.values():
            ask.known_words  # noqa: B018
            ask.danger_sieve  # noqa: B018
        # Read now, so a model file fitted on other signals stops start-up, not a parent's question.
        calibration.load()
        self.danger_model = text_model.load(text_model.DANGER)

    def share_known(self, question: str, code: str) -> float:
        """The share of the question's words that ``code``'s entries use (its stopwords aside)."""
        return self._share(_folded_words(question), code)

    def _share(self, words: list[str], code: str) -> float:
        return sum(w in self.vocabulary[code] for w in words) / len(words) if words else 0.0

    def ranked(self, question: str, site_locale: str) -> list[Match]:
        """The ranking from whichever locale's index knows the question best."""
        best: list[Match] = []
        words = _folded_words(question)
        site_share = self._share(words, site_locale) if site_locale in self.indexes else 0.0
        order = [site_locale, *(code for code in self.indexes if code != site_locale)]
        for code in order:
            if code not in self.indexes:
                continue
            if code != site_locale:
                share = self._share(words, code)
                if share == 0 or share < site_share:
                    continue
            found = rank(self.indexes[code], question, code)
            if found and (not best or found[0].confidence > best[0].confidence):
                best = found
        return best

    @staticmethod
    def belief(match: Match) -> float:
        """How likely the best match is to answer the question (see calibration.py)."""
        return calibration.load().probability(match.signals or {})

    def threshold(self, site_locale: str) -> float:
        """The belief (see calibration.py) an answer on ``site_locale``'s site needs.

        The site's language, not the language of the index that found the match:
        the thresholds are fitted that way (``calibration.fitted``), so an English
        question matched through another language's words is held to English's.
        """
        return calibration.load().threshold_for(site_locale)

    def ask(self, question: str, site_locale: str) -> Outcome:
        """Danger kinds and up to three good answers for ``question``."""
        ranked = self.ranked(question, site_locale)
        answers: list[Match] = []
        if ranked and self.belief(ranked[0]) >= self.threshold(site_locale):
            top = ranked[0]
            answers = [top] + [
                m
                for m in ranked[1:MAX_ANSWERS]
                if m.score >= RUNNER_UP_SHARE * top.score and m.confidence >= RUNNER_UP_CONFIDENCE
            ]
        return Outcome(danger_kinds(question, self.locales, self.danger_model), tuple(answers))
