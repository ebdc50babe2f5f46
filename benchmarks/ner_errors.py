"""Entity errors of a spaCy pipeline on the development sets, by type.

    python benchmarks/ner_errors.py [--model models/de_newslens] [--set germeval|news|both]
                                    [--show N] [--no-ruler]

Scores only the development sets (GermEval dev and the news dev sentences), never a test
split, so the errors can be read while choosing rules. Each gold or predicted entity that is
not an exact match falls into one type: ``label`` (same span, other label), ``boundary`` (an
overlapping span, same label), ``boundary+label``, ``missed`` (no overlapping prediction) and
``spurious`` (no overlapping gold entity). Prints the counts per type and label, then up to
``--show`` examples of each type with the sentence.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "training" / "corpus"
SETS = {"germeval": "germeval_dev.spacy", "news": "news_dev.spacy"}


def char_spans(doc) -> set[tuple[int, int, str]]:
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents}


def classify(gold: set, pred: set) -> list[tuple[str, str, tuple | None, tuple | None]]:
    """(type, label, gold span, predicted span) for every entity that is not an exact match."""
    out = []
    exact = gold & pred
    for g in sorted(gold - exact):
        over = [p for p in pred - exact if p[0] < g[1] and g[0] < p[1]]
        if not over:
            out.append(("missed", g[2], g, None))
            continue
        p = over[0]
        same_span = (p[0], p[1]) == (g[0], g[1])
        kind = "label" if same_span else ("boundary" if p[2] == g[2] else "boundary+label")
        out.append((kind, g[2], g, p))
    for p in sorted(pred - exact):
        if not any(g[0] < p[1] and p[0] < g[1] for g in gold):
            out.append(("spurious", p[2], None, p))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=str(PROJECT / "models" / "de_newslens"))
    ap.add_argument("--set", choices=[*SETS, "both"], default="both")
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--no-ruler", action="store_true", help="leave out the kb_ruler component")
    args = ap.parse_args(argv)

    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(args.model, exclude=["kb_ruler"] if args.no_ruler else [])
    for name in (SETS if args.set == "both" else [args.set]):
        gold_docs = list(DocBin().from_disk(CORPUS / SETS[name]).get_docs(nlp.vocab))
        errors = []
        for gold, pred in zip(gold_docs, nlp.pipe([d.text for d in gold_docs]), strict=True):
            errors += [(*e, gold.text) for e in classify(char_spans(gold), char_spans(pred))]
        counts = Counter((e[0], e[1]) for e in errors)
        print(f"== {name} dev: {len(errors)} errors")
        for (kind, label), n in sorted(counts.items(), key=lambda kv: -kv[1]):
            print(f"  {kind:<15}{label:<6}{n:>5}")
        for kind in ("label", "boundary+label", "boundary", "spurious", "missed"):
            shown = [e for e in errors if e[0] == kind][: args.show]
            print(f"-- {kind}")
            for _, _label, g, p, text in shown:
                gs = f"{text[g[0]:g[1]]!r}/{g[2]}" if g else "-"
                ps = f"{text[p[0]:p[1]]!r}/{p[2]}" if p else "-"
                print(f"  gold {gs:<40} pred {ps:<40} | {text[:160]}")


if __name__ == "__main__":
    main()
