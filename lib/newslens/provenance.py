"""Provenance: the sentences behind every number a chart shows.

:func:`explain` answers "where does this come from?" for an entity, a pair of entities, a
heatmap cell (entity x article) or an event; :func:`evidence` gives one example sentence per row
of a chart's table, for the evidence table printed under each chart.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

EVIDENCE_COLUMNS = ["article_id", "published", "sentence_id", "start", "end", "mention",
                    "sentence"]
#: The columns of the mentions table that explain() and evidence() read.
_MENTION_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "entity_id", "canonical"]


def explain(
    ann,
    *,
    entity: str | None = None,
    pair: Sequence[str] | None = None,
    article: str | None = None,
    event: str | None = None,
    quote: str | None = None,
    speaker: str | None = None,
    include_compounds: bool = True,
    include_boilerplate: bool = False,
    date_from: str | pd.Timestamp | None = None,
    date_to: str | pd.Timestamp | None = None,
) -> pd.DataFrame:
    """The sentences behind an entity, a pair, an entity in one article or period, an event,
    a quotation (``quote=quote_id``) or a speaker's quotations (``speaker=`` entity id,
    canonical name or the speaker as written).

    Entities are named by ``entity_id`` or canonical name; ``date_from``/``date_to`` (days,
    inclusive) keep the articles published in a period, e.g. the ``period_start`` and
    ``period_end`` of a heatmap column counted per week. Returns one row per mention (for
    ``entity``/``article``), per sentence (for ``pair``) or per event mention (for ``event``:
    an ``event_id`` or ``event_mention_id``) with ``article_id, published, sentence_id, start,
    end`` (offsets of the mention, or the trigger, in the article text), ``mention`` and the
    full ``sentence`` (for events also the mention's id, class, own date, ``date_source`` and
    modality); in date order. Mentions in boilerplate (text an outlet repeats under many
    articles) are left out, as the charts leave them out, unless ``include_boilerplate``;
    self-mentions and units are listed.
    """
    if event is not None:
        return _explain_event(ann, event)
    if quote is not None:
        return _explain_quote(ann, quote)
    if speaker is not None:
        return _explain_speaker(ann, speaker, date_from=date_from, date_to=date_to)
    if pair is not None:
        ids = [_entity_id(ann, name) for name in pair]
        return _explain_pair(ann, _mentions_of(ann, ids, include_compounds,
                                               boilerplate=include_boilerplate), ids)
    if entity is None:
        raise ValueError("explain needs entity=, pair=, event=, quote= or speaker=")
    chosen = _mentions_of(ann, [_entity_id(ann, entity)], include_compounds,
                          boilerplate=include_boilerplate)
    if article is not None:
        chosen = chosen[chosen["article_id"] == article]
    chosen = _published_between(ann, chosen, date_from, date_to)
    return _with_sentences(ann, chosen)


def evidence(
    ann,
    table: pd.DataFrame,
    *,
    include_compounds: bool = False,
    include_boilerplate: bool = False,
    include_self_mentions: bool = False,
    top: int = 10,
) -> pd.DataFrame:
    """One example sentence for each of the first ``top`` entities of a chart's table.

    The example is the entity's first mention in date order (a plain mention unless
    ``include_compounds``, outside boilerplate and not the outlet naming itself unless asked,
    as the chart counted), so a reader can check what the bar or cell counted.
    """
    ids = list(dict.fromkeys(table["entity_id"]))[:top]
    mentions = _mentions_of(ann, ids, include_compounds, boilerplate=include_boilerplate,
                            self_mentions=include_self_mentions)
    rows = _with_sentences(ann, mentions).merge(
        mentions[["article_id", "start", "end", "entity_id", "canonical"]],
        on=["article_id", "start", "end"])
    rows = rows.drop_duplicates("entity_id")
    rows = rows.set_index("entity_id").reindex(ids).dropna(subset=["sentence"]).reset_index()
    columns = ["canonical", "published", "article_id", "start", "end", "sentence"]
    return rows[columns].reset_index(drop=True)


def _mentions_of(ann, ids: list[str], include_compounds: bool, *, boilerplate: bool = True,
                 self_mentions: bool = True) -> pd.DataFrame:
    """The mentions of some entities (the columns evidence needs): one mask over the large
    mentions table and one copy of the rows it keeps."""
    mentions = ann.mentions
    keep = mentions["entity_id"].isin(ids).to_numpy(dtype=bool)
    for column, include in (("compound", include_compounds), ("boilerplate", boilerplate),
                            ("self_mention", self_mentions)):
        if not include and column in mentions.columns:
            keep = keep & ~mentions[column].astype(bool).to_numpy()
    return mentions.loc[keep, [c for c in _MENTION_COLUMNS if c in mentions.columns]]


def _entity_id(ann, name: str) -> str:
    if (ann.entities["entity_id"] == name).any():
        return name
    found = ann.entities.loc[ann.entities["canonical"] == name, "entity_id"]
    if found.empty:
        raise KeyError(f"no entity with id or canonical name {name!r}")
    return str(found.iloc[0])


def _with_sentences(ann, mentions: pd.DataFrame) -> pd.DataFrame:
    # Only the sentences asked for: merging the whole sentences table of a large corpus
    # (hundreds of thousands of rows) once per chart row was most of a report's time.
    sentences = ann.sentences.loc[
        _isin(ann.sentences["sentence_id"], mentions["sentence_id"].unique()),
        ["article_id", "sentence_id", "text"]].rename(columns={"text": "sentence"})
    rows = mentions[["article_id", "sentence_id", "start", "end", "text"]].rename(
        columns={"text": "mention"}).merge(sentences, on=["article_id", "sentence_id"])
    rows = rows.merge(ann.articles[["article_id", "published"]], on="article_id")
    rows = rows.sort_values(["published", "article_id", "start", "end"], kind="stable")
    return rows[EVIDENCE_COLUMNS].reset_index(drop=True)


def _explain_pair(ann, mentions: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    if len(ids) != 2:
        raise ValueError(f"pair= needs two entities, got {len(ids)}")
    first = mentions[mentions["entity_id"] == ids[0]]
    second = mentions[mentions["entity_id"] == ids[1]]
    shared = set(first["sentence_id"]) & set(second["sentence_id"])
    chosen = first[first["sentence_id"].isin(shared)].drop_duplicates("sentence_id")
    return _with_sentences(ann, chosen)


def _explain_event(ann, event: str) -> pd.DataFrame:
    """Every reporting sentence of an event (``event_id``) or of one mention
    (``event_mention_id``), with the mention's own date and where it comes from."""
    found = ann.event_mentions
    chosen = found[(found["event_id"] == event) | (found["event_mention_id"] == event)]
    if chosen.empty:
        raise KeyError(f"no event with event_id or event_mention_id {event!r}")
    rows = _with_sentences(ann, chosen.rename(columns={"trigger": "text"}))
    extra = chosen[["article_id", "start", "end", "event_mention_id", "event_class",
                    "start_date", "date_source", "modality"]]
    return rows.merge(extra, on=["article_id", "start", "end"], how="left")


