"""What one correction of ``entity_rules`` changes: scores and entities with and without it.

    python benchmarks/entity_rules_effect.py --without RULE [--without RULE ...]
                                             [--model models/de_newslens] [--every 25]
                                             [--shared PATH] [--no-bench]

Runs the pipeline twice, with all corrections and with the named ones left out
(``ner_eval.leave_out``), on the sentences the rules were not chosen from: GermEval train and
the news training sentences (``training/corpus/``; the model has seen them, so only the
direction counts), and on every ``--every``-th bench article (its first 6,000 characters), which
has no gold: there it lists each entity the correction adds (+) or removes (-), with its
context, to be judged by reading. For the annotated sets it prints F1 per label with and
without, and each changed entity marked ``OK`` (a gold entity) or ``bad``. Never scores a dev
or test split (``ner_eval.py --dev`` and ``ner_eval.py`` do). Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from ner_eval import CORPUS, PROJECT, leave_out
from newslens.entity_rules import PASSES, RULES

TRAIN_SETS = {"GermEval train": CORPUS / "germeval_train.spacy",
              "news train": CORPUS / "extra" / "news_train.spacy"}


def spans(docs) -> list[set[tuple[int, int, str]]]:
    return [{(e.start_char, e.end_char, e.label_) for e in doc.ents} for doc in docs]


def f1(gold: list[set], pred: list[set]) -> str:
    """Entity F1 overall (4 decimals) and per label, exact spans."""
    hits, n_gold, n_pred = Counter(), Counter(), Counter()
    for g, q in zip(gold, pred, strict=True):
        for counter, found in ((hits, g & q), (n_gold, g), (n_pred, q)):
            counter.update(label for _, _, label in found)
            counter["all"] += len(found)

    def score(label: str) -> float:
        total = n_gold[label] + n_pred[label]
        return 2 * hits[label] / total if total else 0.0

    labels = sorted(set(n_gold) - {"all"})
    return f"F1 {score('all'):.4f} (" + ", ".join(f"{lab} {score(lab):.3f}" for lab in labels) + ")"


def bench_texts(shared: Path, every: int) -> list[str]:
    """The first 6,000 characters of every `every`-th bench article (from the 8th)."""
    texts = []
    with gzip.open(shared / "data" / "bench" / "german_news_10k.jsonl.gz", "rt",
                   encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % every == 7:
                texts.append(json.loads(line)["text"][:6000])
    return texts


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--without", action="append", required=True,
                   choices=[*RULES, *PASSES, "coordination"])
    p.add_argument("--model", default=str(PROJECT / "models" / "de_newslens"))
    p.add_argument("--shared", type=Path, default=PROJECT.parent / "shared")
    p.add_argument("--every", type=int, default=25, help="bench articles: every N-th")
    p.add_argument("--no-bench", action="store_true")
    args = p.parse_args(argv)

    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(args.model)
    sets = {name: list(DocBin().from_disk(path).get_docs(nlp.vocab))
            for name, path in TRAIN_SETS.items() if path.exists()}
    texts = [] if args.no_bench else bench_texts(args.shared, args.every)
    runs = []
    for _ in range(2):
        if runs:
            leave_out(nlp, args.without)
        predicted = {name: spans(nlp.pipe([g.text for g in gold])) for name, gold in sets.items()}
        runs.append((predicted, spans(nlp.pipe(texts, batch_size=16))))
    (with_pred, with_bench), (pred, bench) = runs
    without = "without " + ", ".join(args.without)
    for name, gold in sets.items():
        truth = spans(gold)
        print(f"{name}: with all {f1(truth, with_pred[name])}; {without} {f1(truth, pred[name])}")
        for doc, true, a, b in zip(gold, truth, with_pred[name], pred[name], strict=True):
            for sign, changed in (("+", a - b), ("-", b - a)):
                for start, end, label in sorted(changed):
                    mark = "OK " if (start, end, label) in true else "bad"
                    print(f"  {sign} {mark} {doc.text[start:end]!r} {label} | {doc.text[:160]}")
    if texts:
        added = 0
        for text, a, b in zip(texts, with_bench, bench, strict=True):
            for sign, changed in (("+", a - b), ("-", b - a)):
                added += len(changed) if sign == "+" else 0
                for start, end, label in sorted(changed):
                    context = text[max(0, start - 50):end + 20].replace("\n", " ")
                    print(f"  bench {sign} {text[start:end]!r} {label} | {context}")
        print(f"bench: {len(texts)} articles (every {args.every}th), {added} entities added "
              f"by the correction(s)")


if __name__ == "__main__":
    main()
