"""Annotation on a Dask cluster: the spaCy stage on the workers, everything else as usual.

The workers annotate the articles the cache lacks, one partition per task, and store each result
as a shard of the ordinary annotation cache (:mod:`newslens.cache`), keyed exactly as a local
run keys it; a task sends back only the shard's path and a few counts. The client then calls
:func:`newslens.annotate`, which finds every article in the cache, does no NLP work and runs the
corpus-level stages, so the tables are those of a local run by construction.

The cache folder must be one folder for the client and every worker: a path on a shared
filesystem, given as ``NEWSLENS_CACHE`` to each of them. Workers must run the same newslens
source and the same pipeline files as the client. Both are checked before any work is sent, and
the cache is checked again afterwards, so a misconfigured cluster fails with a message instead
of silently re-annotating everything on the client.
"""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path

import pandas as pd
from distributed import Client, get_worker

from newslens import cache, config, pipeline
from newslens.pipeline import Annotations, nlp_keys, nlp_salt

TASK_COLUMNS = ["partition", "worker", "shard", "n_articles", "n_words", "n_sentences",
                "n_mentions", "seconds"]
_TABLES = ("sentences", "mentions")
#: One pipeline per worker process, run by one thread at a time (spaCy is not thread-safe).
_NLP_LOCK = threading.Lock()
#: model -> cache salt when this process first used it; a change means stale code or pipeline.
_FIRST_SALT: dict[str, str] = {}


class ClusterError(RuntimeError):
    """Workers that cannot take part: another pipeline or newslens source, or an unshared cache."""


def annotate_distributed(
    articles: pd.DataFrame,
    client: Client,
    *,
    model: str | Path | None = None,
    partition_articles: int = pipeline.CHUNK_ARTICLES,
    batch_size: int = config.BATCH_SIZE,
) -> Annotations:
    """Annotate ``articles`` as :func:`newslens.annotate` does, the spaCy stage on the cluster.

    Articles already in the cache are not sent; the rest go to the workers in partitions of
    ``partition_articles``. Returns the same :class:`Annotations` as a local run.
    """
    fill_cache(articles, client, model=model, partition_articles=partition_articles,
               batch_size=batch_size)
    return pipeline.annotate(articles, model=model, batch_size=batch_size)


def fill_cache(
    articles: pd.DataFrame,
    client: Client,
    *,
    model: str | Path | None = None,
    partition_articles: int = pipeline.CHUNK_ARTICLES,
    batch_size: int = config.BATCH_SIZE,
) -> pd.DataFrame:
    """Annotate on the workers the articles the cache lacks; a row per task (:data:`TASK_COLUMNS`).

    An empty table means everything was cached already. Raises :class:`ClusterError` if a worker
    runs another pipeline or newslens source, or does not share the client's cache folder.
    """
    pipeline.check_articles(articles)
    if partition_articles < 1:
        raise ValueError(f"partition_articles must be at least 1, not {partition_articles}")
    name = str(model) if model is not None else config.DEFAULT_MODEL
    keys = nlp_keys(articles, model=name)
    store = cache.ShardStore("nlp", _TABLES)
    missing = articles[~keys.isin(store.index())]
    if missing.empty:
        return pd.DataFrame(columns=TASK_COLUMNS)
    check_workers(client, model=name)
    parts = _partitions(missing, size=partition_articles)
    scattered = client.scatter(parts, hash=False)
    futures = [client.submit(annotate_partition, part, model=name, batch_size=batch_size,
                             pure=False) for part in scattered]
    rows = [{"partition": i, "n_words": _words(part), **row}
            for i, (part, row) in enumerate(zip(parts, client.gather(futures), strict=True))]
    _check_written(store, keys[missing.index], [row["shard"] for row in rows])
    return pd.DataFrame(rows, columns=TASK_COLUMNS)


