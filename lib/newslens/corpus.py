"""Corpus loading: files -> one row per article.

Reads the seed format (a folder of `.txt` files or one file) and tabular corpora (JSON Lines, CSV,
Parquet, optionally gzip-compressed) into the **articles** table. Every problem is reported with the
file, the line or record, and what was expected; with ``errors="skip"`` bad records are listed in
``skipped_table(articles)`` instead of stopping the run, never silently dropped.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import re
import sys
import unicodedata
import warnings
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from newslens import cache

ARTICLE_COLUMNS = [
    "article_id", "source_path", "record", "published", "title", "source", "url",
    "lead", "dateline", "agency", "text", "n_words", "sha256",
]
SKIPPED_COLUMNS = ["source_path", "record", "article_id", "reason"]
TABULAR_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".parquet")
REQUIRED_FIELDS = ("id", "date", "text")

_DATE_LINE = re.compile(r"^[ \t]*date[ \t]+(?P<date>\S+)(?:[ \t]+(?P<lead>.*))?$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# "Kiew –", "Washington -", "Berlin (dpa) –": a short capitalised place before a dash.
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][\w.'’]*(?:[ /-][A-ZÄÖÜ][\w.'’]*){0,3})"
    r"(?:[ \t]*\((?P<agency>[^()\n]{1,20})\))?[ \t]+[–—-][ \t]+(?=\S)"
)
# "(APA)", "(afp/red)", "(dpa, AFP)": an agency tag closing the article after final punctuation.
_AGENCY = re.compile(
    r"(?<=[.!?“”\"»«)])[ \t]*\((?P<tag>[A-Za-z]{2,12}(?:[/,] ?[A-Za-z]{2,12}){0,3})\)\s*$"
)
MIN_YEAR, MAX_YEAR = 1678, 2261
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")


class CorpusError(ValueError):
    """A corpus file or record that cannot be read, with where and why."""

    def __init__(self, path: str | Path, reason: str, *, record: str | None = None):
        self.path, self.reason, self.record = str(path), reason, record
        where = f"{self.path}:{record}" if record else self.path
        super().__init__(f"{where}: {reason}")


class CorpusWarning(UserWarning):
    """Records were skipped under ``errors="skip"``; see :func:`skipped_table`."""


@dataclass(frozen=True)
class _Parts:
    lead: str
    dateline: str | None
    agency: str | None
    text: str


def load_corpus(
    path: str | Path,
    *,
    errors: Literal["raise", "skip"] = "raise",
    pattern: str = "*",
    use_cache: bool = True,
) -> pd.DataFrame:
    """Read a corpus into the articles table (one row per article, sorted by date and id).

    ``path`` is one seed-format ``.txt`` file, a JSON Lines / CSV / Parquet file (``.gz``
    allowed) with ``id``, ``date``, ``text`` and optional ``title``, ``source``, ``url``, or a
    folder of such files (those matching ``pattern``; hidden files are ignored, a file of
    another type is an error). ``errors="skip"`` skips bad records with a warning and lists
    them (see :func:`skipped_table`); otherwise the first problem raises :class:`CorpusError`.
    With ``use_cache`` the table read is kept in the annotation cache under the hash of the
    files' bytes, so reading an unchanged corpus again costs a Parquet read.
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    key = _cache_key(Path(path), pattern=pattern, errors=errors) if use_cache else None
    found = cache.WholeStore("corpus").read(key, ("articles", "skipped")) if key else None
    if found is not None:
        articles = found["articles"]
        skipped = [{c: (None if pd.isna(v) else v) for c, v in row.items()}
                   for row in found["skipped"].to_dict("records")]
    else:
        articles, skipped = _read_corpus(path, errors=errors, pattern=pattern)
        if key:
            cache.WholeStore("corpus").write(key, {
                "articles": articles,
                "skipped": pd.DataFrame(skipped, columns=SKIPPED_COLUMNS).astype(object)})
        articles = cache.roundtrip(articles)  # the dtypes a cached read gives
    # Plain records, not a DataFrame: pandas compares attrs with == when concatenating.
    articles.attrs = {"skipped": tuple(skipped)}
    if skipped:
        warnings.warn(
            f"{path}: skipped {len(skipped)} bad record(s); see newslens.skipped_table(articles)",
            CorpusWarning,
            stacklevel=2,
        )
    return articles


