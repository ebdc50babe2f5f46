"""The tables as a Frictionless Data Package: valid, readable by pandas and DuckDB, atomic and
byte-for-byte deterministic."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from newslens import config, datapackage
from newslens.datapackage import PackageError, read_package, write_package
from newslens.pipeline import RESULT_TABLES
from newslens.schema import SchemaError

frictionless = pytest.importorskip("frictionless")
duckdb = pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def packages(seed_annotations, tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("packages")
    return {fmt: write_package(seed_annotations, root / fmt, corpus=config.SEEDS_DIR,
                               fmt=fmt).parent for fmt in datapackage.FORMATS}


def _descriptor(folder: Path) -> dict:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def test_every_table_is_a_resource_with_described_fields(packages):
    descriptor = _descriptor(packages["parquet"])
    names = [r["name"] for r in descriptor["resources"]]
    assert names == ["articles", *RESULT_TABLES, "skipped"]
    for resource in descriptor["resources"]:
        assert (packages["parquet"] / resource["path"]).is_file()
        assert resource["description"]
        assert all(f["description"] and f["type"] for f in resource["schema"]["fields"])
    mentions = next(r for r in descriptor["resources"] if r["name"] == "mentions")
    assert mentions["schema"]["primaryKey"] == ["mention_id"]
    assert {"fields": ["entity_id"], "reference": {"resource": "entities",
                                                   "fields": ["entity_id"]}} \
        in mentions["schema"]["foreignKeys"]


def test_csv_package_is_valid_frictionless(packages):
    report = frictionless.validate(str(packages["csv"] / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_parquet_package_is_valid_frictionless(packages):
    """The descriptor as it is, and every Parquet file's rows (read with pyarrow) against its
    schema, keys included. frictionless-py 5.21 reads Parquet through pandas, where a missing
    integer becomes a float NaN that it then rejects, so the rows are handed over as read."""
    folder = packages["parquet"]
    descriptor = _descriptor(folder)
    assert frictionless.Package.validate_descriptor(str(folder / "datapackage.json")).valid
    for resource in descriptor["resources"]:
        table = pq.read_table(folder / resource["path"])
        assert table.column_names == [f["name"] for f in resource["schema"]["fields"]]
        header = table.column_names
        resource["data"] = [header] + [[row[c] for c in header] for row in table.to_pylist()]
        for key in ("path", "format", "mediatype", "hash", "encoding"):
            resource.pop(key, None)
    report = frictionless.Package(descriptor).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_frictionless_catches_a_broken_foreign_key(packages, tmp_path):
    """The validation above can fail: a mention pointing at no entity is reported."""
    broken = tmp_path / "broken"
    broken.mkdir()
    for path in packages["csv"].iterdir():
        (broken / path.name).write_bytes(path.read_bytes())
    mentions = pd.read_csv(broken / "mentions.csv", dtype=str, keep_default_na=False)
    mentions.loc[0, "entity_id"] = "per:nobody"
    mentions.to_csv(broken / "mentions.csv", index=False, lineterminator="\n")
    descriptor = _descriptor(broken)
    for resource in descriptor["resources"]:
        resource.pop("hash")
    (broken / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = frictionless.validate(str(broken / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {e[0] for e in report.flatten(["type"])}


@pytest.mark.parametrize("fmt", datapackage.FORMATS)
def test_tables_read_back_into_pandas(packages, seed_annotations, fmt):
    tables = read_package(packages[fmt])
    mentions = tables["mentions"]
    assert len(mentions) == len(seed_annotations.mentions)
    expected = seed_annotations.mentions.sort_values(["article_id", "start", "end"])
    assert mentions["mention_id"].tolist() == expected["mention_id"].tolist()
    assert mentions["compound"].tolist() == expected["compound"].tolist()
    assert mentions["start"].astype(int).tolist() == expected["start"].tolist()
    assert "text" not in tables["articles"].columns
    timexes = tables["timexes"]
    dated = seed_annotations.timexes.sort_values(["article_id", "start", "end"])["start_date"]
    assert pd.to_datetime(timexes["start_date"]).tolist() == dated.tolist()


def test_duckdb_reads_the_parquet_files(packages, seed_annotations):
    folder = packages["parquet"]
    con = duckdb.connect()
    counts = con.execute(
        f"""select e.canonical, count(*) as n
            from read_parquet('{folder / 'mentions.parquet'}') m
            join read_parquet('{folder / 'entities.parquet'}') e using (entity_id)
            where not m.compound group by e.canonical order by n desc, e.canonical limit 3"""
    ).fetchall()
    expected = seed_annotations.entities.sort_values(["n_mentions", "canonical"],
                                                     ascending=[False, True]).head(3)
    assert counts == list(zip(expected["canonical"], expected["n_mentions"], strict=True))
    kinds = dict(con.execute(
        f"select column_name, column_type from (describe select * from "
        f"read_parquet('{folder / 'timexes.parquet'}'))").fetchall())
    assert kinds["start_date"] == "DATE" and kinds["start"] == "BIGINT"
    assert kinds["vague"] == "BOOLEAN"


def test_provenance_names_version_pipeline_and_corpus_hashes(packages, seed_annotations):
    descriptor = _descriptor(packages["parquet"])
    run = descriptor["newslens"]
    assert run["version"] == __import__("newslens").__version__
    assert run["pipeline"]["name"] == "de_newslens"
    assert seed_annotations.model.startswith(f"de_newslens-{run['pipeline']['version']}-")
    files = {f["path"]: f["sha256"] for f in run["corpus"]["files"]}
    seeds = sorted(config.SEEDS_DIR.glob("*.txt"))
    assert files == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in seeds}
    assert run["corpus"]["articles"] == len(seeds)


def test_no_machine_paths_in_the_package(packages):
    for folder in packages.values():
        for path in folder.iterdir():
            data = path.read_bytes()
            assert str(config.PROJECT_DIR).encode() not in data, path.name
    articles = read_package(packages["csv"])["articles"]
    assert articles["source_path"].str.endswith(".txt").all()
    assert not articles["source_path"].str.contains("/").any()


@pytest.mark.parametrize("fmt", datapackage.FORMATS)
def test_two_runs_give_byte_identical_files(seed_annotations, tmp_path, fmt):
    first = write_package(seed_annotations, tmp_path / "a", corpus=config.SEEDS_DIR,
                          fmt=fmt).parent
    second = write_package(seed_annotations, tmp_path / "b", corpus=config.SEEDS_DIR,
                           fmt=fmt).parent
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_a_failed_run_leaves_the_earlier_package_intact(seed_annotations, tmp_path,
                                                        monkeypatch):
    out = tmp_path / "tables"
    write_package(seed_annotations, out, corpus=config.SEEDS_DIR, fmt="csv")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real = datapackage._write_resource
    written = []

    def failing(folder, name, frame, **kwargs):
        if len(written) == 3:
            raise OSError("disk full")
        written.append(name)
        return real(folder, name, frame, **kwargs)

    monkeypatch.setattr(datapackage, "_write_resource", failing)
    with pytest.raises(OSError, match="disk full"):
        write_package(seed_annotations, out, corpus=config.SEEDS_DIR)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]  # no temporary folder left


def test_a_new_package_replaces_the_earlier_one_whole(seed_annotations, tmp_path):
    out = tmp_path / "tables"
    write_package(seed_annotations, out, corpus=config.SEEDS_DIR, fmt="csv")
    write_package(seed_annotations, out, corpus=config.SEEDS_DIR, fmt="parquet",
                  with_text=True)
    assert not list(out.glob("*.csv"))
    assert "text" in pq.read_table(out / "articles.parquet").column_names
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables"]


def test_a_folder_that_is_not_a_package_is_refused(seed_annotations, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(PackageError, match="non-empty folder without datapackage.json"):
        write_package(seed_annotations, tmp_path, corpus=config.SEEDS_DIR)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_column_that_does_not_fit_its_type_is_named(seed_annotations, tmp_path):
    broken = seed_annotations.mentions.assign(start="zwölf")
    ann = type(seed_annotations)(**{**seed_annotations.__dict__, "mentions": broken})
    with pytest.raises(SchemaError, match=r"mentions\.start .* integer"):
        write_package(ann, tmp_path / "out", corpus=config.SEEDS_DIR)
    assert not (tmp_path / "out").exists()


def test_an_undescribed_column_is_written_with_an_inferred_type(seed_annotations, tmp_path):
    ann = type(seed_annotations)(**{**seed_annotations.__dict__, "entities":
                                    seed_annotations.entities.assign(score=0.5)})
    folder = write_package(ann, tmp_path / "out", corpus=config.SEEDS_DIR).parent
    entities = next(r for r in _descriptor(folder)["resources"] if r["name"] == "entities")
    score = entities["schema"]["fields"][-1]
    assert score == {"name": "score", "type": "number"}


def test_a_date_column_without_any_date_is_empty_not_nat(seed_annotations, tmp_path):
    timexes = seed_annotations.timexes.assign(start_date=pd.NaT)
    ann = type(seed_annotations)(**{**seed_annotations.__dict__, "timexes": timexes})
    csv = write_package(ann, tmp_path / "csv", corpus=config.SEEDS_DIR, fmt="csv").parent
    parquet = write_package(ann, tmp_path / "pq", corpus=config.SEEDS_DIR).parent
    column = pd.read_csv(csv / "timexes.csv", dtype=str, keep_default_na=False)["start_date"]
    assert set(column) == {""}
    table = pq.read_table(parquet / "timexes.parquet")
    assert str(table.schema.field("start_date").type) == "date32[day]"
    assert table.column("start_date").null_count == len(timexes)
