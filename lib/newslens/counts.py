"""Counting tables behind the entity charts: mentions in, tidy counts out.

Every function takes the mentions table (with ``entity_id``, ``canonical``, ``label``,
``compound``) and returns a fresh, sorted frame whose rows are what a chart draws, so the CSV
saved beside a chart is exactly this table.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from newslens import config

ENTITY_KEYS = ["entity_id", "canonical", "label"]
#: Up to this many articles (or periods) a chart gives each its own bar or column; beyond it
#: ``per="auto"`` counts per week, month or year, whichever first fits.
MAX_COLUMNS = 40
PERIODS = {"week": "W-SUN", "month": "M", "year": "Y"}
PERIOD_COLUMNS = ["period", "period_start", "period_end", "n_articles"]


def select_mentions(
    mentions: pd.DataFrame,
    *,
    labels: Sequence[str] = config.LABELS,
    include_compounds: bool = False,
    include_boilerplate: bool = False,
    include_self_mentions: bool = False,
    include_units: bool = False,
) -> pd.DataFrame:
    """Mentions of the given labels. Left out unless asked: compound mentions
    (``Ukraine-Krieg``), mentions in boilerplate (text an outlet repeats under many articles),
    an outlet's mentions of itself, and currencies, units and languages (columns ``compound``,
    ``boilerplate``, ``self_mention``, ``unit``, where the table has them)."""
    keep = mentions["label"].isin(list(labels))
    for column, include in (("compound", include_compounds),
                            ("boilerplate", include_boilerplate),
                            ("self_mention", include_self_mentions), ("unit", include_units)):
        if not include and column in mentions.columns:
            keep &= ~mentions[column].astype(bool)
    return mentions.loc[keep].reset_index(drop=True)


def top_entities(
    mentions: pd.DataFrame,
    *,
    top_n: int = 20,
    labels: Sequence[str] = config.LABELS,
    include_compounds: bool = False,
    include_boilerplate: bool = False,
    include_self_mentions: bool = False,
    include_units: bool = False,
    per_label: bool = False,
) -> pd.DataFrame:
    """The ``top_n`` most mentioned entities (overall, or per label with ``per_label=True``).

    Columns: ``entity_id, canonical, label, n_mentions, n_articles, rank``; ties broken by
    ``canonical`` so the order never depends on input order. Which mentions count:
    :func:`select_mentions` (boilerplate, self-mentions and units only if asked).
    """
    chosen = select_mentions(mentions, labels=labels, include_compounds=include_compounds,
                             **_flags(include_boilerplate, include_self_mentions, include_units))
    counts = (
        chosen.groupby(ENTITY_KEYS, observed=True)
        .agg(n_mentions=("article_id", "size"), n_articles=("article_id", "nunique"))
        .reset_index()
        .astype({"n_mentions": "int64", "n_articles": "int64"})
        .sort_values(["n_mentions", "n_articles", "canonical", "entity_id"],
                     ascending=[False, False, True, True], kind="stable")
    )
    if per_label:
        counts["rank"] = counts.groupby("label", observed=True).cumcount() + 1
        counts["label_order"] = counts["label"].map(
            {label: i for i, label in enumerate(config.LABELS)}).astype("int64")
        counts = counts.sort_values(["label_order", "rank"], kind="stable")
        counts = counts.drop(columns="label_order")
    else:
        counts["rank"] = range(1, len(counts) + 1)
    counts = counts[counts["rank"] <= top_n].astype({"rank": "int64"})
    return counts.reset_index(drop=True)


def mentions_per_article(
    mentions: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    labels: Sequence[str] = config.LABELS,
    include_compounds: bool = False,
    include_boilerplate: bool = False,
    include_self_mentions: bool = False,
    include_units: bool = False,
    per: str = "auto",
) -> pd.DataFrame:
    """Mentions per article and label, or per publication period for many articles.

    ``per="article"``: one row per article and label, ``article_id, published, label,
    n_mentions, n_entities``. ``per="week"``, ``"month"`` or ``"year"``: one row per period
    and label, ``period, period_start, period_end, n_articles, label, n_mentions, n_entities``,
    every period from the first to the last publication day included. ``"auto"`` (default):
    per article up to :data:`MAX_COLUMNS` articles, else the finest period that gives at most
    that many rows per label. Articles or periods without mentions keep zero rows.
    """
    unit = resolve_period(articles, per)
    chosen = select_mentions(mentions, labels=labels, include_compounds=include_compounds,
                             **_flags(include_boilerplate, include_self_mentions, include_units))
    if unit != "article":
        return _mentions_per_period(chosen, articles, labels=labels, unit=unit)
    counts = (
        chosen.groupby(["article_id", "label"], observed=True)
        .agg(n_mentions=("entity_id", "size"), n_entities=("entity_id", "nunique"))
        .reset_index()
    )
    grid = pd.MultiIndex.from_product(
        [articles["article_id"], list(labels)], names=["article_id", "label"]
    ).to_frame(index=False)
    table = grid.merge(counts.astype({"label": str}), on=["article_id", "label"], how="left")
    table = table.fillna({"n_mentions": 0, "n_entities": 0})
    table = table.merge(articles[["article_id", "published"]], on="article_id")
    table = table.astype({"n_mentions": "int64", "n_entities": "int64"})
    table["label"] = pd.Categorical(table["label"], categories=list(labels))
    table = table.sort_values(["published", "article_id", "label"], kind="stable")
    return table[["article_id", "published", "label", "n_mentions", "n_entities"]].reset_index(
        drop=True
    )


def _flags(boilerplate: bool, self_mentions: bool, units: bool) -> dict[str, bool]:
    return {"include_boilerplate": boilerplate, "include_self_mentions": self_mentions,
            "include_units": units}


def resolve_period(articles: pd.DataFrame, per: str = "auto") -> str:
    """``per`` as ``"article"``, ``"week"``, ``"month"`` or ``"year"`` (``"auto"`` resolved)."""
    if per != "auto":
        if per != "article" and per not in PERIODS:
            raise ValueError(f"per must be 'auto', 'article', 'week', 'month' or 'year', "
                             f"not {per!r}")
        return per
    if len(articles) <= MAX_COLUMNS:
        return "article"
    for unit in PERIODS:
        if len(_period_range(articles, unit)) <= MAX_COLUMNS:
            return unit
    return "year"


def article_periods(articles: pd.DataFrame, unit: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every period from the first to the last publication day: ``period, period_start,
    period_end, n_articles``, and the period of each article (``article_id, period``)."""
    days = pd.to_datetime(articles["published"]).dt.normalize()
    freq = PERIODS[unit]
    spans = _period_range(articles, unit)
    table = pd.DataFrame({
        "period": [_period_name(p, unit) for p in spans],
        "period_start": spans.start_time.normalize(),
        "period_end": spans.end_time.normalize(),
    })
    of_article = pd.DataFrame({
        "article_id": articles["article_id"].to_numpy(),
        "period": [_period_name(p, unit) for p in days.dt.to_period(freq)],
    })
    counts = of_article["period"].value_counts()
    table["n_articles"] = table["period"].map(counts).fillna(0).astype("int64")
    return table, of_article


