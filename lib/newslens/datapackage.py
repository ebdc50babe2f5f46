"""Write the tables of an annotated corpus as a Frictionless Data Package.

One file per table (Parquet, or CSV with ``fmt="csv"``) and a ``datapackage.json`` that gives
every column's name, type and one-line description (from :mod:`newslens.schema`), the primary
and foreign keys, and the provenance of the run: the newslens version, the spaCy pipeline's
name and version, and the SHA-256 of every corpus file. R (``frictionless``), Python, DuckDB
and data portals read it.

The tables are those of the :class:`~newslens.pipeline.Annotations` object
(:data:`~newslens.pipeline.RESULT_TABLES`), after the articles and before the skipped records,
so a table added to the pipeline is written without a change here.

Writing is atomic: the package is built in a temporary folder beside ``out`` and renamed into
place, so a failed run leaves an earlier package intact. It is deterministic: rows sorted by
their keys, fixed Parquet writer options, no timestamps or absolute paths in any file, so two
runs on the same corpus give byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newslens import schema

DESCRIPTOR = "datapackage.json"
FORMATS = ("parquet", "csv")
#: Fixed Parquet writer options: the same tables give the same bytes.
PARQUET_OPTIONS = {"compression": "snappy", "version": "2.6", "use_dictionary": True,
                   "write_statistics": True, "data_page_size": 1 << 20}
_MEDIATYPES = {"parquet": "application/vnd.apache.parquet", "csv": "text/csv"}
_ARROW = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(),
          "boolean": pa.bool_(), "date": pa.date32(), "datetime": pa.timestamp("us")}


class PackageError(ValueError):
    """The package cannot be written there (a folder that is not a newslens package)."""


def package_tables(ann, *, with_text: bool = False) -> dict[str, pd.DataFrame]:
    """Table name -> table: articles (without ``text`` unless ``with_text``), every result
    table of ``ann``, and the skipped records."""
    from newslens.pipeline import RESULT_TABLES

    articles = ann.articles if with_text else ann.articles.drop(columns="text", errors="ignore")
    tables = {"articles": articles}
    tables.update({name: getattr(ann, name) for name in RESULT_TABLES})
    tables["skipped"] = ann.skipped
    return tables


def write_package(
    ann,
    out: str | Path,
    *,
    corpus: str | Path,
    fmt: str = "parquet",
    with_text: bool = False,
    on_table: Callable[[str], None] | None = None,
) -> Path:
    """Write the tables of ``ann`` (annotated from ``corpus``) as a data package into ``out``.

    ``out`` is created, or replaced whole if it holds an earlier data package; any other
    non-empty folder is refused (:class:`PackageError`). ``on_table(name)`` is called after
    each table is written (a progress bar). Returns the path of ``datapackage.json``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out = Path(out)
    check_target(out)
    tables = package_tables(ann, with_text=with_text)
    root = Path(corpus)
    tables = {name: _relative_paths(frame, root) for name, frame in tables.items()}
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.tmp-"))
    try:
        resources = []
        columns = {name: list(frame.columns) for name, frame in tables.items()}
        for name, frame in tables.items():
            resources.append(_write_resource(tmp, name, frame, fmt=fmt, tables=columns))
            if on_table:
                on_table(name)
        descriptor = _descriptor(ann, root, resources, with_text=with_text)
        (tmp / DESCRIPTOR).write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
        os.chmod(tmp, 0o755)
        _swap_into_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out / DESCRIPTOR


def corpus_files(corpus: str | Path, *, pattern: str = "*") -> list[Path]:
    """The files a corpus is read from (as :func:`newslens.load_corpus` reads them)."""
    path = Path(corpus)
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.glob(pattern) if p.is_file() and not p.name.startswith("."))


