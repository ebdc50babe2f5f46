"""Where annotate()'s time goes: seconds per stage, and per spaCy component, on a sample.

    python benchmarks/stage_times.py [--corpus PATH] [--limit 1000] [--batch-size N]
                                     [--no-components] [--compare-blis] [--cached]

Runs every stage of :func:`newslens.annotate` once, without the cache and in one process, on
the first ``--limit`` articles of the bench corpus, and prints each stage's seconds and share;
``--cached`` reads the spaCy stage from the annotation cache instead (``--limit 10000`` with a
warm cache: the stages that run after spaCy, on the whole bench corpus).
Then (unless ``--no-components``) it runs the spaCy pipeline component by component over the
same paragraphs (tokenizer, tok2vec, ner, kb_ruler) and prints each one's seconds;
``--compare-blis`` does it again with the pipeline as spaCy loads it by default (thinc's BLIS
matrix products, which newslens replaces by NumPy's: ``newslens.nlp._numpy_matmul``). Run it
with ``OPENBLAS_NUM_THREADS=1`` to compare one core with one core. The CPU
time of this process is printed beside the wall time: on a shared machine a wall time well
above the CPU time means other processes took the cores. Prints; never asserts.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from newslens import config

BENCH = config.SHARED_DIR / "data" / "bench" / "german_news_10k.jsonl.gz"


class Clock:
    """Wall and CPU seconds of named steps, in the order they ran."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float]] = []

    def run(self, name: str, function, *args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function(*args, **kwargs)
        self.rows.append((name, time.perf_counter() - wall, time.process_time() - cpu))
        return result

    def print(self, title: str) -> None:
        total = sum(wall for _, wall, _ in self.rows)
        print(f"{title}: {total:.1f} s")
        for name, wall, cpu in self.rows:
            print(f"  {name:<28} {wall:7.2f} s wall {cpu:7.2f} s cpu {wall / total:6.1%}")


def stages(articles, batch_size: int, *, cached: bool) -> None:
    from newslens import pipeline

    clock = Clock()
    if cached:  # the spaCy stage from the annotation cache (computed where missing)
        sentences, mentions, keys = clock.run(
            "spacy (from the cache)", pipeline._nlp_stage, articles, model=None, use_cache=True,
            options={"batch_size": batch_size}, n_process=None, progress=False)
    else:
        keys = pipeline.nlp_keys(articles).tolist()
        chunks = clock.run("spacy (sentences, mentions)", lambda: [
            pipeline.annotate_chunk(chunk, pipeline.nlp_keys(chunk),
                                    options={"batch_size": batch_size})
            for chunk in pipeline._chunks(articles, pipeline.CHUNK_ARTICLES)])
        sentences = pipeline._ordered(chunks, "sentences", ["article_id", "start"],
                                      pipeline.nlp.sentence_frame)
        mentions = pipeline._ordered(chunks, "mentions", ["article_id", "start", "end", "label"],
                                     pipeline.nlp.mention_frame)
    boilerplate, corpus_keys = clock.run("boilerplate (detect)", pipeline._boilerplate_stage,
                                         articles, use_cache=False)
    sentences = clock.run("boilerplate (mark sentences)", lambda: sentences.assign(
        boilerplate=pipeline.bp.mark(sentences, boilerplate)))
    linked, _ = clock.run("entities", pipeline._entity_stage, mentions, sentences, articles,
                          keys=keys, use_cache=False)
    linked = clock.run("marks (mentions)", pipeline.marks.mark_mentions, linked, articles,
                       boilerplate)
    timexes, timex_keys = clock.run("timex", pipeline._timex_stage, articles, sentences,
                                    use_cache=False)
    clock.run("events", pipeline._event_stage, sentences, linked, timexes, articles,
              keys=[*keys, *timex_keys, *corpus_keys], use_cache=False)
    clock.run("quotes", pipeline._quote_stage, articles, sentences, linked, keys=keys,
              use_cache=False)
    where = "spaCy from the cache" if cached else "one process, no cache"
    clock.print(f"stages of annotate() on {len(articles)} articles, {where}")


def components(articles, batch_size: int, *, blis: bool = False) -> list[tuple]:
    from newslens import nlp

    if blis:  # thinc's default: matrix products through BLIS (newslens loads with NumPy's)
        import spacy

        pipe = spacy.load(config.MODELS_DIR / config.SHIPPED_MODEL)
    else:
        pipe = nlp.load_pipeline()
    texts = [line for line, _ in nlp._paragraphs(zip(articles["article_id"], articles["text"],
                                                     strict=True))]
    clock = Clock()
    docs = clock.run("tokenizer", lambda: [pipe.make_doc(text) for text in texts])
    for name, component in pipe.pipeline:
        docs = clock.run(name, lambda c=component, d=docs: list(c.pipe(d,
                                                                       batch_size=batch_size)))
    backend = "BLIS" if blis else "NumPy"
    clock.print(f"spaCy components on {len(texts):,} paragraphs (batch_size={batch_size}, "
                f"matrix products through {backend})")
    return [(i, ent.start_char, ent.end_char, ent.label_) for i, doc in enumerate(docs)
            for ent in doc.ents]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BENCH)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=config.BATCH_SIZE)
    parser.add_argument("--no-components", action="store_true")
    parser.add_argument("--compare-blis", action="store_true",
                        help="time the components also with thinc's default BLIS products")
    parser.add_argument("--cached", action="store_true",
                        help="read the spaCy stage from the cache (NEWSLENS_CACHE) and time the "
                             "stages after it; implies --no-components")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (the benchmark corpus lives in ../shared)")
        return 0
    from newslens import load_corpus

    articles = load_corpus(args.corpus, errors="skip").head(args.limit)
    print(f"{len(articles)} articles, {int(articles['n_words'].sum()):,} words; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start")
    stages(articles, args.batch_size, cached=args.cached)
    if not (args.no_components or args.cached):
        found = components(articles, args.batch_size)
        if args.compare_blis:
            other = components(articles, args.batch_size, blis=True)
            print(f"entities: {len(found):,} with NumPy, {len(other):,} with BLIS, "
                  f"{len(set(found) ^ set(other))} differ")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
