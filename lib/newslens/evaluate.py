"""Scoring helpers for benchmarks: predicted mention tables against a hand-checked gold.

Both tables are mention tables as `newslens.annotate` returns them (`article_id, start, end, text,
label`, and after canonicalisation `entity_id, canonical, compound`); the gold is
`tests/gold/seed_entities.csv`. Matching is exact on key columns and counts duplicates as a
multiset, so two identical predictions against one gold row give one true and one false positive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from newslens import config

ALL = "ALL"
MENTION_KEY = ("article_id", "start", "end", "label")
SCORE_COLUMNS = ("tp", "fp", "fn", "precision", "recall", "f1")
ERROR_COLUMNS = ("error", "article_id", "start", "end", "text", "label", "canonical", "entity_id")


def score_mentions(
    predicted: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    key: Sequence[str] = MENTION_KEY,
    by: str | None = "label",
) -> pd.DataFrame:
    """Precision, recall and F1 per value of `by` and overall (`ALL`, micro-averaged).

    A predicted row is a true positive when a gold row has the same values in every `key`
    column (exact match, counted as a multiset). A true positive is counted under the gold row's
    `by` value, a false positive under the predicted row's, a false negative under the gold
    row's. With `by="label"` the four labels of `config.LABELS` are always listed, zeros
    included. Precision (recall, F1) is 0.0 when its denominator is 0, as in conlleval. An empty
    prediction may come without columns. Returns `<by>, tp, fp, fn, precision, recall, f1`
    (int64 counts, float64 scores); with `by=None` a single row `group="ALL"`.
    """
    if by is None:
        matched = _match(predicted, gold, key=key, extra=())
        counts = matched[["tp", "fp", "fn"]].sum().to_frame(ALL).T.rename_axis("group")
        return _with_scores(counts.reset_index())
    for name, frame in (("predicted", predicted), ("gold", gold)):
        _require(frame, [by], name=name)
    matched = _match(predicted, gold, key=key, extra=(by,))
    group = matched[f"{by}_g"].where(matched["fp"] == 0, matched[f"{by}_p"])
    counts = matched.assign(**{by: group}).groupby(by, sort=False)[["tp", "fp", "fn"]].sum()
    counts = counts.reindex(_group_order(counts.index, by=by), fill_value=0)
    counts.loc[ALL] = counts.sum()
    return _with_scores(counts.rename_axis(by).reset_index())


def score_canonical(
    predicted: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    include_compounds: bool = False,
    match: Literal["span", "sentence"] = "span",
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Score canonicalised mentions: is the right entity named at the right place?

    `match="span"` (strict): a prediction is correct when a gold mention has the same
    `(article_id, start, end)` and the same `entity_id`.
    `match="sentence"` (tolerant): spans may differ (`Präsident Putin` vs `Putin`, a missed
    genitive `s`); predictions and gold are compared as multisets of
    `(article_id, sentence_id, entity_id)`, so each gold mention of an entity in a sentence can
    be matched by one prediction of that entity anywhere in the same sentence. Rows without a
    `sentence_id` get one from `sentences` (`article_id, sentence_id, start, end`, as
    `annotate(...).sentences`) by their start offset.
    Compound rows (`compound == True`, names inside words such as `US` in `US-Präsident`) are
    dropped from both sides unless `include_compounds`; a table without a `compound` column has
    none. Scores are per label (the prefix of `entity_id`) and `ALL`, as in `score_mentions`; a
    predicted mention without an `entity_id` is a false positive under its `label`.
    """
    keys = {
        "span": ("article_id", "start", "end", "entity_id"),
        "sentence": ("article_id", "sentence_id", "entity_id"),
    }
    if match not in keys:
        raise ValueError(f"match: expected 'span' or 'sentence', got {match!r}")
    sides = []
    for name, frame in (("predicted", predicted), ("gold", gold)):
        needed = ("article_id", "start", "end", "entity_id")
        _require(frame, needed, name=name)
        frame = _with_columns(frame if include_compounds else drop_compounds(frame), needed)
        prefix = frame["entity_id"].astype(object).map(
            lambda v: None if pd.isna(v) else str(v).split(":")[0].upper())
        fallback = frame["label"] if "label" in frame.columns else pd.NA
        frame = frame.assign(label=prefix.where(prefix.notna(), fallback))
        if match == "sentence":
            frame = _with_sentence_ids(frame, sentences, name=name)
        sides.append(frame)
    return score_mentions(sides[0], sides[1], key=keys[match], by="label")


def mention_errors(
    predicted: pd.DataFrame, gold: pd.DataFrame, *, key: Sequence[str] = MENTION_KEY
) -> pd.DataFrame:
    """False positives (`error="fp"`, predicted rows) and false negatives (`"fn"`, gold rows).

    Same exact multiset matching as `score_mentions`. Returns `error, article_id, start, end,
    text, label, canonical, entity_id` (missing columns are empty), sorted by article and offset
    so errors can be read in text order.
    """
    extra = tuple(c for c in ERROR_COLUMNS[1:] if c not in key)
    matched = _match(predicted, gold, key=key, extra=extra)
    parts = []
    for error, side, mask in (("fp", "p", matched.fp), ("fn", "g", matched.fn)):
        rows = matched[mask.astype(bool)]
        cols = {c: rows[c] if c in key else rows[f"{c}_{side}"] for c in ERROR_COLUMNS[1:]}
        parts.append(pd.DataFrame({"error": error, **cols}))
    out = pd.concat(parts, ignore_index=True)
    out = out.sort_values(["article_id", "start", "end", "error"], kind="stable")
    return out.reset_index(drop=True)


