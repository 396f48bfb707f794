"""The base of every form: Flask-WTF's, with WTForms' own messages loaded once per language.

Flask-WTF reads WTForms' message catalogue from disk on every request that
builds a form (about a millisecond of CPU on a form page or an autosave). The
catalogue never changes while the app runs, so it is kept per locale here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from babel import support
from flask import current_app
from flask_babel import get_locale
from flask_wtf import FlaskForm
from wtforms.i18n import messages_path


@lru_cache(maxsize=64)
def wtforms_translations(locale: str) -> support.Translations:
    """WTForms' messages in ``locale`` (a Babel locale identifier such as ``en_GB``)."""
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class Form(FlaskForm):
    """A Flask-WTF form whose WTForms messages come from the per-locale copy."""

    class Meta(FlaskForm.Meta):
        """Flask-WTF's settings, with translations kept per locale."""

        def get_translations(self, form: Any) -> Any:
            if not current_app.config.get("WTF_I18N_ENABLED", True) or "babel" not in current_app.extensions:
                return super().get_translations(form)
            locale = get_locale()
            return wtforms_translations(str(locale)) if locale is not None else None
