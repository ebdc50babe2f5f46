"""Rebuild the news NER DocBins from the standoff annotations and the benchmark corpus.

``training/news/annotations.jsonl`` holds only article ids, sentence offsets (into the article's
raw ``text`` field of ``german_news_10k.jsonl.gz``) and entity offsets relative to the sentence.
This script joins them with the corpus and writes

- ``training/corpus/extra/news_train.spacy``  (split "train")
- ``training/corpus/news_dev.spacy``          (split "dev": news sentences of ``sample_econ.py``
  that pick a run's checkpoint with ``build_model.py --news-dev``; never trained on)
- ``training/corpus/news_test.spacy``         (split "test"; no model is trained on it)
- ``training/corpus/silver.spacy``            (``training/silver/silver.jsonl.gz``, the same
  schema, gzipped: the teachers' vote of ``training/silver.py``; used by a run given ``--silver``)

Docs are tokenised with ``spacy.blank("de")``; entity spans are snapped to token boundaries with
``Doc.char_span(..., alignment_mode="contract")``. Spans that do not survive (contracted to
nothing) are counted and reported, never silently dropped. Every referenced article must exist
and every offset must be in range: otherwise the script stops with the annotation line at fault.

    python training/news/build.py [--bench PATH] [--annotations PATH] [--silver PATH]
                                  [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
BENCH = PROJECT.parent / "shared" / "data" / "bench" / "german_news_10k.jsonl.gz"
ANNOTATIONS = HERE / "annotations.jsonl"
SILVER = PROJECT / "training" / "silver" / "silver.jsonl.gz"
CORPUS_DIR = PROJECT / "training" / "corpus"
LABELS = ("PER", "LOC", "ORG", "MISC")
MIN_SENTENCES = 1500
SPLITS = ("train", "dev", "test")
KEYS = ("article_id", "start", "end", "split", "entities", "source", "month")


class AnnotationError(ValueError):
    """An annotation line that does not fit the corpus or the schema."""


def read_annotations(path: Path) -> list[dict]:
    """The standoff records, schema-checked, with an error naming the line."""
    records = []
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    for lineno, line in enumerate(raw.decode("utf-8").splitlines(), 1):
        where = f"{path}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AnnotationError(f"{where}: not valid JSON ({exc})") from exc
        missing = [k for k in KEYS if k not in rec]
        if missing:
            raise AnnotationError(f"{where}: missing field(s) {missing}")
        if rec["split"] not in SPLITS:
            raise AnnotationError(f"{where}: split {rec['split']!r}, expected one of {SPLITS}")
        for ent in rec["entities"]:
            if len(ent) != 3 or ent[2] not in LABELS:
                raise AnnotationError(f"{where}: bad entity {ent!r}")
        rec["_where"] = where
        records.append(rec)
    return records


def load_texts(bench: Path, ids: set[str]) -> dict[str, str]:
    """Raw ``text`` of the wanted articles, by id."""
    texts = {}
    with gzip.open(bench, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("id") in ids:
                texts[rec["id"]] = rec["text"]
    return texts


def check(records: list[dict], texts: dict[str, str]) -> None:
    """Articles exist, sentence and entity offsets are in range, entities sorted and disjoint."""
    for rec in records:
        where, aid = rec["_where"], rec["article_id"]
        if aid not in texts:
            raise AnnotationError(f"{where}: article {aid!r} not in the benchmark corpus")
        start, end = rec["start"], rec["end"]
        if not 0 <= start < end <= len(texts[aid]):
            raise AnnotationError(
                f"{where}: sentence {start}-{end} out of range for {aid} "
                f"(text has {len(texts[aid])} characters)")
        prev = 0
        for s, e, label in rec["entities"]:
            if not prev <= s < e <= end - start:
                raise AnnotationError(
                    f"{where}: entity [{s}, {e}, {label!r}] out of range, overlapping or unsorted "
                    f"(sentence length {end - start})")
            prev = e


def without_gold(silver: list[dict], gold: list[dict]) -> list[dict]:
    """The silver records whose sentence overlaps no hand-annotated sentence of its article.

    The silver votes were cast on articles without hand annotations; sentences annotated later
    (``sample_econ.py``) can be among them, and the same text must not be trained on twice with
    two different entity lists.
    No silver sentence of an article with a dev sentence is kept either, so the news dev set
    is scored on articles the student has seen nothing of.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    for rec in gold:
        spans.setdefault(rec["article_id"], []).append((rec["start"], rec["end"]))
    dev_articles = {rec["article_id"] for rec in gold if rec["split"] == "dev"}
    return [rec for rec in silver
            if rec["article_id"] not in dev_articles
            and not any(s < rec["end"] and rec["start"] < e
                        for s, e in spans.get(rec["article_id"], ()))]


