"""The silver annotations (training/silver.py) and what the vectors leave out (training/vectors.py).

The silver file is standoff only (article ids, offsets, labels), so its checks need no bench
text and run everywhere.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
TRAINING = PROJECT / "training"
SILVER = TRAINING / "silver" / "silver.jsonl.gz"
LABELS = {"PER", "LOC", "ORG", "MISC"}


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(f"silver_test_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


silver = _load(TRAINING / "silver.py")
vectors = _load(TRAINING / "vectors.py")
build = _load(TRAINING / "news" / "build.py")


# ----------------------------------------------------------------------------- the vote


def test_vote_keeps_spans_with_enough_teachers():
    teachers = [
        [(0, 6, "PER"), (10, 16, "LOC")],
        [(0, 6, "PER"), (10, 16, "ORG")],
        [(0, 6, "PER"), (10, 16, "LOC"), (20, 25, "MISC")],
    ]
    assert silver.vote(teachers, 2) == [(0, 6, "PER"), (10, 16, "LOC")]
    assert silver.vote(teachers, 3) == [(0, 6, "PER")]
    assert silver.vote(teachers, 1)[-1] == (20, 25, "MISC")


def test_vote_overlaps_go_to_more_votes_then_earlier_start():
    teachers = [
        [(0, 13, "PER")],
        [(0, 13, "PER")],
        [(0, 6, "PER"), (7, 13, "PER")],
        [(0, 6, "PER"), (7, 13, "PER")],
        [(7, 13, "PER")],
    ]
    # (7, 13) has 3 votes and wins over (0, 13) (2); (0, 6) does not overlap it and stays.
    assert silver.vote(teachers, 2) == [(0, 6, "PER"), (7, 13, "PER")]
    tie = [[(0, 10, "ORG")], [(5, 15, "ORG")]]
    assert silver.vote(tie, 1) == [(0, 10, "ORG")]


def test_vote_counts_a_teacher_once():
    assert silver.vote([[(0, 3, "LOC"), (0, 3, "LOC")], []], 2) == []


def test_f1_of_exact_spans():
    gold = [[(0, 6, "PER"), (10, 16, "LOC")], []]
    assert silver.f1(gold, gold) == 1.0
    assert silver.f1(gold, [[(0, 6, "PER"), (10, 16, "ORG")], [(1, 2, "MISC")]]) == 2 / 5
    assert silver.f1([[]], [[]]) == 0.0


# ----------------------------------------------------------------------------- the vectors


def _bench(tmp_path: Path) -> Path:
    path = tmp_path / "bench.jsonl"
    records = [
        {"id": "a1", "text": "Erster Absatz.\nMerkel sprach in Berlin.\nDritter Absatz."},
        {"id": "a2", "text": "Anderer Text.\n\nNoch einer."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_news_texts_leave_out_paragraphs_with_test_sentences(tmp_path):
    bench = _bench(tmp_path)
    everything = list(vectors.news_texts(bench))
    assert everything == ["Erster Absatz.", "Merkel sprach in Berlin.", "Dritter Absatz.",
                          "Anderer Text.", "Noch einer."]
    start = len("Erster Absatz.\n")
    kept = list(vectors.news_texts(bench, leave_out={"a1": [(start, start + 6)]}))
    assert "Merkel sprach in Berlin." not in kept
    assert len(kept) == len(everything) - 1


def test_test_spans_reads_only_the_test_split(tmp_path):
    path = tmp_path / "annotations.jsonl"
    lines = [{"article_id": "a1", "start": 0, "end": 5, "split": "test"},
             {"article_id": "a1", "start": 9, "end": 20, "split": "test"},
             {"article_id": "a2", "start": 0, "end": 5, "split": "train"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    assert vectors.test_spans(path) == {"a1": [(0, 5), (9, 20)]}


def test_vectors_stage_leaves_the_scored_sets_out():
    source = (TRAINING / "build_model.py").read_text(encoding="utf-8")
    stage = source[source.index("def stage_vectors"):source.index("def stage_pretrain")]
    assert "germeval_heldout" not in stage and "news_test" not in stage
    assert "leave_out=leave_out" in stage


# ----------------------------------------------------------------------------- the silver file


@pytest.fixture(scope="module")
def records() -> list[dict]:
    assert SILVER.exists(), f"{SILVER} is part of the repository (training/silver.py writes it)"
    return [json.loads(line) for line in gzip.decompress(SILVER.read_bytes()).splitlines()]


def test_silver_schema_and_no_text(records):
    keys = {"article_id", "start", "end", "split", "entities", "source", "month"}
    for rec in records:
        assert set(rec) == keys, rec
        assert rec["split"] == "train"
        assert 0 <= rec["start"] < rec["end"]
        prev = 0
        for s, e, label in rec["entities"]:
            assert label in LABELS
            assert prev <= s < e <= rec["end"] - rec["start"], rec
            prev = e


def test_silver_keeps_off_test_articles_and_what_is_annotated_by_hand(records):
    """The silver file holds news-train articles only; what a run trains on (after
    ``build.without_gold``) repeats no hand-annotated sentence and nothing of an article with
    a news dev or test sentence."""
    annotations = TRAINING / "news" / "annotations.jsonl"
    gold = [json.loads(line) for line in annotations.read_text(encoding="utf-8").splitlines()]
    articles = {rec["article_id"] for rec in records}
    assert {silver.sample.split_of(a) for a in articles} == {"train"}
    assert len({(r["article_id"], r["start"]) for r in records}) == len(records)
    kept = build.without_gold(records, gold)
    held = {rec["article_id"] for rec in gold if rec["split"] != "train"}
    assert not {rec["article_id"] for rec in kept} & held
    spans: dict[str, list[tuple[int, int]]] = {}
    for rec in gold:
        spans.setdefault(rec["article_id"], []).append((rec["start"], rec["end"]))
    assert not [rec for rec in kept if any(s < rec["end"] and rec["start"] < e
                                           for s, e in spans.get(rec["article_id"], ()))]
    assert len(kept) > 0.95 * len(records)


def test_silver_meta_matches_file(records):
    meta = json.loads((SILVER.parent / "meta.json").read_text(encoding="utf-8"))
    assert meta["sentences"] == len(records)
    counts: dict[str, int] = {}
    for rec in records:
        for _, _, label in rec["entities"]:
            counts[label] = counts.get(label, 0) + 1
    assert meta["entities"] == dict(sorted(counts.items()))
    assert 1 <= meta["min_votes"] <= len(meta["teachers"])


def test_build_reads_gzipped_records(tmp_path):
    line = ('{"article_id": "a1", "start": 0, "end": 10, "split": "train", '
            '"entities": [[0, 6, "PER"]], "source": "zeit.de", "month": "2020-04"}')
    path = tmp_path / "silver.jsonl.gz"
    path.write_bytes(gzip.compress((line + "\n").encode("utf-8")))
    (rec,) = build.read_annotations(path)
    assert rec["entities"] == [[0, 6, "PER"]]
