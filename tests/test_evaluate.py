"""Scoring helpers (newslens.evaluate) and the integrity of the seed entity gold they use."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from newslens import config, load_corpus
from newslens.evaluate import (
    compound_parts,
    drop_compounds,
    mention_errors,
    score_canonical,
    score_mentions,
)

GOLD_CSV = Path(__file__).parent / "gold" / "seed_entities.csv"
GOLD_COLUMNS = ["article_id", "start", "end", "text", "label", "canonical", "entity_id", "compound"]


def mentions(rows: list[tuple]) -> pd.DataFrame:
    """A mention table from (article_id, start, end, text, label, entity_id, compound) tuples."""
    cols = ["article_id", "start", "end", "text", "label", "entity_id", "compound"]
    return pd.DataFrame(rows, columns=cols)


def scores(rows: list[tuple], *, by: str = "label") -> pd.DataFrame:
    """Expected score table from (group, tp, fp, fn, precision, recall, f1) tuples."""
    frame = pd.DataFrame(rows, columns=[by, "tp", "fp", "fn", "precision", "recall", "f1"])
    return frame.astype({c: "int64" for c in ("tp", "fp", "fn")} | {
        c: "float64" for c in ("precision", "recall", "f1")})


GOLD = mentions([
    ("a", 0, 5, "Trump", "PER", "per:donald_trump", False),
    ("a", 10, 15, "Kiews", "LOC", "loc:kiew", False),
    ("b", 0, 3, "NATO", "ORG", "org:nato", False),
])


def test_score_mentions_counts_exact_matches_per_label_and_overall():
    predicted = mentions([
        ("a", 0, 5, "Trump", "PER", "per:donald_trump", False),  # tp
        ("a", 10, 14, "Kiew", "LOC", "loc:kiew", False),  # wrong end: fp LOC, fn LOC
        ("b", 0, 3, "NATO", "MISC", "misc:nato", False),  # wrong label: fp MISC, fn ORG
    ])
    expected = scores([
        ("PER", 1, 0, 0, 1.0, 1.0, 1.0),
        ("LOC", 0, 1, 1, 0.0, 0.0, 0.0),
        ("ORG", 0, 0, 1, 0.0, 0.0, 0.0),
        ("MISC", 0, 1, 0, 0.0, 0.0, 0.0),
        ("ALL", 1, 2, 2, 1 / 3, 1 / 3, 1 / 3),
    ])
    pd.testing.assert_frame_equal(score_mentions(predicted, GOLD), expected)


@pytest.mark.parametrize("predicted", [pd.DataFrame(), GOLD.iloc[0:0]], ids=["bare", "columns"])
def test_score_mentions_empty_prediction_has_recall_zero_and_no_nan(predicted):
    expected = scores([
        ("PER", 0, 0, 1, 0.0, 0.0, 0.0),
        ("LOC", 0, 0, 1, 0.0, 0.0, 0.0),
        ("ORG", 0, 0, 1, 0.0, 0.0, 0.0),
        ("MISC", 0, 0, 0, 0.0, 0.0, 0.0),
        ("ALL", 0, 0, 3, 0.0, 0.0, 0.0),
    ])
    pd.testing.assert_frame_equal(score_mentions(predicted, GOLD), expected)


def test_score_mentions_matches_duplicates_as_a_multiset():
    predicted = pd.concat([GOLD.iloc[[0]], GOLD.iloc[[0]]], ignore_index=True)
    result = score_mentions(predicted, GOLD.iloc[[0]], by=None)
    pd.testing.assert_frame_equal(result, scores([("ALL", 1, 1, 0, 0.5, 1.0, 2 / 3)], by="group"))


def test_score_mentions_by_another_column_and_csv_types():
    predicted = GOLD.astype({"start": "int32"}).assign(end=GOLD["end"].astype(float))
    result = score_mentions(predicted.iloc[[0, 1]], GOLD, by="article_id")
    expected = scores([
        ("a", 2, 0, 0, 1.0, 1.0, 1.0),
        ("b", 0, 0, 1, 0.0, 0.0, 0.0),
        ("ALL", 2, 0, 1, 1.0, 2 / 3, 0.8),
    ], by="article_id")
    pd.testing.assert_frame_equal(result, expected)


def test_score_mentions_names_the_table_missing_a_column():
    with pytest.raises(ValueError, match=r"predicted: missing column\(s\) \['label'\]"):
        score_mentions(GOLD.drop(columns="label"), GOLD)


def test_mention_errors_lists_false_positives_and_negatives_in_text_order():
    predicted = mentions([
        ("a", 0, 5, "Trump", "PER", "per:donald_trump", False),
        ("a", 10, 14, "Kiew", "LOC", "loc:kiew", False),
    ])
    result = mention_errors(predicted, GOLD)
    assert result[["error", "article_id", "start", "end", "text", "label"]].values.tolist() == [
        ["fp", "a", 10, 14, "Kiew", "LOC"],
        ["fn", "a", 10, 15, "Kiews", "LOC"],
        ["fn", "b", 0, 3, "NATO", "ORG"],
    ]
    assert result["canonical"].isna().all()  # neither table has the column


def test_drop_compounds_and_compound_parts_accept_bool_and_csv_strings():
    frame = pd.DataFrame({"start": [0, 1, 2], "compound": [True, False, False]})
    as_text = frame.assign(compound=frame["compound"].astype(str))
    for table in (frame, as_text):
        assert drop_compounds(table)["start"].tolist() == [1, 2]
        assert compound_parts(table)["start"].tolist() == [0]
    assert len(drop_compounds(frame.drop(columns="compound"))) == 3
    assert len(compound_parts(frame.drop(columns="compound"))) == 0


CANON_GOLD = mentions([
    ("a", 0, 2, "US", "LOC", "loc:usa", True),
    ("a", 12, 17, "Trump", "PER", "per:donald_trump", False),
    ("a", 30, 35, "Putin", "PER", "per:wladimir_putin", False),
    ("a", 60, 65, "Putin", "PER", "per:wladimir_putin", False),
])
SENTENCES = pd.DataFrame({
    "article_id": ["a", "a"],
    "sentence_id": ["a:s0000", "a:s0001"],
    "start": [0, 50],
    "end": [49, 80],
})


def test_score_canonical_span_needs_same_offsets_and_entity_id():
    predicted = mentions([
        ("a", 0, 2, "US", "LOC", "loc:usa", True),
        ("a", 12, 17, "Trump", "PER", "per:joe_biden", False),  # right span, wrong entity
        ("a", 30, 35, "Putin", "PER", "per:wladimir_putin", False),
    ])
    plain = score_canonical(predicted, CANON_GOLD)
    assert plain.set_index("label").loc["ALL", ["tp", "fp", "fn"]].tolist() == [1, 1, 2]
    with_compounds = score_canonical(predicted, CANON_GOLD, include_compounds=True)
    assert with_compounds.set_index("label").loc[["LOC", "ALL"], "tp"].tolist() == [1, 2]


def test_score_canonical_counts_an_unlinked_prediction_under_its_label():
    predicted = CANON_GOLD.iloc[[1]].assign(entity_id=None)
    result = score_canonical(predicted, CANON_GOLD).set_index("label")
    assert result.loc["PER", ["tp", "fp", "fn"]].tolist() == [0, 1, 3]
    assert list(result.index) == ["PER", "LOC", "ORG", "MISC", "ALL"]


def test_score_canonical_sentence_tolerates_spans_but_counts_each_mention():
    predicted = mentions([
        ("a", 2, 17, "Präsident Trump", "PER", "per:donald_trump", False),  # wider span, s0000
        ("a", 51, 56, "Putin", "PER", "per:wladimir_putin", False),  # wrong place, s0001: tp
    ])
    result = score_canonical(predicted, CANON_GOLD, match="sentence", sentences=SENTENCES)
    # gold Putin at 30 (s0000) stays unmatched: one prediction per gold mention per sentence.
    assert result.set_index("label").loc["PER", ["tp", "fp", "fn"]].tolist() == [2, 0, 1]
    assert score_canonical(predicted, CANON_GOLD).set_index("label").loc["PER", "tp"] == 0


def test_score_canonical_sentence_needs_sentences_or_ids():
    with pytest.raises(ValueError, match="predicted: match='sentence' needs"):
        score_canonical(CANON_GOLD, CANON_GOLD, match="sentence")
    with pytest.raises(ValueError, match="match: expected"):
        score_canonical(CANON_GOLD, CANON_GOLD, match="token")


def test_score_canonical_empty_prediction():
    result = score_canonical(pd.DataFrame(), CANON_GOLD, match="sentence", sentences=SENTENCES)
    assert result.set_index("label").loc["ALL", ["tp", "fp", "fn", "f1"]].tolist() == [0, 0, 3, 0.0]


# --- the gold itself: offsets, ids and order must stay true to the seed texts ---------------


def slug(name: str) -> str:
    """The entity_id slug of docs/CONVENTIONS.md: umlauts folded, ASCII, non-alphanumerics _."""
    folded = name.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
                                           "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})).lower()
    ascii_ = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_).strip("_")


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    return pd.read_csv(GOLD_CSV)


@pytest.fixture(scope="module")
def seed_texts() -> pd.Series:
    return load_corpus(config.SEEDS_DIR).set_index("article_id")["text"]


def test_gold_offsets_point_at_their_text(gold, seed_texts):
    assert list(gold.columns) == GOLD_COLUMNS
    assert set(gold["article_id"]) == set(seed_texts.index)
    wrong = [r for r in gold.itertuples() if seed_texts[r.article_id][r.start:r.end] != r.text]
    assert wrong == []


def test_gold_is_sorted_unique_and_uses_conventional_ids(gold):
    assert gold["start"].lt(gold["end"]).all()
    assert not gold.duplicated(["article_id", "start", "end"]).any()
    assert gold.equals(gold.sort_values(["article_id", "start"]).reset_index(drop=True))
    assert set(gold["label"]) == set(config.LABELS)
    assert gold["compound"].dtype == bool
    expected_ids = gold["label"].str.lower() + ":" + gold["canonical"].map(slug)
    assert (gold["entity_id"] == expected_ids).all()
    assert gold.loc[gold.canonical == "Weißes Haus", "entity_id"].iloc[0] == "org:weisses_haus"


def test_gold_compound_rows_sit_inside_a_word(gold, seed_texts):
    def inside(r) -> bool:
        text = seed_texts[r.article_id]
        before, after = text[r.start - 1:r.start], text[r.end:r.end + 1]
        return after == "-" or after.isalpha() or before == "-"

    compounds = gold[gold["compound"]]
    assert len(compounds) > 0
    assert [r.text for r in compounds.itertuples() if not inside(r)] == []
