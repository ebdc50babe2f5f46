"""The data package on the benchmark corpus: write time, size, rows per table, determinism.

Annotates the first ``--limit`` bench articles (from the cache where it has them), then writes
the package twice in each format and prints the seconds of each write, the size of each file
and whether the two writes are byte-identical. Prints; never asserts.

    python benchmarks/datapackage_bench.py [--corpus PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import filecmp
import tempfile
import time
from pathlib import Path

from newslens import annotate, config, load_corpus
from newslens.datapackage import FORMATS, package_tables, write_package

BENCH = config.SHARED_DIR / "data" / "bench" / "german_news_10k.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BENCH)
    parser.add_argument("--limit", type=int, default=1000, help="articles (0: all)")
    args = parser.parse_args()
    articles = load_corpus(args.corpus, errors="skip")
    articles = articles.head(args.limit) if args.limit else articles
    began = time.perf_counter()
    ann = annotate(articles, progress=False)
    print(f"{len(articles)} articles annotated in {time.perf_counter() - began:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            seconds = []
            for run in ("a", "b"):
                began = time.perf_counter()
                write_package(ann, Path(tmp) / f"{fmt}-{run}", corpus=args.corpus, fmt=fmt)
                seconds.append(time.perf_counter() - began)
            first, second = Path(tmp) / f"{fmt}-a", Path(tmp) / f"{fmt}-b"
            names = sorted(p.name for p in first.iterdir())
            same = all(filecmp.cmp(first / n, second / n, shallow=False) for n in names)
            total = sum((first / n).stat().st_size for n in names)
            print(f"{fmt}: written in {seconds[0]:.2f} s and {seconds[1]:.2f} s, "
                  f"{total / 1e6:.1f} MB, two writes byte-identical: {same}")
            for name in names:
                print(f"  {name:<24} {(first / name).stat().st_size / 1e6:8.2f} MB")
    for name, table in package_tables(ann).items():
        print(f"rows {name}: {len(table)}")


if __name__ == "__main__":
    main()
