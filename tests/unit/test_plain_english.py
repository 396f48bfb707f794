"""Plain English: short sentences in every page of content we write (reading age about 9 to 11)."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import frontmatter
import pytest
import textstat

from parent_guide.config import PROJECT_ROOT

LONGEST_SENTENCE = 25
LONGEST_AVERAGE = 14
# Flesch-Kincaid grade 7 is a reading age of about 12: the ceiling for every page.
HIGHEST_GRADE = 7
FILES = sorted((PROJECT_ROOT / "content" / "en").rglob("*.md"))


def sentences(markdown: str) -> list[str]:
    """The sentences and list items of a Markdown text, with link targets and markup removed."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    text = re.sub(r"[*#>`]", "", text)
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [part.strip(" -") for part in parts if part.split()]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PROJECT_ROOT / "content")))
def test_sentences_are_short(path: Path) -> None:
    """Verify no sentence runs past 25 words and the average stays at 14 or under."""
    post = frontmatter.load(path)
    found = sentences(post.content)
    for key in ("summary", "question", "example"):
        if isinstance(post.metadata.get(key), str):
            found += sentences(post.metadata[key])
    for term in post.metadata.get("terms", []):
        found += sentences(term["definition"])
    lengths = [len(s.split()) for s in found]
    longest = max(found, key=lambda s: len(s.split()))
    assert max(lengths) <= LONGEST_SENTENCE, f"{len(longest.split())} words: {longest}"
    assert statistics.mean(lengths) <= LONGEST_AVERAGE


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
