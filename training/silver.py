"""Silver NER annotations of news sentences: the majority vote of several trained pipelines.

Ensemble distillation. Eight pipelines trained on the gold data with different seeds, vectors and
sizes each make their own mistakes; an entity that most of them predict is right far more often
than any one of them (eight tuning runs voting: held-out GermEval F1 0.660 where each scores 0.61
to 0.63). Voting over unlabelled news text and training one pipeline on the gold data plus these
votes carries much of the ensemble's accuracy into a single pipeline at a single pipeline's speed.

Sentences: up to `--per-article` clean sentences (``news/sample.py``'s splitter and filter, chosen
by hash) of every benchmark article that has no sentence in the news annotations and is not in
the news test split by article hash, so no news test article is ever silver-labelled.
Vote: a span with its label is kept when at least `--min-votes` teachers predict exactly it;
overlapping kept spans are resolved by more votes, then the earlier start.

Output: ``training/silver/silver.jsonl.gz``, standoff records in the schema of
``news/annotations.jsonl`` (article id, sentence offsets into the raw bench text, entity offsets
in the sentence; no text), and ``training/silver/meta.json`` (teachers, threshold, counts).
``news/build.py`` turns them into ``training/corpus/extra/silver.spacy``.

    python training/silver.py --runs RUN [RUN ...] [--min-votes N] [--jobs 2]
    python training/silver.py --runs RUN [RUN ...] --evaluate   # scores only, writes nothing
    python training/silver.py --runs RUN [RUN ...] --min-votes 4 --fidelity STUDENT [...]

`--evaluate` prints each teacher's and the vote's entity F1 (exact spans) on the GermEval dev and
held-out splits and the news test split, for every threshold. `--fidelity` prints how closely
each student run follows the vote (entity F1 against it) on 5,000 bench sentences that are not
in the silver file: a test-free measure of how much of the ensemble a student took in.

A teacher is a run folder of ``training/output/`` (its final model, as in its ``.stamp.json``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "news"))

import sample  # noqa: E402  (training/news/sample.py: bench reader, sentence splitter)

OUTPUT = HERE / "output"
SILVER = HERE / "silver"
ANNOTATIONS = HERE / "news" / "annotations.jsonl"

Span = tuple[int, int, str]


def sentence_pool(bench: Path, annotations: Path, per_article: int) -> list[dict]:
    """The sentences to label: article id, offsets, source, month and text (text not stored)."""
    annotated = {json.loads(line)["article_id"] for line in annotations.open(encoding="utf-8")}
    pool = []
    for rec in sample.read_bench(bench):
        aid, text = rec["id"], rec["text"]
        if aid in annotated or sample.split_of(aid) == "test":
            continue
        candidates = []
        for start, end in sample.split_sentences(text):
            sentence = text[start:end]
            if (sample.MIN_WORDS <= len(sentence.split()) <= sample.MAX_WORDS
                    and sample.is_clean(sentence)):
                candidates.append((sample.stable_hash(f"silver:{aid}:{start}"), start, end))
        for _, start, end in sorted(candidates)[:per_article]:
            pool.append({"article_id": aid, "start": start, "end": end,
                         "source": rec["source"], "month": rec["date"][:7],
                         "text": text[start:end]})
    return pool


def teacher_path(run: str) -> Path:
    run_dir = OUTPUT / run
    stamp = run_dir / ".stamp.json"
    if not stamp.exists():
        raise SystemExit(f"teacher {run}: {stamp} not found (train the run first)")
    return run_dir / json.loads(stamp.read_text(encoding="utf-8")).get("final", "model-best")


def predict(run: str, texts: Sequence[str]) -> list[list[Span]]:
    """One teacher's entity spans (character offsets, label) for each text."""
    import spacy

    nlp = spacy.load(teacher_path(run))
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in nlp.pipe(texts, batch_size=256)]


def vote(predictions: Sequence[Sequence[Span]], min_votes: int) -> list[Span]:
    """Spans predicted by at least `min_votes` teachers; overlaps go to more votes, then earlier."""
    counts = Counter(span for spans in predictions for span in set(spans))
    kept: list[Span] = []
    for span in sorted((s for s, n in counts.items() if n >= min_votes),
                       key=lambda s: (-counts[s], s[0], s[1])):
        if all(span[1] <= other[0] or span[0] >= other[1] for other in kept):
            kept.append(span)
    return sorted(kept)


def f1(gold: Sequence[Sequence[Span]], predicted: Sequence[Sequence[Span]]) -> float:
    """Micro F1 of exact (start, end, label) spans."""
    tp = n_gold = n_pred = 0
    for g, p in zip(gold, predicted, strict=True):
        tp += len(set(g) & set(p))
        n_gold += len(set(g))
        n_pred += len(set(p))
    return 2 * tp / (n_gold + n_pred) if n_gold + n_pred else 0.0


