"""Scale benchmark: annotate the 10,000-article benchmark corpus cold, then re-render warm.

Prints cold annotation time, words/s, peak resident memory, the warm re-render time of all
notebooks from the cache, and the ratio of newslens' annotation time to the bare ``nlp.pipe`` of
the same spaCy pipeline over the same texts, measured in the same run. Prints; never asserts.

    python benchmarks/annotate_bench.py [--corpus PATH] [--limit N] [--n-process N]

Each phase runs in a fresh Python process so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newslens import config

BENCH = config.SHARED_DIR / "data" / "bench" / "german_news_10k.jsonl.gz"


def _articles(corpus: Path, limit: int | None):
    from newslens import load_corpus

    articles = load_corpus(corpus, errors="skip")
    return articles.head(limit) if limit else articles


def phase_annotate(corpus: Path, limit: int | None, n_process: int) -> dict:
    from newslens import annotate

    articles = _articles(corpus, limit)
    began = time.perf_counter()
    ann = annotate(articles, n_process=n_process, progress=False)
    seconds = time.perf_counter() - began
    return {"seconds": seconds, "articles": len(articles),
            "words": int(articles["n_words"].sum()), "mentions": len(ann.mentions),
            "sentences": len(ann.sentences)}


def phase_bare(corpus: Path, limit: int | None, n_process: int) -> dict:
    from newslens.nlp import load_pipeline

    articles = _articles(corpus, limit)
    nlp = load_pipeline()
    nlp.max_length = max(nlp.max_length, int(articles["text"].str.len().max()) + 1)
    began = time.perf_counter()
    n_ents = 0
    for doc in nlp.pipe(articles["text"], batch_size=config.BATCH_SIZE, n_process=n_process):
        n_ents += len(doc.ents)
    return {"seconds": time.perf_counter() - began, "entities": n_ents}


def _run_phase(phase: str, args: argparse.Namespace, env: dict) -> dict:
    command = [sys.executable, __file__, "--phase", phase, "--corpus", str(args.corpus),
               "--n-process", str(args.n_process)]
    if args.limit:
        command += ["--limit", str(args.limit)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"phase {phase} failed:\n{done.stderr[-4000:]}")
    out = done.stdout
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = max(peak, before) / 1024
    return result


def _write_sample(corpus: Path, limit: int, target: Path) -> None:
    """The first ``limit`` records of a JSON Lines corpus, as they are (never committed)."""
    import gzip
    import itertools

    with gzip.open(corpus, "rt", encoding="utf-8") as source, \
            gzip.open(target, "wt", encoding="utf-8") as out:
        out.writelines(itertools.islice(source, limit))


def _warm_report(corpus: Path, env: dict) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newslens.report", "--corpus", str(corpus),
                        "--reports", f"{tmp}/reports", "--figures", f"{tmp}/figures"],
                       env=env, check=True, capture_output=True)
        return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BENCH)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--phase", choices=["annotate", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--no-report", action="store_true", help="skip the warm re-render")
    args = parser.parse_args()
    if args.phase:
        phase = phase_annotate if args.phase == "annotate" else phase_bare
        print(json.dumps(phase(args.corpus, args.limit, args.n_process)))
        return 0
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (the benchmark corpus lives in ../shared)")
        return 0
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "NEWSLENS_CACHE": cache, "NEWSLENS_PROGRESS": "0"}
        if args.limit:  # the notebooks read a corpus file: write the sample to one (temporary)
            sample = Path(cache) / "sample.jsonl.gz"
            _write_sample(args.corpus, args.limit, sample)
            args.corpus, args.limit = sample, None
        cold = _run_phase("annotate", args, env)
        bare = _run_phase("bare", args, env)
        warm = _run_phase("annotate", args, env)
        report = None if args.no_report else _warm_report(args.corpus, env)
    words = cold["words"]
    print(f"corpus: {args.corpus.name}, {cold['articles']} articles, {words:,} words")
    print(f"cold annotation: {cold['seconds']:.1f} s, {words / cold['seconds']:,.0f} words/s, "
          f"peak RSS {cold['peak_rss_mb']:,.0f} MB ({cold['mentions']:,} mentions, "
          f"{cold['sentences']:,} sentences; n_process={args.n_process})")
    print(f"bare nlp.pipe of the same pipeline: {bare['seconds']:.1f} s, "
          f"{words / bare['seconds']:,.0f} words/s")
    print(f"newslens / bare nlp.pipe: {cold['seconds'] / bare['seconds']:.2f}")
    print(f"warm annotate from cache: {warm['seconds']:.1f} s")
    if report is not None:
        print(f"warm re-render of all notebooks (make report from cache): {report:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
