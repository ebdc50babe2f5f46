"""The annotation cache: Parquet shards keyed by article content, pipeline and stage version.

Per-article stages (spaCy sentences and mentions, temporal expressions) are stored in shards of
many articles; each row carries the ``cache_key`` of its article, a hash of the article id and
text, the pipeline's name and version, and the stage's version. A run looks every article up,
computes only the misses, and writes them as a new shard, so an unchanged corpus does no NLP
work, a changed article is re-annotated alone, and a new model or stage version misses exactly
what depends on it. Corpus-level results (canonical entities, events) are stored whole under a
key of all their inputs.

A shard is a folder of Parquet files written to a temporary name and renamed into place, with
its ``keys.parquet`` written last: a shard without a readable key file, or whose tables do not
read back, is deleted and recomputed, never trusted. No pickle anywhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newslens import config

KEY = "cache_key"
_KEYS_FILE = "keys.parquet"


def cache_root() -> Path:
    """The cache folder: ``$NEWSLENS_CACHE`` or ``.cache/newslens`` in the project."""
    return Path(os.environ.get("NEWSLENS_CACHE", config.PROJECT_DIR / ".cache" / "newslens"))


def article_keys(articles: pd.DataFrame, *, salt: str) -> pd.Series:
    """One key per article: sha256 of id, text and ``salt`` (pipeline id + stage version)."""
    return pd.Series(
        [_digest(article_id, text, salt)
         for article_id, text in zip(articles["article_id"], articles["text"], strict=True)],
        index=articles.index, dtype=object,
    )


def corpus_key(parts: Iterable[str]) -> str:
    """A key over many inputs (article keys, versions, file hashes), order-independent."""
    return _digest(*sorted(parts))


def source_version(*sources: ModuleType | Path) -> str:
    """A version of code and data: the hash of the modules' source files and data files.

    Stage outputs are keyed on it, so any change to the code or data of a stage invalidates
    exactly that stage's cached results, with no version number to remember to bump.
    """
    sha = hashlib.sha256()
    for source in sources:
        path = Path(source.__file__) if isinstance(source, ModuleType) else Path(source)
        sha.update(path.name.encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()[:16]


def _digest(*parts: str) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part.encode("utf-8"))
        sha.update(b"\0")
    return sha.hexdigest()[:32]


class ShardStore:
    """Per-article tables of one stage, in shards under ``root/stage``."""

    def __init__(self, stage: str, tables: tuple[str, ...], *, root: Path | None = None):
        self.folder = (root or cache_root()) / stage
        self.tables = tables

    def index(self) -> dict[str, Path]:
        """Cached article key -> shard folder, for every intact shard (broken ones removed)."""
        found: dict[str, Path] = {}
        for shard in sorted(self.folder.glob("shard-*")) if self.folder.is_dir() else []:
            keys = self._read_keys(shard)
            if keys is None:
                shutil.rmtree(shard, ignore_errors=True)
                continue
            found.update(dict.fromkeys(keys, shard))
        return found

    def read(self, keys: Iterable[str],
             index: Mapping[str, Path]) -> dict[str, pd.DataFrame] | None:
        """The cached rows of ``keys`` (each table concatenated), or None if a shard is broken."""
        # An article stored in two shards (two runs annotated it at once) is read from the one
        # the index names, so its rows come back once.
        by_shard: dict[Path, set[str]] = {}
        for key in set(keys):
            by_shard.setdefault(index[key], set()).add(key)
        parts: dict[str, list[pd.DataFrame]] = {table: [] for table in self.tables}
        for shard in sorted(by_shard):
            try:
                for table in self.tables:
                    frame = _read_parquet(shard / f"{table}.parquet")
                    parts[table].append(frame[frame[KEY].isin(by_shard[shard])])
            except (OSError, pa.ArrowException, KeyError):
                shutil.rmtree(shard, ignore_errors=True)
                return None
        return {table: _concat(frames) for table, frames in parts.items()}

    def write(self, keys: list[str], frames: Mapping[str, pd.DataFrame]) -> Path:
        """Store a new shard holding ``keys`` (articles may have no rows in a table)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=self.folder, prefix=".tmp-"))
        try:
            for table in self.tables:
                pq.write_table(pa.Table.from_pandas(frames[table], preserve_index=False),
                               tmp / f"{table}.parquet")
            pq.write_table(pa.table({KEY: pa.array(sorted(keys), pa.string())}),
                           tmp / _KEYS_FILE)
            shard = self.folder / f"shard-{corpus_key(keys)}"
            _move_into_place(tmp, shard)
            return shard
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    def _read_keys(self, shard: Path) -> list[str] | None:
        try:
            keys = pq.read_table(shard / _KEYS_FILE).column(KEY).to_pylist()
            if not all((shard / f"{table}.parquet").is_file() for table in self.tables):
                return None
            return keys
        except (OSError, pa.ArrowException, KeyError):
            return None


