"""Counting tables behind the quotation charts (notebook 04): quotes in, tidy counts out.

Only quotations whose speaker resolved to a named person or organisation are counted (a
speaker left as "ein Sprecher" or "die Behörden" is not an entity); the saved CSV of each chart
is exactly the table it draws, and ``nl.explain(ann, speaker=...)`` lists the quotations behind
a bar or cell. A quotation that a medium relays (``zitiert die Zeitung den Minister``) has a second
row with the medium as speaker (``quote_id`` ending in ``+relay``); the charts count each
quotation once, under the person quoted, unless ``relays=True``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from newslens import counts
from newslens.quotes import KINDS

SPEAKER_KEYS = ["speaker_entity_id", "speaker"]
RELAY_SUFFIX = "+relay"


def select_quotes(
    quotes: pd.DataFrame,
    *,
    kinds: Sequence[str] = KINDS,
    speakers: Sequence[str] | None = None,
    relays: bool = False,
    include_self_mentions: bool = False,
) -> pd.DataFrame:
    """Quotations of the given kinds with a resolved speaker; ``speakers`` (entity ids or
    canonical names) keeps only theirs; ``relays`` keeps the rows of the media relaying them;
    ``include_self_mentions`` keeps those whose speaker is the article's own outlet (its own
    research, an interviewer's questions: ``quotes.self_mention``)."""
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown quotation kind(s) {unknown}; expected some of {list(KINDS)}")
    keep = quotes["kind"].astype(str).isin(list(kinds)) & quotes["speaker_entity_id"].notna()
    if not relays:
        keep &= ~quotes["quote_id"].astype(str).str.endswith(RELAY_SUFFIX)
    if not include_self_mentions and "self_mention" in quotes:
        keep &= ~quotes["self_mention"].astype(bool)
    if speakers:
        keep &= quotes["speaker_entity_id"].isin(list(speakers)) | quotes["speaker"].isin(
            list(speakers)
        )
    return quotes.loc[keep].reset_index(drop=True)


def top_speakers(
    quotes: pd.DataFrame,
    *,
    top_n: int = 15,
    kinds: Sequence[str] = KINDS,
    speakers: Sequence[str] | None = None,
    relays: bool = False,
    include_self_mentions: bool = False,
) -> pd.DataFrame:
    """The ``top_n`` most quoted speakers, one row per speaker and kind: ``speaker_entity_id,
    speaker, kind, n_quotes, n_total, rank`` (rank 1 = most quoted; ties by name)."""
    chosen = select_quotes(quotes, kinds=kinds, speakers=speakers, relays=relays,
                           include_self_mentions=include_self_mentions)
    totals = (
        chosen.groupby(SPEAKER_KEYS)
        .size()
        .rename("n_total")
        .reset_index()
        .sort_values(["n_total", "speaker"], ascending=[False, True], kind="stable")
        .head(top_n)
        .reset_index(drop=True)
    )
    totals["rank"] = range(1, len(totals) + 1)
    per_kind = (
        chosen.assign(kind=chosen["kind"].astype(str))
        .groupby([*SPEAKER_KEYS, "kind"])
        .size()
        .rename("n_quotes")
        .reset_index()
    )
    table = totals.merge(per_kind, on=SPEAKER_KEYS)
    table["kind"] = pd.Categorical(table["kind"], categories=list(KINDS))
    table = table.sort_values(["rank", "kind"], kind="stable").reset_index(drop=True)
    return table[[*SPEAKER_KEYS, "kind", "n_quotes", "n_total", "rank"]].astype(
        {"n_quotes": "int64", "n_total": "int64", "rank": "int64"}
    )


def speaker_topics(
    quotes: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    top_n: int = 15,
    kinds: Sequence[str] = KINDS,
    speakers: Sequence[str] | None = None,
    labels: Sequence[str] = ("PER", "LOC", "ORG", "MISC"),
    relays: bool = False,
    include_self_mentions: bool = False,
) -> pd.DataFrame:
    """Speakers x the entities named inside their quotations: ``speaker_entity_id, speaker,
    entity_id, canonical, n_quotes`` (quotations of the speaker naming the entity; a speaker
    naming themself is not counted), for the ``top_n`` speakers and ``top_n`` entities."""
    chosen = select_quotes(quotes, kinds=kinds, speakers=speakers, relays=relays,
                           include_self_mentions=include_self_mentions)
    ranked = top_speakers(chosen, top_n=top_n, kinds=kinds, relays=True,
                          include_self_mentions=True)
    chosen = chosen[chosen["speaker_entity_id"].isin(ranked["speaker_entity_id"])]
    named = _mentions_in_quotes(chosen, counts.select_mentions(mentions, labels=labels))
    named = named[named["entity_id"] != named["speaker_entity_id"]]
    pairs = (
        named.drop_duplicates(["quote_id", "entity_id"])
        .groupby([*SPEAKER_KEYS, "entity_id", "canonical"])
        .size()
        .rename("n_quotes")
        .reset_index()
    )
    entity_totals = pairs.groupby("entity_id")["n_quotes"].sum()
    names = pairs.drop_duplicates("entity_id").set_index("entity_id")["canonical"]
    top_entities = sorted(entity_totals.index, key=lambda e: (-entity_totals[e], names[e]))
    pairs = pairs[pairs["entity_id"].isin(top_entities[:top_n])]
    order = {e: i for i, e in enumerate(top_entities)}
    speaker_order = {s: r for s, r in zip(ranked["speaker_entity_id"], ranked["rank"], strict=True)}
    pairs = pairs.assign(
        speaker_order=pairs["speaker_entity_id"].map(speaker_order),
        entity_order=pairs["entity_id"].map(order),
    )
    pairs = pairs.sort_values(["speaker_order", "entity_order"], kind="stable")
    return pairs.reset_index(drop=True).astype(
        {"n_quotes": "int64", "speaker_order": "int64", "entity_order": "int64"}
    )


