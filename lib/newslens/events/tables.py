"""The two event tables, named as GDELT names them: event mentions and events.

``event_mentions``: one row per trigger in a sentence (:data:`MENTION_COLUMNS`), with the
``event_id`` of the event it reports. ``events``: one row per real-world event
(:data:`EVENT_COLUMNS`). Names are joined with ``" | "`` (sorted by support, then name), so
both tables round-trip through CSV; :func:`split_names` gives the lists back.

An event's date is the day most of its articles give it with a day-precise timex; else, when
it was reported as news of the day (``date_source = publication``), the day of its first report
and the day before (granularity ``range``: a report of the morning tells of the evening
before); else the interval of its coarser timexes; else none (``NaT``: listed, never drawn).
Its modality is the most frequent among its dated mentions published on or after its first day
(asserted and reported ones first). ``event_id`` is a hash of the id of its earliest mention,
so it is stable across runs and does not depend on row order.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter

import pandas as pd

from newslens.events import cues, dating, grouping, mentions, triggers

SEP = " | "
MENTION_COLUMNS = [
    "event_mention_id", "event_id", "article_id", "sentence_id", "start", "end", "trigger",
    "lemma", "event_class", "cameo_code", "actor_ids", "actors", "place_ids", "places",
    "start_date", "end_date", "granularity", "date_source", "modality",
]
EVENT_COLUMNS = [
    "event_id", "label", "event_class", "cameo_code", "actor_ids", "actors", "places",
    "start_date", "end_date", "granularity", "date_source", "modality", "n_articles",
    "n_mentions", "article_ids", "first_reported", "last_reported",
]
MODALITIES = cues.MODALITIES
#: Actors and places an event row names at most.
MAX_ACTORS, MAX_PLACES = 4, 2


def build_events(sentences: pd.DataFrame, entity_mentions: pd.DataFrame,
                 timexes: pd.DataFrame, articles: pd.DataFrame
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(event_mentions, events)`` of an annotated corpus (see the module docstring)."""
    _require(sentences, "sentences", ("article_id", "sentence_id", "start", "end", "text"))
    _require(entity_mentions, "mentions", ("article_id", "start", "end", "label",
                                           "entity_id", "canonical"))
    _require(timexes, "timexes", ("article_id", "start", "end", "start_date", "end_date",
                                  "granularity"))
    _require(articles, "articles", ("article_id", "published"))
    found = mentions.find_mentions(sentences, entity_mentions, timexes, articles)
    classes = triggers.event_classes().set_index("event_class")
    titles = (dict(zip(articles["article_id"].astype(str), articles["title"].fillna("")
                       .astype(str), strict=True)) if "title" in articles else {})
    linked = entity_mentions[entity_mentions["entity_id"].notna()].sort_values(
        ["article_id", "start"], kind="stable")
    context = grouping.article_context(zip(linked["article_id"].astype(str),
                                           linked["entity_id"], strict=True))
    numbers = grouping.group(found, classes["family"].to_dict(), titles, context)
    ids = _event_ids(found, numbers)
    for m, number in zip(found, numbers, strict=True):
        m["event_id"] = ids[number]
        m["event_mention_id"] = f"{m['article_id']}:ev{m['start']}-{m['end']}"
    return _mention_frame(found, classes), _event_frame(found, ids, classes)


def _require(table: pd.DataFrame, name: str, columns) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{name} table lacks column(s) {', '.join(missing)}: expected the "
                         f"{name} table of newslens.annotate()")


def _event_ids(found: list[dict], numbers: list[int]) -> dict[int, str]:
    earliest: dict[int, tuple] = {}
    for m, number in zip(found, numbers, strict=True):
        key = (pd.Timestamp(m["published"]), m["article_id"], m["start"])
        if number not in earliest or key < earliest[number]:
            earliest[number] = key
    return {number: "ev" + hashlib.sha1(f"{a}:ev{s}".encode()).hexdigest()[:12]
            for number, (_, a, s) in earliest.items()}


