"""Scale benchmark: annotate the 10,000-article benchmark corpus cold, then re-render warm.

Prints cold annotation time, words/s, peak resident memory, the warm re-render time of all
notebooks from the cache, and the ratio of newslens' annotation time to the bare ``nlp.pipe`` of
the same spaCy pipeline over the same texts, measured in the same run. Prints; never asserts.

    python benchmarks/annotate_bench.py [--corpus PATH] [--limit N] [--n-process N]
    python benchmarks/annotate_bench.py --report-only --report-runs 3   # warm re-render only

The cold annotation also prints the CPU seconds of the child processes (the spaCy workers, and
the second process that runs some stages after spaCy beside the main one) and of the main
process, and from them the least time their sum allows on free cores: on a shared machine the
wall time says more about the other processes than about newslens.

Each phase runs in a fresh Python process so its peak memory is its own: the peak of all its
processes together (sampled) and of the largest one (a worker of the spaCy stage, or the main
one). ``--n-process`` defaults to
what ``annotate()`` chooses by itself (every core for a large corpus); the bare ``nlp.pipe``
runs with the same number of processes (spaCy's own ``n_process``), so the ratio compares like
with like.
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


def phase_annotate(corpus: Path, limit: int | None, n_process: int | None) -> dict:
    from newslens import annotate
    from newslens.pipeline import _workers

    articles = _articles(corpus, limit)
    before = _cpu()
    began = time.perf_counter()
    ann = annotate(articles, n_process=n_process, progress=False)
    seconds = time.perf_counter() - began
    main_cpu, workers_cpu = (after - start for after, start in zip(_cpu(), before, strict=True))
    words = int(articles["n_words"].sum())
    return {"seconds": seconds, "articles": len(articles), "words": words,
            "mentions": len(ann.mentions), "sentences": len(ann.sentences),
            "workers": _workers(n_process, words), "main_cpu": main_cpu,
            "workers_cpu": workers_cpu, "load": os.getloadavg()[0]}


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its ended worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime


def phase_bare(corpus: Path, limit: int | None, n_process: int | None) -> dict:
    from newslens.nlp import load_pipeline

    articles = _articles(corpus, limit)
    nlp = load_pipeline()
    nlp.max_length = max(nlp.max_length, int(articles["text"].str.len().max()) + 1)
    began = time.perf_counter()
    n_ents = 0
    for doc in nlp.pipe(articles["text"], batch_size=config.BATCH_SIZE,
                        n_process=n_process or 1):
        n_ents += len(doc.ents)
    return {"seconds": time.perf_counter() - began, "entities": n_ents}


def _run_phase(phase: str, args: argparse.Namespace, env: dict) -> dict:
    """Run one phase in a fresh process; add the peak resident memory of it and its workers
    together (sampled every 0.2 s) and of its largest single process (getrusage)."""
    import psutil  # installed with dask.distributed

    command = [sys.executable, __file__, "--phase", phase, "--corpus", str(args.corpus)]
    if args.n_process:
        command += ["--n-process", str(args.n_process)]
    if args.limit:
        command += ["--limit", str(args.limit)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=err, text=True)
        peak_total = 0
        watched = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                tree = [watched, *watched.children(recursive=True)]
                peak_total = max(peak_total, sum(_rss(p) for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.2)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode:
        raise SystemExit(f"phase {phase} failed:\n{stderr[-4000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = json.loads(stdout.strip().splitlines()[-1])
    result["peak_rss_mb"] = max(peak, before) / 1024
    result["peak_total_mb"] = peak_total / 2**20
    return result


def _rss(process) -> int:
    import psutil

    try:
        return process.memory_info().rss
    except psutil.Error:  # ended between listing and reading
        return 0


def _write_sample(corpus: Path, limit: int, target: Path) -> None:
    """The first ``limit`` records of a JSON Lines corpus, as they are (never committed)."""
    import gzip
    import itertools

    with gzip.open(corpus, "rt", encoding="utf-8") as source, \
            gzip.open(target, "wt", encoding="utf-8") as out:
        out.writelines(itertools.islice(source, limit))


def _warm_report(corpus: Path, env: dict) -> tuple[float, float]:
    """Wall and CPU seconds of one ``python -m newslens.report`` run from the cache: the CPU
    time of the runner, its worker processes and their notebook kernels together."""
    with tempfile.TemporaryDirectory() as tmp:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newslens.report", "--corpus", str(corpus),
                        "--reports", f"{tmp}/reports", "--figures", f"{tmp}/figures"],
                       env=env, check=True, capture_output=True)
        wall = time.perf_counter() - began
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BENCH)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--n-process", type=int, default=None,
                        help="worker processes (default: annotate() chooses)")
    parser.add_argument("--phase", choices=["annotate", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--no-report", action="store_true", help="skip the warm re-render")
    parser.add_argument("--report-runs", type=int, default=1,
                        help="warm re-renders to time (the machine's load varies; default 1)")
    parser.add_argument("--no-bare", action="store_true",
                        help="skip the bare nlp.pipe run (as long again as the cold one)")
    parser.add_argument("--report-only", action="store_true",
                        help="only time the warm re-render, from the cache in $NEWSLENS_CACHE "
                             "(annotated first, untimed, if it lacks the corpus)")
    parser.add_argument("--cache", type=Path,
                        help="an empty folder for the cache (default: a temporary one); "
                             "kept afterwards, e.g. to reuse its spaCy results")
    args = parser.parse_args()
    if args.phase:
        phase = phase_annotate if args.phase == "annotate" else phase_bare
        print(json.dumps(phase(args.corpus, args.limit, args.n_process)))
        return 0
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (the benchmark corpus lives in ../shared)")
        return 0
    if args.report_only:
        return report_only(args)
    with tempfile.TemporaryDirectory() as temporary:
        cache = str(args.cache or temporary)
        if args.cache and args.cache.exists() and any(args.cache.iterdir()):
            raise SystemExit(f"--cache {args.cache} is not empty: a cold run needs an empty one")
        env = {**os.environ, "NEWSLENS_CACHE": cache, "NEWSLENS_PROGRESS": "0"}
        if args.limit:  # the notebooks read a corpus file: write the sample to one (temporary)
            sample = Path(cache) / "sample.jsonl.gz"
            _write_sample(args.corpus, args.limit, sample)
            args.corpus, args.limit = sample, None
        cold = _run_phase("annotate", args, env)
        args.n_process = cold["workers"]  # the bare pipeline with as many processes
        bare = None if args.no_bare else _run_phase("bare", args, env)
        warm = _run_phase("annotate", args, env)
        reports = [] if args.no_report else [_warm_report(args.corpus, env)
                                             for _ in range(max(1, args.report_runs))]
    words = cold["words"]
    print(f"corpus: {args.corpus.name}, {cold['articles']} articles, {words:,} words")
    print(f"cold annotation: {cold['seconds']:.1f} s, {words / cold['seconds']:,.0f} words/s, "
          f"peak RSS {cold['peak_total_mb']:,.0f} MB all processes together "
          f"({cold['peak_rss_mb']:,.0f} MB the largest one; {cold['mentions']:,} mentions, "
          f"{cold['sentences']:,} sentences; {cold['workers']} process(es))")
    cores = max(cold["workers"], 1)
    print(f"  CPU: {cold['workers_cpu']:.0f} s in the child processes (spaCy workers, second "
          f"process of the later stages), {cold['main_cpu']:.0f} s in the main one: on {cores} "
          f"free core(s) at least {(cold['workers_cpu'] + cold['main_cpu']) / cores:.0f} s "
          f"(load average at the end "
          f"{cold['load']:.1f} on {config.available_cores()} cores: above the cores, other "
          "processes shared them)")
    if bare is not None:
        print(f"bare nlp.pipe of the same pipeline (n_process={args.n_process}): "
              f"{bare['seconds']:.1f} s, {words / bare['seconds']:,.0f} words/s")
        print(f"newslens / bare nlp.pipe: {cold['seconds'] / bare['seconds']:.2f}")
    print(f"warm annotate from cache: {warm['seconds']:.1f} s")
    for wall, cpu in reports:
        _print_report(wall, cpu)
    return 0


def _print_report(wall: float, cpu: float) -> None:
    print(f"warm re-render of all notebooks (make report from cache): {wall:.1f} s "
          f"(CPU {cpu:.1f} s, all processes together, on {config.available_cores()} cores; "
          f"load average {os.getloadavg()[0]:.1f})")


def report_only(args: argparse.Namespace) -> int:
    """Time ``--report-runs`` warm re-renders from the existing cache (no cold run)."""
    from newslens import load_corpus, select_articles
    from newslens.pipeline import annotate, is_cached

    env = {**os.environ, "NEWSLENS_PROGRESS": "0"}
    articles = select_articles(load_corpus(args.corpus))
    if not is_cached(articles):
        print("annotating first (untimed): the cache lacks this corpus for this code")
        annotate(articles, progress=False)
    for _ in range(max(1, args.report_runs)):
        _print_report(*_warm_report(args.corpus, env))
    return 0


if __name__ == "__main__":
    sys.exit(main())
