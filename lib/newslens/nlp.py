"""The spaCy stage: load a German pipeline once, run it in batches, return plain tables.

spaCy ``Doc`` objects never leave this module: :func:`annotate_texts` turns each article into
rows of the **sentences** and **mentions** tables with character offsets into the article text.
Articles are processed paragraph by paragraph (sentences never cross a line break), which keeps
every ``Doc`` small even for live blogs of several hundred thousand characters.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import importlib.util
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from newslens import config

if TYPE_CHECKING:  # spaCy is imported when a pipeline is loaded, not when newslens is
    from spacy.language import Language
    from spacy.tokens import Doc

SENTENCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "text"]
MENTION_COLUMNS = ["article_id", "sentence_id", "mention_id", "start", "end", "text", "label"]
#: Components that NER never needs; excluded from official pipelines for speed.
_UNUSED = ("tagger", "morphologizer", "parser", "lemmatizer", "attribute_ruler", "senter",
           "trainable_lemmatizer")
_TERMINAL = {".", "!", "?", "…", "?!", "!?", "..."}
_CLOSING = {"“", "”", "\"", "»", "«", "‘", "’", "'", ")", "]"}
#: After these the sentence goes on: „Wir sind bereit!“, sagte er.
_CONTINUING = {",", ";", ":", "-", "–", "—", ")"}
_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "OTH": "MISC"}
_LINE = re.compile(r"[^\n]+")
#: Longer lines (live blogs without line breaks, a 5 MB one-line file) are cut into pieces at a
#: sentence end (or failing that a space) so no Doc exceeds this many characters.
MAX_PIECE = 20_000
_PIECE_END = re.compile(r"[.!?…][\"“”»«')\]]*\s+")


class ModelNotFoundError(LookupError):
    """The named spaCy pipeline is neither shipped, a path, nor an installed package."""


def load_pipeline(model: str | Path | None = None) -> Language:
    """Return the spaCy pipeline, loaded once per process.

    ``None`` means the pipeline shipped in ``models/`` (built by ``make model``); a name such as
    ``"de_core_news_lg"`` loads that installed package; a path loads a pipeline folder. A
    pipeline whose files changed since it was loaded (``make model`` while a kernel runs) is
    loaded again, so results are never stored under the id of a pipeline that did not make them.
    """
    name = str(model) if model is not None else config.DEFAULT_MODEL
    return _load(name, pipeline_id(name))


@lru_cache(maxsize=4)
def _load(model: str, identity: str) -> Language:
    import spacy

    from newslens.entity_rules import register

    register()  # the shipped pipeline's last component (also found through newslens.ruler)
    shipped = config.MODELS_DIR / model
    target = shipped if shipped.is_dir() else model
    try:
        with _numpy_matmul():
            nlp = spacy.load(target)
    except OSError as err:
        raise ModelNotFoundError(f"spaCy pipeline {model!r} not found: {_hint(model)}") from err
    if "ner" not in nlp.pipe_names and "entity_ruler" not in nlp.pipe_names:
        raise ModelNotFoundError(f"spaCy pipeline {model!r} has no 'ner' component")
    for name in _UNUSED:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    return nlp


@contextlib.contextmanager
def _numpy_matmul():
    """Build the pipeline's layers with thinc's NumPy backend multiplying matrices through
    NumPy (OpenBLAS) instead of BLIS: the same products, the same entities on the bench
    articles compared, and about 40% less CPU time for the whole pipeline on this project's
    machine (``benchmarks/stage_times.py --compare-blis``), most of its time being the
    tok2vec's matrix products. Only a CPU pipeline on thinc's default NumPy backend is changed;
    the process's default backend is restored after loading."""
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    before = get_current_ops()
    if type(before) is not NumpyOps or not before.use_blis:
        yield
        return
    set_current_ops(NumpyOps(use_blis=False))
    try:
        yield
    finally:
        set_current_ops(before)


#: Files of a pipeline folder that spaCy never reads: editing them (new figures in the model's
#: README) leaves the pipeline, and every annotation cached under its id, as it was.
DOCUMENTS = frozenset({"README.md", "LICENSE", "LICENSES_SOURCES"})


