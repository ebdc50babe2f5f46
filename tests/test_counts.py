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

LABELS = ["PER", "LOC", "ORG", "MISC"]
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


def _many_articles(n: int) -> pd.DataFrame:
    days = pd.date_range("2025-08-04", periods=n, freq="D")  # a Monday
    return pd.DataFrame({"article_id": [f"x{i:03d}" for i in range(n)], "published": days})


def _mentions_of(articles: pd.DataFrame, every: int) -> pd.DataFrame:
    ids = articles["article_id"].iloc[::every]
    return pd.DataFrame({
        "article_id": ids, "sentence_id": ids + ":s0000", "start": 0, "end": 5,
        "text": "Trump", "label": pd.Categorical(["PER"] * len(ids), categories=LABELS),
        "entity_id": "per:donald_trump", "canonical": "Donald Trump", "compound": False,
    }).reset_index(drop=True)


def test_many_articles_are_counted_per_week_with_empty_weeks_kept():
    articles = _many_articles(60)  # 2025-08-04 .. 2025-10-02: ISO weeks 32 to 40
    per_week = mentions_per_article(_mentions_of(articles, 2), articles, labels=["PER"])
    assert per_week["period"].tolist() == [f"2025-W{w}" for w in range(32, 41)]
    assert per_week["n_articles"].tolist() == [7] * 8 + [4]
    assert per_week["n_mentions"].tolist() == [4, 3, 4, 3, 4, 3, 4, 3, 2]
    assert per_week["n_mentions"].sum() == 30
    first = per_week.iloc[0]
    assert (first["period_start"], first["period_end"]) == (
        pd.Timestamp("2025-08-04"), pd.Timestamp("2025-08-10"))


def test_few_articles_stay_per_article_and_per_can_be_forced():
    articles = _many_articles(10)
    mentions = _mentions_of(articles, 1)
    assert "article_id" in mentions_per_article(mentions, articles).columns
    by_month = mentions_per_article(mentions, articles, per="month", labels=["PER"])
    assert by_month[["period", "n_articles", "n_mentions"]].values.tolist() == [
        ["2025-08", 10, 10]]
    with pytest.raises(ValueError, match="per must be"):
        mentions_per_article(mentions, articles, per="fortnight")


def test_long_spans_fall_back_to_months_in_the_heatmap():
    articles = _many_articles(400)  # 58 weeks, 14 months
    table = entity_article_matrix(_mentions_of(articles, 1), articles, top_n=1)
    assert table["period"].tolist()[:2] == ["2025-08", "2025-09"]
    assert table["period_order"].tolist() == list(range(14))
    assert table["n_mentions"].sum() == 400
    assert table.loc[0, "n_mentions"] == 28  # 4 to 31 August
