"""Right-to-left pages: Arabic and Urdu test locales, screenshots at 375px, no sideways scroll, axe.

The locales here are test-only: a few strings and pages written for the test,
enough to see every component the site uses laid out from the right. The
screenshots go to build/screenshots-rtl/ to be looked at.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import frontmatter
import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from flask import Flask
from playwright.sync_api import Browser, Page
from werkzeug.serving import make_server

from parent_guide.config import PROJECT_ROOT
from parent_guide.extensions import db
from tests.browser.axe import violations
from tests.conftest import make_app, site_urls

pytestmark = pytest.mark.browser

SCREENSHOTS = PROJECT_ROOT / "build" / "screenshots-rtl"
WORDS = {
    "ar": {
        "Start now": "ابدأ الآن",
        "The guide": "الدليل",
        "Your guide": "دليلك",
        "Your views": "آراؤك",
        "Words explained": "شرح الكلمات",
        "Leave this site": "غادر هذا الموقع",
        "Back": "رجوع",
        "Continue": "متابعة",
        "Menu": "القائمة",
        "Skip to main content": "انتقل إلى المحتوى الرئيسي",
        "There is a problem": "هناك مشكلة",
        "What kind of conference is it?": "ما نوع المؤتمر؟",
        "Select an answer, or choose “I’m not sure”": "اختر إجابة، أو اختر «لست متأكدًا»",
        "Check your answers": "راجع إجاباتك",
        "Languages": "اللغات",
    },
    "ur": {
        "Start now": "ابھی شروع کریں",
        "The guide": "رہنما",
        "Your guide": "آپ کی رہنمائی",
        "Your views": "آپ کی رائے",
        "Words explained": "الفاظ کی وضاحت",
        "Leave this site": "یہ سائٹ چھوڑیں",
        "Back": "واپس",
        "Continue": "جاری رکھیں",
        "Menu": "مینو",
        "There is a problem": "ایک مسئلہ ہے",
        "Check your answers": "اپنے جوابات دیکھیں",
    },
}
# Test-only pages: (title, summary, body). The front matter's other keys come
# from the English file, so the test follows the content format.
START = {
    "ar": (
        "استعد لمؤتمر حماية الطفل",
        "افهم ما سيحدث وجهّز ما تريد قوله.",
        "هذا الدليل للآباء والأمهات ومقدمي الرعاية في إنجلترا وويلز.\n\n## بماذا يساعد هذا الدليل\n\n"
        "- فهم كل خطوة\n- معرفة حقوقك\n- الاستعداد لمشاركة آرائك\n\nاتصل بالرقم 999 إذا كان طفل في خطر الآن.\n",
    ),
    "ur": (
        "بچوں کے تحفظ کی کانفرنس کی تیاری کریں",
        "سمجھیں کہ کیا ہوگا اور جو کہنا ہے اس کی تیاری کریں۔",
        "یہ رہنما انگلینڈ اور ویلز کے والدین کے لیے ہے۔\n\n## یہ رہنما کس چیز میں مدد کرتا ہے\n\n"
        "- ہر قدم کو سمجھنا\n- اپنے حقوق جاننا\n\nاگر کوئی بچہ ابھی خطرے میں ہے تو 999 پر کال کریں۔\n",
    ),
}
STEP = {
    "ar": (
        "ما هو مؤتمر حماية الطفل",
        "اجتماع حول سلامة طفلك.",
        "لقد دُعيت إلى مؤتمر حماية الطفل. قد تشعر بالخوف. كثير من الآباء يشعرون بذلك.\n\n## ما هو\n\n"
        "إنه اجتماع يحضره الأخصائي الاجتماعي وأشخاص آخرون يعملون مع عائلتك.\n\n"
        "> يمكنك الاتصال بمجموعة حقوق الأسرة على 0808 801 0366 مجانًا.\n",
    ),
    "ur": (
        "بچوں کے تحفظ کی کانفرنس کیا ہے",
        "آپ کے بچے کی حفاظت کے بارے میں ایک میٹنگ۔",
        "آپ کو بچوں کے تحفظ کی کانفرنس میں بلایا گیا ہے۔ آپ کو ڈر لگ سکتا ہے۔\n\n## یہ کیا ہے\n\n"
        "یہ ایک میٹنگ ہے جس میں سوشل ورکر اور دوسرے لوگ آتے ہیں۔\n\n"
        "> آپ فیملی رائٹس گروپ کو 0808 801 0366 پر مفت کال کر سکتے ہیں۔\n",
    ),
}


def _translated(english: Path, words: tuple[str, str, str], target: Path) -> None:
    """Write ``target`` as ``english`` with its title, summary and text replaced."""
    post = frontmatter.load(english)
    post.metadata["title"], post.metadata["summary"] = words[0], words[1]
    post.content = words[2]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(frontmatter.dumps(post), encoding="utf-8")


@pytest.fixture(scope="module")
def rtl_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The site with test-only Arabic and Urdu locales: a start page, a step and a few strings each."""
    root = tmp_path_factory.mktemp("rtl")
    content = root / "content"
    shutil.copytree(PROJECT_ROOT / "content", content)
    for code in ("ar", "ur"):
        for folder, name, words in (("pages", "start.md", START[code]), ("steps", "01-what-is-a-conference.md", STEP[code])):
            _translated(content / "en" / folder / name, words, content / code / folder / name)
        catalogue = Catalog(locale=code)
        for english, translated in WORDS[code].items():
            catalogue.add(english, translated)
        messages = root / "translations" / code / "LC_MESSAGES"
        messages.mkdir(parents=True)
        with (messages / "messages.mo").open("wb") as handle:
            write_mo(handle, catalogue)
    application = make_app(f"sqlite:///{root / 'drafts.sqlite3'}", CONTENT_DIR=content, TRANSLATIONS_DIR=root / "translations")
    yield application
    with application.app_context():
        db.engine.dispose()


