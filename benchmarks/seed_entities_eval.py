"""Entity mentions and canonical entities of `newslens.annotate` against the seed gold.

    python benchmarks/seed_entities_eval.py [--model PATH|NAME] [--predictions mentions.csv]
                                            [--max-errors N]

Runs `newslens.annotate` on seeds/ (or scores a saved mentions CSV with `--predictions`) and
compares its `.mentions` with tests/gold/seed_entities.csv (rules in
tests/gold/ENTITY_GUIDELINES.md):

- mentions: exact (article, start, end, label), without and with compound name parts;
- canonical entities: the same entity_id on the same span, and tolerantly in the same sentence;
- the false positives and false negatives, in text order, so errors can be studied.

Prints figures; asserts nothing, and exits 0 with a message when annotate, the model or a column
is not there yet.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

import newslens
from newslens import config
from newslens.evaluate import (
    compound_parts,
    drop_compounds,
    mention_errors,
    score_canonical,
    score_mentions,
)

PROJECT = Path(__file__).resolve().parent.parent
GOLD = PROJECT / "tests" / "gold" / "seed_entities.csv"
MENTION_COLUMNS = ["article_id", "start", "end", "label"]
CANONICAL_COLUMNS = ["entity_id", "canonical"]


def predict(articles: pd.DataFrame, *, model: str | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Mentions and sentences from `newslens.annotate` (raises what annotate raises)."""
    annotate = getattr(newslens, "annotate", None)
    if annotate is None:
        raise RuntimeError("newslens.annotate does not exist yet")
    result = annotate(articles, model=model) if model else annotate(articles)
    sentences = getattr(result, "sentences", None)
    return result.mentions, sentences if isinstance(sentences, pd.DataFrame) else None