def pipeline_id(model: str | Path | None = None) -> str:
    """Name, version and content hash of a pipeline, e.g. ``de_newslens-0.2.0-1f2e...``.

    Read from the pipeline's files without loading spaCy, so a cached run stays fast; the hash
    of the files makes a retrained pipeline a new one even if its version was not bumped.
    """
    folder = _pipeline_folder(str(model) if model is not None else config.DEFAULT_MODEL)
    files = tuple(sorted((p.relative_to(folder).as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
                         for p in folder.rglob("*")
                         if p.is_file() and p.relative_to(folder).as_posix() not in DOCUMENTS))
    return _pipeline_id(folder, files)


@lru_cache(maxsize=16)
def _pipeline_id(folder: Path, files: tuple) -> str:
    """Hash the files of a pipeline once per state of its folder (names, sizes, mtimes)."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    name = meta.get("name", "pipeline")
    lang = meta.get("lang", "xx")
    name = name if name.startswith(f"{lang}_") else f"{lang}_{name}"
    sha = hashlib.sha256()
    for relative, _, _ in files:
        sha.update(relative.encode())
        sha.update((folder / relative).read_bytes())
    return f"{name}-{meta.get('version', '0.0.0')}-{sha.hexdigest()[:12]}"


def _pipeline_folder(model: str) -> Path:
    for candidate in (config.MODELS_DIR / model, Path(model)):
        if (candidate / "meta.json").is_file():
            return candidate
    spec = importlib.util.find_spec(model) if model.isidentifier() else None
    if spec is not None and spec.origin:
        package = Path(spec.origin).parent
        for meta in sorted(package.glob("*/meta.json")):
            return meta.parent
        if (package / "meta.json").is_file():
            return package
    raise ModelNotFoundError(f"spaCy pipeline {model!r} not found: " + _hint(model))


def _hint(model: str) -> str:
    if model == config.SHIPPED_MODEL:
        return "run `make model` to build it"
    return "install it (pip install <package>) or give the path of a pipeline folder"


def annotate_texts(
    articles: Iterable[tuple[str, str]],
    *,
    model: str | Path | None = None,
    batch_size: int = config.BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[tuple[list[tuple], list[tuple]]]:
    """Yield ``(sentence_rows, mention_rows)`` per article for ``(article_id, text)`` pairs.

    Rows are tuples in the order of :data:`SENTENCE_COLUMNS` and :data:`MENTION_COLUMNS`;
    results come in input order, one article at a time, so callers can stream.
    """
    nlp = load_pipeline(model)
    paragraphs = _paragraphs(articles)
    docs = nlp.pipe(paragraphs, as_tuples=True, batch_size=batch_size, n_process=n_process)
    current, sentences, mentions = None, [], []
    for doc, (article_id, offset, last) in docs:
        if article_id != current:
            current, sentences, mentions = article_id, [], []
        _collect(doc, article_id, offset, sentences, mentions)
        if last:
            yield sentences, mentions


def _paragraphs(articles: Iterable[tuple[str, str]]) -> Iterator[tuple[str, tuple]]:
    """Every non-empty line of every article, with (article_id, offset, is_last) context."""
    for article_id, text in articles:
        lines = [piece for m in _LINE.finditer(text) if m.group().strip()
                 for piece in _pieces(m.start(), m.group())]
        if not lines:
            lines = [(0, text)]
        for i, (offset, line) in enumerate(lines):
            yield line, (article_id, offset, i == len(lines) - 1)


def _pieces(offset: int, line: str) -> Iterator[tuple[int, str]]:
    """Cut an over-long line at sentence ends (or spaces) into pieces of <= MAX_PIECE chars."""
    while len(line) > MAX_PIECE:
        window = line[:MAX_PIECE]
        ends = [m.end() for m in _PIECE_END.finditer(window, MAX_PIECE // 2)]
        cut = ends[-1] if ends else (window.rfind(" ") + 1 or MAX_PIECE)
        yield offset, line[:cut]
        offset, line = offset + cut, line[cut:]
    yield offset, line


def _collect(doc: Doc, article_id: str, offset: int, sentences: list, mentions: list) -> None:
    bounds = sentence_bounds(doc)
    first = len(sentences)
    text = doc.text  # a property that joins all tokens: read it once
    ends = [end for _, end in bounds]
    for start, end in bounds:
        sentence_id = f"{article_id}:s{len(sentences):04d}"
        sentences.append((article_id, sentence_id, offset + start, offset + end,
                          text[start:end]))
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        if label is None:
            continue
        index = first + _sentence_index(ends, ent.start_char)
        start, end = offset + ent.start_char, offset + ent.end_char
        mentions.append((article_id, sentences[index][1], f"{article_id}:{start}-{end}",
                         start, end, ent.text, label))


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph.

    A sentence ends at terminal punctuation standing as its own token (spaCy's German tokenizer
    keeps ordinals like ``18.`` and abbreviations like ``v. Chr.`` whole), together with any
    closing quotes or brackets after it.
    """
    bounds, start, n = [], 0, len(doc)
    i = 0
    while i < n:
        if doc[i].text in _TERMINAL:
            while i + 1 < n and doc[i + 1].text in _CLOSING:
                i += 1
            if i + 1 < n and not _continues(doc[i + 1].text):
                end = doc[i].idx + len(doc[i].text)
                bounds.append((start, end))
                start = doc[i + 1].idx
        i += 1
    end = len(doc.text.rstrip())
    if end > start:
        bounds.append((start, end))
    return bounds or [(0, len(doc.text))]


def _continues(text: str) -> bool:
    return text in _CONTINUING or text[:1].islower()


def _sentence_index(ends: list[int], char: int) -> int:
    return min(bisect.bisect_right(ends, char), len(ends) - 1)


def to_frames(rows: Iterable[tuple[list[tuple], list[tuple]]]) -> tuple[pd.DataFrame,
                                                                          pd.DataFrame]:
    """Concatenate per-article rows into the sentences and mentions tables."""
    sentences, mentions = [], []
    for sentence_rows, mention_rows in rows:
        sentences.extend(sentence_rows)
        mentions.extend(mention_rows)
    return sentence_frame(sentences), mention_frame(mentions)


def sentence_frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64"})


def mention_frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    frame = frame.astype({"start": "int64", "end": "int64"})
    frame["label"] = pd.Categorical(frame["label"], categories=list(config.LABELS))
    return frame