class WholeStore:
    """Corpus-level tables stored whole under one key (``root/stage/<key>/<table>.parquet``).

    Each new corpus (or date range of one) adds an entry; the :data:`KEEP` most recently used
    entries of a stage are kept, older ones are deleted when a new one is written.
    """

    KEEP = 12

    def __init__(self, stage: str, *, root: Path | None = None):
        self.folder = (root or cache_root()) / stage

    def read(self, key: str, tables: Iterable[str]) -> dict[str, pd.DataFrame] | None:
        entry = self.folder / key
        try:
            found = {t: _read_parquet(entry / f"{t}.parquet") for t in tables}
        except (OSError, pa.ArrowException):
            shutil.rmtree(entry, ignore_errors=True)
            return None
        with contextlib.suppress(OSError):
            os.utime(entry)  # recently used: kept by _prune
        return found

    def has(self, key: str, tables: Iterable[str]) -> bool:
        """Whether ``key`` is stored with every table (their Parquet footers read, not the
        data): what a run that only fills the cache asks before it reads or computes."""
        try:
            for table in tables:
                pq.read_metadata(self.folder / key / f"{table}.parquet")
        except (OSError, pa.ArrowException):
            return False
        return True

    def write(self, key: str, frames: Mapping[str, pd.DataFrame]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=self.folder, prefix=".tmp-"))
        try:
            for table, frame in frames.items():
                pq.write_table(pa.Table.from_pandas(frame, preserve_index=False),
                               tmp / f"{table}.parquet")
            _move_into_place(tmp, self.folder / key)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self._prune()

    def _prune(self) -> None:
        entries = []
        for entry in self.folder.iterdir():
            if entry.name.startswith("."):
                continue
            try:
                entries.append((entry.stat().st_mtime_ns, entry.name, entry))
            except OSError:  # removed meanwhile by another run
                continue
        for *_, entry in sorted(entries, reverse=True)[self.KEEP:]:
            shutil.rmtree(entry, ignore_errors=True)


def _move_into_place(tmp: Path, target: Path) -> None:
    """Rename a finished temporary folder to ``target``; if another run (a notebook beside
    this one) stored the same key first, keep its folder: same key, same content."""
    if not target.exists():
        try:
            os.replace(tmp, target)
            return
        except OSError:
            if not target.exists():
                raise
    shutil.rmtree(tmp, ignore_errors=True)


def roundtrip(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as it reads back from Parquet, so fresh and cached results have equal dtypes
    (and columns in one piece, as :func:`_read_parquet` gives them)."""
    return pa.Table.from_pandas(frame, preserve_index=False).combine_chunks().to_pandas()


def _read_parquet(path: Path) -> pd.DataFrame:
    """A cached table, each column in one contiguous piece: Parquet reads a large column in
    several chunks, and pyarrow joins a chunked column whole before it takes rows from it,
    so every filter, merge or sort of such a table (hundreds per report) copied the whole
    column, e.g. the 95 MB of sentence texts of the 10k corpus, to keep a few rows."""
    return pq.read_table(path).combine_chunks().to_pandas()


def clear(root: Path | None = None) -> Path:
    """Delete the whole cache folder; return its path."""
    root = root or cache_root()
    shutil.rmtree(root, ignore_errors=True)
    return root


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f.columns)]
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True)