@pytest.fixture(scope="module")
def rtl_server(rtl_app: Flask) -> Iterator[str]:
    """The right-to-left app on a loopback port."""
    server = make_server("127.0.0.1", 0, rtl_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def _shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def _answer_a_section(page: Page, server: str, code: str) -> None:
    """Start a draft and write one answer, in Arabic with an English name and a date in it."""
    page.goto(f"{server}/{code}/prepare/")
    page.locator("form[action$='/prepare/start'] button").click()
    page.goto(f"{server}/{code}/prepare/working-well")
    page.locator("textarea").first.fill("نقرأ معا كل مساء مع Ms Khan منذ 12/03/2026.\n\nWe also go to the park.")
    page.locator("button[name='action'][value='continue']").click()


@pytest.mark.parametrize("code", ["ar", "ur"])
def test_screenshots_and_layout_from_the_right(rtl_server: str, browser: Browser, code: str) -> None:
    """Verify the start page, a step, a form with an error and check answers lay out from the right; screenshot each."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=1)
    page = context.new_page()
    try:
        page.goto(f"{rtl_server}/{code}/")
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        assert "/assets/rtl." in page.locator("link[rel=stylesheet]").first.get_attribute("href")
        heading = page.locator("h1").bounding_box()
        assert heading and heading["x"] + heading["width"] > 375 - 25, "the heading does not start at the right"
        _shoot(page, f"{code}-start.png")

        page.goto(f"{rtl_server}/{code}/guide/what-is-a-conference")
        back = page.locator(".govuk-back-link")
        if back.count():
            box = back.first.bounding_box()
            assert box and box["x"] > 375 / 2, "the back link is not on the right"
        _shoot(page, f"{code}-step.png")

        page.goto(f"{rtl_server}/{code}/your-guide/questions/kind")
        page.locator("form button.govuk-button").first.click()
        assert page.locator(".govuk-error-summary").count() == 1
        radio = page.locator(".govuk-radios__input").first.bounding_box()
        label = page.locator(".govuk-radios__label").first.bounding_box()
        assert radio and label and radio["x"] > label["x"], "the radio button is not to the right of its label"
        _shoot(page, f"{code}-form-error.png")

        _answer_a_section(page, rtl_server, code)
        page.goto(f"{rtl_server}/{code}/prepare/check")
        _shoot(page, f"{code}-check-answers.png")
        key = page.locator(".govuk-summary-list__key").first.bounding_box()
        value = page.locator(".govuk-summary-list__value").first.bounding_box()
        if key and value and value["y"] < key["y"] + key["height"]:
            assert key["x"] > value["x"], "the summary list key is not on the right"
    finally:
        context.close()


@pytest.mark.parametrize("code", ["ar", "ur"])
def test_no_sideways_scroll_and_no_axe_violations(rtl_app: Flask, rtl_server: str, browser: Browser, code: str) -> None:
    """Verify every page in the right-to-left locale fits 320px and has no axe-core violations at 375px."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide, failures = {}, {}
    try:
        for url in site_urls(rtl_app, code):
            page.set_viewport_size({"width": 320, "height": 640})
            page.goto(rtl_server + url)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                too_wide[url] = width
            page.set_viewport_size({"width": 375, "height": 740})
            found = violations(page)
            if found:
                failures[url] = "\n".join(found)
    finally:
        context.close()
    assert not too_wide, f"pages wider than 320px: {too_wide}"
    assert not failures, "\n\n".join(f"{url}:\n{text}" for url, text in failures.items())
