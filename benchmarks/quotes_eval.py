"""Quotations and speakers (`newslens.quotes`) against the German news quotation dataset.

    python benchmarks/quotes_eval.py [--split dev|train] [--errors KIND]

Reads ``../shared/data/quotes/<split>.jsonl.gz`` (Petersen-Frey and Biemann, LREC-COLING 2024;
CC BY-NC-SA 4.0, used here to evaluate only), runs the shipped pipeline's sentence, mention and
entity stages on the article texts (cached like any corpus), extracts the quotations, and
prints detection precision, recall and F1 per kind (a prediction matches a gold quotation
when it shares at least half of the gold's characters, one-to-one; also exact match), speaker
accuracy on the matched quotations that have a gold speaker (the predicted span overlaps it,
or resolves to an entity named inside it), cue accuracy on those with a gold cue, and the
addressee on the matched quotations (recall over those whose gold names an addressee,
precision over those given one; right when the spans overlap). The train split is for
development; report the dev split. Prints only; asserts nothing.
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

from newslens import config, pipeline
from newslens.quotes import extract_quotes
from newslens.quotes.evaluate import load_split, match, parse_parts, score

DATA = config.SHARED_DIR / "data" / "quotes"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--errors", default=None, help="print missed gold of this kind")
    args = parser.parse_args()
    path = DATA / f"{args.split}.jsonl.gz"
    if not path.is_file():
        print(f"{path} not found: nothing to evaluate")
        return
    articles, gold = load_split(path)
    sentences, mentions = annotate_split(articles)
    began = time.perf_counter()
    predicted = extract_quotes(articles, sentences, mentions)
    seconds = time.perf_counter() - began
    print(f"== {args.split}: {len(articles)} articles, {len(gold)} gold quotations, "
          f"{len(predicted)} predicted ({seconds:.1f} s)")
    table = score(predicted, gold, mentions)
    with pd.option_context("display.width", 120):
        print(table.to_string(index=False))
    if args.errors:
        _missed(articles, gold, predicted, args.errors)


def annotate_split(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentences and linked mentions of the split's texts: the spaCy and entity stages of
    annotate() (cached), without the stages the quotes do not use."""
    return pipeline.linked_mentions(articles, n_process=1)


def _missed(articles, gold, predicted, kind: str) -> None:
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    found = {i for _, i, _ in match(predicted, gold)}
    missed = gold[(gold["kind"] == kind) & ~gold.index.isin(found)]
    print(f"\n-- missed {kind} ({len(missed)})")
    for row in missed.head(30).itertuples():
        print(row.gold_id, " | ".join(texts[row.article_id][s:e] for s, e in row.parts)[:200])
    extra = predicted[(predicted["kind"] == kind)
                      & ~predicted.index.isin({j for j, _, _ in match(predicted, gold)})]
    print(f"\n-- predicted {kind}, no gold ({len(extra)})")
    for row in extra.head(30).itertuples():
        print(row.quote_id, " | ".join(texts[row.article_id][s:e]
                                       for s, e in parse_parts(row.parts))[:200])


if __name__ == "__main__":
    main()