def drop_compounds(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions that are words of their own (`compound` False or absent), fresh index."""
    if "compound" not in mentions.columns:
        return mentions.reset_index(drop=True)
    return mentions[~_as_bool(mentions["compound"])].reset_index(drop=True)


def compound_parts(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions that are names inside a compound word (`compound` True), fresh index."""
    if "compound" not in mentions.columns:
        return mentions.iloc[0:0].reset_index(drop=True)
    return mentions[_as_bool(mentions["compound"])].reset_index(drop=True)


def _match(
    predicted: pd.DataFrame, gold: pd.DataFrame, *, key: Sequence[str], extra: Sequence[str]
) -> pd.DataFrame:
    """Outer multiset join on `key`; flags tp/fp/fn; `extra` columns kept as `<c>_p`/`<c>_g`."""
    key = list(key)
    sides = []
    for name, frame, suffix in (("predicted", predicted, "_p"), ("gold", gold, "_g")):
        _require(frame, key, name=name)
        frame = _normalise(_with_columns(frame, key), key)
        take = key + [c for c in extra if c not in key]
        frame = frame.reindex(columns=take).sort_values(key, kind="stable")
        frame["_n"] = frame.groupby(key, dropna=False).cumcount()
        renamed = {c: f"{c}{suffix}" for c in take if c not in key}
        sides.append(frame.rename(columns=renamed))
    both = sides[0].merge(sides[1], on=key + ["_n"], how="outer", indicator=True)
    for c in extra:
        if c in key:
            both[f"{c}_p"] = both[c]
            both[f"{c}_g"] = both[c]
    return both.assign(
        tp=(both["_merge"] == "both").astype("int64"),
        fp=(both["_merge"] == "left_only").astype("int64"),
        fn=(both["_merge"] == "right_only").astype("int64"),
    ).drop(columns=["_merge", "_n"])


def _normalise(frame: pd.DataFrame, key: Sequence[str]) -> pd.DataFrame:
    """Offsets as int64 and ids as str, so a CSV gold and a fresh prediction compare equal."""
    frame = frame.copy()
    for col in key:
        if col in ("start", "end"):
            frame[col] = frame[col].astype("int64")
        else:
            frame[col] = frame[col].astype(object).map(lambda v: v if pd.isna(v) else str(v))
    return frame


def _with_scores(counts: pd.DataFrame) -> pd.DataFrame:
    """Add precision, recall, F1 (0.0 where undefined) to a frame of tp/fp/fn counts."""
    counts[["tp", "fp", "fn"]] = counts[["tp", "fp", "fn"]].astype("int64")
    tp, fp, fn = (counts[c].to_numpy(dtype="float64") for c in ("tp", "fp", "fn"))
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = _ratio(2 * precision * recall, precision + recall)
    return counts.assign(precision=precision, recall=recall, f1=f1)


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den elementwise, 0.0 where den is 0."""
    out = num.copy()
    out[den == 0] = 0.0
    nonzero = den != 0
    out[nonzero] = num[nonzero] / den[nonzero]
    return out.astype("float64")


def _group_order(values: pd.Index, *, by: str) -> list:
    """config.LABELS first (always, for by="label"), then the other values sorted."""
    first = list(config.LABELS) if by == "label" else []
    rest = sorted((v for v in values if v not in first), key=str)
    return first + rest


def _with_sentence_ids(
    frame: pd.DataFrame, sentences: pd.DataFrame | None, *, name: str
) -> pd.DataFrame:
    """Keep an existing `sentence_id`; otherwise look it up from `sentences` by start offset."""
    if "sentence_id" in frame.columns and frame["sentence_id"].notna().all():
        return frame
    if sentences is None:
        raise ValueError(
            f"{name}: match='sentence' needs a sentence_id column or the sentences table"
        )
    _require(sentences, ("article_id", "sentence_id", "start"), name="sentences")
    bounds = sentences[["article_id", "sentence_id", "start"]].rename(columns={"start": "_s"})
    bounds = bounds.astype({"_s": "int64", "article_id": str}).sort_values("_s", kind="stable")
    frame = frame.drop(columns="sentence_id", errors="ignore").assign(
        _row=range(len(frame)), start=frame["start"].astype("int64"),
        article_id=frame["article_id"].astype(str),
    )
    merged = pd.merge_asof(
        frame.sort_values("start", kind="stable"), bounds,
        left_on="start", right_on="_s", by="article_id", direction="backward",
    )
    return merged.sort_values("_row").drop(columns=["_row", "_s"]).reset_index(drop=True)


def _require(frame: pd.DataFrame, columns: Sequence[str], *, name: str) -> None:
    """Raise naming the table and the missing columns (an empty table may lack them all)."""
    missing = [c for c in columns if c not in frame.columns]
    if missing and len(frame):
        raise ValueError(f"{name}: missing column(s) {missing}; has {list(frame.columns)}")


def _with_columns(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """`frame` with any of `columns` it lacks added as empty (for empty predictions)."""
    return frame.reindex(columns=list(dict.fromkeys([*frame.columns, *columns])))


def _as_bool(values: pd.Series) -> pd.Series:
    """`compound` as bool whether it came as bool or as the strings of a CSV."""
    if values.dtype == bool:
        return values
    text = values.astype(str).str.strip().str.lower()
    return text.isin(["true", "1", "yes"])
