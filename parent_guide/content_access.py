"""Access to the loaded content for the current request's locale."""

from __future__ import annotations

from flask import current_app

from parent_guide.content_model import LocaleContent
from parent_guide.i18n import current_locale


def content() -> LocaleContent:
    """Content in the current locale (English where a translation is missing)."""
    return current_app.extensions["parent_guide.content"][current_locale()]
