"""Boilerplate: text an outlet repeats verbatim under many of its articles.

Newsletter promotions (``[Wenn Sie alle aktuellen Nachrichten live auf Ihr Handy haben wollen
...]``), site footers, recurring explainer boxes, section headings of a daily briefing and
sign-offs are not news; counted as mentions they put the outlet's own newsletter authors and
the districts of its regional menu among the most mentioned entities. They are found from the
corpus itself, with no list of phrases: every line of every article is cut into sentence-like
pieces, each piece is hashed after collapsing its whitespace, and a piece that the same
``source`` prints in at least ``min_articles`` articles on at least ``min_days`` different
publication days is boilerplate (a paragraph repeated by the updates of one story within a day
or two is not). Consecutive boilerplate pieces of a line form one passage.

The text itself is never changed: :func:`detect` lists the passages (article, offsets, a
``passage_id`` shared by every occurrence of the same text in one source, and how many articles
print it), and :func:`mark` says which sentences and mentions lie in one.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter, defaultdict

import numpy as np
import pandas as pd

#: A piece must be printed by at least this many articles of one source ...
MIN_ARTICLES = 5
#: ... published on at least this many different days.
MIN_DAYS = 3
#: Pieces inside a line need this many words (``Wie meinen Sie das?`` is too common to
#: tell); a line that is repeated whole (a heading: ``Was wichtig ist``) needs two, and must
#: not end in a word that a sentence goes on after, nor open with or before a lower-case
#: letter (a line broken off in mid-sentence: ``In der``, ``ZEIT ONLINE: Was``, ``sagt er.``).
MIN_WORDS = 5
MIN_LINE_WORDS = 2
_OPEN_ENDS = frozenset((
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
    "eines", "und", "oder", "aber", "in", "im", "an", "am", "auf", "aus", "bei", "mit",
    "nach", "von", "vom", "zu", "zum", "zur", "für", "über", "unter", "vor", "um", "durch",
    "gegen", "ich", "du", "er", "sie", "es", "wir", "ihr", "ihnen", "uns", "mein", "meine",
    "sein", "seine", "ihre", "unser", "unsere", "dass", "wie", "wenn", "als",
))
_PUNCTUATION = ".,:;!?…\"'“”„»«)("
COLUMNS = ["article_id", "passage_id", "start", "end", "source", "n_articles", "n_days", "text"]
_LINE = re.compile(r"[^\n]+")
# A piece ends after terminal punctuation (and closing quotes or brackets) before a space.
_PIECE = re.compile(r"\S.*?(?:[.!?…]+[\"“”»«')\]]*(?=\s)|$)")


def detect(
    articles: pd.DataFrame,
    *,
    min_articles: int = MIN_ARTICLES,
    min_days: int = MIN_DAYS,
) -> pd.DataFrame:
    """The boilerplate passages of a corpus: one row per occurrence in an article.

    Columns ``article_id, passage_id, start, end`` (offsets into the article text),
    ``source``, ``n_articles`` and ``n_days`` (articles and publication days of the source that
    print the passage) and ``text``. Articles without a ``source`` are compared with each other
    as one source. Sorted by ``article_id, start``.
    """
    sources = (articles["source"].fillna("") if "source" in articles
               else pd.Series("", index=articles.index))
    days = pd.to_datetime(articles["published"]).to_numpy().astype("datetime64[D]")
    table = list(zip(articles["article_id"], sources, days.astype("int64").tolist(),
                     articles["text"], strict=True))
    pieces = [_pieces(text) for *_, text in table]
    frequent = _frequent(table, pieces, min_articles=min_articles, min_days=min_days)
    runs = [(article_id, source, day, start, end, text[start:end])
            for (article_id, source, day, text), found in zip(table, pieces, strict=True)
            for start, end in _runs(text, found, frequent.get(source, set()))]
    spread = _spread(runs)
    return _frame([(article_id, _passage_id(source, text), start, end, source,
                    *spread[(source, _normal(text))], text)
                   for article_id, source, _, start, end, text in runs])


def passages(boilerplate: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct passage: ``passage_id, source, n_articles, n_days, n_words``,
    the first occurrence (``article_id, start, end``) and the ``text``; most printed first."""
    first = boilerplate.sort_values(["passage_id", "article_id", "start"], kind="stable")
    table = first.drop_duplicates("passage_id").assign(
        n_words=lambda t: t["text"].str.split().str.len().astype("int64"))
    columns = ["passage_id", "source", "n_articles", "n_days", "n_words", "article_id", "start",
               "end", "text"]
    table = table.sort_values(["n_articles", "n_words", "passage_id"],
                              ascending=[False, False, True], kind="stable")
    return table[columns].reset_index(drop=True)


def mark(table: pd.DataFrame, boilerplate: pd.DataFrame, *, share: float = 0.5) -> pd.Series:
    """For each row of ``table`` (sentences or mentions: ``article_id, start, end``), whether
    at least ``share`` of its characters lie in boilerplate passages (index of ``table``)."""
    marked = np.zeros(len(table), dtype=bool)
    if len(table) and len(boilerplate):
        spans = _spans_by_article(boilerplate)
        affected = np.flatnonzero(table["article_id"].isin(spans.keys()).to_numpy())
        ids = table["article_id"].to_numpy()[affected]
        starts = table["start"].to_numpy()[affected].tolist()
        ends = table["end"].to_numpy()[affected].tolist()
        for i, article_id, start, end in zip(affected, ids, starts, ends, strict=True):
            marked[i] = _overlap(spans[article_id], start, end) >= share * max(end - start, 1)
    return pd.Series(marked, index=table.index, dtype=bool)


