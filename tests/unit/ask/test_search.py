"""Ranking: the right entry for parents' own words, typos, danger first, no random answers."""

from __future__ import annotations

import dataclasses
import re

import pytest
from flask import Flask

from parent_guide.ask.entries import Entry
from parent_guide.ask.language import Language
from parent_guide.ask.index import LocaleIndex, QueryTerm
from parent_guide.ask.search import Searcher, _closest


def searcher(app: Flask) -> Searcher:
    """The app's searcher."""
    return app.extensions["parent_guide.ask"]


def first(app: Flask, question: str) -> str | None:
    """The id of the first answer shown, if any."""
    matches = searcher(app).ask(question, "en").matches
    return matches[0].entry_id if matches else None


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("can my mum come with me", "bring-a-supporter"),
        ("will the police be there", "will-the-police-be-there"),
        ("do i have to go", "do-i-have-to-go"),
        ("my ex will be there and im scared", "ex-will-be-there"),
        ("will they take my kids", "will-they-take-my-kids"),
        ("do i have to let them in", "do-i-have-to-let-them-in"),
        ("can i be arrested", "can-i-be-arrested"),
    ],
)
def test_the_issues_examples_find_their_entries(app: Flask, question: str, entry_id: str) -> None:
    """Verify the questions the issue names are answered first by the right entry."""
    assert first(app, question) == entry_id


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("can i be arested", "can-i-be-arrested"),
        ("wat is a core grop", "core-group"),
        ("can i bring my solisiter", "bring-a-solicitor"),
        ("do i get an intrepreter", "free-interpreter"),
    ],
)
def test_typos_are_forgiven(app: Flask, question: str, entry_id: str) -> None:
    """Verify misspelt words are corrected to words the entries use."""
    assert first(app, question) == entry_id


def test_up_to_three_answers(app: Flask) -> None:
    """Verify a question gets at most three answers, all different."""
    matches = searcher(app).ask("what happens at the conference and after it and who comes", "en").matches
    assert 1 <= len(matches) <= 3
    assert len({m.entry_id for m in matches}) == len(matches)


@pytest.mark.parametrize(
    "question",
    ["how do i make pancakes", "whats the weather tomorrow", "premier league table", "", "???", "the and of"],
)
def test_off_topic_questions_get_no_answer(app: Flask, question: str) -> None:
    """Verify a question the entries do not cover gets no answer rather than a random one."""
    assert searcher(app).ask(question, "en").matches == ()


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("he hits me", "abuse"),
        ("my partner strangled me last night", "abuse"),
        ("I want to kill myself", "self_harm"),
        ("i cant go on anymore", "self_harm"),
        ("my boyfriend is hurting my baby right now", "child_now"),
        ("someone is trying to take my child", "child_now"),
    ],
)
def test_danger_is_recognised(app: Flask, question: str, kind: str) -> None:
    """Verify questions that signal danger are routed to the right help."""
    assert kind in searcher(app).ask(question, "en").danger


@pytest.mark.parametrize("question", ["will they take my kids", "can my mum come", "do i have to let them in"])
def test_ordinary_worries_are_not_danger(app: Flask, question: str) -> None:
    """Verify everyday worries are answered without a danger panel."""
    assert searcher(app).ask(question, "en").danger == ()


def test_a_question_in_another_language_finds_the_shared_entry(app: Flask) -> None:
    """Verify a Polish question finds an entry on the English site, and an English one on the Polish site."""
    english = searcher(app).locales["en"]
    original = english.entries["will-they-take-my-kids"]
    polish_entry: Entry = dataclasses.replace(
        original,
        title="Czy zabiorą mi dzieci?",
        phrasings=("czy zabiorą mi dzieci", "czy opieka społeczna zabierze moje dzieci", "czy stracę dzieci"),
        answer_html="<p>Konferencja nie może zabrać twojego dziecka.</p>",
        lang="pl",
    )
    polish = dataclasses.replace(
        english,
        locale="pl",
        entries={polish_entry.id: polish_entry},
        language=Language("pl", lemmatiser="pl", stemmer=None),
        danger={kind: () for kind in english.danger},
    )
    both = Searcher({"en": english, "pl": polish})
    on_english_site = both.ask("czy zabiora mi dzieci", "en").matches
    assert on_english_site and on_english_site[0].entry_id == "will-they-take-my-kids"
    on_polish_site = both.ask("will they take my kids", "pl").matches
    assert on_polish_site and on_polish_site[0].entry_id == "will-they-take-my-kids"


def test_an_english_question_sharing_loanwords_with_the_site_language_is_still_found(app: Flask) -> None:
    """Verify an English question on the Urdu site is looked up in English when both know as many of its words.

    Roman Urdu questions use English words ("judge", "meeting"), so such a
    question is known as well by the Urdu entries as by the English ones.
    """
    found = searcher(app)
    question = "is there a judge"
    assert found.share_known(question, "en") == found.share_known(question, "ur") > 0
    matches = found.ask(question, "ur").matches
    assert matches and matches[0].entry_id == "is-it-a-court"


def test_danger_words_of_every_language_are_checked(app: Flask) -> None:
    """Verify danger lists are read per locale and all of them are checked."""
    english = searcher(app).locales["en"]
    other = dataclasses.replace(english, locale="xx", entries={}, danger={"abuse": (re.compile(r"\bbije mnie\b"),), "self_harm": (), "child_now": ()})
    both = Searcher({"en": english, "xx": other})
    assert "abuse" in both.ask("on mnie bije mnie", "en").danger


def test_a_run_on_question_is_read_clause_by_clause(app: Flask) -> None:
    """Verify a clause that asks a known question is found despite another worry beside it."""
    searcher = app.extensions["parent_guide.ask"]
    question = "my mum is poorly and i have been looking after her all week, can the date be changed"
    found = [m.entry_id for m in searcher.ask(question, "en").matches]
    assert found and found[0] == "cannot-make-the-date"
    # Words no entry uses still count against the clause that looks answerable.
    assert not searcher.ask("got a speeding ticket in the post, do i have to go to court for it", "en").matches


def _closest_by_scanning(index: LocaleIndex, terms: list[QueryTerm], entry_id: str) -> float:
    """The closeness _closest works out, by scanning every way of asking (the plain definition)."""
    total = sum(t.idf for t in terms)
    best = 0.0
    for phrasing, weight in zip(index.phrasing_terms[entry_id], index.phrasing_weights[entry_id], strict=True):
        shared = [t for t in terms if t.term in phrasing]
        asked = sum(t.idf * t.weight for t in shared) / total if total else 0.0
        found = sum(index.idf.get(t.term, 0.0) * t.weight for t in shared) / weight if weight else 0.0
        best = max(best, 2 * asked * found / (asked + found) if asked + found else 0.0)
    return best


def test_closeness_from_postings_is_the_closeness_of_every_way_of_asking(app: Flask) -> None:
    """Verify _closest, which visits only the ways of asking sharing a term, gives exactly the full scan's figure."""
    questions = [
        "can my mum come with me",
        "my ex will be there and im scared, can he see what i wrote",
        "wat happens at the confrence if the social says im a bad mum",
        "czy mogę przyjść z tłumaczem",
        "a parking fine, do i have to go to court",
    ]
    compared = 0
    for code, index in searcher(app).indexes.items():
        for question in questions:
            terms = index.query_terms(question, {})
            for entry_id in index.entry_ids:
                assert _closest(index, terms, entry_id) == _closest_by_scanning(index, terms, entry_id), (code, question, entry_id)
                compared += _closest_by_scanning(index, terms, entry_id) > 0
    assert compared > 100
