"""What a mention is besides a name: boilerplate, the article's own outlet, a currency, unit or
language.

Three boolean columns of the mentions table, each a reason to leave a mention out of the
"most mentioned" charts by default while keeping it in the table (parameters
``include_boilerplate``, ``include_self_mentions``, ``include_units`` bring them back):

- ``boilerplate``: the mention lies in text its outlet repeats under many articles
  (:mod:`newslens.boilerplate`);
- ``self_mention``: the mention names the outlet that published the article (``sagte ZEIT
  ONLINE`` in an article of zeit.de), by ``data/outlets.csv``: one row per outlet with the web
  domains that a corpus's ``source`` column holds and the names the outlet goes by; or it
  names what the outlet advertises in its own boilerplate (its newsletter ``Twenty/Twenty``,
  its podcast's hosts), an entity the source prints at least :data:`OWN_SHARE` of the time
  in boilerplate;
- ``unit``: the mention is a currency, a unit of measure or a language (Euro, Dollar, Prozent,
  Englisch), by ``data/units.csv``; a row may restrict the labels (``Franken`` the currency is
  not the region ``Franken``, tagged LOC).
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

import pandas as pd

from newslens import boilerplate as bp
from newslens import config

OUTLETS_FILE = "outlets.csv"
UNITS_FILE = "units.csv"
MARK_COLUMNS = ["boilerplate", "self_mention", "unit"]
#: An entity a source prints at least this share of the time in its boilerplate (and at least
#: :data:`OWN_MIN` times) is the outlet's own: its newsletter, podcast, app.
OWN_SHARE = 0.8
OWN_MIN = 5
_ARTICLE = re.compile(r"^(?:die|der|des|dem|den|das|the)\s+")
_QUOTES = "\"'„“”«»‚‘’›‹"


def mark_mentions(mentions: pd.DataFrame, articles: pd.DataFrame,
                  boilerplate: pd.DataFrame) -> pd.DataFrame:
    """``mentions`` with the columns ``boilerplate``, ``self_mention`` and ``unit`` added."""
    marked = mentions.copy()
    marked["boilerplate"] = bp.mark(mentions, boilerplate)
    marked["self_mention"] = self_mentions(mentions, articles) | outlets_own(marked, articles)
    marked["unit"] = units(mentions)
    return marked


def self_mentions(mentions: pd.DataFrame, articles: pd.DataFrame, *,
                  outlets: pd.DataFrame | None = None) -> pd.Series:
    """Whether each mention names the outlet of its article's ``source`` (by text or canonical
    name); False everywhere for a corpus without sources."""
    names = _outlet_names(load_outlets() if outlets is None else outlets)
    if "source" not in articles or mentions.empty:
        return pd.Series(False, index=mentions.index, dtype=bool)
    outlets_of = {source: _outlet(source, names) for source in articles["source"].dropna().unique()}
    by_article = dict(zip(articles["article_id"], articles["source"].map(outlets_of),
                          strict=True))
    found = [isinstance(outlet, str) and bool(own & names[outlet][1])
             for outlet, own in zip(mentions["article_id"].map(by_article), _forms(mentions),
                                    strict=True)]
    return pd.Series(found, index=mentions.index, dtype=bool)


def self_quotes(quotes: pd.DataFrame, mentions: pd.DataFrame,
                articles: pd.DataFrame) -> pd.Series:
    """Whether each quotation's speaker is its article's own outlet: by the speaker's name
    (``Recherchen von ZEIT ONLINE``, the ``ZEIT:`` of an interviewer's question in a zeit.de
    article) or by an entity that the article's mentions mark ``self_mention``."""
    if quotes.empty:
        return pd.Series(False, index=quotes.index, dtype=bool)
    speakers = pd.DataFrame({"article_id": quotes["article_id"],
                             "text": quotes["speaker_text"].fillna(""),
                             "canonical": quotes["speaker"].fillna("")}, index=quotes.index)
    found = self_mentions(speakers, articles)
    if "self_mention" in mentions and "entity_id" in mentions:
        own = mentions[mentions["self_mention"].astype(bool)]
        pairs = set(zip(own["article_id"].tolist(), own["entity_id"].tolist(), strict=True))
        found |= pd.Series([pair in pairs for pair in zip(quotes["article_id"].tolist(),
                                                          quotes["speaker_entity_id"].tolist(),
                                                          strict=True)],
                           index=quotes.index, dtype=bool)
    return found


