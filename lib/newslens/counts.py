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


def select_mentions(
    mentions: pd.DataFrame,
    *,
    labels: Sequence[str] = config.LABELS,
    include_compounds: bool = False,
) -> pd.DataFrame:
    """Mentions of the given labels; compound mentions (``Ukraine-Krieg``) only if asked."""
    keep = mentions["label"].isin(list(labels))
    if not include_compounds and "compound" in mentions.columns:
        keep &= ~mentions["compound"].astype(bool)
    return mentions.loc[keep].reset_index(drop=True)


def top_entities(
    mentions: pd.DataFrame,
    *,
    top_n: int = 20,
    labels: Sequence[str] = config.LABELS,
    include_compounds: bool = False,
    per_label: bool = False,
) -> pd.DataFrame:
    """The ``top_n`` most mentioned entities (overall, or per label with ``per_label=True``).

    Columns: ``entity_id, canonical, label, n_mentions, n_articles, rank``; ties broken by
    ``canonical`` so the order never depends on input order.
    """
    chosen = select_mentions(mentions, labels=labels, include_compounds=include_compounds)
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
) -> pd.DataFrame:
    """One row per article and label: ``article_id, published, label, n_mentions, n_entities``.

    Articles without mentions keep zero rows, so every article of the corpus is shown.
    """
    chosen = select_mentions(mentions, labels=labels, include_compounds=include_compounds)
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


def entity_article_matrix(
    mentions: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    top_n: int = 25,
    labels: Sequence[str] = config.LABELS,
    include_compounds: bool = False,
) -> pd.DataFrame:
    """Mention counts of the ``top_n`` entities in every article, as a long table.

    Columns ``entity_id, canonical, label, article_id, published, n_mentions, entity_order,
    article_order``. Articles are in date order; entities are ordered by the date-weighted
    centre of their mentions (who is talked about early comes first), then by frequency, so
    the heatmap reads as a story from top-left to bottom-right.
    """
    top = top_entities(mentions, top_n=top_n, labels=labels, include_compounds=include_compounds)
    chosen = select_mentions(mentions, labels=labels, include_compounds=include_compounds)
    chosen = chosen[chosen["entity_id"].isin(top["entity_id"])]
    order = articles.sort_values(["published", "article_id"], kind="stable")["article_id"]
    article_order = pd.Series(range(len(order)), index=order.to_numpy(), dtype="int64")
    counts = chosen.groupby(["entity_id", "article_id"]).size().rename("n_mentions")
    grid = pd.MultiIndex.from_product([top["entity_id"], order], names=["entity_id",
                                                                         "article_id"])
    table = counts.reindex(grid, fill_value=0).reset_index()
    table["article_order"] = table["article_id"].map(article_order)
    table = table.merge(top[ENTITY_KEYS + ["n_mentions"]].rename(
        columns={"n_mentions": "total"}), on="entity_id")
    table = table.merge(articles[["article_id", "published"]], on="article_id")
    table["entity_order"] = _seriation(table)
    table = table.astype({"n_mentions": "int64", "entity_order": "int64"})
    columns = ENTITY_KEYS + ["article_id", "published", "n_mentions", "entity_order",
                             "article_order"]
    return table.sort_values(["entity_order", "article_order"])[columns].reset_index(drop=True)


def _seriation(table: pd.DataFrame) -> pd.Series:
    weighted = table["n_mentions"] * table["article_order"]
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
) -> pd.DataFrame:
    """How often two of the ``top_n`` entities are mentioned in the same sentence.

    Long table ``entity_a, canonical_a, entity_b, canonical_b, n_sentences`` over all ordered
    pairs of the top entities (diagonal: sentences mentioning the entity), in frequency order.
    """
    top = top_entities(mentions, top_n=top_n, labels=labels, include_compounds=include_compounds)
    chosen = select_mentions(mentions, labels=labels, include_compounds=include_compounds)
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