def _period_range(articles: pd.DataFrame, unit: str) -> pd.PeriodIndex:
    days = pd.to_datetime(articles["published"])
    if days.empty:
        return pd.PeriodIndex([], freq=PERIODS[unit])
    return pd.period_range(days.min(), days.max(), freq=PERIODS[unit])


def _period_name(period: pd.Period, unit: str) -> str:
    if unit == "week":  # ISO week (Monday to Sunday): 2025-W33
        year, week, _ = period.start_time.isocalendar()
        return f"{year}-W{week:02d}"
    return str(period)


def _mentions_per_period(chosen: pd.DataFrame, articles: pd.DataFrame, *,
                         labels: Sequence[str], unit: str) -> pd.DataFrame:
    periods, of_article = article_periods(articles, unit)
    dated = chosen[["article_id", "label", "entity_id"]].merge(of_article, on="article_id")
    counts = (
        dated.groupby(["period", "label"], observed=True)
        .agg(n_mentions=("entity_id", "size"), n_entities=("entity_id", "nunique"))
        .reset_index()
    )
    grid = pd.MultiIndex.from_product([periods["period"], list(labels)],
                                      names=["period", "label"]).to_frame(index=False)
    table = grid.merge(counts.astype({"label": str}), on=["period", "label"], how="left")
    table = table.fillna({"n_mentions": 0, "n_entities": 0}).merge(periods, on="period")
    table = table.astype({"n_mentions": "int64", "n_entities": "int64"})
    table["label"] = pd.Categorical(table["label"], categories=list(labels))
    table = table.sort_values(["period_start", "label"], kind="stable")
    return table[PERIOD_COLUMNS + ["label", "n_mentions", "n_entities"]].reset_index(drop=True)


