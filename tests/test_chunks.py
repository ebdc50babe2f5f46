"""Chunks for the worker processes: every article once, in order, shrinking towards the end."""

from __future__ import annotations

import pandas as pd

from newslens import pipeline


def _articles(words: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(words))],
                         "text": ["x " * n for n in words], "n_words": words})


def test_balanced_chunks_cover_every_article_once_in_order():
    articles = _articles([900] * 1500 + [40_000] + [300] * 700)
    chunks = list(pipeline._balanced_chunks(articles, 2))
    assert pd.concat(chunks)["article_id"].tolist() == articles["article_id"].tolist()
    assert max(len(c) for c in chunks) <= pipeline.CHUNK_ARTICLES


def test_balanced_chunks_shrink_to_the_minimum_at_the_end():
    articles = _articles([1_000] * 5_000)
    words = [int(c["n_words"].sum()) for c in pipeline._balanced_chunks(articles, 2)]
    assert words[0] == pipeline.CHUNK_ARTICLES * 1_000  # capped by the article limit
    assert words[-2] == pipeline.MIN_CHUNK_WORDS
    assert all(a >= b for a, b in zip(words, words[1:-1], strict=False))
    assert sum(words) == 5_000_000


def test_balanced_chunks_without_word_counts_and_with_one_huge_article():
    articles = _articles([50_000, 10, 10]).drop(columns="n_words")
    assert [len(c) for c in pipeline._balanced_chunks(articles, 2)] == [1, 2]


def test_a_small_corpus_is_split_for_every_worker():
    assert len(list(pipeline._balanced_chunks(_articles([600] * 5), 2))) == 5