def _read_corpus(path: str | Path, *, errors: str,
                 pattern: str) -> tuple[pd.DataFrame, list[dict]]:
    rows, skipped = [], []
    for item in iter_articles(path, pattern=pattern):
        if isinstance(item, CorpusError):
            if errors == "raise":
                raise item
            skipped.append(_skip_row(item))
        else:
            rows.append(item)
    rows = _drop_duplicate_ids(rows, skipped, errors=errors)
    if not rows:
        detail = f" ({len(skipped)} skipped)" if skipped else ""
        raise CorpusError(path, f"no readable articles found{detail}")
    return _articles_frame(rows), skipped


def _cache_key(path: Path, *, pattern: str, errors: str) -> str | None:
    """A key over the bytes of every file the corpus is read from, and this module's code;
    None if the path is missing or unreadable (reading it then names the problem)."""
    try:
        files = ([path] if not path.is_dir() else
                 sorted(p for p in path.glob(pattern) if p.is_file()
                        and not p.name.startswith(".")))
        sha = hashlib.sha256()
        for file in files:
            sha.update(file.name.encode() + b"\0")
            with file.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):  # noqa: B023
                    sha.update(block)
            sha.update(b"\0")
    except OSError:
        return None
    return cache.corpus_key([str(path.resolve()), pattern, errors, sha.hexdigest(),
                             f"corpus-{cache.source_version(sys.modules[__name__])}"])


