"""Temporal expressions (`newslens.timex`) against the seed gold, and tagging speed.

    python benchmarks/timex_eval.py [--corpus PATH] [--max-errors N] [--mode news|narrative]

Prints, for the seed articles and tests/gold/timex_seeds.csv (rules in
tests/gold/TIMEX_GUIDELINES.md): detection precision and recall (exact span and overlap), value
accuracy (share of exactly detected gold expressions whose value and interval are right), the
errors; then the number of dates given to function words (``die``, ``mit``, ``so``, the noun
``am Morgen`` ...) on the seeds and the benchmark corpus; then the seconds `tag_articles` takes
for the benchmark corpus (loading not counted) and words per second. Prints only; asserts
nothing, and says so when the benchmark corpus is absent.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import pandas as pd

import newslens
from newslens import config, timex

PROJECT = Path(__file__).resolve().parent.parent
GOLD = PROJECT / "tests" / "gold" / "timex_seeds.csv"
BENCH = config.SHARED_DIR / "data" / "bench" / "german_news_10k.jsonl.gz"
#: Words that must never become a date on their own.
FUNCTION_WORDS = {
    "die", "der", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "mit", "so",
    "am", "im", "in", "an", "um", "vor", "nach", "seit", "bis", "ab", "von", "vom", "zu", "zum",
    "zur", "und", "oder", "für", "auf", "aus", "bei", "über", "unter", "da", "wo", "mo", "di",
    "mi", "do", "fr", "sa",
}
MORGEN_NOUN = re.compile(r"\b(?:am|Am|den|dem|jeden|Jeden|guten|Guten|frühen|nächsten)\s+$")


def main() -> None:
    args = _arguments()
    seeds = newslens.load_corpus(config.SEEDS_DIR)
    predicted = timex.tag_articles(seeds, mode=args.mode)
    gold = timex.read_gold(GOLD)
    print(f"== seeds: {len(seeds)} articles, {len(gold)} gold expressions (mode={args.mode})")
    print(timex.score(predicted, gold).to_string(index=False, float_format="{:.3f}".format))
    errors = timex.errors(predicted, gold)
    print(f"\n-- errors ({len(errors)}, first {args.max_errors})")
    if len(errors):
        print(errors.head(args.max_errors).to_string(index=False))
    print(f"\nfalse dates from function words (seeds): {false_dates(predicted, seeds)}")
    _bench(Path(args.corpus), args.mode)


def false_dates(predicted: pd.DataFrame, articles: pd.DataFrame) -> int:
    """Dated rows whose text is a bare function word, or the noun ``Morgen`` after an article
    or preposition (``am Morgen``)."""
    dated = predicted[predicted["start_date"].notna()]
    words = dated["text"].str.strip().str.lower().isin(FUNCTION_WORDS)
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    noun = [text == "Morgen" and bool(MORGEN_NOUN.search(texts[a][max(0, s - 12):s]))
            for a, s, text in zip(dated["article_id"], dated["start"], dated["text"],
                                  strict=True)]
    return int(words.sum() + sum(noun))


def _bench(path: Path, mode: str) -> None:
    print(f"\n== benchmark corpus: {path}")
    if not path.exists():
        print("not found: skipping the speed benchmark (set NEWSLENS_SHARED or --corpus)")
        return
    articles = newslens.load_corpus(path, errors="skip")
    words = int(articles["n_words"].sum())
    start, cpu = time.perf_counter(), time.process_time()
    found = timex.tag_articles(articles, mode=mode)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"articles {len(articles)}, words {words:,}, expressions {len(found):,}")
    print(found["kind"].value_counts().to_string())
    print(f"false dates from function words: {false_dates(found, articles)}")
    print(f"tag_articles: {seconds:.1f} s wall clock, {words / seconds:,.0f} words/s; "
          f"{cpu:.1f} s CPU (loading not counted; wall clock grows when the machine is busy)")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(BENCH), help="benchmark corpus (JSON Lines)")
    parser.add_argument("--max-errors", type=int, default=40, help="errors to list")
    parser.add_argument("--mode", choices=timex.MODES, default="news", help="anchoring mode")
    return parser.parse_args()


if __name__ == "__main__":
    main()
