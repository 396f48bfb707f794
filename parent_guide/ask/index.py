"""The question index for one locale, built once at start-up and kept in memory.

Two SQLite FTS5 tables hold index terms (lemmatised and stemmed words), so
bm25 ranks them: one row per way of asking (the title and each phrasing), and
one row per entry with its questions, topic and answer as weighted columns.
Beside them: how many entries use each term (for coverage, see
:mod:`parent_guide.ask.search`) and the words seen, for typo correction.
Nothing a parent types is ever written to these tables.
"""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from parent_guide.ask.entries import LocaleAsk
from parent_guide.ask.language import Language, fold

_TAGS = re.compile(r"<[^>]+>")
_DIGIT = re.compile(r"\d")
# Column weights for the entry table: questions, topic, answer.
ENTRY_WEIGHTS = (3.0, 1.0, 0.5)
# A word read without a letter joined to it is less sure than one found as typed.
UNJOINED_WEIGHT = 0.85


@dataclass(frozen=True)
class QueryTerm:
    """One term of a question: ``weight`` is below 1 when it was a typo's correction."""

    term: str
    weight: float
    idf: float
    known: bool


@dataclass
class LocaleIndex:
    """Everything needed to rank one locale's entries for a question."""

    language: Language
    entry_ids: tuple[str, ...]
    entry_terms: dict[str, frozenset[str]]
    phrasing_terms: dict[str, tuple[frozenset[str], ...]]
    # Each way of asking's terms weighed together (the sum of their idf), worked out once.
    phrasing_weights: dict[str, tuple[float, ...]]
    # For each entry, which of its ways of asking hold each term (positions in phrasing_terms).
    phrasing_postings: dict[str, dict[str, tuple[int, ...]]]
    answer_terms: dict[str, frozenset[str]]
    idf: dict[str, float]
    words: dict[str, str]
    word_list: list[str]
    db: sqlite3.Connection
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def unknown_idf(self) -> float:
        """The weight of a word no entry uses: as telling as the rarest term."""
        return max(self.idf.values(), default=1.0)

    def query_terms(self, question: str, memo: dict[str, QueryTerm] | None = None, whole: bool = True) -> list[QueryTerm]:
        """The question's terms, each typo corrected to a word the entries use if close enough.

        ``memo`` carries each word's term from one reading of a question to the
        next (its clauses), for that one question only; ``whole`` is false for
        a clause, which is read without its common words even if nothing is left.
        """
        found: dict[str, QueryTerm] = {}
        memo = {} if memo is None else memo
        words = self.language.content_words(question)
        # A question of common words only ("do i have to go") is read with
        # those of its words that the entries use.
        if not words and whole:
            words = [w for w in self.language.phrased_words(question) if self.language.term(w) in self.idf]
        for word in words:
            # A number no entry uses ("10 mins", "30 pages", "10am") says when or
            # how many, not what the question is about, so it is left out.
            if _DIGIT.search(word) and self.language.term(word) not in self.idf:
                continue
            if word not in memo:
                memo[word] = self._query_term(word)
            query_term = memo[word]
            if query_term.term not in found or found[query_term.term].weight < query_term.weight:
                found[query_term.term] = query_term
        return list(found.values())

    def _query_term(self, word: str) -> QueryTerm:
        term = self.language.term(word)
        weight = 1.0
        if term not in self.idf and self.language.fold_lookups and fold(word) != word:
            # Typed with another hamza seat or none ("أخبي", "اخبي"): the folded word, if the entries use it.
            folded = self.language.term(fold(word))
            if folded in self.idf:
                term = folded
        if term not in self.idf and not word.isdigit():
            # A word with "and", "the" or a spoken tense mark joined to it ("وتكذب", "هدفع"): the word itself.
            for bare in self.language.unjoined(word):
                if (bare_term := self.language.term(bare)) in self.idf:
                    term, weight = bare_term, UNJOINED_WEIGHT
                    break
        if term not in self.idf and not word.isdigit() and len(word) >= 4 and not self.language.known(self.language.restored(word)):
            best = self.closest_word(word)
            if best is not None:
                term, weight = self.words[best[0]], best[1]
        known = term in self.idf
        return QueryTerm(term, weight, self.idf[term] if known else self.unknown_idf, known)

    def closest_word(self, word: str) -> tuple[str, float] | None:
        """The known word a typo most likely meant, and how alike they are (0 to 1).

        Jaro-Winkler favours a shared beginning (people mistype the middle);
        Damerau-Levenshtein, over the longer word, keeps "sister" from
        standing in for "solicitor".
        """
        shortlist = process.extract(word, self.word_list, scorer=JaroWinkler.normalized_similarity, limit=8, score_cutoff=0.75)
        scored = [
            (known, (similarity + DamerauLevenshtein.normalized_similarity(word, known)) / 2)
            for known, similarity, _ in shortlist
            # A known word with more in front ("iphone", "smartphone") is another
            # word, not a typo of it.
            if not (len(word) > len(known) and word.endswith(known))
        ]
        best = max(scored, key=lambda pair: pair[1], default=None)
        return best if best is not None and best[1] >= _cutoff(word) else None

    def bm25(self, terms: list[QueryTerm]) -> tuple[dict[str, float], dict[str, float]]:
        """bm25 scores (higher is better) by entry: best single phrasing, and whole entry."""
        known = [t.term for t in terms if t.known]
        if not known:
            return {}, {}
        match = " OR ".join(f'"{t}"' for t in known)
        with self.lock:
            rows = self.db.execute(
                "SELECT entry, -bm25(phrasings) FROM phrasings WHERE phrasings MATCH ?", (match,)
            ).fetchall()
            by_entry = dict(
                self.db.execute(
                    "SELECT entry, -bm25(entries, ?, ?, ?) FROM entries WHERE entries MATCH ?",
                    (*ENTRY_WEIGHTS, match),
                ).fetchall()
            )
        by_phrasing: dict[str, float] = {}
        for entry_id, score in rows:
            by_phrasing[entry_id] = max(score, by_phrasing.get(entry_id, score))
        return by_phrasing, by_entry


