"""Counting tables: exact values on a small hand-made mentions table."""

from __future__ import annotations

import pandas as pd
import pytest

from newslens.counts import (
    cooccurrence,
    entity_article_matrix,
    mentions_per_article,
    top_entities,
    top_pairs,
)

ARTICLES = pd.DataFrame({
    "article_id": ["b", "a"],
    "published": pd.to_datetime(["2025-10-01", "2025-08-01"]),
})

# (article, sentence, entity_id, canonical, label, compound)
ROWS = [
    ("a", "a:s0000", "per:donald_trump", "Donald Trump", "PER", False),
    ("a", "a:s0000", "per:wladimir_putin", "Wladimir Putin", "PER", False),
    ("a", "a:s0000", "loc:alaska", "Alaska", "LOC", False),
    ("a", "a:s0001", "per:donald_trump", "Donald Trump", "PER", False),
    ("a", "a:s0001", "loc:ukraine", "Ukraine", "LOC", True),
    ("b", "b:s0000", "per:donald_trump", "Donald Trump", "PER", False),
    ("b", "b:s0000", "loc:budapest", "Budapest", "LOC", False),
    ("b", "b:s0001", "loc:budapest", "Budapest", "LOC", False),
    ("b", "b:s0001", "per:wladimir_putin", "Wladimir Putin", "PER", False),
    ("b", "b:s0001", "org:eu", "EU", "ORG", False),
]


@pytest.fixture()
def mentions() -> pd.DataFrame:
    frame = pd.DataFrame(ROWS, columns=["article_id", "sentence_id", "entity_id", "canonical",
                                        "label", "compound"])
    frame["label"] = pd.Categorical(frame["label"], categories=["PER", "LOC", "ORG", "MISC"])
    return frame


def test_top_entities_sorted_with_tie_breaks(mentions):
    top = top_entities(mentions, top_n=3)
    assert top[["canonical", "n_mentions", "n_articles", "rank"]].values.tolist() == [
        ["Donald Trump", 3, 2, 1], ["Wladimir Putin", 2, 2, 2], ["Budapest", 2, 1, 3],
    ]
    assert top.index.equals(pd.RangeIndex(3))
    assert str(top["n_mentions"].dtype) == "int64"


def test_compounds_are_counted_only_when_asked(mentions):
    assert "Ukraine" not in top_entities(mentions, top_n=10)["canonical"].tolist()
    assert "Ukraine" in top_entities(mentions, top_n=10, include_compounds=True)[
        "canonical"].tolist()


def test_top_entities_per_label(mentions):
    top = top_entities(mentions, top_n=1, per_label=True)
    assert top[["label", "canonical", "rank"]].astype(str).values.tolist() == [
        ["PER", "Donald Trump", "1"], ["LOC", "Budapest", "1"], ["ORG", "EU", "1"],
    ]


def test_label_filter(mentions):
    assert set(top_entities(mentions, labels=["ORG"])["canonical"]) == {"EU"}


def test_mentions_per_article_keeps_zero_rows_in_date_order(mentions):
    table = mentions_per_article(mentions, ARTICLES)
    assert table["article_id"].tolist() == ["a"] * 4 + ["b"] * 4
    assert table["n_mentions"].tolist() == [3, 1, 0, 0, 2, 2, 1, 0]
    assert table["n_entities"].tolist() == [2, 1, 0, 0, 2, 1, 1, 0]


def test_entity_article_matrix_orders_by_time(mentions):
    table = entity_article_matrix(mentions, ARTICLES, top_n=4)
    order = table.drop_duplicates("entity_id")["canonical"].tolist()
    # Alaska only in the August article comes first, Budapest only in October last.
    assert order == ["Alaska", "Donald Trump", "Wladimir Putin", "Budapest"]
    cell = table[(table["canonical"] == "Budapest") & (table["article_id"] == "b")]
    assert cell["n_mentions"].tolist() == [2]
    assert len(table) == 4 * 2


def test_cooccurrence_counts_sentences(mentions):
    table = cooccurrence(mentions, top_n=3)
    pair = table[(table["canonical_a"] == "Donald Trump")
                 & (table["canonical_b"] == "Wladimir Putin")]
    assert pair["n_sentences"].tolist() == [1]
    diagonal = table[table["entity_a"] == table["entity_b"]]
    assert dict(zip(diagonal["canonical_a"], diagonal["n_sentences"], strict=True)) == {
        "Donald Trump": 3, "Wladimir Putin": 2, "Budapest": 2,
    }
    assert top_pairs(table, n=1)[["canonical_a", "canonical_b", "n_sentences"]].values.tolist() == [
        ["Budapest", "Donald Trump", 1], ["Budapest", "Wladimir Putin", 1],
        ["Donald Trump", "Wladimir Putin", 1],
    ]