def entity_article_matrix(
    mentions: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    top_n: int = 25,
    labels: Sequence[str] = config.LABELS,
    include_compounds: bool = False,
    include_boilerplate: bool = False,
    include_self_mentions: bool = False,
    include_units: bool = False,
    per: str = "auto",
) -> pd.DataFrame:
    """Mention counts of the ``top_n`` entities in every article (or period), as a long table.

    ``per="article"``: columns ``entity_id, canonical, label, article_id, published,
    n_mentions, entity_order, article_order``, articles in date order. ``per="week"``,
    ``"month"`` or ``"year"``: ``entity_id, canonical, label, period, period_start,
    period_end, n_articles, n_mentions, entity_order, period_order``. ``"auto"`` chooses as
    :func:`mentions_per_article` does. Entities are ordered by the date-weighted centre of
    their mentions (who is talked about early comes first), then by frequency, so the heatmap
    reads as a story from top-left to bottom-right.
    """
    unit = resolve_period(articles, per)
    flags = _flags(include_boilerplate, include_self_mentions, include_units)
    top = top_entities(mentions, top_n=top_n, labels=labels, include_compounds=include_compounds,
                       **flags)
    chosen = select_mentions(mentions, labels=labels, include_compounds=include_compounds,
                             **flags)
    chosen = chosen[chosen["entity_id"].isin(top["entity_id"])]
    if unit == "article":
        order = articles.sort_values(["published", "article_id"], kind="stable")["article_id"]
        column, extra, frame = "article_id", ["published"], articles[["article_id", "published"]]
    else:
        periods, of_article = article_periods(articles, unit)
        chosen = chosen.merge(of_article, on="article_id")
        order = periods["period"]
        column, extra, frame = "period", PERIOD_COLUMNS[1:], periods
    position = "article_order" if unit == "article" else "period_order"
    counts = chosen.groupby(["entity_id", column]).size().rename("n_mentions")
    grid = pd.MultiIndex.from_product([top["entity_id"], order], names=["entity_id", column])
    table = counts.reindex(grid, fill_value=0).reset_index()
    table[position] = table[column].map(
        pd.Series(range(len(order)), index=order.to_numpy(), dtype="int64"))
    table = table.merge(top[ENTITY_KEYS + ["n_mentions"]].rename(
        columns={"n_mentions": "total"}), on="entity_id")
    table = table.merge(frame, on=column)
    table["entity_order"] = _seriation(table, position)
    table = table.astype({"n_mentions": "int64", "entity_order": "int64"})
    columns = ENTITY_KEYS + [column, *extra, "n_mentions", "entity_order", position]
    return table.sort_values(["entity_order", position])[columns].reset_index(drop=True)


def _seriation(table: pd.DataFrame, position: str) -> pd.Series:
    weighted = table["n_mentions"] * table[position]
    total = table.groupby("entity_id")["total"].first()
    centre = weighted.groupby(table["entity_id"]).sum() / total
    keys = pd.DataFrame({"centre": centre.round(6), "total": total})
    keys = keys.reset_index().sort_values(["centre", "total", "entity_id"],
                                          ascending=[True, False, True], kind="stable")
    rank = pd.Series(range(len(keys)), index=keys["entity_id"].to_numpy())
    return table["entity_id"].map(rank)


def cooccurrence(
    mentions: pd.DataFrame,
    *,
    top_n: int = 20,
    labels: Sequence[str] = config.LABELS,
    include_compounds: bool = False,
    include_boilerplate: bool = False,
    include_self_mentions: bool = False,
    include_units: bool = False,
) -> pd.DataFrame:
    """How often two of the ``top_n`` entities are mentioned in the same sentence.

    Long table ``entity_a, canonical_a, entity_b, canonical_b, n_sentences`` over all ordered
    pairs of the top entities (diagonal: sentences mentioning the entity), in frequency order.
    """
    flags = _flags(include_boilerplate, include_self_mentions, include_units)
    top = top_entities(mentions, top_n=top_n, labels=labels, include_compounds=include_compounds,
                       **flags)
    chosen = select_mentions(mentions, labels=labels, include_compounds=include_compounds,
                             **flags)
    chosen = chosen.loc[chosen["entity_id"].isin(top["entity_id"]),
                        ["sentence_id", "entity_id"]].drop_duplicates()
    pairs = chosen.merge(chosen, on="sentence_id", suffixes=("_a", "_b"))
    counts = pairs.groupby(["entity_id_a", "entity_id_b"]).size().rename("n_sentences")
    ids = top["entity_id"]
    grid = pd.MultiIndex.from_product([ids, ids], names=["entity_id_a", "entity_id_b"])
    table = counts.reindex(grid, fill_value=0).reset_index().astype({"n_sentences": "int64"})
    names = top.set_index("entity_id")["canonical"]
    table.insert(1, "canonical_a", table["entity_id_a"].map(names))
    table.insert(3, "canonical_b", table["entity_id_b"].map(names))
    return table.rename(columns={"entity_id_a": "entity_a", "entity_id_b": "entity_b"})


def top_pairs(pairs: pd.DataFrame, *, n: int = 10) -> pd.DataFrame:
    """The ``n`` most frequent distinct pairs of a :func:`cooccurrence` table (ties kept)."""
    distinct = pairs[pairs["entity_a"] < pairs["entity_b"]]
    distinct = distinct[distinct["n_sentences"] > 0]
    distinct = distinct.sort_values(["n_sentences", "entity_a", "entity_b"],
                                    ascending=[False, True, True], kind="stable")
    return distinct.nlargest(n, "n_sentences", keep="all").reset_index(drop=True)