def pair_evidence(ann, pairs: pd.DataFrame, *, include_compounds: bool = False,
                  include_boilerplate: bool = False) -> pd.DataFrame:
    """One sentence naming both entities, for each row of a :func:`~newslens.counts.top_pairs`
    table: ``canonical_a, canonical_b, n_sentences, published, article_id, sentence``."""
    rows = []
    for pair in pairs.itertuples(index=False):
        found = explain(ann, pair=[pair.entity_a, pair.entity_b],
                        include_compounds=include_compounds,
                        include_boilerplate=include_boilerplate)
        if not found.empty:
            first = found.iloc[0]
            rows.append((pair.canonical_a, pair.canonical_b, pair.n_sentences,
                         first["published"], first["article_id"], first["sentence"]))
    return pd.DataFrame(rows, columns=["canonical_a", "canonical_b", "n_sentences", "published",
                                       "article_id", "sentence"])


def event_evidence(ann, table: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """One reporting sentence for each event (``event_id``) of a timeline table: the first
    dated report in date order, with ``label, start_date, n_articles, published, article_id,
    sentence``; ``explain(ann, event=event_id)`` lists them all."""
    rows = []
    for event in table.drop_duplicates("event_id").head(top).itertuples(index=False):
        found = explain(ann, event=event.event_id)
        dated = found[found["date_source"].astype(str) != "none"]
        found = dated if len(dated) else found
        if not found.empty:
            first = found.iloc[0]
            rows.append((event.label, event.start_date, event.n_articles, first["published"],
                         first["article_id"], first["sentence"]))
    return pd.DataFrame(rows, columns=["label", "start_date", "n_articles", "published",
                                       "article_id", "sentence"])


QUOTE_EVIDENCE_COLUMNS = [*EVIDENCE_COLUMNS, "quote_id", "kind", "cue", "speaker_text",
                          "speaker"]


def _explain_quote(ann, quote: str) -> pd.DataFrame:
    """One row per part of a quotation, each with its sentence (``mention`` is the quoted
    text of that part; ``start``/``end`` its offsets)."""
    chosen = ann.quotes[ann.quotes["quote_id"] == quote]
    if chosen.empty:
        raise KeyError(f"no quotation with quote_id {quote!r}")
    return _quote_rows(ann, chosen, every_part=True)


def _published_between(ann, rows: pd.DataFrame, date_from, date_to) -> pd.DataFrame:
    """The rows whose article was published between ``date_from`` and ``date_to`` (whole days,
    either bound may be None)."""
    if date_from is None and date_to is None:
        return rows
    days = pd.to_datetime(ann.articles["published"]).dt.normalize()
    keep = pd.Series(True, index=days.index)
    if date_from is not None:
        keep &= days >= pd.Timestamp(date_from).normalize()
    if date_to is not None:
        keep &= days <= pd.Timestamp(date_to).normalize()
    return rows[rows["article_id"].isin(ann.articles.loc[keep, "article_id"])]


def _explain_speaker(ann, speaker: str, *, date_from=None, date_to=None) -> pd.DataFrame:
    """Every quotation of a speaker (entity id, canonical name, or as written), in date order."""
    table = ann.quotes
    chosen = table[(table["speaker_entity_id"] == speaker) | (table["speaker"] == speaker)]
    if chosen.empty:
        chosen = table[table["speaker_text"] == speaker]
    if chosen.empty:
        raise KeyError(f"no quotation with speaker {speaker!r}")
    chosen = _published_between(ann, chosen, date_from, date_to)
    return _quote_rows(ann, chosen, every_part=False)


def _quote_rows(ann, quotes: pd.DataFrame, *, every_part: bool) -> pd.DataFrame:
    """Quotations with their text and sentences: per part (``every_part``), else one row per
    quotation with the sentence where it begins and the whole quoted text."""
    articles = quotes["article_id"].unique()
    texts = _column_of(ann.articles, articles, "text")
    sentences = ann.sentences.loc[_isin(ann.sentences["article_id"], articles),
                                  ["article_id", "start", "end", "sentence_id", "text"]]
    # The sentences of each article by start, as plain arrays: the sentence holding an offset
    # is found by bisection in its article's slice (a speaker of the whole corpus has
    # thousands of quotations; a scan, or a pandas lookup, each was seconds).
    sentences = sentences.sort_values(["article_id", "start"], kind="stable")
    starts, ends = sentences["start"].to_numpy(), sentences["end"].to_numpy()
    ids = sentences["sentence_id"].to_numpy(dtype=object)
    sentence_texts = sentences["text"].to_numpy(dtype=object)
    of_article = sentences["article_id"].to_numpy(dtype=object)
    firsts = np.flatnonzero(np.r_[True, of_article[1:] != of_article[:-1]]) if len(
        of_article) else np.empty(0, dtype=int)
    spans = dict(zip(of_article[firsts], zip(firsts, [*firsts[1:], len(of_article)],
                                             strict=True), strict=True))
    rows = []
    columns = ["article_id", "sentence_id", "start", "end", "parts", "quote_id", "kind", "cue",
               "speaker_text", "speaker"]
    for article_id, sentence_id, q_start, q_end, q_parts, *rest in zip(
            *(quotes[c].tolist() for c in columns), strict=True):
        text = texts[article_id]
        low, high = spans.get(article_id, (0, 0))
        parts = [tuple(int(x) for x in p.split("-")) for p in q_parts.split(";")]
        if not every_part:
            parts = [(q_start, q_end, " … ".join(text[s:e] for s, e in parts))]
        for part in parts:
            start, end = part[0], part[1]
            quoted = part[2] if len(part) > 2 else text[start:end]
            at = low + int(np.searchsorted(starts[low:high], start, side="right")) - 1
            inside = at >= low and ends[at] > start
            sid = ids[at] if inside else sentence_id
            sentence = sentence_texts[at] if inside else ""
            rows.append((article_id, sid, start, end, quoted, sentence, *rest))
    frame = pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "mention",
                                        "sentence", "quote_id", "kind", "cue", "speaker_text",
                                        "speaker"])
    frame = frame.merge(ann.articles[["article_id", "published"]], on="article_id")
    frame = frame.sort_values(["published", "article_id", "start", "end"], kind="stable")
    return frame[QUOTE_EVIDENCE_COLUMNS].reset_index(drop=True)


def _column_of(articles: pd.DataFrame, ids, column: str) -> dict:
    """``article_id -> value of column`` for the articles ``ids`` only (plain Python values)."""
    chosen = articles.loc[_isin(articles["article_id"], ids), ["article_id", column]]
    return dict(zip(chosen["article_id"].tolist(), chosen[column].tolist(), strict=True))


def _isin(column: pd.Series, values) -> np.ndarray:
    """``column.isin(values)`` as a boolean array, also fast for many values: pandas' isin
    on a pyarrow string column turns each value into a pyarrow scalar in Python (half a second
    for the 37,000 sentences behind ten entities of the 10k corpus); pyarrow's own is_in
    takes them as one array. Other columns go to pandas."""
    if not isinstance(column.dtype, pd.StringDtype) or column.dtype.storage != "pyarrow":
        return column.isin(values).to_numpy(dtype=bool)
    array = pa.array(column)
    value_set = pa.array(pd.Series(values, dtype=column.dtype)).cast(array.type)
    return pc.is_in(array, value_set=value_set).to_numpy(zero_copy_only=False)
