"""The news NER annotations (training/news/annotations.jsonl) and the sampler's sentence splitter.

The annotation file is standoff only (article ids, offsets, labels): these checks need no bench
text and run everywhere.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

NEWS_DIR = Path(__file__).resolve().parent.parent / "training" / "news"
ANNOTATIONS = NEWS_DIR / "annotations.jsonl"
KEYS = ["article_id", "start", "end", "split", "entities", "source", "month"]
SOURCES = {"tagesspiegel.de", "zeit.de", "sueddeutsche.de"}
MONTHS = {f"2020-{m:02d}" for m in range(1, 13)} | {"2021-01", "2021-02", "2021-03"}


def _load_module(name: str):
    spec = importlib.util.spec_from_file_location(name, NEWS_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sample = _load_module("sample")
sys.path.insert(0, str(NEWS_DIR))  # sample_econ imports sample by name, as a script does
sample_econ = _load_module("sample_econ")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    lines = ANNOTATIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_schema_and_values(records):
    assert records, "annotations.jsonl is empty"
    for i, rec in enumerate(records, 1):
        assert list(rec) == KEYS, f"line {i}: keys {list(rec)}"
        assert rec["article_id"].startswith("fang-"), f"line {i}"
        assert isinstance(rec["start"], int) and isinstance(rec["end"], int), f"line {i}"
        assert 0 <= rec["start"] < rec["end"], f"line {i}: bad sentence span"
        assert rec["split"] in {"train", "dev", "test"}, f"line {i}"
        assert rec["source"] in SOURCES and rec["month"] in MONTHS, f"line {i}"


def test_entities_sorted_in_range_non_overlapping(records):
    for i, rec in enumerate(records, 1):
        length = rec["end"] - rec["start"]
        prev_end = 0
        for ent in rec["entities"]:
            assert len(ent) == 3, f"line {i}: {ent}"
            s, e, label = ent
            assert label in {"PER", "LOC", "ORG", "MISC"}, f"line {i}: label {label}"
            assert isinstance(s, int) and isinstance(e, int), f"line {i}: {ent}"
            assert prev_end <= s < e <= length, f"line {i}: {ent} unsorted/overlapping/out of range"
            prev_end = e


def test_no_text_is_stored(records):
    for rec in records:
        assert not any(isinstance(v, str) and len(v) > 20 for v in rec.values())
        assert all(isinstance(x, int) or x in {"PER", "LOC", "ORG", "MISC"}
                   for ent in rec["entities"] for x in ent)


def test_unique_sentences_and_split_by_article(records):
    keys = [(r["article_id"], r["start"]) for r in records]
    assert len(keys) == len(set(keys))
    assert keys == sorted(keys), "lines are sorted by article_id, start"
    splits: dict[str, set[str]] = {}
    for rec in records:  # the test split is a function of the article id (no article in both)
        assert (rec["split"] == "test") == (sample.split_of(rec["article_id"]) == "test")
        if rec["split"] == "dev":  # news dev sentences: a fifth of sample_econ's articles
            assert sample_econ.econ_split(rec["article_id"]) == "dev"
        splits.setdefault(rec["article_id"], set()).add(rec["split"])
    assert all(len(s) == 1 for s in splits.values()), "an article is in one split only"
    n_dev = sum(rec["split"] == "dev" for rec in records)
    assert 0 < n_dev < sum(rec["split"] == "train" for rec in records) / 5
    by_article: dict[str, list[tuple[int, int]]] = {}
    for rec in records:
        by_article.setdefault(rec["article_id"], []).append((rec["start"], rec["end"]))
    for spans in by_article.values():
        for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False):
            assert e1 <= s2, "sentences of one article do not overlap"


def test_split_sentences_basic():
    text = "Merkel sprach in Berlin. Danach reiste sie ab! Kommt er? „Ja“, sagte er."
    spans = sample.split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Merkel sprach in Berlin.", "Danach reiste sie ab!", "Kommt er?", "„Ja“, sagte er.",
    ]


def test_split_sentences_no_break_after_abbreviations_ordinals_initials():
    text = ("Am 18. März sprach Dr. Müller mit John F. Kennedy z.B. über Nr. 5 Die Lage. "
            "Neuer Satz.")
    spans = sample.split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Am 18. März sprach Dr. Müller mit John F. Kennedy z.B. über Nr. 5 Die Lage.",
        "Neuer Satz.",
    ]


def test_split_sentences_newlines_quotes_and_offsets():
    text = "  Erste Zeile ohne Punkt\nZweite Zeile. \"Zitat am Anfang.\" Ende.\n\n"
    spans = sample.split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Erste Zeile ohne Punkt", "Zweite Zeile.", "\"Zitat am Anfang.\"", "Ende.",
    ]
    assert spans[0] == (2, 24)


def test_split_sentences_lowercase_after_period_does_not_break():
    assert sample.split_sentences("Es kostet 3 Mio. im Jahr. Gut.") == [(0, 25), (26, 30)]


def test_is_clean_filters_short_long_and_debris():
    assert sample.is_clean("Die Kanzlerin sprach am Montag in Berlin.")
    assert not sample.is_clean("Zu kurz hier.")  # fewer than 6 words
    assert not sample.is_clean("Mehr unter https://example.org lesen Sie bitte hier.")
    assert not sample.is_clean("Ein Satz mit <b>Markup</b> darin steht hier.")
    assert not sample.is_clean("Eine Überschrift ohne Satzzeichen am Ende hier")
    assert not sample.is_clean(" ".join(["Wort"] * 81) + ".")


def test_split_of_is_deterministic():
    assert sample.split_of("fang-1") == sample.split_of("fang-1")
    assert {sample.split_of(f"fang-{i}") for i in range(50)} == {"train", "test"}


build = _load_module("build")


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "annotations.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = ('{"article_id": "a1", "start": 4, "end": 28, "split": "train", '
        '"entities": [[0, 6, "PER"], [17, 23, "LOC"]], "source": "zeit.de", "month": "2020-04"}')


def test_build_check_accepts_good_lines(tmp_path):
    records = build.read_annotations(_write(tmp_path, [GOOD]))
    text = "Am: Merkel sprach in Berlin. Mehr."
    build.check(records, {"a1": text})
    s, e = records[0]["start"], records[0]["end"]
    assert text[s:e] == "Merkel sprach in Berlin."
    assert [text[s:e][a:b] for a, b, _ in records[0]["entities"]] == ["Merkel", "Berlin"]


def test_build_errors_name_the_line(tmp_path):
    bad_split = GOOD.replace('"train"', '"valid"')
    path = _write(tmp_path, [GOOD, bad_split])
    with pytest.raises(build.AnnotationError, match=r"annotations\.jsonl:2: split 'valid'"):
        build.read_annotations(path)
    records = build.read_annotations(_write(tmp_path, [GOOD]))
    with pytest.raises(build.AnnotationError, match=r":1: article 'a1' not in"):
        build.check(records, {})
    with pytest.raises(build.AnnotationError, match=r":1: sentence 4-28 out of range"):
        build.check(records, {"a1": "kurz"})
    overlapping = GOOD.replace("[17, 23", "[3, 23")
    records = build.read_annotations(_write(tmp_path, [overlapping]))
    with pytest.raises(build.AnnotationError, match=r":1: entity \[3, 23, 'LOC'\]"):
        build.check(records, {"a1": "Am: Merkel sprach in Berlin. Mehr."})


def test_silver_leaves_out_hand_annotated_sentences_and_dev_articles():
    def rec(aid, start, end, split="train"):
        return {"article_id": aid, "start": start, "end": end, "split": split}

    gold = [rec("a", 100, 200), rec("d", 0, 50, "dev")]
    silver = [rec("a", 0, 99), rec("a", 150, 250), rec("a", 200, 300), rec("b", 100, 200),
              rec("d", 400, 500)]
    kept = build.without_gold(silver, gold)
    assert [(r["article_id"], r["start"]) for r in kept] == [("a", 0), ("a", 200), ("b", 100)]


def test_econ_sample_cues_and_dev_split():
    assert sample_econ.CUES.search("Der Siemens-Konzern meldete mehr Umsatz.")
    assert sample_econ.CUES.search("Im Landkreis Erding")
    assert not sample_econ.CUES.search("Die Kinder spielten im Garten.")
    ids = [f"fang-{i}" for i in range(200)]
    dev = [i for i in ids if sample_econ.econ_split(i) == "dev"]
    assert 20 < len(dev) < 60  # about a fifth, by hash
    assert sample_econ.econ_split(dev[0], {dev[0]: "train"}) == "train"  # keeps its split
