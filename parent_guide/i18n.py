"""Locales: which ones the site offers, the locale in each URL, and text direction.

The list of locales comes from the content folders (see :mod:`parent_guide.content`),
so adding a language is adding files, not code.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from babel import Locale, localedata
from flask import Flask, abort, current_app, g, has_request_context, request
from flask_babel import Babel, Domain, _get_current_context, get_locale, get_translations
from markupsafe import Markup

from parent_guide.languages import languages
from parent_guide.text_direction import text_part


# Where a request keeps (locale, domain, catalogue), on Flask-Babel's per-request state.
_KEPT = "parent_guide_translations"


class PerAppDomain(Domain):
    """Flask-Babel's translations cache, kept on each app instead of once per process.

    Flask-Babel caches translations on its Babel object by locale alone, so two
    apps in one process with different catalogue folders (the tests, or two
    sites served by one process) would otherwise get each other's translations.
    """

    def get_translations_cache(self, ctx: Any) -> dict[Any, Any]:
        return current_app.extensions.setdefault("parent_guide.translations_cache", {})

    def get_translations(self) -> Any:
        """The catalogue for this request's locale, remembered on the request for the next call.

        A page makes about fifty gettext calls; each would otherwise look the locale
        and the app's cache up again. The request keeps it with the locale object it
        was for, so ``force_locale`` (the PDF's English copy) still gets its own.
        """
        ctx = _get_current_context()
        if ctx is None:
            return super().get_translations()
        locale = get_locale()
        kept = getattr(ctx, _KEPT, None)
        if kept is not None and kept[0] is locale and kept[1] is self:
            return kept[2]
        translations = super().get_translations()
        setattr(ctx, _KEPT, (locale, self, translations))
        return translations


babel = Babel()
babel.domain_instance = PerAppDomain()


def current_translations() -> Any:
    """This request's catalogue, as ``flask_babel.get_translations()`` gives it, with fewer look-ups.

    Templates call gettext about fifty times a page; Flask-Babel finds the request's
    Babel state three times for each call. This reads the catalogue
    ``PerAppDomain.get_translations`` kept on the request when the locale and domain
    are still the ones it was kept for (``force_locale`` changes the locale).
    """
    ctx = _get_current_context()
    if ctx is not None:
        kept = getattr(ctx, _KEPT, None)
        if kept is not None and kept[0] is getattr(ctx, "babel_locale", None) and kept[1] is getattr(ctx, "babel_domain", None):
            return kept[2]
    return get_translations()


def offered_locales() -> tuple[str, ...]:
    """Locale codes the site offers, the default first."""
    return current_app.extensions["parent_guide.content"].locales


def current_locale() -> str:
    """The locale of this request: from the URL, else the default.

    An address that matched no page (a 404) still names its language in its
    first segment, so the error page speaks it.
    """
    code = g.get("lang_code")
    if code is None and has_request_context() and request.url_rule is None:
        first = request.path.split("/", 2)[1]
        code = first if first in offered_locales() else None
    return code or current_app.config["DEFAULT_LOCALE"]


@lru_cache
def text_direction(code: str) -> str:
    """``rtl`` or ``ltr`` for a locale code."""
    return Locale.parse(code, sep="-").text_direction


@lru_cache
def babel_locale(code: str) -> str:
    """The Babel locale for a site locale: the British variant where there is one.

    So English dates read "3 December 2026", not "December 3, 2026". Catalogues
    still come from ``translations/en``: gettext falls back from en_GB to en.
    """
    base = code.replace("-", "_")
    return f"{base}_GB" if "_" not in base and localedata.exists(f"{base}_GB") else base


def best_locale_for_request() -> str:
    """The offered locale that best matches the browser's Accept-Language."""
    offered = offered_locales()
    return request.accept_languages.best_match(offered) or offered[0]


def _pull_lang_code(endpoint: str | None, values: dict[str, Any] | None) -> None:
    if values is None or "lang_code" not in values:
        return
    code = values.pop("lang_code")
    if code not in offered_locales():
        abort(404)
    g.lang_code = code


def _add_lang_code(endpoint: str, values: dict[str, Any]) -> None:
    if "lang_code" in values or not current_app.url_map.is_endpoint_expecting(endpoint, "lang_code"):
        return
    values["lang_code"] = current_locale()


def direction_attributes(text: str) -> Markup:
    """``dir`` (and ``lang`` when the script tells it) for an element holding ``text`` a parent wrote."""
    code = current_locale()
    part = text_part(text, code, text_direction(code))
    # Markup.format escapes what it is given.
    attributes = Markup('dir="{}"').format(part.direction)
    return attributes + Markup(' lang="{}"').format(part.lang) if part.lang else attributes


def init_app(app: Flask) -> None:
    """Wire Flask-Babel and the ``/<lang_code>/`` URL prefix into ``app``."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", app.config["DEFAULT_LOCALE"])
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(app.config["TRANSLATIONS_DIR"])
    babel.init_app(app, locale_selector=lambda: babel_locale(current_locale()))
    # Flask-Babel's callables for templates, with the catalogue found the quicker way.
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda s: current_translations().ugettext(s),
        ngettext=lambda s, p, n: current_translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: current_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: current_translations().unpgettext(c, s, p, n),
    )
    app.url_value_preprocessor(_pull_lang_code)
    app.url_defaults(_add_lang_code)
    app.add_template_filter(direction_attributes, "direction_attributes")

    @app.context_processor
    def locale_context() -> dict[str, Any]:
        code = current_locale()
        return {
            "lang_code": code,
            "text_dir": text_direction(code),
            "offered_locales": [(c, languages()[c].name) for c in offered_locales()],
        }
