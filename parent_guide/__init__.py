"""parent_guide: helps parents prepare for a child protection conference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, url_for
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from werkzeug.middleware.proxy_fix import ProxyFix

from parent_guide import (
    area_language,
    areas,
    ask,
    assets,
    compression,
    database,
    errors,
    helplines,
    hosts,
    i18n,
    indexing,
    language_switch,
    languages,
    local_facts,
    production,
    rate_limits,
    render_cache,
    request_guard,
    security,
    session_cookie,
    session_safety,
    tailoring,
)
from parent_guide.config import Config, TestConfig
from parent_guide.content import ContentLibrary, load_library
from parent_guide.drafts.cli import drafts_cli
from parent_guide.templating import QuickImportTemplate
from parent_guide.extensions import csrf

__all__ = ["create_app", "Config", "TestConfig"]


def _content_url(app: Flask) -> Any:
    """A URL builder for links written in content (``step:``, ``glossary:`` and ``page:``)."""

    def url(locale: str, scheme: str, target: str) -> str:
        with app.test_request_context():
            if scheme == "step":
                return url_for("guide.step", lang_code=locale, slug=target)
            if scheme == "page":
                return url_for("main.information", lang_code=locale, slug=target)
            return url_for("guide.glossary", lang_code=locale, _anchor=target or None)

    return url


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the Flask app; ``test_config`` overrides settings for tests."""
    app = Flask(__name__, instance_relative_config=True, static_folder=None)

    # Settings: defaults from the environment, then the tests' overrides.
    app.config.from_object(TestConfig if test_config and test_config.get("TESTING") else Config)
    if test_config:
        app.config.update(test_config)
    production.init_app(app)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    proxies = app.config["TRUSTED_PROXIES"]
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)  # type: ignore[method-assign]

    # Templates: ours first, then GOV.UK Frontend's under their prefixes.
    app.jinja_loader = ChoiceLoader(
        [
            PackageLoader("parent_guide"),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.template_class = QuickImportTemplate
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.add_extension("jinja2.ext.do")

    # Journeys: one blueprint each.
    from parent_guide.guide import bp as guide_bp
    from parent_guide.main import bp as main_bp
    from parent_guide.export import bp as export_bp
    from parent_guide.prepare import bp as prepare_bp
    from parent_guide.tailor import bp as tailor_bp
    from parent_guide.ask import bp as ask_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(guide_bp)
    app.register_blueprint(prepare_bp)
    app.register_blueprint(export_bp)
    app.register_blueprint(tailor_bp)
    app.register_blueprint(ask_bp)

    # Content is read and checked once, here, not on each request.
    library: ContentLibrary = load_library(
        Path(app.config["CONTENT_DIR"]), app.config["DEFAULT_LOCALE"], _content_url(app)
    )
    app.extensions["parent_guide.content"] = library
    areas.init_app(app)
    local_facts.init_app(app)
    area_language.init_app(app, app.extensions[areas.EXTENSION_KEY])
    helplines.init_app(app)
    ask.init_app(app, _content_url(app))
    languages.init_app(app)

    # Shared services: hosts and bodies checked first, then the encrypted session,
    # database, forms, rate limits, locales, safety on a shared phone, assets, headers, errors.
    hosts.init_app(app)
    request_guard.init_app(app)
    session_cookie.init_app(app)
    database.init_app(app)
    csrf.init_app(app)
    rate_limits.init_app(app)
    WTFormsHelpers(app)
    app.cli.add_command(drafts_cli)
    i18n.init_app(app)
    language_switch.init_app(app)
    session_safety.init_app(app)
    tailoring.init_app(app)
    assets.init_app(app)
    security.init_app(app)
    render_cache.init_app(app)
    compression.init_app(app)
    indexing.init_app(app)
    errors.init_app(app)
    return app