def _mentions_in_quotes(quotes: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Each mention inside a quotation's parts, with the quotation's speaker."""
    parts = (
        quotes[["quote_id", "article_id", *SPEAKER_KEYS, "parts"]]
        .assign(part=quotes["parts"].str.split(";"))
        .explode("part")
    )
    bounds = parts["part"].str.split("-", expand=True).astype("int64")
    parts = parts.assign(p0=bounds[0], p1=bounds[1]).drop(columns=["parts", "part"])
    joined = parts.merge(
        mentions[["article_id", "start", "end", "entity_id", "canonical"]], on="article_id"
    )
    inside = (joined["start"] >= joined["p0"]) & (joined["end"] <= joined["p1"])
    return joined.loc[inside].reset_index(drop=True)


def speakers_over_time(
    quotes: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    top_n: int = 8,
    kinds: Sequence[str] = KINDS,
    speakers: Sequence[str] | None = None,
    per: str = "auto",
    relays: bool = False,
    include_self_mentions: bool = False,
) -> pd.DataFrame:
    """Quotations of the ``top_n`` most quoted speakers per publication period (per day for a
    corpus of at most 40 articles, else week, month or year): ``speaker_entity_id, speaker,
    period, period_start, period_end, n_quotes``, every period of the range (zeros kept)."""
    chosen = select_quotes(quotes, kinds=kinds, speakers=speakers, relays=relays,
                           include_self_mentions=include_self_mentions)
    ranked = top_speakers(chosen, top_n=top_n, relays=True,
                          include_self_mentions=True).drop_duplicates("speaker_entity_id")
    unit = counts.resolve_period(articles, per)
    if unit == "article":
        days = pd.to_datetime(articles["published"]).dt.normalize()
        spans = pd.DataFrame({"period": sorted(days.dt.strftime("%Y-%m-%d").unique())})
        spans["period_start"] = pd.to_datetime(spans["period"])
        spans["period_end"] = spans["period_start"]
        of_article = pd.DataFrame(
            {
                "article_id": articles["article_id"].to_numpy(),
                "period": days.dt.strftime("%Y-%m-%d").to_numpy(),
            }
        )
    else:
        spans, of_article = counts.article_periods(articles, unit)
        spans = spans.drop(columns="n_articles")
    quoted = chosen.merge(of_article, on="article_id")
    found = quoted.groupby(["speaker_entity_id", "period"]).size().rename("n_quotes")
    grid = ranked[[*SPEAKER_KEYS, "rank"]].merge(spans, how="cross")
    grid = grid.merge(found.reset_index(), on=["speaker_entity_id", "period"], how="left")
    grid["n_quotes"] = grid["n_quotes"].fillna(0).astype("int64")
    grid = grid.sort_values(["rank", "period_start"], kind="stable").reset_index(drop=True)
    return grid[[*SPEAKER_KEYS, "period", "period_start", "period_end", "n_quotes"]]


def quote_evidence(
    ann, table: pd.DataFrame, *, top: int = 10, kinds: Sequence[str] = KINDS, max_chars: int = 240
) -> pd.DataFrame:
    """The first quotation (in date order) of each of the first ``top`` speakers of a chart's
    table: ``speaker, kind, published, article_id, quote_id, speaker_text, quotation``."""
    from newslens.provenance import explain

    rows = []
    for speaker in list(dict.fromkeys(table["speaker_entity_id"]))[:top]:
        found = explain(ann, speaker=speaker)
        found = found[found["kind"].astype(str).isin(list(kinds))]
        if found.empty:
            continue
        first = found.iloc[0]
        text = first["mention"]
        if len(text) > max_chars:
            text = text[: max_chars - 1].rstrip() + "…"
        rows.append(
            (
                first["speaker"],
                str(first["kind"]),
                first["published"],
                first["article_id"],
                first["quote_id"],
                first["speaker_text"],
                text,
            )
        )
    return pd.DataFrame(
        rows,
        columns=[
            "speaker",
            "kind",
            "published",
            "article_id",
            "quote_id",
            "speaker_text",
            "quotation",
        ],
    )
