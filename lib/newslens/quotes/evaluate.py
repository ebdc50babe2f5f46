"""Scoring quotations against gold in the format of the German news quotation dataset.

The dataset (Petersen-Frey and Biemann, LREC-COLING 2024) stores one article a JSON line with
``originalText`` and ``annotations`` whose ``quote``, ``speaker`` and ``cue`` hold character
``spans``. :func:`load_split` turns a split into an articles table (the text as it is, so
offsets agree) and a gold table; :func:`score` compares predicted quotations with it.

A predicted quotation matches a gold one when they share at least half of the gold's
characters (each matched at most once, best overlap first); ``exact`` asks for the same
characters. Recall is counted per gold kind, precision per predicted kind. Speaker, cue and
addressee are judged on the matched pairs: a predicted span is right when it overlaps the
gold one (a speaker also when it resolves to an entity named inside the gold speaker).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pandas as pd

#: The dataset's types mapped to the kinds of ``ann.quotes``.
KINDS = {
    "Direct": "direct",
    "Indirect": "indirect",
    "Reported": "reported",
    "FreeIndirect": "free indirect",
    "IndirectFreeIndirect": "free indirect",
}
GOLD_COLUMNS = [
    "article_id",
    "gold_id",
    "kind",
    "parts",
    "speaker_parts",
    "cue_parts",
    "addressee_parts",
]
_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)")


def load_split(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The articles (``article_id``, ``published``, ``text``) and gold quotations of a split."""
    articles, gold = [], []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            record = json.loads(line)
            article_id = record["documentName"].split(" - ", 1)[0].strip() or f"line{number}"
            date = _DATE.search(record["file"])
            articles.append(
                (article_id, pd.Timestamp(date[1]) if date else pd.NaT, record["originalText"])
            )
            for note in record["annotations"]:
                gold.append(
                    (
                        article_id,
                        f"{article_id}:{note['id']}",
                        KINDS[note["type"]],
                        _spans(note["quote"]),
                        _spans(note["speaker"]),
                        _spans(note["cue"]),
                        _spans(note.get("addressee", {})),
                    )
                )
    frame = pd.DataFrame(articles, columns=["article_id", "published", "text"])
    frame["n_words"] = frame["text"].str.split().str.len().astype("int64")
    return frame, pd.DataFrame(gold, columns=GOLD_COLUMNS)


def _spans(field: dict) -> tuple[tuple[int, int], ...]:
    return tuple(sorted((s["charBegin"], s["charEnd"]) for s in field.get("spans", [])))


def parse_parts(parts: str) -> tuple[tuple[int, int], ...]:
    """``"12-40;55-80"`` (the ``parts`` column of ``ann.quotes``) as offset pairs."""
    return tuple(tuple(int(x) for x in p.split("-")) for p in parts.split(";") if p)


def _chars(spans) -> set[int]:
    return {i for start, end in spans for i in range(start, end)}


def match(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int, bool]]:
    """Pairs ``(predicted row, gold row, exact)``: one-to-one, the closest pairs first (the
    most characters shared in proportion to both together), so a nested quotation and the
    one around it each find their own. Among equally close pairs (one quotation annotated
    twice, for the person quoted and the medium relaying it) those whose speakers overlap
    come first, so the pairing does not depend on row order."""
    pairs = []
    for article_id, gold_rows in gold.groupby("article_id", sort=False):
        pred_rows = predicted[predicted["article_id"] == article_id]
        gold_chars = {i: _chars(g) for i, g in gold_rows["parts"].items()}
        pred_chars = {j: _chars(parse_parts(p)) for j, p in pred_rows["parts"].items()}
        options = []
        for i, g in gold_chars.items():
            for j, p in pred_chars.items():
                shared = len(g & p)
                if g and 2 * shared >= len(g):  # the closest pairs (Jaccard) first
                    same = _speakers_overlap(pred_rows.loc[j], gold_rows.at[i, "speaker_parts"])
                    options.append((-shared / len(g | p), not same, i, j, g == p))
        used_gold, used_pred = set(), set()
        for _, _, i, j, exact in sorted(options):
            if i not in used_gold and j not in used_pred:
                used_gold.add(i)
                used_pred.add(j)
                pairs.append((j, i, exact))
    return pairs


def _speakers_overlap(pred_row, gold_spans) -> bool:
    start, end = pred_row.get("speaker_start"), pred_row.get("speaker_end")
    if not gold_spans or start is None or pd.isna(start):
        return False
    return any(int(start) < ge and gs < int(end) for gs, ge in gold_spans)


