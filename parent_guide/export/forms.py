"""The optional names form: the parent's and children's names for the document.

The names are stored in the encrypted draft like any section, under
:data:`NAMES_SECTION`, so they come back with the resume code.
"""

from __future__ import annotations

from typing import Any, ClassVar

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from wtforms import StringField
from wtforms.validators import Length

from parent_guide.forms import TextInput
from parent_guide.prepare.forms import SectionForm
from parent_guide.prepare.text import clean

NAMES_SECTION = "_names"
"""The draft section holding the names; the underscore keeps it off the task list."""

NAME_MAX_CHARS = 300


def _cleaned(value: Any) -> Any:
    # Only text is a name; anything else a crafted request sends counts as empty.
    return clean(value).strip() if isinstance(value, str) else None


def _name_field(label: LazyString, too_long: LazyString) -> StringField:
    return StringField(
        label,
        description=_l("This will appear on your document."),
        filters=[_cleaned],
        validators=[Length(max=NAME_MAX_CHARS, message=too_long)],
        widget=TextInput(),
    )


class NamesForm(SectionForm):
    """Both names are optional; whatever is given is printed on the document."""

    # How each name is labelled on the document, in the order it is shown.
    document_labels: ClassVar[dict[str, LazyString]] = {
        "parent_name": _l("Parent or carer"),
        "children_names": _l("Children"),
    }
    answer_fields = tuple(document_labels)
    parent_name = _name_field(
        _l("Your name (optional)"),
        lazy_ngettext("Your name must be %(num)s character or fewer", "Your name must be %(num)s characters or fewer", NAME_MAX_CHARS),
    )
    children_names = _name_field(
        _l("Your children’s names (optional)"),
        lazy_ngettext("Your children’s names must be %(num)s character or fewer", "Your children’s names must be %(num)s characters or fewer", NAME_MAX_CHARS),
    )
