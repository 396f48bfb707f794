"""Fit the "Ask a question" calibration model and its thresholds; write parent_guide/ask/calibration.toml.

    PYTHONPATH=. .venv/bin/python bench/ask_calibrate.py [--hold en-dev4] [--write]

Fits on the tuning and development questions of every language, never the
held-aside ones (see parent_guide/ask/calibration.py for the model and how the
thresholds are chosen), and prints, for each file, top-3 and off-topic answered
under the old single confidence threshold and under the model.

``--hold locale-part`` (for example ``en-dev4``) leaves that file out of the
fit: its figures then show how the model does on questions it never saw.
Run it again with ``--write`` after any change to the entries, the words in
``ask.toml`` or the ranking (a test fails until the file matches a refit).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from parent_guide import create_app
from parent_guide.ask import calibration, search
from parent_guide.ask.calibration import Sample
from parent_guide.ask.evaluation import EVAL_DIR, calibration_samples



def _figures(samples: list[Sample], answers: Callable[[Sample], bool]) -> str:
    answerable = [s for s in samples if s.answerable]
    off = [s for s in samples if not s.answerable]
    top3 = sum(s.found and s.signals is not None and answers(s) for s in answerable) / len(answerable) if answerable else float("nan")
    answered = sum(s.signals is not None and answers(s) for s in off) / len(off) if off else float("nan")
    return f"top-3 {top3:6.1%}  off-topic answered {answered:6.1%}"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--hold", help="leave one file out of the fit, e.g. en-dev4, and report it")
    parser.add_argument("--write", action="store_true", help=f"write {calibration.FILE}")
    args = parser.parse_args()
    searcher = create_app().extensions["parent_guide.ask"]
    samples = calibration_samples(searcher, EVAL_DIR)
    held = tuple(args.hold.split("-", 1)) if args.hold else None
    model = calibration.fitted([s for s in samples if (s.locale, s.part) != held])
    print(f"threshold {model.threshold}; a language's own: {dict(model.thresholds)}")
    print("weights: " + ", ".join(f"{name} {w:+.2f}" for name, w in zip(calibration.FEATURES, model.weights)))
    for locale, part in sorted({(s.locale, s.part) for s in samples}):
        part_samples = [s for s in samples if (s.locale, s.part) == (locale, part)]
        old = _figures(part_samples, lambda s: s.signals is not None and s.signals["confidence"] >= search.MIN_CONFIDENCE)
        new = _figures(part_samples, lambda s: s.signals is not None and model.probability(s.signals) >= model.threshold_for(s.locale))
        mark = "  (held out of the fit)" if (locale, part) == held else ""
        print(f"{locale:3} {part:7} confidence: {old}   model: {new}{mark}")
    if args.write:
        if held:
            print("not written: a model fitted without every file is for checking only", file=sys.stderr)
            return 1
        calibration.FILE.write_text(calibration.to_toml(model))
        print(f"wrote {calibration.FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