def score(
    predicted: pd.DataFrame, gold: pd.DataFrame, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Detection P/R/F1 (half of the gold's characters, and exact) per kind and over all,
    speaker accuracy and cue accuracy on the matched quotations."""
    pairs = match(predicted, gold)
    rows = []
    for kind in [None, *dict.fromkeys(KINDS.values())]:
        g = gold if kind is None else gold[gold["kind"] == kind]
        p = predicted if kind is None else predicted[predicted["kind"] == kind]
        for exact_only in (False, True):
            found = [(j, i) for j, i, exact in pairs if exact or not exact_only]
            hit_gold = sum(1 for _, i in found if i in g.index)
            hit_pred = sum(1 for j, _ in found if j in p.index)
            rows.append(
                _prf(
                    kind or "all",
                    "exact" if exact_only else "half",
                    len(g),
                    len(p),
                    hit_gold,
                    hit_pred,
                )
            )
    table = pd.DataFrame(rows)
    speaker = _speaker_accuracy(predicted, gold, pairs, mentions)
    cue = _cue_accuracy(predicted, gold, pairs)
    extra = pd.DataFrame(
        [
            {"kind": "all", "match": "half", "metric": "speaker_accuracy", **speaker},
            {"kind": "all", "match": "half", "metric": "cue_accuracy", **cue},
            {
                "kind": "all",
                "match": "half",
                "metric": "addressee",
                **_addressee(predicted, gold, pairs),
            },
        ]
    )
    return pd.concat([table, extra], ignore_index=True)


def _prf(kind: str, how: str, n_gold: int, n_pred: int, hit_gold: int, hit_pred: int) -> dict:
    precision = hit_pred / n_pred if n_pred else 0.0
    recall = hit_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "kind": kind,
        "match": how,
        "metric": "detection",
        "n_gold": n_gold,
        "n_predicted": n_pred,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }


def speaker_correct(pred_row, gold_row, mentions: pd.DataFrame | None) -> bool:
    """The predicted speaker span overlaps the gold speaker, or resolves to an entity that a
    mention inside the gold speaker span is linked to."""
    gold_spans = gold_row["speaker_parts"]
    if not gold_spans or pd.isna(pred_row["speaker_start"]):
        return False
    s, e = int(pred_row["speaker_start"]), int(pred_row["speaker_end"])
    if any(s < ge and gs < e for gs, ge in gold_spans):
        return True
    entity = pred_row["speaker_entity_id"]
    if mentions is None or pd.isna(entity):
        return False
    inside = mentions[
        (mentions["article_id"] == gold_row["article_id"]) & (mentions["entity_id"] == entity)
    ]
    return any(((inside["start"] < ge) & (inside["end"] > gs)).any() for gs, ge in gold_spans)


def _speaker_accuracy(predicted, gold, pairs, mentions) -> dict:
    judged = [(j, i) for j, i, _ in pairs if gold.at[i, "speaker_parts"]]
    right = sum(speaker_correct(predicted.loc[j], gold.loc[i], mentions) for j, i in judged)
    return {
        "n_gold": len(judged),
        "precision": None,
        "recall": None,
        "f1": round(right / len(judged), 3) if judged else 0.0,
    }


def _cue_accuracy(predicted, gold, pairs) -> dict:
    """Matched quotations whose gold has a cue: the predicted cue overlaps it."""
    judged = [(j, i) for j, i, _ in pairs if gold.at[i, "cue_parts"]]
    right = 0
    for j, i in judged:
        s, e = predicted.at[j, "cue_start"], predicted.at[j, "cue_end"]
        if not pd.isna(s) and any(
            int(s) < ge and gs < int(e) for gs, ge in gold.at[i, "cue_parts"]
        ):
            right += 1
    return {
        "n_gold": len(judged),
        "precision": None,
        "recall": None,
        "f1": round(right / len(judged), 3) if judged else 0.0,
    }


def _addressee(predicted, gold, pairs) -> dict:
    """The addressee on the matched quotations: recall over those whose gold names one (the
    predicted addressee overlaps it), precision over those given a predicted addressee."""
    has_gold = has_pred = right = 0
    for j, i, _ in pairs:
        gold_spans = gold.at[i, "addressee_parts"] if "addressee_parts" in gold else ()
        s = predicted.at[j, "addressee_start"] if "addressee_start" in predicted else None
        e = predicted.at[j, "addressee_end"] if "addressee_end" in predicted else None
        named = s is not None and not pd.isna(s)
        has_gold += bool(gold_spans)
        has_pred += named
        right += named and any(int(s) < ge and gs < int(e) for gs, ge in gold_spans)
    return _prf("all", "half", has_gold, has_pred, right, right) | {"metric": "addressee"}