def _mention_frame(found: list[dict], classes: pd.DataFrame) -> pd.DataFrame:
    cameo = classes["cameo_code"].to_dict()  # a dict look-up per row, not a frame's
    rows = [{**{c: m.get(c) for c in MENTION_COLUMNS},
             "cameo_code": cameo[m["event_class"]],
             **{c: SEP.join(m[c]) for c in ("actor_ids", "actors", "place_ids", "places")}}
            for m in found]
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    frame = frame.astype({"start": "int64", "end": "int64", "granularity": "object"})
    for column in ("start_date", "end_date"):
        frame[column] = _days(frame[column])
    frame["event_class"] = pd.Categorical(frame["event_class"],
                                          categories=list(classes.index))
    frame["date_source"] = pd.Categorical(frame["date_source"],
                                          categories=list(dating.DATE_SOURCES))
    frame["modality"] = pd.Categorical(frame["modality"], categories=list(MODALITIES))
    return frame.sort_values(["article_id", "start", "end"], ignore_index=True)


def _days(values: pd.Series) -> pd.Series:
    """``datetime64[ns]``; a date it cannot hold (a feed's 0001-01-01) becomes NaT."""
    return pd.Series([pd.NaT if pd.isna(v) or not _representable(v) else pd.Timestamp(v)
                      for v in values], index=values.index, dtype="datetime64[ns]")


def _representable(value) -> bool:
    return 1678 <= pd.Timestamp(value).year <= 2261


def _event_frame(found: list[dict], ids: dict[int, str], classes: pd.DataFrame) -> pd.DataFrame:
    members: dict[str, list[dict]] = {}
    for m in found:
        members.setdefault(m["event_id"], []).append(m)
    cameo = classes["cameo_code"].to_dict()
    rows = [_event_row(event_id, members[event_id], cameo) for event_id in sorted(members)]
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    frame = frame.astype({"n_articles": "int64", "n_mentions": "int64",
                          "granularity": "object"})
    for column in ("start_date", "end_date", "first_reported", "last_reported"):
        frame[column] = _days(frame[column])
    frame["event_class"] = pd.Categorical(frame["event_class"],
                                          categories=list(classes.index))
    frame["date_source"] = pd.Categorical(frame["date_source"],
                                          categories=list(dating.DATE_SOURCES))
    frame["modality"] = pd.Categorical(frame["modality"], categories=list(MODALITIES))
    return frame.sort_values(["start_date", "first_reported", "event_id"], na_position="last",
                             ignore_index=True)


def _event_row(event_id: str, members: list[dict], cameo: dict[str, str]) -> dict:
    articles = sorted({m["article_id"] for m in members})
    # What was said at a call, a summit or a conference is part of it (grouping._occasions),
    # but it does not make the event a statement: its class and word are those of the acts.
    speech = triggers.class_grouping()
    acts = [m for m in members if "speech" not in speech[m["event_class"]]] or members
    event_class = _most(Counter(m["event_class"] for m in acts))
    naming_actors = _naming(members, "actor_ids", "actors")
    naming_places = _naming(members, "place_ids", "places")
    actors = _support(members, "actor_ids", "actors", naming_actors)[:MAX_ACTORS]
    places = _support(members, "place_ids", "places", naming_places)[:MAX_PLACES]
    start, end, granularity, source = event_date(members)
    published = [pd.Timestamp(m["published"]) for m in members]
    floor = label_floor(len(articles))
    return {
        "event_id": event_id,
        "label": _label(acts, event_class,
                        [p for p in actors if len(naming_actors[p]) >= floor],
                        [p for p in places if len(naming_places[p]) >= floor]),
        "event_class": event_class, "cameo_code": cameo[event_class],
        "actor_ids": SEP.join(i for i, _ in actors), "actors": SEP.join(n for _, n in actors),
        "places": SEP.join(n for _, n in places),
        "start_date": start, "end_date": end, "granularity": granularity,
        "date_source": source, "modality": _modality(members, start),
        "n_articles": len(articles),
        "n_mentions": len(members), "article_ids": SEP.join(articles),
        "first_reported": min(published), "last_reported": max(published),
    }


