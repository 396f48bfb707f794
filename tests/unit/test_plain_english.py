"""Plain language: short sentences in every page of content we write, in every language (reading age about 9 to 11).

Words per sentence differ between languages for the same reading level: Polish
and Romanian join words that English keeps apart, Welsh and Arabic attach
articles and pronouns to the word, Urdu writes postpositions as words of their
own. The limits are data, per language. Those other than English are first
estimates, scaled from English by how many more or fewer words a translation
usually takes; check them against the real translations when they land. A
language not listed uses English's. The reading-grade formula is for English
only.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import frontmatter
import pytest
import textstat

from parent_guide.config import PROJECT_ROOT
from parent_guide.content import discover_locales

CONTENT = PROJECT_ROOT / "content"
# (longest sentence, longest average), in words.
LIMITS = {
    "en": (25, 14),
    "cy": (27, 15),
    "pl": (22, 12),
    "ro": (25, 14),
    "ar": (22, 12),
    "ur": (30, 17),
}
# Flesch-Kincaid grade 7 is a reading age of about 12: the ceiling for every page.
HIGHEST_GRADE = 7
FILES = sorted((CONTENT / "en").rglob("*.md"))
EVERY_LOCALE_FILES = [path for locale in discover_locales(CONTENT) for path in sorted((CONTENT / locale).rglob("*.md"))]
# Arabic and Urdu full stop and question mark end sentences too.
SENTENCE_END = r"(?<=[.!?۔؟])\s+|\n+"


def sentences(markdown: str) -> list[str]:
    """The sentences and list items of a Markdown text, with link targets and markup removed."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    text = re.sub(r"[*#>`]", "", text)
    parts = re.split(SENTENCE_END, text)
    return [part.strip(" -") for part in parts if part.split()]


def limits(path: Path) -> tuple[int, int]:
    """The limits for the language a content file is written in."""
    return LIMITS.get(path.relative_to(CONTENT).parts[0], LIMITS["en"])


@pytest.mark.parametrize("path", EVERY_LOCALE_FILES, ids=lambda p: str(p.relative_to(CONTENT)))
def test_sentences_are_short(path: Path) -> None:
    """Verify no sentence runs past its language's longest, and the average stays within its limit."""
    longest_sentence, longest_average = limits(path)
    post = frontmatter.load(path)
    found = sentences(post.content)
    for key in ("summary", "question", "example"):
        if isinstance(post.metadata.get(key), str):
            found += sentences(post.metadata[key])
    for term in post.metadata.get("terms", []):
        found += sentences(term["definition"])
    lengths = [len(s.split()) for s in found]
    longest = max(found, key=lambda s: len(s.split()))
    assert max(lengths) <= longest_sentence, f"{len(longest.split())} words: {longest}"
    assert statistics.mean(lengths) <= longest_average


def test_urdu_and_arabic_full_stops_end_sentences() -> None:
    """Verify ۔ and ؟ split sentences as . and ? do."""
    assert sentences("پہلا جملہ۔ دوسرا جملہ؟ تیسرا") == ["پہلا جملہ۔", "دوسرا جملہ؟", "تیسرا"]


def readable_text(post: frontmatter.Post) -> str:
    """The words a parent reads on the page, one sentence per line, with Markdown removed."""
    found = sentences(post.content)
    for key in ("summary", "question", "example"):
        if isinstance(post.metadata.get(key), str):
            found += sentences(post.metadata[key])
    found += [hint for hint in post.metadata.get("hints", []) if isinstance(hint, str)]
    for term in post.metadata.get("terms", []):
        found += sentences(term["definition"])
    # Headings and list items without a full stop still end a sentence for the measure.
    return " ".join(s if s.endswith((".", "?", "!")) else s + "." for s in found)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PROJECT_ROOT / "content")))
def test_reading_grade_is_7_or_below(path: Path) -> None:
    """Verify each English page scores Flesch-Kincaid grade 7 or below."""
    textstat.set_lang("en_GB")
    grade = textstat.flesch_kincaid_grade(readable_text(frontmatter.load(path)))
    assert grade <= HIGHEST_GRADE, f"Flesch-Kincaid grade {grade:.1f}"


def test_the_reading_grade_check_can_fail() -> None:
    """Verify the measure rejects dense official prose, so a passing page means something."""
    textstat.set_lang("en_GB")
    dense = frontmatter.loads(
        "---\ntitle: T\n---\nThe multi-agency safeguarding partnership's procedural arrangements "
        "necessitate comprehensive consideration of the proportionality of information-sharing "
        "determinations, notwithstanding parental objections articulated during preliminary consultation.\n"
    )
    assert textstat.flesch_kincaid_grade(readable_text(dense)) > HIGHEST_GRADE
