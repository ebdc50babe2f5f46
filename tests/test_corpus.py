"""load_corpus: the seed format, tabular formats, and every kind of bad input."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import SEEDS, write_seed
from newslens import CorpusError, load_corpus, select_articles, skipped_table
from newslens.corpus import CorpusWarning, split_article


def test_seed_corpus_has_five_articles_in_date_order(seed_articles):
    assert seed_articles["article_id"].tolist() == [
        "003_479519bf93ab4208", "004_0a2d62a9830e133e", "002_b0860c380283c14f",
        "000_be342d9e757bf806", "001_fddfa136899eb72f",
    ]
    assert str(seed_articles["published"].dtype) == "datetime64[ns]"
    assert seed_articles["published"].dt.strftime("%Y-%m-%d").tolist() == [
        "2025-08-07", "2025-08-26", "2025-10-16", "2025-10-21", "2025-10-21",
    ]
    assert seed_articles.index.equals(pd.RangeIndex(5))


def test_seed_files_are_copied_byte_for_byte(seed_articles):
    for row in seed_articles.itertuples():
        assert hashlib.sha256(Path(row.source_path).read_bytes()).hexdigest() == row.sha256


def test_seed_dateline_agency_and_lead(seed_articles):
    by_id = seed_articles.set_index("article_id")
    first = by_id.loc["000_be342d9e757bf806"]
    assert first["dateline"] == "Kiew"
    assert first["agency"] == "APA"
    assert first["lead"].startswith("Vor dem zweiten Gipfeltreffen zwischen Trump")
    assert "Kiew –" not in first["text"]
    assert first["text"].endswith("eine natürliche Verteidigungslinie bietet.")
    assert by_id.loc["001_fddfa136899eb72f", "dateline"] == "Washington"
    assert by_id.loc["004_0a2d62a9830e133e", "agency"] == "afp/red"
    assert pd.isna(by_id.loc["003_479519bf93ab4208", "dateline"])
    assert pd.isna(by_id.loc["003_479519bf93ab4208", "agency"])


def test_text_starts_with_the_lead_and_counts_words(seed_articles):
    for row in seed_articles.itertuples():
        assert row.text.startswith(row.lead)
        assert row.n_words > 400


def test_ids_are_stable_across_runs():
    first, second = load_corpus(SEEDS), load_corpus(SEEDS)
    pd.testing.assert_frame_equal(first, second)


def test_single_seed_file(tmp_path):
    path = write_seed(tmp_path, "one", "Ein Lead.\n\nBerlin – Merkel sprach. (dpa)")
    articles = load_corpus(path)
    row = articles.iloc[0]
    assert (row.article_id, row.dateline, row.agency) == ("one", "Berlin", "dpa")
    assert row.text == "Ein Lead.\n\nMerkel sprach."


def test_bom_and_crlf_are_read(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff date 2025-01-02 Lead mit Umlaut ä.\r\n\r\nZweiter Absatz.".encode())
    row = load_corpus(path).iloc[0]
    assert row.published == pd.Timestamp("2025-01-02")
    assert row.text == "Lead mit Umlaut ä.\n\nZweiter Absatz."


def test_text_is_nfc(tmp_path):
    path = tmp_path / "nfd.txt"
    path.write_text(" date 2025-01-02 Mu\u0308ller sprach.", encoding="utf-8")
    assert load_corpus(path).iloc[0].text == "Müller sprach."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"   \n\n", "file is empty"),
        (b"Kein Datum hier.\nText.", "line 1: expected ' date YYYY-MM-DD'"),
        (b" date 2025-13-40 Lead.", "line 1: impossible date '2025-13-40'"),
        (b" date 21.10.2025 Lead.", "expected a date as YYYY-MM-DD"),
        (b" date 2025-10-21 Gr\xfc\xdfe aus K\xf6ln.", "not UTF-8 text (byte 0xfc at offset 19)"),
        (b"\x00\x01\x02 date", "binary content"),
    ],
)
def test_bad_seed_files_name_file_and_problem(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CorpusError) as caught:
        load_corpus(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_skip_lists_bad_files_and_keeps_good_ones(seed_folder):
    (seed_folder / "broken.txt").write_bytes(b"no date line")
    with pytest.warns(CorpusWarning, match="skipped 1 bad record"):
        articles = load_corpus(seed_folder, errors="skip")
    assert articles["article_id"].tolist() == ["a1", "a2"]
    skipped = skipped_table(articles)
    assert skipped["source_path"].tolist() == [str(seed_folder / "broken.txt")]
    assert "expected ' date YYYY-MM-DD'" in skipped["reason"].iloc[0]


def test_input_files_are_not_modified(seed_folder):
    before = {p: p.read_bytes() for p in seed_folder.iterdir()}
    load_corpus(seed_folder)
    assert {p: p.read_bytes() for p in seed_folder.iterdir()} == before


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus(tmp_path / "nowhere")
    with pytest.raises(CorpusError, match="holds no files matching"):
        load_corpus(tmp_path)


def _jsonl(path: Path, records: list, *, compress: bool = False) -> Path:
    lines = "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                    for r in records)
    path.write_bytes(gzip.compress(lines.encode()) if compress else lines.encode())
    return path


RECORDS = [
    {"id": "x1", "date": "2020-03-01T10:00:00+01:00", "title": "Titel", "source": "zeit.de",
     "text": "Angela Merkel sprach in Berlin.\nZweiter Absatz."},
    {"id": "x2", "date": "2020-02-01", "text": "Berlin (dpa) - Olaf Scholz reiste ab."},
]


@pytest.mark.parametrize("compress", [False, True])
def test_jsonl_and_gzip(tmp_path, compress):
    path = _jsonl(tmp_path / ("c.jsonl.gz" if compress else "c.jsonl"), RECORDS,
                  compress=compress)
    articles = load_corpus(path)
    assert articles["article_id"].tolist() == ["x2", "x1"]
    assert articles["published"].tolist() == [pd.Timestamp("2020-02-01"),
                                              pd.Timestamp("2020-03-01 10:00")]
    x2 = articles.iloc[0]
    assert (x2.dateline, x2.text, x2.record) == ("Berlin", "Olaf Scholz reiste ab.", "line 2")
    assert articles.iloc[1].title == "Titel"


def test_csv_and_parquet(tmp_path):
    frame = pd.DataFrame(RECORDS)
    frame.to_csv(tmp_path / "c.csv", index=False)
    frame.to_parquet(tmp_path / "c.parquet", index=False)
    from_csv, from_parquet = load_corpus(tmp_path / "c.csv"), load_corpus(tmp_path / "c.parquet")
    assert from_csv["text"].tolist() == from_parquet["text"].tolist()
    assert from_csv["record"].tolist() == ["line 4", "line 2"]
    assert from_parquet["record"].tolist() == ["row 2", "row 1"]


def test_bad_json_line_names_line(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", [RECORDS[0], '{"id": "x3", "date": ', RECORDS[1]])
    with pytest.raises(CorpusError, match=r"c\.jsonl:line 2: not valid JSON"):
        load_corpus(path)
    with pytest.warns(CorpusWarning):
        articles = load_corpus(path, errors="skip")
    assert articles["article_id"].tolist() == ["x2", "x1"]
    assert skipped_table(articles)["record"].tolist() == ["line 2"]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "x3", "text": "Ohne Datum."}, "line 1: missing required field(s) date"),
        ({"id": "x3", "date": "2025-13-40", "text": "T."}, "impossible or malformed date"),
        ({"id": "x3", "date": "2025-01-01", "text": "  "}, "field 'text' is empty"),
        ({"id": "x3", "date": "2025-01-01", "text": 5}, "field 'text' must be a string"),
        (["not", "an", "object"], "expected a JSON object"),
    ],
)
def test_bad_records(tmp_path, record, message):
    path = _jsonl(tmp_path / "c.jsonl", [record])
    with pytest.raises(CorpusError, match="c.jsonl") as caught:
        load_corpus(path)
    assert message in str(caught.value)


def test_duplicate_ids(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", [RECORDS[0], RECORDS[1], RECORDS[0]])
    with pytest.raises(CorpusError, match=r"line 3: duplicate id 'x1' \(first seen at .*:line 1\)"):
        load_corpus(path)
    with pytest.warns(CorpusWarning):
        articles = load_corpus(path, errors="skip")
    assert articles["article_id"].tolist() == ["x2", "x1"]
    assert skipped_table(articles)["article_id"].tolist() == ["x1"]


def test_missing_column(tmp_path):
    pd.DataFrame({"id": ["a"], "text": ["T."]}).to_csv(tmp_path / "c.csv", index=False)
    with pytest.raises(CorpusError, match="missing required column.*date; found id, text"):
        load_corpus(tmp_path / "c.csv")


def test_jsonl_not_utf8(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(json.dumps(RECORDS[0]).encode() + b"\n" + b'{"id": "\xff"}\n')
    expected = r"c\.jsonl:line 2: not UTF-8 text \(byte 0xff at column 9\)"
    with pytest.raises(CorpusError, match=expected):
        load_corpus(path)


def test_select_articles_by_inclusive_days(seed_articles):
    chosen = select_articles(seed_articles, date_from="2025-08-26", date_to="2025-10-16")
    assert chosen["article_id"].tolist() == ["004_0a2d62a9830e133e", "002_b0860c380283c14f"]


@pytest.mark.parametrize(
    ("content", "dateline", "agency", "text"),
    [
        ("Lead.\nKiew – Text hier. (APA)", "Kiew", "APA", "Lead.\nText hier."),
        ("Lead.\nTel Aviv - Text. (afp/red)", "Tel Aviv", "afp/red", "Lead.\nText."),
        ("Lead.\nBerlin (dpa) – Text.", "Berlin", "dpa", "Lead.\nText."),
        ("Lead.\nEr sagte – nichts.", None, None, "Lead.\nEr sagte – nichts."),
        ("Lead.\nDie Union (CDU) gewann.", None, None, "Lead.\nDie Union (CDU) gewann."),
        ("Lead.\nText endet (Tsp, dpa)", None, None, "Lead.\nText endet (Tsp, dpa)"),
        ("Lead.\nText endet. (Tsp, dpa)", None, "Tsp, dpa", "Lead.\nText endet."),
    ],
)
def test_split_article(content, dateline, agency, text):
    parts = split_article(content)
    assert (parts.dateline, parts.agency, parts.text) == (dateline, agency, text)


@pytest.mark.parametrize("date", ["9999-12-31", "1500-01-01"])
def test_unrepresentable_publication_dates_are_rejected(tmp_path, date):
    path = tmp_path / "far.txt"
    path.write_text(f" date {date} Ein Lead.", encoding="utf-8")
    with pytest.raises(CorpusError, match=f"line 1: date '{date}' outside the supported range"):
        load_corpus(path)
    records = _jsonl(tmp_path / "c.jsonl", [{"id": "x", "date": f"{date}T10:00:00", "text": "T."}])
    with pytest.raises(CorpusError, match="line 1: date .* outside the supported range"):
        load_corpus(records)


def test_a_future_but_representable_date_is_read(tmp_path):
    path = tmp_path / "future.txt"
    path.write_text(" date 2199-01-01 Ein Lead.", encoding="utf-8")
    assert load_corpus(path).iloc[0].published == pd.Timestamp("2199-01-01")


def test_loaded_corpora_with_skipped_records_concatenate(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", [RECORDS[0], "{broken"])
    with pytest.warns(CorpusWarning):
        first = load_corpus(path, errors="skip")
    both = pd.concat([first, load_corpus(SEEDS)], ignore_index=True)
    assert len(both) == 6


def test_invisible_characters_are_dropped(tmp_path):
    path = tmp_path / "soft.txt"
    path.write_text(" date 2025-01-02 Der Bundes\u00adtag tagte\u200b in Ber\u200dlin.",
                    encoding="utf-8")
    assert load_corpus(path).iloc[0].text == "Der Bundestag tagte in Berlin."


def test_a_corpus_read_again_comes_from_the_cache_and_a_changed_file_is_read_anew(
        seed_folder, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLENS_CACHE", str(tmp_path / "cache"))
    (seed_folder / "broken.txt").write_text("no date line here\n", encoding="utf-8")
    with pytest.warns(CorpusWarning):
        first = load_corpus(seed_folder, errors="skip")
    assert len(list((tmp_path / "cache" / "corpus").iterdir())) == 1
    with pytest.warns(CorpusWarning):  # skipped records are reported from the cache too
        again = load_corpus(seed_folder, errors="skip")
    pd.testing.assert_frame_equal(first, again)
    pd.testing.assert_frame_equal(skipped_table(first), skipped_table(again))
    with pytest.warns(CorpusWarning):
        fresh = load_corpus(seed_folder, errors="skip", use_cache=False)
    pd.testing.assert_frame_equal(first, fresh)
    write_seed(seed_folder, "a1", "Angela Merkel sprach in Berlin.")
    with pytest.warns(CorpusWarning):
        changed = load_corpus(seed_folder, errors="skip")
    assert changed.set_index("article_id").loc["a1", "text"] == "Angela Merkel sprach in Berlin."
    with pytest.raises(CorpusError, match="broken.txt"):  # errors="raise" is never cached away
        load_corpus(seed_folder)