def event_date(members: list[dict]) -> tuple:
    """``(start, end, granularity, date_source)`` of an event from its mentions."""
    by_article: dict[tuple, set] = {}
    # A day that reports say something happened on dates the event before a day of plans or
    # suppositions (``heute ... zugelassen wird``: a habit, ``will am Montag beantragen``)
    # whenever some report dates it as happened, by a timex of any size or its own day.
    happened = [m for m in members
                if m["modality"] in HAPPENED and m["date_source"] in ("timex", "publication")]
    for m in happened or members:
        if m["date_source"] == "timex" and m["granularity"] in ("day", "weekend") \
                and not _ahead(m):  # a day after the report's own is a plan, not news
            by_article.setdefault((m["start_date"], m["end_date"], m["granularity"]),
                                  set()).add(m["article_id"])
    if by_article:
        # the day (or weekend) most articles give; of those given equally often, a day or a
        # weekend before a longer span read as days (``vom 30. September bis 7. Oktober``),
        # then the first
        best = min(by_article, key=lambda k: (-len(by_article[k]),
                                              k[1] - k[0] > pd.Timedelta(days=1), k[0], k[1]))
        return (*best, "timex")
    reported = [m["start_date"] for m in members if m["date_source"] == "publication"]
    if reported:  # by its first report: that day, or the day before (reported next morning)
        day = min(reported)
        return day - pd.Timedelta(days=1), day, "range", "publication"
    coarse: dict[tuple, set] = {}
    # what the reports say happened, else what was planned or supposed (a summit 'Mitte
    # August', not the 'next week' of a hypothetical meeting)
    timexed = [m for m in members if m["date_source"] == "timex"]
    for m in [m for m in timexed if m["modality"] in HAPPENED] or timexed:
        coarse.setdefault((m["start_date"], m["end_date"], m["granularity"]),
                          set()).add(m["article_id"])
    if coarse:
        best = min(coarse, key=lambda k: (-len(coarse[k]), k[1] - k[0], k[0]))
        return (*best, "timex")
    return pd.NaT, pd.NaT, None, "none"


def _ahead(m: dict) -> bool:
    """Whether the mention's timex lies after the day its article was published."""
    if pd.isna(m["published"]) or pd.isna(m["start_date"]):
        return False
    return pd.Timestamp(m["published"]).normalize() < m["start_date"]


def _naming(members: list[dict], ids: str, names: str) -> dict[tuple[str, str], set]:
    """The articles whose mentions of the event name each (id, name) pair."""
    naming: dict[tuple[str, str], set] = {}
    for m in members:
        for pair in zip(m[ids], m[names], strict=True):
            naming.setdefault(pair, set()).add(m["article_id"])
    return naming


def _support(members: list[dict], ids: str, names: str,
             naming: dict[tuple[str, str], set]) -> list[tuple[str, str]]:
    """(id, name) pairs of ``naming`` (:func:`_naming` of ``members``) by the number of
    articles naming them in a dated mention (those that report the event as news of a day; an
    undated mention may name it in passing among other things), then in any mention, then by
    name."""
    dated = _naming([m for m in members if m["date_source"] != "none"], ids, names)
    return sorted(naming, key=lambda p: (-len(dated.get(p, ())), -len(naming[p]), p[1], p[0]))


#: Share of an event's articles that must name an actor or place for the label to show it.
LABEL_SHARE = 0.1


def label_floor(n_articles: int) -> int:
    """Articles that must name an actor or place for the label to show it: one for an event
    of fewer than five reports; else two, and a tenth of them (:data:`LABEL_SHARE`), so that
    a name one report gives in passing (a drug, a commentator) does not stand for the event."""
    if n_articles < 5:
        return 1
    return max(2, math.ceil(LABEL_SHARE * n_articles))


def _modality(members: list[dict], start) -> str:
    """The most frequent modality (asserted and reported first) of the dated mentions
    published on or after the event's first day (the election was planned until it took
    place: the reports after it say whether it did), else of all dated mentions, else of all."""
    dated = [m for m in members if m["date_source"] != "none"] or members
    if not pd.isna(start):
        after = [m for m in dated if pd.Timestamp(m["published"]).normalize() >= start]
        dated = after or dated
    counts = Counter(m["modality"] for m in dated)
    happened = counts["asserted"] + counts["reported"]
    if happened and happened >= max(counts["planned"], counts["hypothetical"],
                                    counts["negated"]):
        return "asserted" if counts["asserted"] >= counts["reported"] else "reported"
    return _most(counts)


def _most(counts: Counter) -> str:
    return min(counts, key=lambda k: (-counts[k], k))