def annotate_partition(part: pd.DataFrame, *, model: str,
                       batch_size: int = config.BATCH_SIZE) -> dict:
    """The work of one task, on a worker: annotate ``part`` and store it as a cache shard.

    ``part`` has ``article_id`` and ``text``. The pipeline is loaded once per worker process
    (:func:`newslens.nlp.load_pipeline` caches it); the keys are computed here, from this
    worker's pipeline files and source, so a shard is always true to what produced it.
    """
    started = time.perf_counter()
    salt = nlp_salt(model)
    keys = cache.article_keys(part, salt=salt)
    with _NLP_LOCK:
        first = _FIRST_SALT.setdefault(model, salt)
        if first != salt:
            raise ClusterError(
                f"worker {_worker_name()}: pipeline {model!r} or newslens.nlp changed on disk "
                f"since this worker loaded it ({first} -> {salt}); restart the workers "
                "(client.restart()) so they load the new one")
        frames = pipeline.annotate_chunk(part, keys, model=model,
                                         options={"batch_size": batch_size, "n_process": 1})
    shard = cache.ShardStore("nlp", _TABLES).write(keys.tolist(), frames)
    return {"worker": _worker_name(), "shard": str(shard), "n_articles": len(part),
            "n_sentences": len(frames["sentences"]), "n_mentions": len(frames["mentions"]),
            "seconds": round(time.perf_counter() - started, 3)}


def check_workers(client: Client, *, model: str | Path | None = None) -> pd.DataFrame:
    """Each worker's cache folder, whether it is the client's, and its spaCy-stage salt.

    Raises :class:`ClusterError` naming every worker that differs from the client. The cache is
    tested by a probe file the client writes, so two mounts of one shared folder under
    different paths pass, and two local folders of the same name do not.
    """
    root = cache.cache_root()
    root.mkdir(parents=True, exist_ok=True)
    probe = root / f".probe-{uuid.uuid4().hex}"
    probe.write_text("newslens cache probe\n", encoding="utf-8")
    try:
        seen = client.run(_worker_view, None if model is None else str(model), probe.name)
    finally:
        probe.unlink(missing_ok=True)
    if not seen:
        raise ClusterError(f"no workers connected to the scheduler {client.scheduler.address}")
    table = pd.DataFrame([{"worker": w, **v} for w, v in sorted(seen.items())])
    expected = nlp_salt(model)
    problems = [_problem(row, expected, root) for row in table.itertuples()]
    problems = [p for p in problems if p]
    if problems:
        raise ClusterError("workers cannot take part:\n" + "\n".join(problems))
    return table


# -- helpers -----------------------------------------------------------------------------------


def _partitions(missing: pd.DataFrame, *, size: int) -> list[pd.DataFrame]:
    """Slices of ``size`` articles (ids, text and word counts only), the longest text first.

    Longest first, so a partition of live blogs does not start last and hold up the end.
    """
    columns = [c for c in ("article_id", "text", "n_words") if c in missing.columns]
    slim = missing[columns].reset_index(drop=True)
    slim.attrs = {}
    parts = [slim.iloc[i:i + size].reset_index(drop=True) for i in range(0, len(slim), size)]
    return sorted(parts, key=lambda part: -int(part["text"].str.len().sum()))


def _words(part: pd.DataFrame) -> int:
    return int(part["n_words"].sum()) if "n_words" in part.columns else 0


def _worker_view(model: str | None, probe: str) -> dict:
    root = cache.cache_root()
    try:
        salt, error = nlp_salt(model), ""
    except (OSError, LookupError) as err:  # model folder or newslens source not reachable here
        salt, error = "", f"{type(err).__name__}: {err}"
    return {"cache": str(root), "shares_cache": (root / probe).is_file(), "salt": salt,
            "error": error}


def _problem(row, expected: str, root: Path) -> str:
    if row.error:
        return f"  {row.worker}: {row.error}"
    if not row.shares_cache:
        return (f"  {row.worker}: its cache folder {row.cache} is not the client's {root}; set "
                "NEWSLENS_CACHE to one shared folder on the client and every worker")
    if row.salt != expected:
        return (f"  {row.worker}: spaCy stage {row.salt} differs from the client's {expected}; "
                "install the same newslens and pipeline files on the workers")
    return ""


def _check_written(store: cache.ShardStore, keys: pd.Series, shards: list[str]) -> None:
    lacking = set(keys) - set(store.index())
    if lacking:
        raise ClusterError(
            f"{len(lacking)} article(s) annotated on the workers are not in the client's cache "
            f"{store.folder} (workers wrote e.g. {shards[0]}); NEWSLENS_CACHE must name one "
            "shared folder on the client and every worker")


def _worker_name() -> str:
    try:
        return get_worker().address
    except ValueError:  # called outside a Dask worker (tests, debugging)
        return "local"