def evaluate(runs: Sequence[str], jobs: int) -> None:
    """Teachers' and votes' F1 on the scored DocBins of training/corpus/."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("de").vocab
    corpus = HERE / "corpus"
    sets: dict[str, list] = {}
    for name in ("germeval_dev", "germeval_heldout", "news_test"):
        path = corpus / f"{name}.spacy"
        if path.exists():
            sets[name] = list(DocBin().from_disk(path).get_docs(vocab))
        else:
            print(f"{name}: {path} not built (python training/build_model.py --stage corpus)")
    texts = [doc.text for docs in sets.values() for doc in docs]
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as ex:  # each teacher loaded once
        predictions = list(ex.map(predict, runs, [texts] * len(runs)))
    start = 0
    for name, docs in sets.items():
        gold = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]
        part = [pred[start:start + len(docs)] for pred in predictions]
        start += len(docs)
        print(f"{name}: " + ", ".join(f"{run} {f1(gold, pred):.3f}"
                                      for run, pred in zip(runs, part, strict=True)))
        for k in range(1, len(runs) + 1):
            voted = [vote([pred[i] for pred in part], k) for i in range(len(docs))]
            print(f"  at least {k} votes: {f1(gold, voted):.3f}")


def fidelity(runs: Sequence[str], students: Sequence[str], min_votes: int, bench: Path,
             jobs: int, n_sentences: int = 5000) -> None:
    """Each student's F1 against the teachers' vote on bench sentences the silver file lacks."""
    with gzip.open(SILVER / "silver.jsonl.gz", "rt", encoding="utf-8") as fh:
        voted_on = {(rec["article_id"], rec["start"]) for rec in map(json.loads, fh)}
    pool = [rec for rec in sentence_pool(bench, ANNOTATIONS, per_article=16)
            if (rec["article_id"], rec["start"]) not in voted_on]
    pool.sort(key=lambda rec: sample.stable_hash(f"fid:{rec['article_id']}:{rec['start']}"))
    texts = [rec["text"] for rec in pool[:n_sentences]]
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as ex:
        everyone = [*runs, *students]
        predictions = list(ex.map(predict, everyone, [texts] * len(everyone)))
    voted = [vote([pred[i] for pred in predictions[:len(runs)]], min_votes)
             for i in range(len(texts))]
    print(f"{len(texts):,} unvoted bench sentences, {sum(map(len, voted)):,} voted spans "
          f"(at least {min_votes} of {len(runs)} teachers)")
    for student, pred in zip(students, predictions[len(runs):], strict=True):
        print(f"  {student}: F1 against the vote {f1(voted, pred):.4f}")


def write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", nargs="+", required=True, help="teacher run folders")
    p.add_argument("--min-votes", type=int, default=None,
                   help="default: half of the teachers, rounded up")
    p.add_argument("--per-article", type=int, default=5)
    p.add_argument("--jobs", type=int, default=2, help="teachers tagging at once")
    p.add_argument("--bench", type=Path, default=sample.BENCH)
    p.add_argument("--out", type=Path, default=SILVER)
    p.add_argument("--evaluate", action="store_true", help="print scores, write nothing")
    p.add_argument("--fidelity", nargs="+", metavar="STUDENT", default=None,
                   help="print each student run's F1 against the vote on unvoted sentences")
    args = p.parse_args(argv)
    min_votes = args.min_votes or (len(args.runs) + 1) // 2
    if not 1 <= min_votes <= len(args.runs):
        p.error(f"--min-votes must be between 1 and {len(args.runs)}")
    for run in [*args.runs, *(args.fidelity or [])]:
        teacher_path(run)  # fail before the long part
    if args.fidelity:
        fidelity(args.runs, args.fidelity, min_votes, args.bench, args.jobs)
        return 0
    if args.evaluate:
        evaluate(args.runs, args.jobs)
        return 0
    pool = sentence_pool(args.bench, ANNOTATIONS, args.per_article)
    texts = [rec.pop("text") for rec in pool]
    print(f"{len(pool):,} sentences, {sum(len(t.split()) for t in texts):,} words; "
          f"{len(args.runs)} teachers, at least {min_votes} votes", flush=True)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        predictions = list(ex.map(predict, args.runs, [texts] * len(args.runs)))
    labels: Counter = Counter()
    lines = []
    for i, rec in enumerate(pool):
        spans = vote([teacher[i] for teacher in predictions], min_votes)
        labels.update(label for _, _, label in spans)
        lines.append(json.dumps({**rec, "split": "train", "entities": [list(s) for s in spans]},
                                ensure_ascii=False))
    args.out.mkdir(parents=True, exist_ok=True)
    write_atomic(args.out / "silver.jsonl.gz",
                 gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    meta = {"teachers": args.runs, "min_votes": min_votes, "per_article": args.per_article,
            "sentences": len(pool), "entities": dict(sorted(labels.items()))}
    write_atomic(args.out / "meta.json", (json.dumps(meta, indent=1) + "\n").encode("utf-8"))
    print(json.dumps(meta))
    return 0


if __name__ == "__main__":
    sys.exit(main())