def _label(members: list[dict], event_class: str, actors: list, places: list) -> str:
    """``what · who · where``: the most reported trigger noun (else the lemma of its verbs:
    ``festgenommen`` -> Festnahme), two actors (surnames of persons) other than the word
    itself (``Ministerpräsidentenkonferenz`` is its own actor), and a place not already
    named."""
    nouns = Counter(m["trigger"] for m in members if m["trigger"][:1].isupper())
    lemmas = Counter(m["lemma"] for m in members)
    what = (min(nouns, key=lambda w: (-nouns[w], -len(w), w)) if nouns
            else min(lemmas, key=lambda w: (-lemmas[w], w)))
    who = [_surname(name) if entity_id.startswith("per:") else name
           for entity_id, name in actors if name != what][:2]
    parts = [what] + ([", ".join(who)] if who else [])
    where = [name for _, name in places if name not in who and name not in what]
    return " · ".join(parts + where[:1])


def _surname(name: str) -> str:
    """``Donald Trump`` -> ``Trump``; ``Ursula von der Leyen`` -> ``von der Leyen``."""
    words = name.split()
    k = len(words) - 1
    while k > 1 and words[k - 1][:1].islower():
        k -= 1
    return " ".join(words[k:])


#: A report published this many days after an event's last day may give the day it was
#: published on as the event's (``date_source = publication``): news of the days before.
REPORT_DAYS = 7
HAPPENED = ("asserted", "reported")


def date_support(events: pd.DataFrame, event_mentions: pd.DataFrame,
                 modalities: tuple[str, ...] = HAPPENED) -> pd.DataFrame:
    """How well each dated event's reports agree on its date, per ``event_id``: ``support``,
    the articles with a mention of ``modalities`` (default: reported as happened) dated to the
    event's days (a timex overlapping them, a day either side, or a publication day from its
    first day to :data:`REPORT_DAYS` after its last); ``timex_support``, those dated by a
    timex; ``against``, the articles with such mentions none of which agrees."""
    dated = events.dropna(subset=["start_date", "end_date"])
    if dated.empty or event_mentions.empty:
        return pd.DataFrame({"support": [], "timex_support": [], "against": []},
                            index=pd.Index([], name="event_id"), dtype="int64")
    bounds = dated.set_index("event_id")[["start_date", "end_date"]]
    m = event_mentions[event_mentions["modality"].astype(str).isin(modalities)
                       & (event_mentions["date_source"].astype(str) != "none")
                       & event_mentions["event_id"].isin(bounds.index)]
    m = m.join(bounds.rename(columns={"start_date": "e_start", "end_date": "e_end"}),
               on="event_id")
    day = pd.Timedelta(days=1)
    timex = (m["date_source"].astype(str) == "timex") & (m["start_date"] <= m["e_end"] + day) \
        & (m["end_date"] >= m["e_start"] - day)
    published = (m["date_source"].astype(str) == "publication") \
        & (m["start_date"] >= m["e_start"]) \
        & (m["start_date"] <= m["e_end"] + pd.Timedelta(days=REPORT_DAYS))
    m = m.assign(agrees=timex | published, by_timex=timex)
    per_article = m.groupby(["event_id", "article_id"])[["agrees", "by_timex"]].any()
    counts = pd.DataFrame({
        "support": per_article["agrees"].groupby(level=0).sum(),
        "timex_support": per_article["by_timex"].groupby(level=0).sum(),
        "against": (~per_article["agrees"]).groupby(level=0).sum(),
    })
    return counts.reindex(bounds.index, fill_value=0).astype("int64")


def split_names(value) -> list[str]:
    """``"A | B"`` -> ``["A", "B"]``; empty or missing -> ``[]``."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return []
    return str(value).split(SEP)


def event_summary(event_mentions: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """A small table of counts: mentions (dated, by date source), events, events reported by
    several articles, dated events, and mentions and events per class."""
    sources = event_mentions["date_source"].astype(str).value_counts()
    rows = [("event_mentions", len(event_mentions))]
    rows += [(f"mentions_dated_by_{s}", int(sources.get(s, 0))) for s in dating.DATE_SOURCES]
    rows += [
        ("events", len(events)),
        ("events_in_several_articles", int((events["n_articles"] > 1).sum())),
        ("events_dated", int(events["start_date"].notna().sum())),
    ]
    mention_classes = event_mentions["event_class"].astype(str).value_counts()
    event_classes = events["event_class"].astype(str).value_counts()
    for name in triggers.event_classes()["event_class"]:
        if mention_classes.get(name, 0):
            rows.append((name, f"{mention_classes[name]} mentions, "
                               f"{event_classes.get(name, 0)} events"))
    return pd.DataFrame(rows, columns=["metric", "value"]).astype({"value": str})
