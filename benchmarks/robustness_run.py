"""Robustness run on the 10k benchmark corpus: load it whole, look for debris, annotate a sample.

    python benchmarks/robustness_run.py [--corpus PATH] [--sample N] [--longest K]
                                        [--model PATH|NAME]

1. Loads ``../shared/data/bench/german_news_10k.jsonl.gz`` with ``errors="skip"`` and prints how
   many articles were read and how many records were skipped, by reason.
2. Counts articles whose text or title carries markup or encoding debris: HTML tags, HTML
   entities, mojibake (UTF-8 read as Latin-1/cp1252: ``Ã¤``, ``â€ž``), U+FFFD, control
   characters, zero-width characters and soft hyphens. Prints counts and a few article ids.
3. Annotates a sample (default 200: the ``--longest`` longest articles and a fixed random draw
   of the rest) without the cache, and prints whether it completed, its time, and whether every
   sentence and mention offset points at its text; ``--sample 0`` skips this.

Prints figures and article ids only, never corpus text (licence); asserts nothing; exits 0 with
a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

from newslens import config, load_corpus, skipped_table
from newslens.corpus import CorpusWarning

DEFAULT_CORPUS = config.SHARED_DIR / "data" / "bench" / "german_news_10k.jsonl.gz"
_CP1252_HIGH = "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014" \
               "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
#: Kind of debris -> pattern. Each is counted per article and per occurrence.
DEBRIS = {
    "html tag": re.compile(
        r"<\s*/?\s*(?:a|abbr|b|blockquote|br|div|em|figcaption|figure|h[1-6]|i|iframe|img|li|"
        r"noscript|ol|p|script|span|strong|style|sub|sup|table|tbody|td|th|tr|u|ul)\b[^<>]{0,300}>"
        r"|<!--", re.IGNORECASE),
    "html entity": re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});"),
    "mojibake": re.compile(rf"Ã[\u0080-\u00bf{_CP1252_HIGH}]|â€|Â[\u00a0-\u00bf]"),
    "replacement char U+FFFD": re.compile("\ufffd"),
    "control char": re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"),
    "zero-width char": re.compile("[\u200b-\u200f\u2028\u2029\u2060\ufeff]"),
    "soft hyphen": re.compile("\u00ad"),
}


def load(path: Path) -> pd.DataFrame:
    """The articles table, with ``errors="skip"`` (skipped records: skipped_table)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(path, errors="skip")


def reason_kind(reason: str) -> str:
    """A reason with its particulars (quoted values, numbers, paths) taken out, for grouping."""
    reason = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", reason)
    reason = re.sub(r"\(first seen at [^)]*\)", "(first seen at …)", reason)
    return re.sub(r"\d+", "N", reason)


def print_loading(articles: pd.DataFrame, seconds: float) -> None:
    skipped = skipped_table(articles)
    print(f"read {len(articles)} articles, skipped {len(skipped)} records ({seconds:.1f} s)")
    for kind, count in skipped["reason"].map(reason_kind).value_counts().items():
        print(f"  skipped {count:>5}  {kind}")
    lengths = articles["text"].str.len()
    print(f"text length (characters): min {lengths.min()}, median {int(lengths.median())}, "
          f"max {lengths.max()} ({articles.loc[lengths.idxmax(), 'article_id']})")
    print(f"published: {articles['published'].min()} .. {articles['published'].max()}")


def debris_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Per field and kind of debris: articles affected, occurrences, the first ids."""
    rows = []
    for field in ("text", "title"):
        values = articles[field].fillna("")
        for kind, pattern in DEBRIS.items():
            counts = values.str.count(pattern)
            hit = counts > 0
            rows.append({"field": field, "debris": kind, "articles": int(hit.sum()),
                         "occurrences": int(counts.sum()),
                         "example_ids": ", ".join(articles.loc[hit, "article_id"].head(3))})
    return pd.DataFrame(rows)


def sample(articles: pd.DataFrame, *, size: int, longest: int) -> pd.DataFrame:
    """The ``longest`` longest articles and a fixed random draw of the others."""
    articles = articles.copy()
    by_length = articles.assign(_chars=articles["text"].str.len()).sort_values(
        ["_chars", "article_id"], ascending=[False, True], kind="stable")
    top = by_length.head(min(longest, size))
    rest = by_length.iloc[len(top):]
    drawn = rest.sample(n=min(size - len(top), len(rest)), random_state=0)
    chosen = pd.concat([top, drawn]).drop(columns="_chars")
    return chosen.sort_values(["published", "article_id"], kind="stable").reset_index(drop=True)


def bad_offsets(texts: pd.Series, table: pd.DataFrame) -> int:
    """Rows whose ``text`` is not ``article.text[start:end]``."""
    return sum(texts[a][s:e] != t for a, s, e, t in zip(
        table["article_id"], table["start"], table["end"], table["text"], strict=True))


def print_annotation(chosen: pd.DataFrame, *, model: str | None) -> None:
    from newslens import annotate

    chars = int(chosen["text"].str.len().sum())
    print(f"annotating {len(chosen)} articles ({chars} characters, longest "
          f"{chosen['text'].str.len().max()}) with {model or config.DEFAULT_MODEL} ...")
    began = time.perf_counter()
    try:
        ann = annotate(chosen, model=model, use_cache=False)
    except Exception as err:  # a robustness run reports the failure instead of stopping
        print(f"annotate FAILED after {time.perf_counter() - began:.1f} s: "
              f"{type(err).__name__}: {str(err)[:300]}")
        return
    seconds = time.perf_counter() - began
    texts = chosen.set_index("article_id")["text"]
    without = sorted(set(chosen["article_id"]) - set(ann.sentences["article_id"]))
    markup = ann.mentions["text"].str.contains(r"[<>]", regex=True)
    print(f"annotate completed in {seconds:.1f} s ({chars / seconds:,.0f} characters/s)")
    print(f"  sentences {len(ann.sentences)}, mentions {len(ann.mentions)}, "
          f"entities {ann.mentions['entity_id'].nunique()}")
    print(f"  articles without a sentence: {len(without)} {without[:5]}")
    print(f"  sentence offsets not pointing at their text: {bad_offsets(texts, ann.sentences)}")
    print(f"  mention offsets not pointing at their text: {bad_offsets(texts, ann.mentions)}")
    print(f"  mentions containing markup characters (< or >): {int(markup.sum())} "
          f"in {ann.mentions.loc[markup, 'article_id'].nunique()} articles")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=200, help="articles to annotate (0: none)")
    parser.add_argument("--longest", type=int, default=10,
                        help="of them, the longest articles of the corpus")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the shipped one)")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"skipped: benchmark corpus {args.corpus} not found")
        return 0
    began = time.perf_counter()
    articles = load(args.corpus)
    print_loading(articles, time.perf_counter() - began)
    print("\nmarkup and encoding debris (articles affected, occurrences):")
    print(debris_table(articles).to_string(index=False))
    if args.sample > 0:
        print()
        print_annotation(sample(articles, size=args.sample, longest=args.longest),
                         model=args.model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
