"""Boilerplate, self-mentions and units on the bench corpus: what is found, and what it changes.

    python benchmarks/boilerplate_bench.py [--corpus PATH] [--limit N] [--sample 30]

Prints the boilerplate passages found (distinct passages, occurrences, articles affected, per
source), the mentions they hold and the entities that lose most, the mentions of Die Zeit before
and after leaving out self-mentions, the most mentioned MISC entities before and after leaving
out currencies and units, and the precision of the detection on the passages judged by reading
(``benchmarks/boilerplate_judged.csv``: standoff only, passage id, article and offsets, the
verdict and a note in our words). ``--sample N`` prints a fresh deterministic sample of passages
to judge. Uses the annotation cache (``NEWSLENS_CACHE``). Prints; never asserts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from newslens import config

BENCH = config.SHARED_DIR / "data" / "bench" / "german_news_10k.jsonl.gz"
JUDGED = Path(__file__).with_name("boilerplate_judged.csv")


def report_passages(ann) -> pd.DataFrame:
    from newslens import boilerplate as bp

    table = bp.passages(ann.boilerplate)
    affected = ann.boilerplate["article_id"].nunique()
    print(f"boilerplate: {len(table):,} distinct passages, {len(ann.boilerplate):,} "
          f"occurrences in {affected:,} of {len(ann.articles):,} articles "
          f"({affected / len(ann.articles):.1%}); "
          f"{int(ann.sentences['boilerplate'].sum()):,} of {len(ann.sentences):,} sentences")
    sources = ann.articles.groupby("source").size().rename("articles")
    per_source = (ann.boilerplate.groupby("source")
                  .agg(passages=("passage_id", "nunique"), with_boilerplate=("article_id",
                                                                             "nunique")))
    print(per_source.join(sources).sort_values("with_boilerplate", ascending=False)
          .to_string())
    print("most printed passages (text cut at 90 characters):")
    for row in table.head(12).itertuples():
        print(f"  {row.n_articles:4d} articles {row.n_days:4d} days  {row.source:<16} "
              f"{row.text[:90]!r}")
    return table


def report_mentions(ann) -> None:
    from newslens import top_entities

    mentions = ann.mentions[~ann.mentions["compound"]]
    inside = mentions[mentions["boilerplate"]]
    print(f"mentions in boilerplate: {len(inside):,} of {len(mentions):,} "
          f"({len(inside) / max(len(mentions), 1):.1%})")
    lost = inside.groupby(["canonical", "label"], observed=True).size().nlargest(10)
    print("entities that lose most mentions: " + ", ".join(
        f"{name} ({label}) {n}" for (name, label), n in lost.items()))
    zeit = mentions[mentions["canonical"].isin(["Die Zeit", "Zeit Online", "ZEIT ONLINE"])]
    own = zeit[zeit["self_mention"]]
    print(f"Die Zeit: {len(zeit):,} mentions, {len(own):,} of them self-mentions "
          f"(in zeit.de articles); {len(zeit) - len(own):,} counted by default")
    for flag in (True, False):
        top = top_entities(ann.mentions, top_n=10, labels=["ORG"], include_self_mentions=flag,
                           include_units=True, include_boilerplate=True)
        print(f"top ORG {'with' if flag else 'without'} self-mentions: " + ", ".join(
            f"{r.canonical} {r.n_mentions}" for r in top.itertuples()))
    for flag in (True, False):
        top = top_entities(ann.mentions, top_n=10, labels=["MISC"], include_units=flag)
        print(f"top MISC {'with' if flag else 'without'} units: " + ", ".join(
            f"{r.canonical} {r.n_mentions}" for r in top.itertuples()))
    units = mentions[mentions["unit"]]
    print(f"unit mentions: {len(units):,}; " + ", ".join(
        f"{name} {n}" for name, n in units["canonical"].value_counts().head(8).items()))


def report_judged(table: pd.DataFrame, boilerplate: pd.DataFrame) -> None:
    if not JUDGED.exists():
        print(f"no judgement file {JUDGED.name}")
        return
    judged = pd.read_csv(JUDGED)
    found = judged["passage_id"].isin(table["passage_id"])
    right = judged.loc[found, "verdict"].eq("boilerplate")
    lenient = judged.loc[found, "verdict"].isin(["boilerplate", "borderline"])
    print(f"judged by reading: {int(right.sum())} of {int(found.sum())} sampled passages are "
          f"boilerplate (precision {right.mean():.2f}; {lenient.mean():.2f} counting the "
          f"borderline ones); {int((~found).sum())} judged passages no longer detected")
    weights = table.set_index("passage_id")["n_articles"]
    occurrences = judged.loc[found, "passage_id"].map(weights)
    print(f"  weighted by the articles that print them: "
          f"{occurrences[right.to_numpy()].sum() / occurrences.sum():.2f}")


def print_sample(table: pd.DataFrame, n: int) -> None:
    sample = table.sample(n=min(n, len(table)), random_state=15).sort_values("passage_id")
    for row in sample.itertuples():
        print(f"{row.passage_id},{row.article_id},{row.start},{row.end}  "
              f"[{row.source}, {row.n_articles} articles, {row.n_days} days] {row.text!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BENCH)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--sample", type=int, help="print N passages to judge")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (the benchmark corpus lives in ../shared)")
        return 0
    from newslens import annotate, load_corpus

    articles = load_corpus(args.corpus, errors="skip")
    articles = articles.head(args.limit) if args.limit else articles
    ann = annotate(articles, progress=False)
    table = report_passages(ann)
    report_mentions(ann)
    report_judged(table, ann.boilerplate)
    if args.sample:
        print_sample(table, args.sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
