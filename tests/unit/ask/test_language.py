"""Reading questions: words, text-speak, lemmas, stems and folding."""

from __future__ import annotations

from flask import Flask

from parent_guide.ask.language import fold, language_from, plain_words


def test_plain_words_drop_apostrophes_and_punctuation() -> None:
    """Verify "don't" becomes one word and punctuation is dropped."""
    assert plain_words("Don't they—take MY kids?!") == ["dont", "they", "take", "my", "kids"]


def test_fold_removes_accents_and_vowel_marks() -> None:
    """Verify accents (Polish, Welsh) and Arabic vowel marks are folded away."""
    assert fold("Żółć") == "zołc"
    assert fold("ŵyr") == "wyr"
    assert fold("كَتَبَ") == "كتب"


def test_text_speak_is_spelled_out(app: Flask) -> None:
    """Verify "sw", "u" and "im" are read as the words they stand for."""
    language = app.extensions["parent_guide.ask"].locales["en"].language
    assert language.words("can the sw come in") == ["can", "the", "social", "worker", "come", "in"]
    assert language.words("im scared u will") == ["i", "am", "scared", "you", "will"]


def test_inflections_and_synonyms_share_a_term(app: Flask) -> None:
    """Verify "children" and "kids", "lawyers" and "solicitor" end up as the same term."""
    language = app.extensions["parent_guide.ask"].locales["en"].language
    assert language.terms("kids") == language.terms("children") == language.terms("child")
    assert language.terms("lawyers") == language.terms("solicitor")
    assert language.terms("arrested") == language.terms("arrest")


def test_stopwords_are_left_out(app: Flask) -> None:
    """Verify words that say nothing about the topic are not index terms."""
    language = app.extensions["parent_guide.ask"].locales["en"].language
    assert language.content_words("what is the conference") == ["conference"]


def test_plural_of_text_speak_is_spelled_out(app: Flask) -> None:
    """Verify "mums" and "dads" typed without an apostrophe read as the words they stand for."""
    language = app.extensions["parent_guide.ask"].locales["en"].language
    assert language.words("my mums and dads") == ["my", "mother", "and", "father"]
    assert language.words("cps") == ["cps"]


def test_contractions_without_apostrophes_are_spelled_out(app: Flask) -> None:
    """Verify "hasnt", "theyve" and "whos" are read as two words."""
    language = app.extensions["parent_guide.ask"].locales["en"].language
    assert language.words("hasnt theyve whos") == ["has", "not", "they", "have", "who", "is"]


def test_child_and_children_share_a_term(app: Flask) -> None:
    """Verify "my child" and "my children" are read as the same term."""
    language = app.extensions["parent_guide.ask"].locales["en"].language
    assert language.terms("child") == language.terms("children") == language.terms("kid")


def test_a_dropped_g_is_put_back_only_when_the_dictionary_knows_the_word(app: Flask) -> None:
    """Verify "hittin" reads as "hitting", while real words such as "cousin" stay as they are."""
    language = app.extensions["parent_guide.ask"].locales["en"].language
    assert language.words("hes hittin me") == ["he", "is", "hitting", "me"]
    assert language.words("my cousin") == ["my", "cousin"]


def test_sayings_are_read_as_one_thing_for_ranking_only(app: Flask) -> None:
    """Verify "old bill" ranks as police while the danger patterns still see the words as typed."""
    language = app.extensions["parent_guide.ask"].locales["en"].language
    assert language.terms("will the old bill be there") == language.terms("will the police be there")
    assert language.terms("the person in charge") == language.terms("person incharge")
    assert language.normalised("will the old bill be there") == "will the old bill be there"


def test_a_saying_is_read_as_a_question_is_plurals_and_dropped_g_included() -> None:
    """Verify a saying written "mums care plan" or "runnin it" matches the question words it stands for."""
    language = language_from("en", {
        "replace": {"mum": "mother"},
        "phrases": {"elsewhere": ["mums care plan", "runnin it"]},
    })
    assert language.phrased_words("my mums care plan") == ["my", "elsewhere"]
    assert language.phrased_words("who is runnin it") == ["who", "is", "elsewhere"]
    assert language.phrased_words("my mum care plan") == ["my", "elsewhere"]


def test_polish_typed_without_polish_letters_is_read_with_them(app: Flask) -> None:
    """Verify "bylam" reads as "byłam" and "uzywalam" as "używałam" for ranking, while known words and the danger text stay as typed."""
    language = app.extensions["parent_guide.ask"].locales["pl"].language
    assert language.restored("uzywalam") == "używałam"
    assert language.restored("dlugich") == "długich"
    assert language.term("gadac") == language.term("gadać")
    assert language.restored("council") == "council"
    assert language.normalised("uzywalam") == "uzywalam"
    english = app.extensions["parent_guide.ask"].locales["en"].language
    assert english.restored("bylam") == "bylam"