def iter_articles(path: str | Path, *, pattern: str = "*") -> Iterator[dict | CorpusError]:
    """Yield article rows (dicts) or the :class:`CorpusError` of each bad record, in file order.

    Streams: one record is held at a time, so corpora larger than memory can be processed.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(path, "no such file or folder")
    if not path.is_dir():
        yield from _iter_file(path)
        return
    files = sorted(p for p in path.glob(pattern) if p.is_file() and not p.name.startswith("."))
    if not files:
        raise CorpusError(path, f"folder holds no files matching {pattern!r}")
    for file in files:
        if _base_suffix(file) not in (".txt", *TABULAR_SUFFIXES):
            yield CorpusError(file, "unsupported file type (expected .txt seed files, .jsonl, "
                              ".csv or .parquet, optionally .gz)")
            continue
        yield from _iter_file(file)


def _iter_file(path: Path) -> Iterator[dict | CorpusError]:
    if _base_suffix(path) not in TABULAR_SUFFIXES:
        yield _read_seed_file_or_error(path)
        return
    try:
        yield from _iter_tabular(path)
    except CorpusError as err:
        yield err
    except (OSError, EOFError, zlib.error) as err:  # gzip: truncated or not gzip at all
        yield CorpusError(path, f"cannot read compressed or damaged file ({err})")


def skipped_table(articles: pd.DataFrame) -> pd.DataFrame:
    """The records :func:`load_corpus` skipped: ``source_path, record, article_id, reason``."""
    return pd.DataFrame(list(articles.attrs.get("skipped", ())), columns=SKIPPED_COLUMNS)


def select_articles(
    articles: pd.DataFrame,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
) -> pd.DataFrame:
    """Keep the articles published within ``[date_from, date_to]`` (inclusive days, ISO dates)."""
    keep = pd.Series(True, index=articles.index)
    if date_from:
        keep &= articles["published"] >= pd.Timestamp(date_from)
    if date_to:
        keep &= articles["published"] < pd.Timestamp(date_to) + pd.Timedelta(days=1)
    return articles.loc[keep].reset_index(drop=True)


# -- seed format -------------------------------------------------------------------------------


def read_seed_file(path: str | Path) -> dict:
    """Parse one seed-format file: `` date YYYY-MM-DD <lead>`` then paragraphs."""
    path = Path(path)
    raw = path.read_bytes()
    content = _decode(raw, path)
    if not content.strip():
        raise CorpusError(path, "file is empty (expected ' date YYYY-MM-DD' and the lead)")
    first, _, rest = content.partition("\n")
    match = _DATE_LINE.match(first)
    if not match:
        shown = first.strip()[:60]
        raise CorpusError(
            path, f"expected ' date YYYY-MM-DD' followed by the lead, found {shown!r}",
            record="line 1",
        )
    published = _parse_day(match["date"], path, record="line 1")
    body = (match["lead"] or "") + "\n" + rest
    parts = split_article(body)
    return _row(
        article_id=path.stem, source_path=str(path), record="", published=published,
        title=None, source=None, url=None, parts=parts, raw=raw,
    )


def split_article(content: str, *, seed_format: bool = True) -> _Parts:
    """Split article content into lead, dateline, agency tag and the text the offsets refer to.

    The text is the content with the dateline (``Kiew –``) and the closing agency tag
    (``(APA)``) cut out, so that they are kept as metadata and never counted as mentions. In the
    seed format the lead stands on the date line and the body (which may open with a dateline)
    follows; in tabular corpora the text itself opens the body, and only datelines carrying an
    agency (``Berlin (dpa) –``) count, because a capitalised phrase before a dash is too often
    ordinary text there.
    """
    lines = content.strip().split("\n")
    dateline = agency = None
    opening = next((i for i, line in enumerate(lines) if line.strip() and
                    (i > 0 or not seed_format)), None)
    m = _DATELINE.match(lines[opening]) if opening is not None else None
    if m is not None and (seed_format or m["agency"]):
        dateline, agency = m["place"], m["agency"]
        lines[opening] = lines[opening][m.end():]
    tail = _AGENCY.search(lines[-1]) if len(lines) > 1 or not seed_format else None
    if tail is not None:
        agency = tail["tag"]
        lines[-1] = lines[-1][: tail.start()]
    text = "\n".join(lines).strip()
    lead = text.split("\n", 1)[0].strip()
    return _Parts(lead=lead, dateline=dateline, agency=agency, text=text)


# -- tabular formats ---------------------------------------------------------------------------


def _iter_tabular(path: Path) -> Iterator[dict | CorpusError]:
    suffix = _base_suffix(path)
    if suffix == ".parquet":
        records = _parquet_records(path)
    elif suffix == ".csv":
        records = _csv_records(path)
    else:
        records = _jsonl_records(path)
    for record, item in records:
        if isinstance(item, CorpusError):
            yield item
            continue
        try:
            yield _tabular_row(path, record, item)
        except CorpusError as err:
            yield err


def _tabular_row(path: Path, record: str, item: dict) -> dict:
    missing = [f for f in REQUIRED_FIELDS if _is_missing(item.get(f))]
    if missing:
        raise CorpusError(path, f"missing required field(s) {', '.join(missing)}", record=record)
    text = item["text"]
    if not isinstance(text, str):
        raise CorpusError(path, f"field 'text' must be a string, not {type(text).__name__}",
                          record=record)
    text = _normalise(text)
    if not text.strip():
        raise CorpusError(path, "field 'text' is empty", record=record)
    published = _parse_timestamp(str(item["date"]), path, record=record)
    raw = json.dumps(item, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
    return _row(
        article_id=str(item["id"]).strip(), source_path=str(path), record=record,
        published=published, title=_optional(item.get("title")),
        source=_optional(item.get("source")), url=_optional(item.get("url")),
        parts=split_article(text, seed_format=False), raw=raw,
    )


def _jsonl_records(path: Path) -> Iterator[tuple[str, dict | CorpusError]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        for lineno, raw in enumerate(handle, 1):
            record = f"line {lineno}"
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as err:
                yield record, CorpusError(path, f"not UTF-8 text (byte 0x{raw[err.start]:02x} "
                                          f"at column {err.start + 1})", record=record)
                continue
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as err:
                yield record, CorpusError(
                    path, f"not valid JSON ({err.msg} at column {err.colno})", record=record
                )
                continue
            if not isinstance(item, dict):
                yield record, CorpusError(path, "expected a JSON object", record=record)
                continue
            yield record, item


def _csv_records(path: Path) -> Iterator[tuple[str, dict | CorpusError]]:
    with _open_text(path) as handle:
        try:
            reader = csv.DictReader(handle)
            _check_columns(path, reader.fieldnames or [])
            first_line = reader.line_num + 1
            for item in reader:
                yield f"line {first_line}", item
                first_line = reader.line_num + 1
        except UnicodeDecodeError as err:
            raise CorpusError(path, f"not UTF-8 text ({err.reason})") from err
        except csv.Error as err:
            raise CorpusError(path, f"malformed CSV ({err})") from err


def _parquet_records(path: Path) -> Iterator[tuple[str, dict | CorpusError]]:
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises several unrelated types for a damaged file
        raise CorpusError(path, f"not a readable Parquet file ({err})") from err
    _check_columns(path, table.schema_arrow.names)
    index = 0
    for batch in table.iter_batches(batch_size=1024):
        for item in batch.to_pylist():
            index += 1
            yield f"row {index}", item


def _check_columns(path: Path, columns: list[str]) -> None:
    missing = [c for c in REQUIRED_FIELDS if c not in columns]
    if missing:
        raise CorpusError(
            path, f"missing required column(s) {', '.join(missing)}; found {', '.join(columns)}"
        )


def _open_text(path: Path) -> io.TextIOBase:
    opener = gzip.open if path.suffix == ".gz" else open
    # utf-8-sig drops a BOM; newline="" keeps CRLF inside CSV fields for the csv module.
    return opener(path, "rt", encoding="utf-8-sig", errors="strict", newline="")


# -- shared helpers ----------------------------------------------------------------------------


def _read_seed_file_or_error(path: Path) -> dict | CorpusError:
    try:
        return read_seed_file(path)
    except CorpusError as err:
        return err
    except OSError as err:
        return CorpusError(path, f"cannot read file ({err.strerror})")


def _decode(raw: bytes, path: Path) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise CorpusError(
            path, f"not UTF-8 text (byte 0x{raw[err.start]:02x} at offset {err.start})",
            record=f"line {line}",
        ) from err
    if "\x00" in text:
        raise CorpusError(path, "binary content (NUL bytes), expected UTF-8 text")
    return _normalise(text)


def _normalise(text: str) -> str:
    """NFC, LF line ends, and no invisible characters (soft hyphens, zero-width spaces and
    joiners, stray BOMs) that would split words such as ``Bundes\u00adtag`` for the tagger."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text)


