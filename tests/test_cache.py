"""The annotation cache: no NLP work when nothing changed, exactly the changed work otherwise."""

from __future__ import annotations

import pandas as pd
import pytest

from newslens import annotate, cache, nlp


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLENS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture()
def nlp_calls(monkeypatch):
    """Record the article ids that reach the spaCy stage."""
    seen: list[str] = []
    real = nlp.annotate_texts

    def spy(pairs, **kwargs):
        pairs = list(pairs)
        seen.extend(article_id for article_id, _ in pairs)
        return real(pairs, **kwargs)

    monkeypatch.setattr(nlp, "annotate_texts", spy)
    return seen


def _same(a, b) -> None:
    for table in ("sentences", "mentions", "entities"):
        pd.testing.assert_frame_equal(getattr(a, table), getattr(b, table))


def test_warm_run_does_no_nlp_work_and_gives_the_same_tables(
        seed_articles, cache_dir, nlp_calls, pipeline):
    cold = annotate(seed_articles)
    assert sorted(nlp_calls) == sorted(seed_articles["article_id"])
    nlp_calls.clear()
    warm = annotate(seed_articles)
    assert nlp_calls == []
    _same(cold, warm)
    _same(cold, annotate(seed_articles, use_cache=False))


def test_a_changed_article_is_annotated_alone(seed_articles, cache_dir, nlp_calls, pipeline):
    annotate(seed_articles)
    nlp_calls.clear()
    changed = seed_articles.copy()
    changed.loc[0, "text"] = changed.loc[0, "text"] + " Angela Merkel sprach in Berlin."
    result = annotate(changed)
    assert nlp_calls == [changed.loc[0, "article_id"]]
    assert "Berlin" in set(result.mentions["text"])


def test_a_corrupt_shard_is_rebuilt_not_trusted(seed_articles, cache_dir, nlp_calls, pipeline):
    cold = annotate(seed_articles)
    (shard,) = (cache_dir / "nlp").glob("shard-*")
    (shard / "mentions.parquet").write_bytes(b"PAR1 this is not parquet")
    nlp_calls.clear()
    again = annotate(seed_articles)
    assert sorted(nlp_calls) == sorted(seed_articles["article_id"])
    _same(cold, again)


def test_a_half_written_shard_is_ignored(seed_articles, cache_dir, nlp_calls, pipeline):
    annotate(seed_articles)
    (shard,) = (cache_dir / "nlp").glob("shard-*")
    (shard / "keys.parquet").unlink()
    nlp_calls.clear()
    annotate(seed_articles)
    assert len(nlp_calls) == len(seed_articles)
    assert not shard.exists() or (shard / "keys.parquet").exists()


def test_keys_depend_on_text_and_pipeline(seed_articles):
    one = cache.article_keys(seed_articles, salt="model-a")
    assert one.equals(cache.article_keys(seed_articles, salt="model-a"))
    assert not (one == cache.article_keys(seed_articles, salt="model-b")).any()
    changed = seed_articles.assign(text=seed_articles["text"] + ".")
    assert not (one == cache.article_keys(changed, salt="model-a")).any()


def test_clear_removes_the_cache(seed_articles, cache_dir, pipeline):
    annotate(seed_articles)
    assert cache_dir.exists()
    assert cache.clear() == cache_dir
    assert not cache_dir.exists()
