"""The direction and language of a piece of text, told from its letters.

A parent may write in Arabic on the English site, or in English on the Arabic
one, so the documents and pages lay out each paragraph by what it holds, not by
the site's language. Both export renderers and the templates call this.

Direction follows the Unicode bidirectional algorithm's rule P2/P3: the first
strong letter decides, skipping anything inside an isolate. The language is
set only where the script tells it: Arabic script is Urdu when it holds one of
the letters Urdu uses and Arabic does not (:data:`URDU_LETTERS`), otherwise
Arabic; any other text keeps the language around it, as Latin letters alone
cannot tell Polish from English.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

LTR = "ltr"
RTL = "rtl"

# Letters of the Urdu alphabet that standard Arabic does not use: tteh, ddal,
# rreh, noon ghunna, do-chashmi heh, heh goal (and with hamza), yeh barree (and
# with hamza), and keheh, gaf and Farsi yeh. The last three are shared with
# Persian, which the site does not offer; text holding them is read as Urdu.
URDU_LETTERS = frozenset("ٹڈڑںھہۂےۓکگی")

_STRONG_RTL = frozenset({"R", "AL"})
_ISOLATE_OPEN = frozenset({"LRI", "RLI", "FSI"})
_ISOLATE_CLOSE = "PDI"


@dataclass(frozen=True)
class TextPart:
    """How to lay out one paragraph: its direction, and its language when the script tells it."""

    direction: str
    lang: str | None


def first_strong(text: str) -> str | None:
    """``rtl`` or ``ltr`` from the first strong letter outside an isolate, or None if there is none."""
    depth = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _ISOLATE_OPEN:
            depth += 1
        elif kind == _ISOLATE_CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0 and kind == "L":
            return LTR
        elif depth == 0 and kind in _STRONG_RTL:
            return RTL
    return None


def direction(text: str, default: str = LTR) -> str:
    """The base direction of ``text``; ``default`` (the document's) when no letter decides."""
    return first_strong(text) or default


def is_arabic_script(char: str) -> bool:
    """Whether ``char`` is a letter written in Arabic script."""
    return unicodedata.bidirectional(char) == "AL" and unicodedata.category(char).startswith("L")


def script_language(text: str) -> str | None:
    """``ur`` or ``ar`` for Arabic-script text, None when the letters do not tell."""
    if any(char in URDU_LETTERS for char in text):
        return "ur"
    if any(is_arabic_script(char) for char in text):
        return "ar"
    return None


def base_language(lang: str) -> str:
    """The language without its region or script: ``pt-BR`` gives ``pt``."""
    return lang.replace("_", "-").split("-")[0].lower()


def text_part(text: str, document_lang: str, document_direction: str = LTR) -> TextPart:
    """Direction and language of a paragraph in a document of ``document_lang``.

    ``lang`` is None when the paragraph is in the document's own language, or
    when nothing in its letters says otherwise.
    """
    lang = script_language(text)
    if lang is not None and lang == base_language(document_lang):
        lang = None
    return TextPart(direction(text, document_direction), lang)