def _parse_day(value: str, path: Path, *, record: str) -> pd.Timestamp:
    if not _ISO_DAY.match(value):
        raise CorpusError(path, f"expected a date as YYYY-MM-DD, found {value!r}", record=record)
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as err:
        raise CorpusError(path, f"impossible date {value!r} ({err})", record=record) from err
    return _in_range(dt.datetime(day.year, day.month, day.day), value, path, record=record)


def _in_range(stamp: dt.datetime, value: str, path: Path, *, record: str) -> pd.Timestamp:
    """Publication dates must fit pandas' datetime64[ns] (years 1678 to 2261)."""
    if not MIN_YEAR <= stamp.year <= MAX_YEAR:
        raise CorpusError(path, f"date {value!r} outside the supported range of publication "
                          f"dates (years {MIN_YEAR} to {MAX_YEAR})", record=record)
    return pd.Timestamp(stamp)


def _parse_timestamp(value: str, path: Path, *, record: str) -> pd.Timestamp:
    """ISO 8601 date or date-time; an offset is dropped to keep the local wall-clock time."""
    value = value.strip()
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as err:
        raise CorpusError(path, f"impossible or malformed date {value!r} (expected ISO 8601)",
                          record=record) from err
    return _in_range(stamp.replace(tzinfo=None), value, path, record=record)


def _row(*, article_id: str, source_path: str, record: str, published: pd.Timestamp,
         title: str | None, source: str | None, url: str | None, parts: _Parts,
         raw: bytes) -> dict:
    return {
        "article_id": article_id, "source_path": source_path, "record": record,
        "published": published, "title": title, "source": source, "url": url,
        "lead": parts.lead, "dateline": parts.dateline, "agency": parts.agency,
        "text": parts.text, "n_words": len(_WORD.findall(parts.text)),
        "sha256": hashlib.sha256(raw).hexdigest(),
    }


def _drop_duplicate_ids(rows: list[dict], skipped: list[dict], *, errors: str) -> list[dict]:
    seen: dict[str, dict] = {}
    kept = []
    for row in rows:
        first = seen.get(row["article_id"])
        if first is None:
            seen[row["article_id"]] = row
            kept.append(row)
            continue
        where = _where(first)
        err = CorpusError(row["source_path"], f"duplicate id {row['article_id']!r} "
                          f"(first seen at {where})", record=row["record"] or None)
        if errors == "raise":
            raise err
        skipped.append(_skip_row(err, article_id=row["article_id"]))
    return kept


def _where(row: dict) -> str:
    return f"{row['source_path']}:{row['record']}" if row["record"] else row["source_path"]


def _skip_row(err: CorpusError, *, article_id: str | None = None) -> dict:
    return {"source_path": err.path, "record": err.record or "", "article_id": article_id,
            "reason": err.reason}


def _articles_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    frame["published"] = pd.to_datetime(frame["published"]).astype("datetime64[ns]")
    frame["n_words"] = frame["n_words"].astype("int64")
    frame = frame.sort_values(["published", "article_id"], kind="stable")
    return frame.reset_index(drop=True)


def _base_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value == ""


def _optional(value: object) -> str | None:
    return None if _is_missing(value) else str(value)