def sha256_file(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


# -- tables ------------------------------------------------------------------------------------


def _write_resource(folder: Path, name: str, frame: pd.DataFrame, *, fmt: str,
                    tables: Mapping[str, list[str]]) -> dict:
    fields = [_field(name, column, frame[column]) for column in frame.columns]
    frame = _sorted(name, _conform(name, frame, fields))
    path = folder / f"{name}.{fmt}"
    if fmt == "parquet":
        arrow = pa.Table.from_pandas(frame, schema=_arrow_schema(fields), preserve_index=False)
        pq.write_table(arrow.replace_schema_metadata(None), path, **PARQUET_OPTIONS)
    else:
        _csv_frame(frame, fields).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    table_schema: dict = {"fields": fields}
    key = schema.primary_key(name, list(frame.columns))
    if key:
        table_schema["primaryKey"] = key
    references = schema.foreign_keys(name, tables)
    if references:
        table_schema["foreignKeys"] = references
    resource = {"name": name, "path": path.name, "profile": "tabular-data-resource",
                "format": fmt, "mediatype": _MEDIATYPES[fmt]}
    if fmt == "csv":
        resource["encoding"] = "utf-8"
    described = schema.table_descriptions().get(name)
    if described:
        resource["description"] = described
    resource["hash"] = f"sha256:{sha256_file(path)}"
    resource["schema"] = table_schema
    return resource


def _field(table: str, name: str, values: pd.Series) -> dict:
    entry = schema.column(table, name)
    field = {"name": name, "type": entry.type if entry else _infer_type(values)}
    if entry:
        field["description"] = entry.description
    return field


def _infer_type(values: pd.Series) -> str:
    """The Frictionless type of a column the dictionary does not describe (yet)."""
    if pd.api.types.is_bool_dtype(values):
        return "boolean"
    if pd.api.types.is_integer_dtype(values):
        return "integer"
    if pd.api.types.is_float_dtype(values):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(values):
        return "datetime"
    return "string"


def _conform(table: str, frame: pd.DataFrame, fields: list[dict]) -> pd.DataFrame:
    """The table with each column converted to its declared type; a column that does not fit
    raises :class:`~newslens.schema.SchemaError` naming it."""
    out = {}
    for field in fields:
        values, kind = frame[field["name"]], field["type"]
        try:
            out[field["name"]] = _convert(values, kind)
        except (TypeError, ValueError) as err:
            raise schema.SchemaError(f"{table}.{field['name']} (dtype {values.dtype}) does not "
                                     f"fit its declared type {kind}: {err}") from err
    return pd.DataFrame(out, index=frame.index)


def _convert(values: pd.Series, kind: str) -> pd.Series:
    if kind == "string":
        return values.astype("string")  # categories and objects as text, missing as <NA>
    if kind == "integer":
        return values.astype("Int64")
    if kind == "number":
        return values.astype("float64")
    if kind == "boolean":
        if values.isna().any():
            return values.astype("boolean")
        return values.astype(bool)
    stamps = pd.to_datetime(values)
    if kind == "date":
        days = stamps.dt.normalize()
        if ((stamps != days) & stamps.notna()).any():
            raise ValueError("a value has a time of day")
        return pd.Series([None if pd.isna(d) else d.date() for d in stamps],
                         index=values.index, dtype=object)
    return stamps.astype("datetime64[us]")


def _sorted(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in a fixed order: by article and offsets where the table has them, then by the
    primary key; a table with neither keeps its order (the pipeline's, already sorted)."""
    keys = [c for c in ("article_id", "start", "end") if c in frame.columns]
    keys = keys if len(keys) == 3 else []
    keys += [k for k in schema.primary_key(table, list(frame.columns)) or [] if k not in keys]
    if not keys:
        return frame.reset_index(drop=True)
    return frame.sort_values(keys, kind="stable", na_position="last").reset_index(drop=True)


def _arrow_schema(fields: list[dict]) -> pa.Schema:
    return pa.schema([pa.field(f["name"], _ARROW[f["type"]]) for f in fields])


def _csv_frame(frame: pd.DataFrame, fields: list[dict]) -> pd.DataFrame:
    """Values as Frictionless reads them by default: ISO dates, ``true``/``false``, empty for
    a missing value."""
    out = frame.copy()
    for field in fields:
        name, kind = field["name"], field["type"]
        if kind == "boolean":
            flags = frame[name].astype("boolean")
            out[name] = np.where(flags.isna(), "", np.where(flags.fillna(False), "true", "false"))
        elif kind == "datetime":
            out[name] = frame[name].dt.strftime("%Y-%m-%dT%H:%M:%S").fillna("")
        elif kind == "date":
            days = pd.to_datetime(frame[name])
            out[name] = days.dt.strftime("%Y-%m-%d").fillna("")
    return out


def _relative_paths(frame: pd.DataFrame, root: Path) -> pd.DataFrame:
    """``source_path`` relative to the corpus path given, so no machine's folders are written."""
    if "source_path" not in frame.columns or frame.empty:
        return frame
    base = root.resolve() if root.is_dir() else root.resolve().parent
    return frame.assign(source_path=frame["source_path"].map(
        lambda p: p if pd.isna(p) else _relative(Path(p), base)))


def _relative(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return path.name


# -- descriptor and files ----------------------------------------------------------------------


def _descriptor(ann, corpus: Path, resources: list[dict], *, with_text: bool) -> dict:
    from newslens import __version__

    name, _, rest = ann.model.partition("-")
    version = rest.rpartition("-")[0] or rest
    base = corpus.resolve() if corpus.is_dir() else corpus.resolve().parent
    files = [{"path": _relative(path, base), "bytes": path.stat().st_size,
              "sha256": sha256_file(path)} for path in corpus_files(corpus)]
    slug = re.sub(r"[^a-z0-9._-]+", "-", corpus.resolve().name.lower()).strip("-") or "corpus"
    return {
        "profile": "tabular-data-package",
        "name": f"newslens-{slug}",
        "title": f"newslens tables of {corpus.resolve().name}",
        "description": "Tables of German news articles annotated by newslens ("
                       + ", ".join(r["name"] for r in resources) + "); start and end are "
                       "character offsets into the article text.",
        "sources": [{"title": f["path"], "path": f["path"]} for f in files],
        "newslens": {
            "version": __version__,
            "pipeline": {"name": name, "version": version, "id": ann.model},
            "corpus": {"files": files, "articles": len(ann.articles),
                       "skipped_records": len(ann.skipped)},
            "articles_text": with_text,
        },
        "resources": resources,
    }


def check_target(out: Path) -> None:
    """Raise :class:`PackageError` unless ``out`` is new, empty, or an earlier package."""
    if out.exists() and not out.is_dir():
        raise PackageError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / DESCRIPTOR).is_file():
        raise PackageError(f"{out} is a non-empty folder without {DESCRIPTOR}; the package "
                           "replaces its folder whole, so choose a new or empty folder")


def _swap_into_place(tmp: Path, out: Path) -> None:
    """Rename the finished package to ``out``; an earlier one is moved aside first and deleted
    only once the new one is in place."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.old-"))
        os.replace(out, old / "package")
    try:
        os.replace(tmp, out)
    except BaseException:
        if old is not None:
            os.replace(old / "package", out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def read_package(folder: str | Path) -> dict[str, pd.DataFrame]:
    """The tables of a package written by :func:`write_package`, as pandas DataFrames."""
    folder = Path(folder)
    descriptor = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
    tables = {}
    for resource in descriptor["resources"]:
        path = folder / resource["path"]
        if resource["format"] == "parquet":
            tables[resource["name"]] = pq.read_table(path).to_pandas()
        else:
            tables[resource["name"]] = _read_csv(path, resource["schema"]["fields"])
    return tables


def _read_csv(path: Path, fields: Iterable[Mapping]) -> pd.DataFrame:
    kinds = {f["name"]: f["type"] for f in fields}
    dtypes = {n: {"integer": "Int64", "number": "float64"}.get(k, "string")
              for n, k in kinds.items() if k not in ("date", "datetime")}
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])
    for name, kind in kinds.items():
        if kind in ("date", "datetime"):
            frame[name] = pd.to_datetime(frame[name])
        elif kind == "boolean":
            frame[name] = frame[name].map({"true": True, "false": False}).astype("boolean")
    return frame
