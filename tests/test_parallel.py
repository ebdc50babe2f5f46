"""Worker processes for the spaCy stage: same tables as one process, safe in plain scripts."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from newslens import annotate, pipeline

TABLES = ("sentences", "mentions", "entities", "timexes", "event_mentions", "events")


def test_two_workers_give_the_tables_of_one_process(seed_articles, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLENS_CACHE", str(tmp_path / "cache"))
    single = annotate(seed_articles, n_process=1, use_cache=False)
    parallel = annotate(seed_articles, n_process=2)  # 5 articles: 5 chunks over 2 workers
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(single, table), getattr(parallel, table))
    shards = list((tmp_path / "cache" / "nlp").glob("shard-*"))
    assert len(shards) == len(seed_articles)  # every chunk is cached as it arrives


def test_a_script_without_main_guard_is_not_run_again_by_the_workers(tmp_path):
    runs = tmp_path / "runs.txt"
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(f"""
        from newslens import annotate, config, load_corpus

        with open({str(runs)!r}, "a") as out:  # a side effect the workers must not repeat
            out.write("run\\n")
        result = annotate(load_corpus(config.SEEDS_DIR), n_process=2, use_cache=False)
        print(len(result.mentions))
    """), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.split()[-1]) > 100
    assert runs.read_text() == "run\n"


def test_automatic_worker_count_stays_in_one_process_for_small_corpora():
    assert pipeline._workers(None, pipeline.PARALLEL_MIN_WORDS - 1) == 1
    assert pipeline._workers(None, pipeline.PARALLEL_MIN_WORDS) >= 1
    assert pipeline._workers(3, 10) == 3


@pytest.mark.parametrize("bad", [0, -1, 1.5, "2"])
def test_a_bad_worker_count_is_refused(seed_articles, bad):
    with pytest.raises(ValueError, match="n_process"):
        annotate(seed_articles, n_process=bad)


def test_stages_beside_the_main_process_give_the_tables_of_one_process(seed_articles,
                                                                       monkeypatch):
    """Boilerplate, temporal expressions and quotations in a second process (as for a large
    corpus on two cores): the same tables as all stages in this one."""
    single = annotate(seed_articles, n_process=1, use_cache=False)
    submitted = []
    submit = pipeline._Spawned.submit

    def spy(self, fn, /, *args, **kwargs):
        submitted.append(fn.__name__)
        return submit(self, fn, *args, **kwargs)

    monkeypatch.setattr(pipeline._Spawned, "submit", spy)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_WORDS", 0)
    monkeypatch.setattr(pipeline, "_workers", lambda n_process, words: 1)  # spaCy in-process
    monkeypatch.setattr(pipeline.config, "available_cores", lambda: 2)
    beside = annotate(seed_articles, use_cache=False)
    assert submitted == ["_detect_boilerplate", "tag_articles", "_extract_quotes"]
    for table in (*TABLES, "quotes", "boilerplate"):
        pd.testing.assert_frame_equal(getattr(single, table), getattr(beside, table))


def test_an_error_in_the_second_process_reaches_the_caller(seed_articles, monkeypatch):
    with pipeline._side_process(pipeline.PARALLEL_MIN_WORDS) as side:
        if isinstance(side, pipeline._Inline):  # one core: nothing to test here
            pytest.skip("one core")
        pending = side.submit(int, "not a number")
        with pytest.raises(ValueError, match="not a number"):
            pending.result()