def _cutoff(word: str) -> float:
    """How close a typo must be to a known word: stricter for short words."""
    return 0.86 if len(word) <= 4 else 0.84 if len(word) == 5 else 0.8


def _text(html: str) -> str:
    return _TAGS.sub(" ", html)


def _postings(phrasings: tuple[frozenset[str], ...]) -> dict[str, tuple[int, ...]]:
    """Each term, and the positions of the ways of asking that hold it."""
    postings: dict[str, list[int]] = {}
    for position, terms in enumerate(phrasings):
        for term in terms:
            postings.setdefault(term, []).append(position)
    return {term: tuple(positions) for term, positions in postings.items()}


def build_index(ask: LocaleAsk) -> LocaleIndex:
    """Index one locale's own entries in an in-memory SQLite database."""
    language = ask.language
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute("CREATE VIRTUAL TABLE phrasings USING fts5(entry UNINDEXED, body)")
    db.execute("CREATE VIRTUAL TABLE entries USING fts5(entry UNINDEXED, questions, topic, answer)")
    entry_terms: dict[str, frozenset[str]] = {}
    phrasing_terms: dict[str, tuple[frozenset[str], ...]] = {}
    answer_terms: dict[str, frozenset[str]] = {}
    words: dict[str, str] = {}
    for entry in ask.entries.values():
        questions = (entry.title, *entry.phrasings)
        topic = entry.topic.replace("-", " ")
        for text in questions:
            db.execute("INSERT INTO phrasings VALUES (?, ?)", (entry.id, " ".join(language.terms(text))))
        db.execute(
            "INSERT INTO entries VALUES (?, ?, ?, ?)",
            (
                entry.id,
                " ".join(t for q in questions for t in language.terms(q)),
                " ".join(language.terms(topic)),
                " ".join(language.terms(_text(entry.answer_html))),
            ),
        )
        own: set[str] = set()
        for text in (*questions, topic):
            for word in language.content_words(text):
                term = language.term(word)
                own.add(term)
                words.setdefault(word, term)
        entry_terms[entry.id] = frozenset(own)
        phrasing_terms[entry.id] = tuple(frozenset(language.terms(q)) for q in questions)
        answer_terms[entry.id] = frozenset(language.terms(_text(entry.answer_html))) - own
    db.commit()
    counts = Counter(term for terms in entry_terms.values() for term in terms)
    total = len(entry_terms)
    idf = {term: math.log(1 + (total - n + 0.5) / (n + 0.5)) for term, n in counts.items()}
    # Words too short to correct safely are left out of the typo list.
    word_list = sorted(w for w in words if len(w) >= 3 and not w.isdigit())
    return LocaleIndex(
        language=language,
        entry_ids=tuple(ask.entries),
        entry_terms=entry_terms,
        phrasing_terms=phrasing_terms,
        phrasing_weights={
            entry_id: tuple(sum(idf.get(t, 0.0) for t in terms) for terms in phrasings) for entry_id, phrasings in phrasing_terms.items()
        },
        phrasing_postings={entry_id: _postings(phrasings) for entry_id, phrasings in phrasing_terms.items()},
        answer_terms=answer_terms,
        idf=idf,
        words=words,
        word_list=word_list,
        db=db,
    )

