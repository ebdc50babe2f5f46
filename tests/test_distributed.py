"""Annotation on Dask: the tables of a local run, each worker loading the pipeline once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import cloudpickle
import pandas as pd
import pytest
from distributed import Client, LocalCluster, WorkerPlugin

from newslens import annotate, cache, config, load_corpus, nlp
from newslens import distributed as nd

BENCH = config.SHARED_DIR / "data" / "bench" / "german_news_10k.jsonl.gz"
N_WORKERS = 2

# The plugin below is defined here, not in an installed module: send it to workers by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


class CountLoads(WorkerPlugin):
    """Log every ``spacy.load`` of a worker process to ``<folder>/<pid>.log``, one line a load."""

    def __init__(self, folder: str):
        self.folder = folder

    def setup(self, worker) -> None:
        import spacy

        real, log = spacy.load, Path(self.folder) / f"{os.getpid()}.log"
        log.touch()

        def counting_load(*args, **kwargs):
            with log.open("a", encoding="utf-8") as out:
                out.write(f"{args[0]}\n")
            return real(*args, **kwargs)

        spacy.load = counting_load


@pytest.fixture(scope="module")
def articles(seed_articles) -> pd.DataFrame:
    """The seed articles, plus the first 40 of the bench corpus where it exists."""
    parts = [seed_articles]
    if BENCH.is_file():
        parts.append(load_corpus(BENCH).head(40))
    parts = [part.copy() for part in parts]
    for part in parts:
        part.attrs = {}  # attrs hold the skipped-records table, which pd.concat cannot compare
    return pd.concat(parts, ignore_index=True)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Two worker processes sharing a fresh cache with the client, spacy.load counted."""
    loads = tmp_path_factory.mktemp("loads")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSLENS_CACHE", str(tmp_path_factory.mktemp("cache")))  # workers inherit it
        with LocalCluster(n_workers=N_WORKERS, threads_per_worker=1, processes=True,
                          dashboard_address=None) as local, Client(local) as client:
            client.register_plugin(CountLoads(str(loads)))
            yield client, loads


@pytest.fixture(scope="module")
def run(cluster, articles):
    """One distributed run; the article ids that reached spaCy on the client meanwhile."""
    client, loads = cluster
    on_client: list[str] = []
    real = nlp.annotate_texts

    def spy(pairs, **kwargs):
        pairs = list(pairs)
        on_client.extend(article_id for article_id, _ in pairs)
        return real(pairs, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(nlp, "annotate_texts", spy)
        tasks = nd.fill_cache(articles, client, partition_articles=10)
        result = annotate(articles)
    return {"tasks": tasks, "result": result, "on_client": on_client}


def test_tables_equal_a_local_run(run, articles, pipeline):
    local = annotate(articles, use_cache=False)
    for table in ("sentences", "mentions", "entities", "timexes", "event_mentions", "events"):
        pd.testing.assert_frame_equal(getattr(run["result"], table), getattr(local, table))
    assert len(run["result"].mentions) > 0 and len(run["result"].timexes) > 0


def test_all_spacy_work_ran_on_the_workers(run, articles):
    tasks = run["tasks"]
    assert run["on_client"] == []
    assert tasks["partition"].tolist() == list(range(-(-len(articles) // 10)))
    assert tasks["n_articles"].sum() == len(articles)
    assert tasks["n_sentences"].sum() == len(run["result"].sentences)
    store = cache.ShardStore("nlp", ("sentences", "mentions"))
    index = store.index()
    assert {Path(shard) for shard in tasks["shard"]} == set(index.values())
    assert tasks["n_mentions"].sum() == len(store.read(index, index)["mentions"])  # before linking


def test_each_worker_loads_the_pipeline_at_most_once(run, cluster):
    _, loads = cluster
    per_process = {log.stem: log.read_text(encoding="utf-8").splitlines()
                   for log in loads.glob("*.log")}
    assert len(per_process) == N_WORKERS  # no worker process was restarted
    assert all(len(models) <= 1 for models in per_process.values())
    assert 1 <= sum(len(models) for models in per_process.values()) <= N_WORKERS


def test_a_second_run_sends_no_work(run, cluster, articles):
    client, _ = cluster
    again = nd.fill_cache(articles, client)
    assert again.empty
    assert list(again.columns) == nd.TASK_COLUMNS


def test_a_cache_the_workers_do_not_share_is_refused(run, cluster, articles, tmp_path,
                                                    monkeypatch):
    client, _ = cluster
    monkeypatch.setenv("NEWSLENS_CACHE", str(tmp_path / "client-only"))  # workers keep theirs
    with pytest.raises(nd.ClusterError, match="not the client's"):
        nd.fill_cache(articles, client)
    assert not list((tmp_path / "client-only").glob("nlp/shard-*"))


def test_keys_are_those_of_annotate(seed_articles, tmp_path, monkeypatch, pipeline):
    monkeypatch.setenv("NEWSLENS_CACHE", str(tmp_path / "cache"))
    annotate(seed_articles)
    index = cache.ShardStore("nlp", ("sentences", "mentions")).index()
    assert set(nd.nlp_keys(seed_articles)) == set(index)


def test_a_partition_is_a_shard_a_local_run_reads(seed_articles, tmp_path, monkeypatch,
                                                  pipeline):
    monkeypatch.setenv("NEWSLENS_CACHE", str(tmp_path / "cache"))
    part = seed_articles[["article_id", "text"]]
    row = nd.annotate_partition(part, model=config.DEFAULT_MODEL)
    assert row["worker"] == "local" and row["n_articles"] == len(seed_articles)
    assert Path(row["shard"]).parent == tmp_path / "cache" / "nlp"
    monkeypatch.setattr(nlp, "annotate_texts", _no_nlp)
    cached = annotate(seed_articles)
    assert len(cached.sentences) == row["n_sentences"]


def test_a_pipeline_changed_since_loading_is_refused(seed_articles, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLENS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setitem(nd._FIRST_SALT, config.DEFAULT_MODEL, "de_old-0.0.0-000000000000|nlp-0")
    with pytest.raises(nd.ClusterError, match="changed on disk"):
        nd.annotate_partition(seed_articles[["article_id", "text"]], model=config.DEFAULT_MODEL)
    assert not (tmp_path / "cache" / "nlp").exists()


def test_bad_partition_size_is_refused_before_any_work(seed_articles):
    with pytest.raises(ValueError, match="partition_articles must be at least 1, not 0"):
        nd.fill_cache(seed_articles, client=None, partition_articles=0)


def _no_nlp(pairs, **kwargs):
    raise AssertionError(f"spaCy ran on {[article_id for article_id, _ in pairs]}")
