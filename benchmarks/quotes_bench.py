"""Cost of the quotes stage: seconds to find quotations and speakers in the benchmark corpus.

    python benchmarks/quotes_bench.py [--corpus PATH] [--limit N] [--annotate-seconds S]

Takes the sentences and linked mentions of the corpus from the annotation cache (computing
whatever is missing, which on a cold cache is the whole spaCy stage: slow), then times
``newslens.quotes.extract_quotes`` alone, and prints its seconds, words per second, the number
of quotations per kind, and its share of the cold annotation time of the same corpus
(``--annotate-seconds``; default: the 10,000-article figure ``benchmarks/annotate_bench.py``
measured, which the README quotes). Prints only; asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newslens import config, load_corpus, pipeline
from newslens.quotes import extract_quotes

BENCH = config.SHARED_DIR / "data" / "bench" / "german_news_10k.jsonl.gz"
#: Cold annotation of the 10,000 bench articles, s (annotate_bench.py, README "Many articles").
ANNOTATE_SECONDS = 660.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(BENCH))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--annotate-seconds", type=float, default=None,
                        help="cold annotation time of this corpus (default: the 10k figure)")
    args = parser.parse_args()
    if not Path(args.corpus).exists():
        print(f"{args.corpus} not found: nothing to measure")
        return
    articles = load_corpus(args.corpus, errors="skip")
    if args.limit:
        articles = articles.head(args.limit)
    began = time.perf_counter()
    sentences, linked = pipeline.linked_mentions(articles)
    print(f"sentences and mentions of {len(articles)} articles "
          f"({int(articles['n_words'].sum()):,} words) ready in "
          f"{time.perf_counter() - began:.1f} s (from the cache where present)")
    began, cpu = time.perf_counter(), time.process_time()
    quotes = extract_quotes(articles, sentences, linked)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    words = int(articles["n_words"].sum())
    print(f"quotes stage: {seconds:.1f} s ({cpu:.1f} s CPU; more wall time than CPU means "
          f"other processes shared the cores), {words / seconds:,.0f} words/s, "
          f"{len(quotes):,} quotations")
    print(quotes["kind"].value_counts().sort_index().to_string())
    resolved = quotes["speaker_entity_id"].notna().mean() if len(quotes) else 0.0
    print(f"speaker resolved to an entity: {resolved:.1%}")
    reference = args.annotate_seconds
    if reference is None and args.limit is None and args.corpus == str(BENCH):
        reference = ANNOTATE_SECONDS
    if reference:
        print(f"share of the cold annotation time ({reference:.0f} s): "
              f"{seconds / reference:.1%} (CPU: {cpu / reference:.1%})")


if __name__ == "__main__":
    main()
