"""annotate(): the articles table in, every annotation table out.

Runs the stages in order (spaCy sentences and mentions, canonical entities, temporal
expressions, events) and returns them together in an :class:`Annotations` object, so a notebook
asks for one thing and every table shares the same ids and offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newslens import config, nlp
from newslens.corpus import CorpusError, load_corpus, select_articles

REQUIRED_ARTICLE_COLUMNS = ("article_id", "published", "text")


@dataclass(frozen=True)
class Annotations:
    """The tables of one annotated corpus; every row carries ``article_id`` and offsets."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    model: str
    entities: pd.DataFrame = field(default_factory=pd.DataFrame)
    timexes: pd.DataFrame = field(default_factory=pd.DataFrame)
    events: pd.DataFrame = field(default_factory=pd.DataFrame)

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
        return self.articles.attrs.get("skipped", pd.DataFrame())


def annotate(
    articles: pd.DataFrame,
    *,
    model: str | Path | None = None,
    batch_size: int = config.BATCH_SIZE,
    n_process: int = 1,
) -> Annotations:
    """Annotate the articles table with the spaCy pipeline ``model`` (default: the shipped one).

    Returns sentences and mentions with offsets into ``articles.text``.
    """
    _check_articles(articles)
    pairs = zip(articles["article_id"], articles["text"], strict=True)
    rows = nlp.annotate_texts(pairs, model=model, batch_size=batch_size, n_process=n_process)
    sentences, mentions = nlp.to_frames(rows)
    return Annotations(
        articles=articles,
        sentences=sentences,
        mentions=mentions,
        model=nlp.pipeline_id(nlp.load_pipeline(model)),
    )


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


def _check_articles(articles: pd.DataFrame) -> None:
    missing = [c for c in REQUIRED_ARTICLE_COLUMNS if c not in articles.columns]
    if missing:
        raise ValueError(
            f"articles table lacks column(s) {', '.join(missing)}: pass the result of "
            "newslens.load_corpus()"
        )
    duplicated = articles["article_id"][articles["article_id"].duplicated()]
    if not duplicated.empty:
        raise ValueError(f"duplicate article_id(s) in articles: {', '.join(duplicated[:5])}")