def format_scores(title: str, scores: pd.DataFrame) -> str:
    """A fixed-width table of one score frame (first column: label or ALL)."""
    lines = [title, f"  {'label':<6}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for row in scores.itertuples(index=False):
        lines.append(f"  {row[0]:<6}{row.tp:>6}{row.fp:>6}{row.fn:>6}"
                     f"{row.precision:>8.3f}{row.recall:>8.3f}{row.f1:>8.3f}")
    return "\n".join(lines)


def format_errors(title: str, errors: pd.DataFrame, *, max_errors: int) -> str:
    """One line per error: FP/FN, article, offsets, surface, label, canonical."""
    counts = errors["error"].value_counts()
    lines = [f"{title}: {counts.get('fp', 0)} false positives, {counts.get('fn', 0)} false "
             "negatives"]
    shown = errors if max_errors <= 0 else errors.head(max_errors)
    for r in shown.itertuples(index=False):
        canonical = "" if pd.isna(r.canonical) else f" -> {r.canonical}"
        lines.append(f"  {r.error.upper()} {r.article_id} [{r.start}:{r.end}] "
                     f"{r.text!r} {r.label}{canonical}")
    if len(shown) < len(errors):
        lines.append(f"  ... {len(errors) - len(shown)} more (--max-errors 0 lists all)")
    return "\n".join(lines)


def wrong_entities(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Spans found exactly but given another entity_id than the gold's."""
    key = ["article_id", "start", "end"]
    pred = predicted.reindex(columns=key + ["text", "entity_id", "canonical"])
    pred = pred.astype({"start": "int64", "end": "int64", "article_id": str})
    both = gold[key + ["text", "entity_id", "canonical"]].merge(
        pred, on=key, suffixes=("_gold", "_pred"))
    wrong = both[both["entity_id_gold"].astype(str) != both["entity_id_pred"].astype(str)]
    return wrong.sort_values(key, kind="stable").reset_index(drop=True)


def report_mentions(predicted: pd.DataFrame, gold: pd.DataFrame, *, max_errors: int) -> None:
    plain_pred, plain_gold = drop_compounds(predicted), drop_compounds(gold)
    print(format_scores("Mentions, exact span + label, plain (no compound parts)",
                        score_mentions(plain_pred, plain_gold)))
    print(format_scores("Mentions, exact span + label, with compound parts",
                        score_mentions(predicted, gold)))
    print()
    print(format_errors("Errors, plain mentions", mention_errors(plain_pred, plain_gold),
                        max_errors=max_errors))
    errors = mention_errors(compound_parts(predicted), compound_parts(gold))
    print(format_errors("Errors, compound name parts", errors, max_errors=max_errors))


def report_canonical(predicted: pd.DataFrame, gold: pd.DataFrame,
                     sentences: pd.DataFrame | None, *, max_errors: int) -> None:
    for include in (False, True):
        what = "with compound parts" if include else "plain"
        print(format_scores(f"Canonical entities, same span + entity_id, {what}",
                            score_canonical(predicted, gold, include_compounds=include)))
        if sentences is None:
            print("  (same-sentence scores skipped: no sentences table, which annotate provides)")
            continue
        print(format_scores(f"Canonical entities, same sentence + entity_id, {what}",
                            score_canonical(predicted, gold, include_compounds=include,
                                            match="sentence", sentences=sentences)))
    wrong = wrong_entities(drop_compounds(predicted), drop_compounds(gold))
    print(f"\nRight span, wrong entity (plain): {len(wrong)}")
    shown = wrong if max_errors <= 0 else wrong.head(max_errors)
    for r in shown.itertuples(index=False):
        print(f"  {r.article_id} [{r.start}:{r.end}] {r.text_gold!r}: gold {r.entity_id_gold}, "
              f"predicted {r.entity_id_pred}")
    if len(shown) < len(wrong):
        print(f"  ... {len(wrong) - len(shown)} more (--max-errors 0 lists all)")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seeds", type=Path, default=config.SEEDS_DIR, help="seed folder")
    p.add_argument("--gold", type=Path, default=GOLD, help="gold mentions CSV")
    p.add_argument("--model", default=None, help="spaCy pipeline for annotate (default: shipped)")
    p.add_argument("--predictions", type=Path, default=None,
                   help="score this mentions CSV instead of running annotate")
    p.add_argument("--max-errors", type=int, default=0, help="errors listed per section (0: all)")
    args = p.parse_args(argv)

    articles = newslens.load_corpus(args.seeds)
    gold = pd.read_csv(args.gold, dtype={"article_id": str})
    sentences = None
    if args.predictions is not None:
        predicted = pd.read_csv(args.predictions, dtype={"article_id": str})
        source = str(args.predictions)
    else:
        try:
            predicted, sentences = predict(articles, model=args.model)
        except Exception as err:  # a benchmark reports, it does not crash the bench run
            print(f"seed entities: skipped, annotate failed: {type(err).__name__}: {err}")
            return
        source = f"newslens.annotate(model={args.model or config.DEFAULT_MODEL})"

    missing = [c for c in MENTION_COLUMNS if c not in predicted.columns]
    if missing:
        print(f"seed entities: skipped, mentions lack column(s) {missing}; expected "
              f"{MENTION_COLUMNS + CANONICAL_COLUMNS + ['compound']}")
        return
    gold = gold[gold["article_id"].isin(articles["article_id"])].reset_index(drop=True)
    predicted = predicted[predicted["article_id"].astype(str).isin(articles["article_id"])]
    predicted = predicted.reset_index(drop=True)
    print(f"predictions: {source}: {len(predicted)} mentions "
          f"({len(compound_parts(predicted))} compound parts)")
    print(f"gold: {args.gold.name}: {len(gold)} mentions ({len(compound_parts(gold))} compound "
          f"parts) in {gold['article_id'].nunique()} articles\n")
    if "compound" not in predicted.columns:
        print("note: predictions have no 'compound' column: all are scored as plain mentions\n")

    report_mentions(predicted, gold, max_errors=args.max_errors)
    print()
    if any(c not in predicted.columns for c in CANONICAL_COLUMNS):
        print(f"Canonical entities: skipped, mentions lack {CANONICAL_COLUMNS} "
              "(canonicalisation not in annotate yet)")
        return
    report_canonical(predicted, gold, sentences, max_errors=args.max_errors)


if __name__ == "__main__":
    main()