def build(records: list[dict], texts: dict[str, str]) -> tuple[dict, Counter]:
    """DocBins per split, and counts (docs, entities per label, misaligned spans)."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    bins = {split: DocBin() for split in SPLITS}
    stats: Counter = Counter()
    for rec in records:
        text = texts[rec["article_id"]][rec["start"]:rec["end"]]
        doc = nlp.make_doc(text)
        spans = []
        for s, e, label in rec["entities"]:
            span = doc.char_span(s, e, label=label, alignment_mode="contract")
            if span is None or len(span) == 0:
                stats["misaligned"] += 1
                continue
            if (span.start_char, span.end_char) != (s, e):
                stats["contracted"] += 1
            spans.append(span)
            stats[f"{rec['split']}:{label}"] += 1
        doc.ents = spans
        bins[rec["split"]].add(doc)
        stats[f"{rec['split']}:docs"] += 1
    return bins, stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", type=Path, default=BENCH)
    ap.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    ap.add_argument("--silver", type=Path, default=SILVER, help="skipped if absent")
    ap.add_argument("--out-dir", type=Path, default=CORPUS_DIR)
    args = ap.parse_args(argv)
    if not args.bench.exists():
        print(f"benchmark corpus not found: {args.bench} (skipping)", file=sys.stderr)
        return 0
    try:
        records = read_annotations(args.annotations)
        silver = read_annotations(args.silver) if args.silver.exists() else []
        if any(rec["split"] != "train" for rec in silver):
            raise AnnotationError(f"{args.silver}: silver records must all be split 'train'")
        texts = load_texts(args.bench, {r["article_id"] for r in records + silver})
        check(records + silver, texts)
    except AnnotationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    n_silver = len(silver)
    silver = without_gold(silver, records)
    if n_silver != len(silver):
        print(f"{n_silver - len(silver)} silver sentences overlap a hand-annotated sentence or are "
              f"in an article of the news dev set: left out")
    if silver:
        silver_bins, silver_stats = build(silver, texts)
        path = args.out_dir / "silver.spacy"
        path.parent.mkdir(parents=True, exist_ok=True)
        silver_bins["train"].to_disk(path)
        print(f"{len(silver)} silver sentences: "
              + ", ".join(f"{lab} {silver_stats[f'train:{lab}']}" for lab in LABELS)
              + f"; dropped spans {silver_stats['misaligned']}; wrote {path}")
    bins, stats = build(records, texts)
    outputs = {"train": args.out_dir / "extra" / "news_train.spacy",
               "dev": args.out_dir / "news_dev.spacy",
               "test": args.out_dir / "news_test.spacy"}
    for split, path in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        bins[split].to_disk(path)
    n = len(records)
    print(f"{n} sentences: {stats['train:docs']} train, {stats['dev:docs']} dev, "
          f"{stats['test:docs']} test")
    for split in SPLITS:
        print(f"  {split}: " + ", ".join(f"{lab} {stats[f'{split}:{lab}']}" for lab in LABELS))
    print(f"  spans snapped by contraction: {stats['contracted']}; "
          f"failed to align (dropped): {stats['misaligned']}")
    status = "ok" if n >= MIN_SENTENCES else "BELOW TARGET"
    print(f"  target >= {MIN_SENTENCES} sentences: {status}")
    for path in outputs.values():
        print(f"  wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
