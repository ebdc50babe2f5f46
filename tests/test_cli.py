"""The ``newslens`` command: subcommands, messages that name the problem, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib

import pytest

from newslens import cli, config


@pytest.fixture()
def run(capsys, pipeline):
    """Run the command in this process; return (exit code, stdout, stderr)."""
    def call(*argv: str) -> tuple[int, str, str]:
        try:
            code = cli.main([str(a) for a in argv])
        except SystemExit as exit_:  # argparse: --help, usage errors
            code = exit_.code
        out = capsys.readouterr()
        return code, out.out, out.err
    return call


def test_the_console_script_is_declared():
    project = tomllib.loads((config.PROJECT_DIR / "pyproject.toml").read_text("utf-8"))
    assert project["project"]["scripts"]["newslens"] == "newslens.cli:main"


def test_annotate_writes_a_package(run, tmp_path):
    code, out, err = run("annotate", config.SEEDS_DIR, "--out", tmp_path / "tables",
                         "--format", "csv")
    assert code == 0, err
    assert "5 articles" in out and str(tmp_path / "tables" / "datapackage.json") in out
    descriptor = json.loads((tmp_path / "tables" / "datapackage.json").read_text("utf-8"))
    assert {r["format"] for r in descriptor["resources"]} == {"csv"}
    assert err == ""  # no progress bar when not on a terminal


def test_annotate_with_a_date_range_keeps_those_articles(run, tmp_path):
    code, out, _ = run("annotate", config.SEEDS_DIR, "--out", tmp_path / "t",
                       "--date-from", "2025-10-01")
    assert code == 0
    articles = json.loads((tmp_path / "t" / "datapackage.json").read_text("utf-8"))
    assert articles["newslens"]["corpus"]["articles"] == int(out.split()[0]) < 5


def test_annotate_refuses_a_folder_that_is_not_a_package(run, tmp_path):
    (tmp_path / "mine.txt").write_text("x", encoding="utf-8")
    code, _, err = run("annotate", config.SEEDS_DIR, "--out", tmp_path)
    assert code == cli.EXIT_USAGE
    assert "non-empty folder without datapackage.json" in err


def test_an_unknown_model_and_a_bad_date_are_named(run, tmp_path):
    code, _, err = run("annotate", config.SEEDS_DIR, "--out", tmp_path / "t", "--model",
                       "no_such_pipeline")
    assert code == cli.EXIT_USAGE and "spaCy pipeline 'no_such_pipeline' not found" in err
    code, _, err = run("annotate", config.SEEDS_DIR, "--out", tmp_path / "t", "--date-from",
                       "2025-13-01")
    assert code == cli.EXIT_USAGE and err.startswith("newslens annotate: error: --date-from")


def test_a_bad_out_folder_is_refused_before_annotating(run, tmp_path, monkeypatch):
    import newslens

    calls = []
    monkeypatch.setattr(newslens, "annotate", lambda *a, **k: calls.append(a))
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = run("annotate", config.SEEDS_DIR, "--out", tmp_path / "file")
    assert code == cli.EXIT_USAGE and "exists and is not a folder" in err
    assert calls == []


def test_a_missing_corpus_is_named(run, tmp_path):
    code, out, err = run("annotate", tmp_path / "nowhere", "--out", tmp_path / "t")
    assert code == cli.EXIT_USAGE and out == ""
    assert f"corpus {tmp_path / 'nowhere'} does not exist" in err
    assert not (tmp_path / "t").exists()


def test_a_bad_corpus_names_file_and_problem(run, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "date": "2025-13-40", "text": "Hallo Welt."}\n', "utf-8")
    code, _, err = run("annotate", bad, "--out", tmp_path / "t")
    assert code == cli.EXIT_USAGE
    assert str(bad) in err and "date" in err and "--skip-bad" in err


def test_skip_bad_lists_the_skipped_records(run, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "date": "2025-10-01", "text": "Trump traf Putin."}\n'
                      '{"id": "b", "date": "kein Datum", "text": "Hallo."}\n', "utf-8")
    code, out, err = run("annotate", corpus, "--out", tmp_path / "t", "--skip-bad",
                         "--format", "csv")
    assert code == 0, err
    assert "1 records skipped" in out and "skipped 1 bad record" in err
    skipped = (tmp_path / "t" / "skipped.csv").read_text("utf-8").splitlines()
    assert skipped[1].startswith("c.jsonl,line 2,,impossible or malformed date")


def test_annotate_publication_times_and_a_narrative_before_1678(run, tmp_path):
    """Bench-like input: publication times of day, and a year-less date anchored in 1500
    (its anchor is outside datetime64[ns]; it used to wrap around to a day in 2084)."""
    frictionless = pytest.importorskip("frictionless")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({
        "id": "h1", "date": "2020-05-01T10:15:30",
        "text": "Im Jahr 1500 kam der Kaufmann Jakob Fugger nach Augsburg. Am Freitag, "
                "3. April, erreichte er die Stadt."}, ensure_ascii=False) + "\n", "utf-8")
    code, _, err = run("annotate", corpus, "--out", tmp_path / "t", "--format", "csv")
    assert code == 0, err
    articles = (tmp_path / "t" / "articles.csv").read_text("utf-8").splitlines()
    assert ",2020-05-01T10:15:30," in articles[1]
    report = frictionless.validate(str(tmp_path / "t" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    timexes = (tmp_path / "t" / "timexes.csv").read_text("utf-8").splitlines()
    april = next(line for line in timexes if "3. April" in line)
    assert ",2020-05-01," not in april and ",20" not in april.split("1500-04-03")[1]


def test_explain_prints_the_sentences_of_an_entity(run):
    code, out, _ = run("explain", config.SEEDS_DIR, "--entity", "Wladimir Putin", "--limit",
                       "2")
    assert code == 0
    blocks = out.split("\n\n")
    assert len(blocks) == 3  # two rows and the footer
    assert blocks[0].split()[0].startswith("2025-")
    assert "[Putin" in blocks[0] or "[Wladimir Putin" in blocks[0]
    assert "first 2 shown" in blocks[-1]


def test_explain_csv_prints_every_row(run, seed_annotations):
    code, out, _ = run("explain", config.SEEDS_DIR, "--entity", "per:donald_trump", "--csv")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0] == "article_id,published,sentence_id,start,end,mention,sentence"
    expected = seed_annotations.mentions["entity_id"].eq("per:donald_trump").sum()
    assert len(lines) - 1 == expected


def test_explain_an_unknown_entity_suggests_close_names(run):
    code, out, err = run("explain", config.SEEDS_DIR, "--entity", "Trump")
    assert code == cli.EXIT_USAGE and out == ""
    assert "no entity 'Trump'" in err and "did you mean 'Donald Trump'" in err


def test_explain_an_event(run, seed_annotations):
    event = str(seed_annotations.events.iloc[0, 0])
    code, out, _ = run("explain", config.SEEDS_DIR, "--event", event)
    assert code == 0 and "row(s)" in out
    code, _, err = run("explain", config.SEEDS_DIR, "--event", "no-such-event")
    assert code == cli.EXIT_USAGE and "no event 'no-such-event'" in err


def test_explain_a_quotation_and_a_speaker(run, seed_annotations):
    quote = seed_annotations.quotes.iloc[0]
    code, out, _ = run("explain", config.SEEDS_DIR, "--quote", quote["quote_id"])
    assert code == 0
    assert out.startswith("2025-") and f"{quote['start']}-" in out.splitlines()[0]
    code, _, err = run("explain", config.SEEDS_DIR, "--quote", quote["quote_id"][:-2])
    assert code == cli.EXIT_USAGE
    assert f"did you mean {quote['quote_id']!r}" in err
    speaker = seed_annotations.quotes["speaker"].dropna().iloc[0]
    code, out, _ = run("explain", config.SEEDS_DIR, "--speaker", speaker, "--csv")
    n_quotes = (seed_annotations.quotes["speaker"] == speaker).sum()
    assert code == 0 and len(out.strip().splitlines()) == n_quotes + 1


def test_explain_needs_exactly_one_question(run):
    code, _, err = run("explain", config.SEEDS_DIR)
    assert code == 2 and "one of the arguments --entity --event --quote --speaker" in err


def test_report_runs_what_make_report_runs(run, monkeypatch, tmp_path):
    from newslens import report

    seen = []
    monkeypatch.setattr(report, "main", lambda argv: seen.append(argv) or 1)
    code, _, _ = run("report", "--corpus", config.SEEDS_DIR, "--figures", tmp_path)
    assert seen == [["--corpus", str(config.SEEDS_DIR), "--figures", str(tmp_path)]]
    assert code == cli.EXIT_FAILED  # a failed notebook fails the command
    code, _, err = run("report", "--corpus", tmp_path / "nowhere")
    assert code == cli.EXIT_USAGE and "does not exist" in err and len(seen) == 1


def test_cache_path_and_clear(run, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSLENS_CACHE", str(tmp_path / "cache"))
    (tmp_path / "cache" / "nlp").mkdir(parents=True)
    assert run("cache", "path")[1].strip() == str(tmp_path / "cache")
    code, out, _ = run("cache", "clear")
    assert code == 0 and out.strip() == f"cleared {tmp_path / 'cache'}"
    assert not (tmp_path / "cache").exists()


def test_python_m_newslens_keeps_its_old_commands(tmp_path):
    cache = tmp_path / "cache"
    (cache / "x").mkdir(parents=True)
    env = {**os.environ, "NEWSLENS_CACHE": str(cache),
           "PYTHONPATH": os.pathsep.join([str(config.PROJECT_DIR / "lib"),
                                          os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "newslens", "clear-cache"], env=env,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"cleared {cache}" and not cache.exists()
    done = subprocess.run([sys.executable, "-m", "newslens", "cache-path"], env=env,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(cache)


def test_help_of_every_command(run):
    for command in ("annotate", "explain", "report", "cache"):
        code, out, _ = run(command, "--help")
        assert code == 0 and f"usage: newslens {command}" in out


def test_format_rows_marks_the_mention_and_wraps():
    import pandas as pd

    rows = pd.DataFrame([{"article_id": "a1", "published": pd.Timestamp("2025-08-15"),
                          "sentence_id": "a1:s0000", "start": 13, "end": 25,
                          "mention": "Donald Trump",
                          "sentence": "US-Präsident Donald Trump traf Wladimir Putin " * 3}])
    text = cli.format_rows(rows, width=40)
    lines = text.splitlines()
    assert lines[0] == "2025-08-15  a1  13-25  Donald Trump"
    assert "[Donald Trump]" in text
    assert all(len(line) <= 40 for line in lines[1:-2])
    assert lines[-1] == "1 row(s)"
    assert cli.format_rows(rows.iloc[:0]) == "no sentences"
