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
    cache.clear(cache_dir / "annotations")  # else the whole result is read, not the shard
    nlp_calls.clear()
    again = annotate(seed_articles)
    assert sorted(nlp_calls) == sorted(seed_articles["article_id"])
    _same(cold, again)


def test_a_half_written_shard_is_ignored(seed_articles, cache_dir, nlp_calls, pipeline):
    annotate(seed_articles)
    (shard,) = (cache_dir / "nlp").glob("shard-*")
    (shard / "keys.parquet").unlink()
    cache.clear(cache_dir / "annotations")
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


def test_a_corpus_seen_before_is_read_whole_and_a_corrupt_result_is_rebuilt(
        seed_articles, cache_dir, nlp_calls, pipeline):
    cold = annotate(seed_articles)
    (entry,) = (cache_dir / "annotations").iterdir()
    nlp_calls.clear()
    _same(cold, annotate(seed_articles))
    assert nlp_calls == []
    (entry / "sentences.parquet").write_bytes(b"not parquet")
    again = annotate(seed_articles)
    _same(cold, again)
    for table in ("timexes", "event_mentions", "events"):
        pd.testing.assert_frame_equal(getattr(cold, table), getattr(again, table))
    assert nlp_calls == []  # the per-article shards were still good


def test_a_new_publication_day_misses_the_whole_result(seed_articles, cache_dir, pipeline):
    annotate(seed_articles)
    moved = seed_articles.copy()
    moved.loc[0, "published"] = moved.loc[0, "published"] + pd.Timedelta(days=7)
    annotate(moved)
    assert len(list((cache_dir / "annotations").iterdir())) == 2


def test_whole_store_keeps_the_most_recently_used_entries(tmp_path):
    store = cache.WholeStore("stage", root=tmp_path)
    frame = pd.DataFrame({"a": [1]})
    for n in range(store.KEEP + 3):
        store.write(f"key{n:02d}", {"t": frame})
    kept = sorted(p.name for p in store.folder.iterdir())
    assert len(kept) == store.KEEP and "key00" not in kept
    assert store.read(f"key{store.KEEP + 2:02d}", ["t"])["t"].equals(frame)


def test_an_article_stored_in_two_shards_is_read_once(tmp_path):
    """Two runs that annotate the same article at once each store a shard holding it."""
    store = cache.ShardStore("nlp", ("sentences",), root=tmp_path)
    rows = pd.DataFrame({"sentence_id": ["a:s0000", "a:s0001"], cache.KEY: ["ka", "ka"]})
    other = pd.DataFrame({"sentence_id": ["b:s0000"], cache.KEY: ["kb"]})
    store.write(["ka"], {"sentences": rows})
    store.write(["ka", "kb"], {"sentences": pd.concat([rows, other], ignore_index=True)})
    index = store.index()
    found = store.read(["ka", "kb"], index)["sentences"]
    assert sorted(found["sentence_id"]) == ["a:s0000", "a:s0001", "b:s0000"]


def test_is_cached_tells_whether_the_whole_result_is_stored(seed_articles, cache_dir, pipeline):
    from newslens.pipeline import RESULT_TABLES, _result_key, is_cached

    assert not is_cached(seed_articles)
    annotate(seed_articles)
    assert is_cached(seed_articles)
    assert not is_cached(seed_articles.head(2))
    entry = cache_dir / "annotations" / _result_key(seed_articles, None)
    (entry / f"{RESULT_TABLES[-1]}.parquet").write_bytes(b"not parquet")
    assert not is_cached(seed_articles)


def test_cached_tables_read_back_with_each_column_in_one_piece(tmp_path):
    """pyarrow joins a chunked column whole before taking rows from it: every filter of a
    table read in chunks copied its whole columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = pd.DataFrame({"text": [f"Satz {n}" for n in range(3000)], "n": range(3000)})
    store = cache.WholeStore("stage", root=tmp_path)
    store.write("key", {"t": frame})
    path = tmp_path / "stage" / "key" / "t.parquet"
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, row_group_size=1000)
    assert pq.read_table(path).column("text").num_chunks > 1
    found = store.read("key", ["t"])["t"]
    pd.testing.assert_frame_equal(found, cache.roundtrip(frame))
    assert pa.chunked_array(pa.array(found["text"])).num_chunks == 1


def test_the_pipeline_id_follows_the_files_spacy_reads_not_its_documentation(tmp_path):
    from newslens.nlp import pipeline_id

    folder = tmp_path / "de_toy"
    (folder / "ner").mkdir(parents=True)
    (folder / "meta.json").write_text('{"lang": "de", "name": "toy", "version": "1.0.0"}')
    (folder / "ner" / "model").write_bytes(b"weights")
    (folder / "README.md").write_text("# de_toy\nF1 0.66\n")
    first = pipeline_id(folder)
    (folder / "README.md").write_text("# de_toy\nF1 0.66, held-out 0.67\n")
    assert pipeline_id(folder) == first
    (folder / "ner" / "model").write_bytes(b"weights, retrained")
    assert pipeline_id(folder) != first
