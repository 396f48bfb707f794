"""One form per kind of section. Most sections are a single answer box."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from flask import current_app
from flask_babel import format_number
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from wtforms import Field, HiddenField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional, ValidationError

from parent_guide.drafts.store import SectionState
from parent_guide.forms import CharacterCount, Form, RadioInput, TextInput
from parent_guide.prepare.text import clean


def _within_limit(form: Form, field: Field) -> None:
    limit = current_app.config["ANSWER_MAX_CHARS"]
    if field.data and len(field.data) > limit:
        # Numbers in the page language's own style ("5,000" in English, "5 000" in Polish).
        raise ValidationError(
            ngettext(
                "This answer must be %(limit)s character or fewer. It has %(count)s.",
                "This answer must be %(limit)s characters or fewer. It has %(count)s.",
                limit,
                limit=format_number(limit),
                count=format_number(len(field.data)),
            )
        )


def _cleaned(value: Any) -> Any:
    # Only text is an answer; anything else a crafted request sends counts as empty.
    return clean(value) if isinstance(value, str) else None


class SectionForm(Form):
    """Fields shared by every section: the version the parent started from."""

    answer_fields: ClassVar[tuple[str, ...]] = ()
    text_fields: ClassVar[tuple[str, ...]] = ()
    version = HiddenField(default="0")

    def answers(self) -> dict[str, str]:
        """The parent's answers, cleaned, with empty fields left out."""
        values = {name: (getattr(self, name).data or "") for name in self.answer_fields}
        return {name: value for name, value in values.items() if value.strip()}

    def fill(self, answers: dict[str, str], version: int) -> None:
        """Show saved answers in the fields."""
        for name in self.answer_fields:
            getattr(self, name).data = answers.get(name, "")
        self.version.data = str(version)

    def base_version(self) -> int:
        """The version this form was loaded from; 0 if missing or not a number."""
        try:
            return max(int(self.version.data or 0), 0)
        except ValueError:
            return 0


class AnswerForm(SectionForm):
    """A single large answer box."""

    answer_fields = ("answer",)
    text_fields = ("answer",)
    answer = TextAreaField(
        _l("Your answer"), filters=[_cleaned], validators=[_within_limit], widget=CharacterCount()
    )


class PracticalNeedsForm(SectionForm):
    """Practical needs on the day: attending, supporter, interpreter, adjustments."""

    answer_fields = ("attending", "supporter", "interpreter", "interpreter_language", "adjustments")
    text_fields = ("supporter", "interpreter_language", "adjustments")
    attending = RadioField(
        _l("Do you plan to go to the conference?"),
        choices=[
            SelectChoice("yes", _l("Yes")),
            SelectChoice("no", _l("No")),
            SelectChoice("not-sure", _l("I'm not sure yet")),
        ],
        validators=[Optional()],
        widget=RadioInput(),
    )
    supporter = StringField(
        _l("Who are you bringing as a supporter?"),
        description=_l("For example, a friend, a relative or an advocate. Leave this blank if you are not bringing anyone."),
        filters=[_cleaned],
        validators=[_within_limit],
        widget=TextInput(),
    )
    interpreter = RadioField(
        _l("Do you need an interpreter?"),
        choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
        validators=[Optional()],
        widget=RadioInput(),
    )
    interpreter_language = StringField(
        _l("Which language should the interpreter speak?"),
        description=_l("Include the dialect if it matters, for example Sylheti or Kurdish Sorani."),
        filters=[_cleaned],
        validators=[_within_limit],
        widget=TextInput(),
    )
    adjustments = TextAreaField(
        _l("Do you need anything else so you can take part?"),
        description=_l("For example, step-free access, a hearing loop, large print, breaks, or a quiet room."),
        filters=[_cleaned],
        validators=[_within_limit],
        widget=CharacterCount(),
    )


@dataclass(frozen=True)
class ShownAnswer:
    """One answer as the parent sees it: the question (for multi-question sections) and text."""

    label: str | None
    text: str


def shown_answers(form_class: type[SectionForm], state: SectionState | None) -> list[ShownAnswer]:
    """A section's saved answers in order, choices shown by their labels."""
    if state is None:
        return []
    form = form_class(formdata=None, meta={"csrf": False})
    shown = []
    for name in form_class.answer_fields:
        value = state.answers.get(name, "")
        if not value.strip():
            continue
        field = form[name]
        if isinstance(field, RadioField):
            value = next((str(c.label) for c in field.choices if c.value == value), value)
        label = str(field.label.text) if len(form_class.answer_fields) > 1 else None
        shown.append(ShownAnswer(label=label, text=value))
    return shown


FORMS: dict[str, type[SectionForm]] = {"practical-needs": PracticalNeedsForm}


def form_for(slug: str) -> type[SectionForm]:
    """The form class for a section: the answer box unless the section needs more."""
    return FORMS.get(slug, AnswerForm)
