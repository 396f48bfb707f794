"""Time the PDF and Word exports of a full document, in English and in Arabic.

Run with ``.venv/bin/python bench/export.py``. Prints the median of 15 timed
renders (after 3 warm-up renders) and its ratio to the budget for each.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from parent_guide.export.document import Answer, Fact, Heading, Section, ViewsDocument
from parent_guide.export.pdf import render_pdf
from parent_guide.export.word import render_docx

WARM_UP = 3
RUNS = 15
BUDGETS_MS = {"PDF": 300.0, "Word": 50.0}
SECTION_CHARS = 1500

# The words of a full document in each language. The eight sections are the
# form's; the last has five short questions.
WORDS = {
    "en": {
        "title": "My views for the child protection conference",
        "sections": (
            "What is working well",
            "Worries",
            "What makes things harder",
            "Help and support",
            "Next steps",
            "Your child's views",
            "Your questions",
            "Practical needs",
        ),
        "questions": ("Interpreter", "Access", "Childcare", "Travel", "Anything else"),
        "sentence": "We read together every evening and she tells me about her day at school.",
        "date_label": "Conference date",
        "date": "3 December 2026",
        "prepared_on": "22 November 2026",
        "confidential": "Confidential",
        "prepared": "Prepared on",
        "page": "Page %(page)s of %(pages)s",
    },
    "ar": {
        "title": "آرائي من أجل مؤتمر حماية الطفل",
        "sections": (
            "ما الذي يسير بشكل جيد",
            "المخاوف",
            "ما الذي يجعل الأمور أصعب",
            "المساعدة والدعم",
            "الخطوات التالية",
            "آراء طفلك",
            "أسئلتك",
            "الاحتياجات العملية",
        ),
        "questions": ("مترجم", "إمكانية الوصول", "رعاية الأطفال", "السفر", "أي شيء آخر"),
        "sentence": "نقرأ معا كل مساء وتخبرني عن يومها في المدرسة.",
        "date_label": "تاريخ المؤتمر",
        "date": "٣ ديسمبر ٢٠٢٦",
        "prepared_on": "٢٢ نوفمبر ٢٠٢٦",
        "confidential": "سري",
        "prepared": "أُعدّ في",
        "page": "صفحة %(page)s من %(pages)s",
    },
}


def filled(sentence: str) -> str:
    """About SECTION_CHARS characters of ``sentence``, in paragraphs of three sentences."""
    sentences = [sentence] * (SECTION_CHARS // (len(sentence) + 1))
    return "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))


def full_document(lang: str) -> ViewsDocument:
    """All eight sections filled, the last with five short answers to its questions."""
    words, english = WORDS[lang], WORDS["en"]

    def heading(text: str, in_english: str) -> Heading:
        return Heading(text, None if lang == "en" else in_english)

    def label(key: str) -> Heading:
        return heading(words[key], english[key])

    long_sections = tuple(
        Section(heading(name, name_en), (Answer(None, filled(words["sentence"])),))
        for name, name_en in zip(words["sections"][:-1], english["sections"][:-1])
    )
    questions = tuple(
        Answer(heading(question, question_en), words["sentence"])
        for question, question_en in zip(words["questions"], english["questions"])
    )
    return ViewsDocument(
        lang=lang,
        direction="rtl" if lang == "ar" else "ltr",
        title=label("title"),
        language_note=(
            None if lang == "en" else "These views are written in Arabic. An interpreter or translation may be needed."
        ),
        facts=(Fact(label("date_label"), words["date"]),),
        sections=(*long_sections, Section(heading(words["sections"][-1], english["sections"][-1]), questions)),
        prepared_on=words["prepared_on"],
        footer_confidential=label("confidential"),
        footer_prepared=label("prepared"),
        page_of=label("page"),
        author="Parent or carer",
        filename_stem="conference-views-2026-12-03",
    )


def median_ms(render: Callable[[ViewsDocument], bytes], doc: ViewsDocument) -> float:
    """Median wall time of RUNS renders after WARM_UP, in milliseconds."""
    for _ in range(WARM_UP):
        render(doc)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        render(doc)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print one line per format and language."""
    print(f"{'format':<6} {'lang':<4} {'median ms':>10} {'budget ms':>10} {'ratio':>6}")
    for lang in WORDS:
        doc = full_document(lang)
        for name, render in (("PDF", render_pdf), ("Word", render_docx)):
            median = median_ms(render, doc)
            budget = BUDGETS_MS[name]
            print(f"{name:<6} {lang:<4} {median:>10.1f} {budget:>10.0f} {median / budget:>6.2f}")


if __name__ == "__main__":
    main()
