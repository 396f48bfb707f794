"""The tailoring questions' forms: one question each, every one skippable."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from parent_guide.forms import CheckboxesInput, Form, RadioInput
from parent_guide.profile import AGE_BANDS


CHOOSE = _l("Select an answer, or choose “I’m not sure”")


class AreaForm(Form):
    """Which area is holding the conference; choices come from the area packs."""

    answer = RadioField(_l("Which area is holding the conference?"), validators=[InputRequired(CHOOSE)], widget=RadioInput())


class KindForm(Form):
    """The kind of conference."""

    answer = RadioField(
        _l("What kind of conference is it?"),
        choices=[
            SelectChoice("initial", _l("The first conference about my child (an initial conference)")),
            SelectChoice("pre-birth", _l("A conference about an unborn baby (a pre-birth conference)")),
            SelectChoice("review", _l("A review of a child protection plan (a review conference)")),
            SelectChoice("transfer-in", _l("We moved here and my child already has a plan (a transfer-in conference)")),
        ],
        validators=[InputRequired(CHOOSE)],
        widget=RadioInput(),
    )


class AgesForm(Form):
    """The children's ages, as bands."""

    answer = SelectMultipleField(
        _l("How old are the children the conference is about?"),
        description=_l("Select all that apply."),
        choices=[SelectChoice(band, label) for band, (_youngest, label) in AGE_BANDS.items()],
        validators=[InputRequired(CHOOSE)],
        widget=CheckboxesInput(),
    )


class AttendingForm(Form):
    """Whether the parent plans to go."""

    answer = RadioField(
        _l("Do you plan to go to the conference?"),
        choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
        validators=[InputRequired(CHOOSE)],
        widget=RadioInput(),
    )


class SupporterForm(Form):
    """Whether the parent wants to bring someone."""

    answer = RadioField(
        _l("Do you want to bring someone with you for support?"),
        description=_l("For example, a friend, a relative or an advocate."),
        choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
        validators=[InputRequired(CHOOSE)],
        widget=RadioInput(),
    )


class HelpForm(Form):
    """Whether the parent needs an interpreter or other help to take part."""

    answer = SelectMultipleField(
        _l("Do you need any help to take part?"),
        description=_l("Select all that apply."),
        choices=[
            SelectChoice("interpreter", _l("An interpreter")),
            SelectChoice("other-help", _l("Other help, for example with access, hearing, seeing or reading")),
            SelectChoice("none", _l("No, I do not need help")),
        ],
        validators=[InputRequired(CHOOSE)],
        widget=CheckboxesInput(),
    )