def _pieces(text: str) -> list[tuple[int, int, str, bool]]:
    """``(start, end, normalised text, heading)`` of every piece of an article; ``heading``: the
    piece is a whole line that neither goes on from the line before nor into the next one (no
    lower-case letter opens it or the next line), as a heading or sign-off stands alone."""
    found = []
    lines = [line for line in _LINE.finditer(text) if line.group().strip()]
    for i, line in enumerate(lines):
        parts = list(_PIECE.finditer(line.group()))
        following = lines[i + 1].group().lstrip()[:1] if i + 1 < len(lines) else ""
        alone = (len(parts) == 1 and not parts[0].group()[:1].islower()
                 and not following.islower())
        for part in parts:
            start = line.start() + part.start()
            found.append((start, start + len(part.group()), _normal(part.group()), alone))
    return found


def _frequent(table: list[tuple], pieces: list[list], *, min_articles: int,
              min_days: int) -> dict[str, set[str]]:
    """Per source, the normalised pieces printed in enough articles on enough days."""
    n_articles: Counter = Counter()
    for (_, source, _, _), found in zip(table, pieces, strict=True):
        n_articles.update({(source, normal) for _, _, normal, _ in found})
    candidates = {key for key, n in n_articles.items() if n >= min_articles}
    days: dict[tuple, set] = defaultdict(set)
    for (_, source, day, _), found in zip(table, pieces, strict=True):
        for _, _, normal, _ in found:
            if (source, normal) in candidates:
                days[source, normal].add(day)
    frequent: dict[str, set[str]] = defaultdict(set)
    for (source, normal), seen in days.items():
        if len(seen) >= min_days:
            frequent[source].add(normal)
    return frequent


def _long_enough(normal: str, heading: bool) -> bool:
    words = normal.count(" ") + 1
    if words >= MIN_WORDS:
        return True
    return heading and words >= MIN_LINE_WORDS and \
        normal.rsplit(" ", 1)[-1].strip(_PUNCTUATION).casefold() not in _OPEN_ENDS


def _runs(text: str, pieces: list[tuple], frequent: set[str]) -> list[tuple[int, int]]:
    """Boilerplate of one article as ``(start, end)`` runs of consecutive pieces of a line.

    A frequent piece long enough to tell (:func:`_long_enough`) is boilerplate; a frequent
    short one only beside boilerplate on its line (``März) wurden ... registriert.`` after
    ``Mehr als 200.000 Fälle ... (Stand 18.``), so a repeated line is taken whole.
    """
    kept = [normal in frequent and _long_enough(normal, whole)
            for _, _, normal, whole in pieces]
    for order, step in ((range(1, len(pieces)), -1), (range(len(pieces) - 2, -1, -1), 1)):
        for i in order:
            j = i + step
            if (not kept[i] and kept[j] and pieces[i][2] in frequent
                    and _same_line(text, min(pieces[i][1], pieces[j][1]),
                                   max(pieces[i][0], pieces[j][0]))):
                kept[i] = True
    runs: list[list[int]] = []
    for (start, end, _, _), keep in zip(pieces, kept, strict=True):
        if not keep:
            continue
        if runs and _same_line(text, runs[-1][1], start):
            runs[-1][1] = end
        else:
            runs.append([start, end])
    return [(start, end) for start, end in runs]


def _same_line(text: str, end: int, start: int) -> bool:
    """Only spaces (no line break) between one piece's end and the next one's start."""
    between = text[end:start]
    return not between.strip() and "\n" not in between


def _spread(runs: list[tuple]) -> dict[tuple, tuple[int, int]]:
    """Articles and days that print each passage, per source."""
    ids: dict[tuple, set] = defaultdict(set)
    days: dict[tuple, set] = defaultdict(set)
    for article_id, source, day, _, _, text in runs:
        key = (source, _normal(text))
        ids[key].add(article_id)
        days[key].add(day)
    return {key: (len(ids[key]), len(days[key])) for key in ids}


def _normal(text: str) -> str:
    return " ".join(text.split())


def _passage_id(source: str, text: str) -> str:
    digest = hashlib.sha256(f"{source}\0{_normal(text)}".encode()).hexdigest()[:12]
    return f"bp:{digest}"


def _frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame = frame.astype({"article_id": object, "passage_id": object, "source": object,
                          "text": object, "start": "int64", "end": "int64",
                          "n_articles": "int64", "n_days": "int64"})
    return frame.sort_values(["article_id", "start"], kind="stable", ignore_index=True)


def _spans_by_article(boilerplate: pd.DataFrame) -> dict[str, tuple[list[int], list[int]]]:
    spans: dict[str, tuple[list[int], list[int]]] = {}
    ordered = boilerplate.sort_values(["article_id", "start"], kind="stable")
    for article_id, start, end in zip(ordered["article_id"], ordered["start"].tolist(),
                                      ordered["end"].tolist(), strict=True):
        starts, ends = spans.setdefault(article_id, ([], []))
        starts.append(start)
        ends.append(end)
    return spans


def _overlap(spans: tuple[list[int], list[int]], start: int, end: int) -> int:
    """Characters of ``[start, end)`` inside the (sorted, disjoint) spans."""
    starts, ends = spans
    lo = bisect.bisect_right(ends, start)
    hi = bisect.bisect_left(starts, end)
    pairs = zip(starts[lo:hi], ends[lo:hi], strict=True)
    return sum(max(0, min(end, e) - max(start, s)) for s, e in pairs)
