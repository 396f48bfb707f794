"""Build the :class:`ViewsDocument` from the parent's draft, their profile and the site's words.

Everything the site wrote (headings, labels, dates, choices) comes in the page
language with the English alongside, for a chair who reads only English. The
parent's own words are never translated. Needs a request: it reads the
locale, the content and the translations.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from babel import Locale
from babel.dates import format_date
from flask import current_app
from flask_babel import LazyString, force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from parent_guide.areas import AreaPack
from parent_guide.content_access import content
from parent_guide.drafts.store import SectionState
from parent_guide.export.document import Answer, Fact, Heading, Section, ViewsDocument, with_english
from parent_guide.export.forms import NAMES_SECTION, NamesForm
from parent_guide.export.word import word_language
from parent_guide.i18n import current_locale, text_direction
from parent_guide.prepare.forms import ShownAnswer, form_for, shown_answers
from parent_guide.profile import Profile

ENGLISH = "en"

TITLE = _l("My views for the child protection conference")
CONFERENCE_DATE = _l("Conference date")
KIND = _l("Kind of conference")
AREA = _l("Area")
CONFIDENTIAL = _l("Confidential")
PREPARED_ON = _l("Prepared on")
# GOV.UK-style footer numbering; the two placeholders become the page counters.
PAGE_OF = _l("Page %(page)s of %(pages)s")
AUTHOR = _l("Parent or carer")
# The profile's kinds of conference as a document names them; "not sure" is left out.
KIND_NAMES = {
    "initial": _l("Initial child protection conference"),
    "pre-birth": _l("Pre-birth child protection conference"),
    "review": _l("Review child protection conference"),
    "transfer-in": _l("Transfer-in child protection conference"),
}


def build_document(saved: Mapping[str, SectionState], profile: Profile, area: AreaPack | None, today: date) -> ViewsDocument:
    """The parent's views in the current language, answered sections only."""
    lang = current_locale()
    return ViewsDocument(
        lang=lang,
        direction=text_direction(lang),
        title=_both(TITLE),
        language_note=_language_note(lang),
        facts=(*_name_facts(saved.get(NAMES_SECTION)), *_profile_facts(profile, area, lang)),
        sections=tuple(_sections(saved)),
        prepared_on=_date(today, lang),
        footer_confidential=_both(CONFIDENTIAL),
        footer_prepared=_both(PREPARED_ON),
        page_of=_both(PAGE_OF),
        author=str(AUTHOR),
        filename_stem=f"meeting-notes-{(profile.conference_date or today).isoformat()}",
    )


def _heading(text: str, english: str) -> Heading:
    """A heading with its English, which is left out when it says the same."""
    return Heading(text, english if english != text else None)


def _both(message: LazyString) -> Heading:
    """A translatable ``message`` in the page language and in English."""
    text = str(message)
    with force_locale(ENGLISH):
        return _heading(text, str(message))


def _date(value: date, lang: str) -> str:
    """A long date in ``lang``, then in English when that reads differently."""
    return with_english(_heading(_long_date(value, lang), _long_date(value, ENGLISH)))


def _long_date(value: date, lang: str) -> str:
    """A long date as written in ``lang``'s main country: British for English."""
    return format_date(value, "long", locale=Locale.parse(word_language(lang), sep="-"))


def _language_note(lang: str) -> str | None:
    """For a chair who reads English: which language the parent wrote in."""
    locale = Locale.parse(lang, sep="-")
    if locale.language == ENGLISH:
        return None
    with force_locale(ENGLISH):
        return _(
            "These views are written in %(language)s. An interpreter or translation may be needed.",
            language=locale.get_display_name(ENGLISH),
        )


def _name_facts(state: SectionState | None) -> list[Fact]:
    """The names the parent chose to give, if any."""
    if state is None:
        return []
    return [
        Fact(_both(label), state.answers[name])
        for name, label in NamesForm.document_labels.items()
        if state.answers.get(name, "").strip()
    ]


def _profile_facts(profile: Profile, area: AreaPack | None, lang: str) -> list[Fact]:
    """The conference date, kind and area, each only when known."""
    facts = []
    if profile.conference_date is not None:
        facts.append(Fact(_both(CONFERENCE_DATE), _date(profile.conference_date, lang)))
    if profile.conference_kind is not None:
        facts.append(Fact(_both(KIND), with_english(_both(KIND_NAMES[profile.conference_kind]))))
    if area is not None:
        facts.append(Fact(_both(AREA), area.name))
    return facts


def _sections(saved: Mapping[str, SectionState]) -> list[Section]:
    """Each answered section under its heading; choices shown by their labels."""
    english_content = current_app.extensions["parent_guide.content"][ENGLISH]
    sections = []
    for section in content().prepare:
        form_class = form_for(section.slug)
        shown = shown_answers(form_class, saved.get(section.slug))
        if not shown:
            continue
        with force_locale(ENGLISH):
            in_english = shown_answers(form_class, saved.get(section.slug))
        english_title = english_content.prepare_section(section.slug).title
        sections.append(Section(_heading(section.title, english_title), tuple(_answers(shown, in_english))))
    return sections


def _answers(shown: list[ShownAnswer], in_english: list[ShownAnswer]) -> list[Answer]:
    """Answers with English labels; a typed answer is the same in both lists, a choice is not."""
    return [
        Answer(
            label=_heading(native.label, english.label) if native.label else None,
            text=with_english(_heading(native.text, english.text)),
        )
        for native, english in zip(shown, in_english, strict=True)
    ]
