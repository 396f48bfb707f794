"""Sample documents for the export tests, in English, Polish, Arabic and Urdu."""

from __future__ import annotations

from parent_guide.export.document import Answer, Fact, Heading, Section, ViewsDocument

# Per language: the words a real document would carry, and the English for
# each (None for English itself).
_WORDS = {
    "en": {
        "title": "My views for the child protection conference",
        "working_well": "What is working well",
        "worries": "What I am worried about",
        "first_question": "What worries you most?",
        "second_question": "What would help?",
        "date_label": "Conference date",
        "date": "3 December 2026",
        "confidential": "Confidential",
        "prepared": "Prepared on",
        "page": "Page %(page)s of %(pages)s",
        "prepared_on": "22 November 2026",
        "text": "We read together every evening.\nThe school says she is doing well.\n\nI want to keep going.",
    },
    "pl": {
        "title": "Moje poglądy na konferencję w sprawie ochrony dziecka",
        "working_well": "Co działa dobrze",
        "worries": "Co mnie martwi",
        "first_question": "Co martwi Cię najbardziej?",
        "second_question": "Co by pomogło?",
        "date_label": "Data konferencji",
        "date": "3 grudnia 2026",
        "confidential": "Poufne",
        "prepared": "Przygotowano",
        "page": "Strona %(page)s z %(pages)s",
        "prepared_on": "22 listopada 2026",
        "text": "Zażółć gęślą jaźń.\nCzytamy razem co wieczór.\n\nChcę dalej tak robić.",
    },
    "ar": {
        "title": "آرائي من أجل مؤتمر حماية الطفل",
        "working_well": "ما الذي يسير بشكل جيد",
        "worries": "ما الذي يقلقني",
        "first_question": "ما الذي يقلقك أكثر؟",
        "second_question": "ما الذي قد يساعد؟",
        "date_label": "تاريخ المؤتمر",
        "date": "٣ ديسمبر ٢٠٢٦",
        "confidential": "سري",
        "prepared": "أُعدّ في",
        "page": "صفحة %(page)s من %(pages)s",
        "prepared_on": "٢٢ نوفمبر ٢٠٢٦",
        "text": "نقرأ معا كل مساء.\nتقول المدرسة إنها تتقدم بشكل جيد.\n\nأريد أن أستمر.",
    },
    "ur": {
        "title": "بچوں کے تحفظ کی کانفرنس کے لیے میری رائے",
        "working_well": "کیا اچھا چل رہا ہے",
        "worries": "مجھے کس بات کی فکر ہے",
        "first_question": "آپ کو سب سے زیادہ کس بات کی فکر ہے؟",
        "second_question": "کس چیز سے مدد ملے گی؟",
        "date_label": "کانفرنس کی تاریخ",
        "date": "۳ دسمبر ۲۰۲۶",
        "confidential": "خفیہ",
        "prepared": "تیار کردہ",
        "page": "صفحہ %(page)s از %(pages)s",
        "prepared_on": "۲۲ نومبر ۲۰۲۶",
        "text": "ہم ہر شام مل کر پڑھتے ہیں۔\nاسکول کہتا ہے کہ وہ اچھا کر رہی ہے۔\n\nمیں یہ جاری رکھنا چاہتی ہوں۔",
    },
}
_NAMES = {"pl": "Polish", "ar": "Arabic", "ur": "Urdu"}


def sample(lang: str = "en", text: str | None = None) -> ViewsDocument:
    """A two-section document in ``lang``; ``text`` replaces the first answer."""
    words = _WORDS[lang]
    english = _WORDS["en"]

    def heading(key: str) -> Heading:
        return Heading(words[key], None if lang == "en" else english[key])

    return ViewsDocument(
        lang=lang,
        direction="rtl" if lang in ("ar", "ur") else "ltr",
        title=heading("title"),
        language_note=(
            None
            if lang == "en"
            else f"These views are written in {_NAMES[lang]}. An interpreter or translation may be needed."
        ),
        facts=(Fact(heading("date_label"), words["date"]),),
        sections=(
            Section(heading("working_well"), (Answer(None, words["text"] if text is None else text),)),
            Section(
                heading("worries"),
                (
                    Answer(heading("first_question"), words["text"]),
                    Answer(heading("second_question"), words["text"]),
                ),
            ),
        ),
        prepared_on=words["prepared_on"],
        footer_confidential=heading("confidential"),
        footer_prepared=heading("prepared"),
        page_of=heading("page"),
        author="Parent or carer",
        filename_stem="meeting-notes-2026-12-03",
    )