def outlets_own(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """Whether each mention names an entity its article's source prints mostly in boilerplate
    (at least :data:`OWN_SHARE` of its plain mentions there, and :data:`OWN_MIN` of them): the
    outlet's newsletter or podcast, also where an article names it outside a promotion."""
    needed = {"boilerplate", "entity_id", "compound"}
    if "source" not in articles or mentions.empty or not needed <= set(mentions.columns):
        return pd.Series(False, index=mentions.index, dtype=bool)
    source = mentions["article_id"].map(dict(zip(articles["article_id"],
                                                 articles["source"].fillna(""), strict=True)))
    plain = ~mentions["compound"].astype(bool)
    counts = pd.DataFrame({"source": source[plain], "entity_id": mentions.loc[plain, "entity_id"],
                           "in_boilerplate": mentions.loc[plain, "boilerplate"].astype(bool)})
    shares = counts.groupby(["source", "entity_id"])["in_boilerplate"].agg(["sum", "mean"])
    own = shares[(shares["sum"] >= OWN_MIN) & (shares["mean"] >= OWN_SHARE)].index
    keys = pd.MultiIndex.from_arrays([source, mentions["entity_id"]])
    return pd.Series(keys.isin(own) & (source != "").to_numpy(), index=mentions.index,
                     dtype=bool)


def units(mentions: pd.DataFrame, *, table: pd.DataFrame | None = None) -> pd.Series:
    """Whether each mention is a currency, unit or language of ``data/units.csv``, by its
    canonical name (its text where there is none: ``Kronen`` in ``Kronen Zeitung`` is not the
    currency), where the row allows the mention's label."""
    index = _unit_index(load_units() if table is None else table)
    names = mentions["canonical"] if "canonical" in mentions else mentions["text"]
    found = [(form := fold(name)) in index and (index[form] is None or label in index[form])
             for name, label in zip(names.fillna(""), mentions["label"].astype(str),
                                    strict=True)]
    return pd.Series(found, index=mentions.index, dtype=bool)


@functools.cache
def load_outlets(path: Path | None = None) -> pd.DataFrame:
    """``data/outlets.csv``: ``outlet, domains, aliases`` (``|``-separated lists)."""
    return _read(path or config.DATA_DIR / OUTLETS_FILE, ("outlet", "domains", "aliases"))


@functools.cache
def load_units(path: Path | None = None) -> pd.DataFrame:
    """``data/units.csv``: ``unit, kind, labels, aliases`` (``|``-separated lists)."""
    table = _read(path or config.DATA_DIR / UNITS_FILE, ("unit", "kind", "labels", "aliases"))
    for line, labels in enumerate(table["labels"], start=2):
        unknown = [label for label in _split(labels) if label not in config.LABELS]
        if unknown:
            raise ValueError(f"{path or UNITS_FILE}, line {line}: unknown label(s) "
                             f"{', '.join(unknown)} (expected some of {', '.join(config.LABELS)})")
    return table


def outlet_of(source: str | None, *, outlets: pd.DataFrame | None = None) -> str | None:
    """The outlet a ``source`` value names (a domain, a URL or the outlet's name), or None."""
    if source is None or (isinstance(source, float) and pd.isna(source)):
        return None
    return _outlet(source, _outlet_names(load_outlets() if outlets is None else outlets))


def fold(text: str) -> str:
    """A name as compared: case-folded, quotes and a leading article dropped, spaces collapsed."""
    folded = " ".join(str(text).strip(_QUOTES + " ").split()).casefold()
    return _ARTICLE.sub("", folded)


def _forms(mentions: pd.DataFrame) -> list[set[str]]:
    canonical = mentions["canonical"] if "canonical" in mentions else mentions["text"]
    return [{fold(text), fold(name)}
            for text, name in zip(mentions["text"], canonical.fillna(""), strict=True)]


def _outlet(source: str, names: dict[str, tuple[set[str], set[str]]]) -> str | None:
    host = re.sub(r"^[a-z]+://", "", str(source).strip().casefold()).split("/")[0]
    host = host.removeprefix("www.")
    labels = host.split(".")
    for outlet, (domains, aliases) in sorted(names.items()):
        if any(".".join(labels[i:]) in domains for i in range(max(len(labels) - 1, 1))):
            return outlet
        if fold(source) in aliases:
            return outlet
    return None


def _outlet_names(outlets: pd.DataFrame) -> dict[str, tuple[set[str], set[str]]]:
    return {row.outlet: ({d.casefold() for d in _split(row.domains)},
                         {fold(a) for a in [row.outlet, *_split(row.aliases)]})
            for row in outlets.itertuples(index=False)}


def _unit_index(table: pd.DataFrame) -> dict[str, set[str] | None]:
    index: dict[str, set[str] | None] = {}
    for row in table.itertuples(index=False):
        labels = set(_split(row.labels)) or None
        for form in [row.unit, *_split(row.aliases)]:
            index[fold(form)] = labels
    return index


def _read(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            raise ValueError(f"{path}: expected the columns {', '.join(columns)}, "
                             f"found {', '.join(reader.fieldnames or ['none'])}")
        rows = list(reader)
    for line, row in enumerate(rows, start=2):
        if not row[columns[0]].strip():
            raise ValueError(f"{path}, line {line}: empty {columns[0]}")
    return pd.DataFrame(rows, columns=list(columns)).fillna("")


def _split(value: str) -> list[str]:
    return [part.strip() for part in str(value or "").split("|") if part.strip()]
