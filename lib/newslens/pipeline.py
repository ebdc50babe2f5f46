"""annotate(): the articles table in, every annotation table out.

Runs the stages in order (spaCy sentences and mentions, canonical entities, temporal
expressions, events) and returns them together in an :class:`Annotations` object, so a notebook
asks for one thing and every table shares the same ids and offsets. Per-article results are
cached (:mod:`newslens.cache`): an unchanged corpus is re-rendered without any NLP work.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import types
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newslens import (
    _timex_rules,
    cache,
    config,
    entities,
    events,
    kb,
    marks,
    names,
    nlp,
    quotes,
    timex,
)
from newslens import boilerplate as bp
from newslens.corpus import CorpusError, load_corpus, select_articles, skipped_table
from newslens.quotes import cues as quote_cues
from newslens.quotes import extract as quote_extract
from newslens.quotes import speakers as quote_speakers

REQUIRED_ARTICLE_COLUMNS = ("article_id", "published", "text")
#: Articles annotated between two cache writes: bounds memory and the work a crash loses.
CHUNK_ARTICLES = 500
#: Below this many words to annotate, ``n_process=None`` stays in one process: starting a
#: worker (a fresh interpreter that imports spaCy and loads the pipeline) costs about 4 s,
#: which pays off from about 100,000 words on 2 cores (``benchmarks/annotate_bench.py``).
PARALLEL_MIN_WORDS = 200_000
#: Environment variables that set the BLAS thread pools of a worker process.
_BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
#: The smallest chunk a worker is sent (about 3 s of spaCy): smaller ones cost more in
#: hand-over and cache shards than they save in balance.
MIN_CHUNK_WORDS = 20_000
_STAGE_TABLES = {"entities": ("mentions", "entities"), "events": ("event_mentions", "events"),
                 "quotes": ("quotes",), "boilerplate": ("boilerplate",)}
#: The tables of an Annotations object, stored whole for a corpus seen before.
RESULT_TABLES = ("sentences", "mentions", "entities", "timexes", "event_mentions", "events",
                 "quotes", "boilerplate")
#: The code and data the quotes stage depends on (its cache key).
QUOTE_SOURCES = (quotes, quote_cues, quote_extract, quote_speakers,
                 config.DATA_DIR / quote_cues.CUES_FILE)
#: Code and data the marks of sentences and mentions (boilerplate, self_mention, unit) follow.
MARK_SOURCES = (bp, marks, config.DATA_DIR / marks.OUTLETS_FILE,
                config.DATA_DIR / marks.UNITS_FILE)


@dataclass(frozen=True)
class Annotations:
    """The tables of one annotated corpus; every row carries ``article_id`` and offsets."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    model: str
    entities: pd.DataFrame = field(default_factory=pd.DataFrame)
    timexes: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: One row per event mention (a trigger in a sentence), with the event_id it reports.
    event_mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: One row per real-world event: its mentions across sentences and articles grouped.
    events: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: One row per quotation: kind, cue, speaker as written and resolved (newslens.quotes).
    quotes: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: One row per occurrence of a boilerplate passage (text an outlet repeats verbatim under
    #: many articles): article_id, passage_id, start, end, source, n_articles, n_days, text.
    boilerplate: pd.DataFrame = field(default_factory=pd.DataFrame)

    def summary(self) -> pd.DataFrame:
        """A small table of counts (articles, sentences, words, mentions per label, entities)."""
        rows = [
            ("articles", len(self.articles)),
            ("published_from", f"{self.articles['published'].min():%Y-%m-%d}"),
            ("published_to", f"{self.articles['published'].max():%Y-%m-%d}"),
            ("words", int(self.articles["n_words"].sum())),
            ("sentences", len(self.sentences)),
        ]
        plain = self.mentions
        if "compound" in plain.columns:
            rows.append(("compound_mentions", int(plain["compound"].sum())))
            plain = plain[~plain["compound"]]
        counts = plain["label"].value_counts()
        rows += [(f"mentions_{label}", int(counts.get(label, 0))) for label in config.LABELS]
        if "entity_id" in plain.columns:
            rows.append(("entities", int(plain["entity_id"].nunique())))
        return pd.DataFrame(rows, columns=["metric", "value"]).astype({"value": str})

    @property
    def skipped(self) -> pd.DataFrame:
        """Records the corpus loader skipped (``errors="skip"``), with file and reason."""
        return skipped_table(self.articles)


def annotate(
    articles: pd.DataFrame,
    *,
    model: str | Path | None = None,
    batch_size: int = config.BATCH_SIZE,
    n_process: int | None = None,
    use_cache: bool = True,
    progress: bool | None = None,
) -> Annotations:
    """Annotate the articles table with the spaCy pipeline ``model`` (default: the shipped one).

    Returns sentences, mentions linked to canonical entities (``entity_id``, ``canonical``,
    ``compound``), the entities table, temporal expressions, event mentions and events, all
    with ``article_id`` and offsets into ``articles.text``; the boilerplate passages of the
    corpus, with sentences and mentions in them marked ``boilerplate``, and mentions of the
    article's own outlet and of currencies, units and languages marked ``self_mention`` and
    ``unit``.
    With ``use_cache`` (default) results are read from and written to the cache; spaCy sees
    only the articles it lacks, in chunks of :data:`CHUNK_ARTICLES`. ``n_process`` worker
    processes run the spaCy stage, each on whole chunks with its own copy of the pipeline;
    ``None`` uses every available core when there are at least :data:`PARALLEL_MIN_WORDS`
    words to annotate, else one process. On such a corpus and two or more cores the stages
    after spaCy use a second process too (boilerplate and temporal expressions beside the
    entity linking, quotations beside the events), unless ``n_process=1``. The tables do not
    depend on it. ``progress=None``
    shows a progress bar only in an interactive terminal or JupyterLab.
    """
    check_articles(articles)
    if n_process is not None and (not isinstance(n_process, int) or n_process < 1):
        raise ValueError(f"n_process must be a positive integer or None, not {n_process!r}")
    pid = nlp.pipeline_id(model)
    final = _result_key(articles, model) if use_cache else None
    found = cache.WholeStore("annotations").read(final, RESULT_TABLES) if final else None
    if found is not None:
        return Annotations(articles, model=pid, **found)
    sentences, mentions, keys = _nlp_stage(
        articles, model=model, use_cache=use_cache, options={"batch_size": batch_size},
        n_process=n_process, progress=_show_progress(progress),
    )
    # The stages after spaCy run on two cores where there are two and the corpus is large:
    # boilerplate and temporal expressions (which need only the articles) in a second process
    # while this one links the entities, then the quotations there while this one builds the
    # events. The tables are the same either way.
    with _side_process(_words(articles) if n_process != 1 else 0) as side:
        boilerplate_of, corpus_keys = _boilerplate_stage_on(articles, use_cache=use_cache,
                                                            side=side)
        timexes_of, timex_keys = _timex_stage_on(articles, use_cache=use_cache, side=side)
        linked, entity_table = _entity_stage(mentions, sentences, articles, keys=keys,
                                             use_cache=use_cache)
        boilerplate = boilerplate_of()
        sentences = sentences.assign(boilerplate=bp.mark(sentences, boilerplate))
        linked = marks.mark_mentions(linked, articles, boilerplate)
        entity_table = entities.entity_table(linked)  # counted as the charts count, after marks
        timexes = _with_sentence_ids(timexes_of(), sentences)
        quoted_of = _quote_stage_on(articles, sentences, linked, keys=[*keys, *corpus_keys],
                                    use_cache=use_cache, side=side)
        event_mentions, grouped = _event_stage(sentences, linked, timexes, articles,
                                               keys=[*keys, *timex_keys, *corpus_keys],
                                               use_cache=use_cache)
        quoted = quoted_of()
    quoted = quoted.assign(self_mention=marks.self_quotes(quoted, linked, articles))
    tables = dict(zip(RESULT_TABLES, (cache.roundtrip(t) for t in (
        sentences, linked, entity_table, timexes, event_mentions, grouped, quoted, boilerplate)),
        strict=True))
    if final:
        cache.WholeStore("annotations").write(final, tables)
    return Annotations(articles, model=pid, **tables)


def is_cached(articles: pd.DataFrame, *, model: str | Path | None = None) -> bool:
    """Whether :func:`annotate` would read the whole result for ``articles`` from the cache
    (no stage to run); checked without reading the tables."""
    return cache.WholeStore("annotations").has(_result_key(articles, model), RESULT_TABLES)


def linked_mentions(articles: pd.DataFrame, *, model: str | Path | None = None,
                    n_process: int | None = None,
                    use_cache: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentences and canonical mentions only (the spaCy and entity stages of :func:`annotate`,
    cached alike): what the quotes stage reads, for benchmarks that time it alone."""
    check_articles(articles)
    sentences, mentions, keys = _nlp_stage(
        articles, model=model, use_cache=use_cache, options={"batch_size": config.BATCH_SIZE},
        n_process=n_process, progress=False)
    linked, _ = _entity_stage(mentions, sentences, articles, keys=keys, use_cache=use_cache)
    return sentences, linked


def annotate_corpus(
    corpus: str | Path,
    *,
    model: str | Path | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    errors: str = "raise",
) -> Annotations:
    """Load a corpus, keep the articles published in ``[date_from, date_to]``, annotate them."""
    articles = select_articles(load_corpus(corpus, errors=errors), date_from=date_from,
                               date_to=date_to)
    if articles.empty:
        raise CorpusError(corpus, f"no articles published between {date_from or 'the start'} "
                          f"and {date_to or 'the end'}")
    return annotate(articles, model=model)


# -- stages ------------------------------------------------------------------------------------


def nlp_salt(model: str | Path | None = None) -> str:
    """What the spaCy stage's results depend on besides the text: the pipeline's id and the
    source of ``newslens.nlp`` (the one place that defines it: local runs and Dask workers
    must agree), and of the components the shipped pipeline runs from newslens' own code
    (``newslens.ruler``'s merge, ``newslens.entity_rules``)."""
    components = [config.PACKAGE_DIR / f"{name}.py" for name in ("ruler", "entity_rules")]
    return f"{nlp.pipeline_id(model)}|nlp-{cache.source_version(nlp, *components)}"


def nlp_keys(articles: pd.DataFrame, *, model: str | Path | None = None) -> pd.Series:
    """The cache key of every article for the spaCy stage of ``model``."""
    return cache.article_keys(articles, salt=nlp_salt(model))


def annotate_chunk(chunk: pd.DataFrame, keys: pd.Series, *, model=None,
                   options: dict | None = None) -> dict[str, pd.DataFrame]:
    """Sentences and mentions of a few articles, each row tagged with its article's key."""
    pairs = zip(chunk["article_id"], chunk["text"], strict=True)
    sentences, mentions = nlp.to_frames(nlp.annotate_texts(pairs, model=model,
                                                            **(options or {})))
    key_of = dict(zip(chunk["article_id"], keys, strict=True))
    for frame in (sentences, mentions):
        frame[cache.KEY] = frame["article_id"].map(key_of).astype(object)
    return {"sentences": sentences, "mentions": mentions}


def check_articles(articles: pd.DataFrame) -> None:
    """Fail with a clear message unless ``articles`` looks like the result of load_corpus."""
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(
            f"annotate() takes the articles table, not {type(articles).__name__} "
            f"{str(articles)[:80]!r}: pass newslens.load_corpus(path)"
        )
    missing = [c for c in REQUIRED_ARTICLE_COLUMNS if c not in articles.columns]
    if missing:
        raise ValueError(
            f"articles table lacks column(s) {', '.join(missing)}: pass the result of "
            "newslens.load_corpus()"
        )
    duplicated = articles["article_id"][articles["article_id"].duplicated()]
    if not duplicated.empty:
        raise ValueError(f"duplicate article_id(s) in articles: {', '.join(duplicated[:5])}")


def _nlp_stage(articles: pd.DataFrame, *, model, use_cache: bool, options: dict,
               n_process: int | None,
               progress: bool) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    salt = nlp_salt(model)
    keys = cache.article_keys(articles, salt=salt)
    store = cache.ShardStore("nlp", ("sentences", "mentions"))
    cached, index = _read_cached(store, keys) if use_cache else ({}, {})
    missing = articles[~keys.isin(index)]
    words = _words(missing)
    parts = [cached] if cached else []
    annotated = _annotated(missing, keys, model=model, options=options, salt=salt,
                           workers=_workers(n_process, words))
    for chunk, frames in _progress(annotated, total=words, enabled=progress):
        if use_cache:
            store.write(keys.loc[chunk.index].tolist(), frames)
        parts.append(frames)
    sentences = _ordered(parts, "sentences", ["article_id", "start"], nlp.sentence_frame)
    mentions = _ordered(parts, "mentions", ["article_id", "start", "end", "label"],
                        nlp.mention_frame)
    return sentences, mentions, keys.tolist()


def _workers(n_process: int | None, words: int) -> int:
    if n_process is not None:
        return n_process
    return config.available_cores() if words >= PARALLEL_MIN_WORDS else 1


def _annotated(missing: pd.DataFrame, keys: pd.Series, *, model, options: dict, salt: str,
               workers: int) -> Iterator[tuple[pd.DataFrame, dict[str, pd.DataFrame]]]:
    """``(chunk, frames)`` for the missing articles, chunk by chunk in order.

    With several workers, chunks go to a pool of fresh processes (spawned, so no lock or thread
    of this one is inherited), each of which loads the pipeline once and turns whole chunks into
    tables; no Doc crosses a process boundary. At most two chunks per worker are in flight, so
    memory stays bounded however long the corpus.
    """
    if missing.empty:
        return
    if workers <= 1:
        for chunk in _chunks(missing, CHUNK_ARTICLES):
            _check_salt(model, salt)
            yield chunk, annotate_chunk(chunk, keys.loc[chunk.index], model=model,
                                        options=options)
        return
    name = str(model) if model is not None else None
    pool = _Spawned(workers, initializer=_start_worker, initargs=(name, salt))
    try:
        pending: deque = deque()
        for chunk in _balanced_chunks(missing, workers):
            slim = pd.DataFrame({"article_id": chunk["article_id"].to_numpy(),
                                 "text": chunk["text"].to_numpy()})
            future = pool.submit(_work, slim, keys.loc[chunk.index].tolist(), name, options,
                                 salt)
            pending.append((chunk, future))
            if len(pending) >= 2 * workers:
                chunk, future = pending.popleft()
                yield chunk, future.result()
        while pending:
            chunk, future = pending.popleft()
            yield chunk, future.result()
    finally:  # an error or an interrupt: do not start the chunks still queued
        pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _main_hidden():
    """Start worker processes without the caller's main module.

    A spawned process imports the parent's ``__main__`` (the script being run) before it does
    any work, so a script that calls annotate() outside ``if __name__ == "__main__":`` would run
    again in every worker. The workers need only newslens, so while one is started the main
    module is replaced by an empty one, which multiprocessing does not import.
    """
    main = sys.modules.get("__main__")
    if main is None or (getattr(main, "__file__", None) is None
                        and getattr(main, "__spec__", None) is None):
        yield  # an interactive session or a notebook kernel: nothing would be imported
        return
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


@contextlib.contextmanager
def _single_threaded_blas():
    """Start worker processes with one BLAS thread each (unless the caller chose otherwise).

    Each worker is one of as many processes as there are cores; a BLAS thread pool per worker
    (OpenBLAS starts one per core) would make them fight over the same cores, spinning idle
    threads (measured: twice the CPU time of the spaCy stage). The library reads the variable
    when the worker imports NumPy, so it is set while the worker starts.
    """
    added = {name: "1" for name in _BLAS_THREADS if name not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


def _start_worker(model: str | None, salt: str) -> None:
    """Load the pipeline once per worker, and refuse one that is not the parent's."""
    _check_salt(model, salt)
    nlp.load_pipeline(model)


def _work(chunk: pd.DataFrame, keys: list[str], model: str | None, options: dict,
          salt: str) -> dict[str, pd.DataFrame]:
    _check_salt(model, salt)
    return annotate_chunk(chunk, pd.Series(keys, index=chunk.index, dtype=object),
                          model=model, options=options)


def _check_salt(model, salt: str) -> None:
    """Fail if the pipeline or newslens.nlp changed on disk since the run began."""
    if nlp_salt(model) != salt:  # e.g. make model while a long run goes on
        raise RuntimeError(f"spaCy pipeline {model or config.DEFAULT_MODEL!r} changed on "
                           "disk during the run; results so far are cached, run again")


def _result_key(articles: pd.DataFrame, model) -> str:
    """A key over every article (id, text, publication day) and every stage's code and data.

    The whole result of a corpus seen before is read at once under it; any change to an
    article or a stage misses it and the stages below find what they can still reuse.
    """
    versions = cache.source_version(sys.modules[__name__], cache, timex, _timex_rules, entities,
                                    names, kb, config.DATA_DIR / kb.KB_FILE,
                                    config.DATA_DIR / kb.ROLES_FILE, *event_sources(),
                                    *QUOTE_SOURCES, *MARK_SOURCES)
    # boilerplate and self-mentions depend on the outlet
    keys = _dated_keys(articles, salt=f"{nlp_salt(model)}|result-{versions}",
                       source="source" in articles)
    return cache.corpus_key(keys)


def _dated_keys(articles: pd.DataFrame, *, salt: str, source: bool) -> list[str]:
    """The keys :func:`cache.article_keys` gives for the text joined with the publication day
    (and the outlet, with ``source``) by ``"\\0"``: the same bytes are hashed, part by part,
    without building the joined texts (a third of the time on 10,000 articles)."""
    parts = [articles["article_id"].tolist(), articles["text"].tolist(),
             articles["published"].astype(str).tolist()]
    if source:
        parts.append(articles["source"].fillna("").astype(str).tolist())
    return [cache._digest(*row, salt) for row in zip(*parts, strict=True)]


def _read_cached(store: cache.ShardStore, keys: pd.Series) -> tuple[dict, dict]:
    for _ in range(3):  # a broken shard is removed by read(); look again
        index = store.index()
        hits = keys[keys.isin(index)]
        if hits.empty:
            return {}, {}
        cached = store.read(hits, index)
        if cached is not None:
            return cached, index
    return {}, {}


def _entity_stage(mentions: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *,
                  keys: list[str], use_cache: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Canonical entities over the whole corpus; publication days name renamed entities."""
    published = articles.set_index("article_id")["published"]

    def compute() -> dict[str, pd.DataFrame]:
        linked = entities.canonicalize(mentions, sentences, published=published)
        return {"mentions": linked, "entities": entities.entity_table(linked)}

    sources = (entities, names, kb, config.DATA_DIR / kb.KB_FILE,
               config.DATA_DIR / kb.ROLES_FILE, config.DATA_DIR / kb.COMMON_NOUNS_FILE)
    days = [f"{a}@{d}" for a, d in published.items()]  # the spaCy keys omit dates
    found = _corpus_stage("entities", [*keys, cache.corpus_key(days)], sources, compute,
                          use_cache=use_cache)
    return found["mentions"], found["entities"]


def _boilerplate_stage(articles: pd.DataFrame, *,
                       use_cache: bool) -> tuple[pd.DataFrame, list[str]]:
    """The corpus's boilerplate passages and the article keys they were detected under."""
    found, keys = _boilerplate_stage_on(articles, use_cache=use_cache, side=_INLINE)
    return found(), keys


def _boilerplate_stage_on(articles: pd.DataFrame, *, use_cache: bool,
                          side: Executor) -> tuple[Callable[[], pd.DataFrame], list[str]]:
    """The corpus's boilerplate passages (detected by ``side`` where not cached; call the
    first value for them) and the article keys they were detected under: cached whole under a
    key of every article's id, text, source and day, so any change to the corpus detects them
    again (a few seconds of hashing for 10,000 articles)."""
    keys = _dated_keys(articles, salt="boilerplate", source="source" in articles)
    found = _corpus_stage_on("boilerplate", keys, (bp,), side, _detect_boilerplate, articles,
                             use_cache=use_cache)
    return lambda: found()["boilerplate"], keys


def _detect_boilerplate(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {"boilerplate": bp.detect(articles)}


def _timex_stage(articles: pd.DataFrame, sentences: pd.DataFrame, *,
                 use_cache: bool) -> tuple[pd.DataFrame, list[str]]:
    """Temporal expressions per article (anchored to its publication day), with sentence ids,
    and the article keys they are cached under."""
    table, keys = _timex_stage_on(articles, use_cache=use_cache, side=_INLINE)
    return _with_sentence_ids(table(), sentences), keys


def _timex_stage_on(articles: pd.DataFrame, *, use_cache: bool,
                    side: Executor) -> tuple[Callable[[], pd.DataFrame], list[str]]:
    """Temporal expressions per article (anchored to its publication day), the articles not
    cached tagged by ``side``: call the first value for the table (without sentence ids)."""
    salt = f"timex-{cache.source_version(timex, _timex_rules)}"
    keys = pd.Series(_dated_keys(articles, salt=salt, source=False), index=articles.index,
                     dtype=object)
    store = cache.ShardStore("timex", ("timexes",))
    cached, index = _read_cached(store, keys) if use_cache else ({}, {})
    missing = articles[~keys.isin(index)]
    parts = [cached["timexes"]] if cached else []
    tagged = side.submit(timex.tag_articles, missing) if len(missing) else None

    def table() -> pd.DataFrame:
        if tagged is not None:
            found = tagged.result()
            found[cache.KEY] = found["article_id"].map(
                dict(zip(missing["article_id"], keys.loc[missing.index], strict=True)))
            if use_cache:
                store.write(keys.loc[missing.index].tolist(), {"timexes": found})
            parts.append(found)
        frames = [p for p in parts if len(p)]
        table = (pd.concat(frames, ignore_index=True) if frames
                 else timex.tag_articles(articles[:0]))
        table = table.drop(columns=cache.KEY, errors="ignore")
        table = table.sort_values(["article_id", "start", "end"], kind="stable",
                                  ignore_index=True)
        for column in ("granularity", "modifier", "kind"):
            if column in table:
                table[column] = table[column].astype("category")
        return table

    return table, keys.tolist()


def _with_sentence_ids(table: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Add ``sentence_id``: the sentence of each row's start offset."""
    if table.empty:
        return table.assign(sentence_id=pd.Series(dtype=object))
    bounds = sentences[["article_id", "sentence_id", "start"]].rename(columns={"start": "s0"})
    bounds = bounds.astype({"article_id": str, "s0": "int64"})
    table = table.astype({"article_id": str, "start": "int64"})
    joined = pd.merge_asof(table.sort_values("start"), bounds.sort_values("s0"),
                           left_on="start", right_on="s0", by="article_id")
    joined = joined.drop(columns="s0").sort_values(["article_id", "start", "end"],
                                                   kind="stable", ignore_index=True)
    first = ["article_id", "sentence_id"]
    return joined[first + [c for c in joined.columns if c not in first]]


def event_sources() -> tuple:
    """The code and data the event stage depends on (its cache key): every module of the
    package and its data files."""
    modules = (events, events.cues, events.dating, events.grouping, events.mentions,
               events.tables, events.triggers)
    files = (events.triggers.TRIGGERS_FILE, events.triggers.CLASSES_FILE,
             events.cues.CUES_FILE)
    return (*modules, *(config.DATA_DIR / name for name in files))


def _event_stage(sentences: pd.DataFrame, mentions: pd.DataFrame, timexes: pd.DataFrame,
                 articles: pd.DataFrame, *, keys: list[str],
                 use_cache: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Event mentions per sentence and events across articles (corpus-level, cached)."""
    def compute() -> dict[str, pd.DataFrame]:
        event_mentions, grouped = events.build_events(sentences, mentions, timexes, articles)
        return {"event_mentions": event_mentions, "events": grouped}

    sources = (*event_sources(), entities, names, kb, config.DATA_DIR / kb.KB_FILE,
               *MARK_SOURCES)
    found = _corpus_stage("events", keys, sources, compute, use_cache=use_cache)
    return found["event_mentions"], found["events"]


def _quote_stage(articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame, *,
                 keys: list[str], use_cache: bool) -> pd.DataFrame:
    """Quotations and their speakers, found in this process."""
    return _quote_stage_on(articles, sentences, mentions, keys=keys, use_cache=use_cache,
                           side=_INLINE)()


def _quote_stage_on(articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
                    *, keys: list[str], use_cache: bool,
                    side: Executor) -> Callable[[], pd.DataFrame]:
    """Quotations and their speakers (corpus-level, cached under its own key: a change to the
    quote rules recomputes this stage alone), found by ``side``: call the result for them."""
    sources = (*QUOTE_SOURCES, entities, names, kb, config.DATA_DIR / kb.KB_FILE)
    found = _corpus_stage_on("quotes", keys, sources, side, _extract_quotes, articles,
                             sentences, mentions, use_cache=use_cache)
    return lambda: found()["quotes"]


def _extract_quotes(articles: pd.DataFrame, sentences: pd.DataFrame,
                    mentions: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {"quotes": quotes.extract_quotes(articles, sentences, mentions)}


def _corpus_stage(stage: str, keys: list[str], sources: tuple, compute, *,
                  use_cache: bool) -> dict[str, pd.DataFrame]:
    """A corpus-level stage's tables: from the cache under a key of all article keys and the
    stage's code and data (``sources``) and of the cache (which reads the stages' inputs),
    or computed and stored."""
    return _corpus_stage_on(stage, keys, sources, _INLINE, compute, use_cache=use_cache)()


def _corpus_stage_on(stage: str, keys: list[str], sources: tuple, side: Executor, compute,
                     *args, use_cache: bool) -> Callable[[], dict[str, pd.DataFrame]]:
    """:func:`_corpus_stage` with ``compute(*args)`` run by ``side``: returns a function that
    waits for the tables (and stores them)."""
    key = cache.corpus_key([*keys, f"{stage}-{cache.source_version(cache, *sources)}"])
    store = cache.WholeStore(stage)
    found = store.read(key, _STAGE_TABLES[stage]) if use_cache else None
    if found is not None:
        return lambda: found
    pending = side.submit(compute, *args)
    stored: list[dict[str, pd.DataFrame]] = []

    def tables() -> dict[str, pd.DataFrame]:
        if not stored:
            stored.append(pending.result())
            if use_cache:
                store.write(key, stored[0])
        return stored[0]

    return tables


class _Inline(Executor):
    """An executor that runs each call at once, in this process (one core, a small corpus)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as err:  # raised where the result is asked for, as a pool would
            future.set_exception(err)
        return future


_INLINE = _Inline()


@contextlib.contextmanager
def _side_process(words: int) -> Iterator[Executor]:
    """A second process for stages that can run beside this one's, on a machine of two or
    more cores and a corpus of at least :data:`PARALLEL_MIN_WORDS` words (below that, starting
    it costs more than it saves); else :data:`_INLINE`. The process is started (spawned, like
    the spaCy workers) only when a stage is not cached, and stopped when the block ends."""
    if words < PARALLEL_MIN_WORDS or config.available_cores() < 2:
        yield _INLINE
        return
    pool = _Spawned(1)
    try:
        yield pool
    finally:  # an error or an interrupt: drop what is still queued
        pool.shutdown(wait=True, cancel_futures=True)


class _Spawned(ProcessPoolExecutor):
    """Fresh (spawned) processes that start without the caller's main module and with one
    BLAS thread each: the spaCy workers, and the second process of the later stages."""

    def __init__(self, workers: int, **kwargs) -> None:
        super().__init__(workers, mp_context=multiprocessing.get_context("spawn"), **kwargs)

    def submit(self, fn, /, *args, **kwargs) -> Future:
        with _main_hidden(), _single_threaded_blas():  # a process may start here
            return super().submit(fn, *args, **kwargs)


# -- helpers -----------------------------------------------------------------------------------


def _chunks(articles: pd.DataFrame, size: int) -> Iterator[pd.DataFrame]:
    for start in range(0, len(articles), size):
        yield articles.iloc[start:start + size]


def _balanced_chunks(articles: pd.DataFrame, workers: int) -> Iterator[pd.DataFrame]:
    """Chunks for ``workers`` processes that finish together: each holds a share of the words
    still to do (a ``4 * workers``-th, at most :data:`CHUNK_ARTICLES` articles, at least
    :data:`MIN_CHUNK_WORDS` words, or as much of a small corpus), so they shrink towards the
    end and no worker waits long for the last one (guided self-scheduling)."""
    counts = (articles["n_words"] if "n_words" in articles
              else articles["text"].str.split().str.len()).to_numpy(dtype="int64")
    remaining, start = int(counts.sum()), 0
    smallest = max(1, min(MIN_CHUNK_WORDS, remaining // (4 * workers)))  # a small corpus too
    while start < len(articles):
        target = max(smallest, remaining // (4 * workers))
        stop, taken = start, 0
        while stop < len(articles) and stop - start < CHUNK_ARTICLES and (
                taken < target or stop == start):
            taken += int(counts[stop])
            stop += 1
        yield articles.iloc[start:stop]
        remaining -= taken
        start = stop


def _words(articles: pd.DataFrame) -> int:
    if "n_words" in articles:
        return int(articles["n_words"].sum())
    return int(articles["text"].str.split().str.len().sum()) if len(articles) else 0


def _ordered(parts: list[dict], table: str, keys: list[str], empty) -> pd.DataFrame:
    frames = [p[table] for p in parts if len(p.get(table, pd.DataFrame()))]
    if not frames:
        return empty([])
    frame = pd.concat(frames, ignore_index=True).drop(columns=cache.KEY, errors="ignore")
    frame = frame.sort_values(keys, kind="stable").reset_index(drop=True)
    if "label" in frame:
        frame["label"] = pd.Categorical(frame["label"].astype(str),
                                        categories=list(config.LABELS))
    return frame


def _show_progress(progress: bool | None) -> bool:
    if progress is not None:
        return progress
    if os.environ.get("NEWSLENS_PROGRESS") == "0" or os.environ.get("CI"):
        return False
    return sys.stderr.isatty() or "ipykernel" in sys.modules


def _progress(chunks: Iterator[tuple[pd.DataFrame, dict]], *, total: int, enabled: bool):
    if not enabled:
        yield from chunks
        return
    from tqdm import tqdm  # plain text bar: JupyterLab shows it without ipywidgets

    done = 0
    with tqdm(total=total, unit="word", unit_scale=True, desc="annotating",
              file=sys.stderr) as bar:
        for chunk, frames in chunks:
            yield chunk, frames
            done += len(chunk)
            bar.set_postfix(articles=done, refresh=False)
            bar.update(_words(chunk))
