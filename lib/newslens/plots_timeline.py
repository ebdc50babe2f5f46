"""The event timeline: the most reported events on a time axis, over a weekly strip.

:func:`timeline_table` selects and orders the events to draw (one row per event, or per event
and actor for swimlanes), :func:`mentions_per_week` counts the dated event mentions per ISO week
for the overview strip, and :func:`plot_event_timeline` draws both with the conventions of
:mod:`newslens.plots` (fixed size and DPI, German labels, byte-identical PNGs). The table holds
everything the chart shows and the ids of every reporting sentence (``sentence_ids``,
``event_mention_ids``), so the chart can be redrawn and traced from the CSV saved beside it.
Mentions without a date (``date_source = none``) are counted in the tables, never drawn.
"""

from __future__ import annotations

import re
import textwrap

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerTuple

from newslens.events import SEP, event_classes, split_names
from newslens.events.tables import date_support
from newslens.plots import _figure, _style

TIMELINE_COLUMNS = [
    "lane", "event_id", "label", "event_class", "modality", "start_date", "end_date",
    "granularity", "point", "n_articles", "report_dates", "actors", "places", "article_ids",
    "event_mention_ids", "sentence_ids",
]
WEEK_COLUMNS = ["week", "period_start", "period_end", "n_mentions"]
#: One colour per class family (``event_classes.csv``), with its German legend entry.
FAMILY_COLOURS = {
    "talk": "#4C72B0", "agree": "#2A9D8F", "dispute": "#937860", "protest": "#DD8452",
    "violence": "#C44E52", "election": "#DA8BC3", "decision": "#55A868",
    "disaster": "#8172B2", "trial": "#8C613C", "office": "#64B5CD",
}
FAMILY_NAMES = {
    "talk": "Treffen, Erklärung", "agree": "Einigung, Hilfe", "dispute": "Konflikt, Sanktionen",
    "protest": "Protest", "violence": "Gewalt, Tod, Festnahme", "election": "Wahl",
    "decision": "Beschluss, Zulassung", "disaster": "Unglück, Ausbruch",
    "trial": "Prozess, Urteil", "office": "Rücktritt, Amtsantritt",
}
MODALITY_NAMES = {"asserted": "berichtet", "reported": "berichtet (Quelle)",
                  "planned": "geplant", "hypothetical": "hypothetisch", "negated": "verneint"}
#: Events dated more coarsely than a month (a year, a season) are not drawn: no mark there
#: could show when the event happened.
MAX_SPAN = pd.Timedelta(days=31)
#: Modalities drawn by default: events reported as happened (a plan that no report says took
#: place is not on the timeline of what happened; ``modalities=`` draws it too).
DRAWN_MODALITIES = ("asserted", "reported")
ALL_LANE = "Alle Ereignisse"
OTHER_LANE = "Andere"
_MONTHS = ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.",
           "Nov.", "Dez.")
_REPORT_COLOUR = "#555555"
#: Articles that must date an event alike (reported as happened) for it to be drawn.
MIN_SUPPORT = 2
#: The share of an event's articles that must date it to its days (as happened, planned or
#: expected: every report that names its day) for it to be drawn: a group most of whose
#: reports name no day of it or other days (a state talked about for weeks, several rounds of
#: talks of the same people, plans) is listed, not drawn.
MIN_DATE_SHARE = 1 / 3
#: Granularities of the event dates drawn (a week or a month is listed, not drawn).
DRAWN_GRANULARITIES = ("day", "weekend")
#: Events drawn at most by default: one row each, so more would not be readable (nor fast).
MAX_EVENTS = 40


def timeline_table(
    events: pd.DataFrame,
    event_mentions: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    event_classes: list[str] | None = None,
    actors: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    min_articles: int = 1,
    modalities: tuple[str, ...] = DRAWN_MODALITIES,
    context_days: int = 90,
    swimlanes: bool = False,
    max_lanes: int = 6,
    max_events: int | None = MAX_EVENTS,
    min_support: int = MIN_SUPPORT,
) -> pd.DataFrame:
    """The dated events of ``events`` to draw, with the ids of their reporting sentences.

    Only events whose reports agree on their date are drawn (:func:`drawable`, with
    ``min_support`` articles; 0 draws every dated event).

    Keeps events dated to a month or more precisely, of ``event_classes`` (all if empty) and
    ``modalities``, reported by at least
    ``min_articles`` articles, naming any of ``actors`` (canonical names or entity ids; all if
    empty), whose interval overlaps ``[date_from, date_to]`` (default: the publication span of
    ``articles`` widened by ``context_days`` on each side). ``report_dates`` are the publication
    days of the reporting articles; ``point`` marks day-precise events; ``event_mention_ids``
    and ``sentence_ids`` list every reporting sentence. With ``swimlanes`` an event appears
    once per lane: the ``actors`` asked for, or the ``max_lanes`` actors of most events, then
    ``Andere``. Of more than ``max_events`` such events (None: no limit), the ``max_events``
    reported by the most articles are kept (ties: the earlier, then by ``event_id``);
    ``table.attrs["n_events"]`` holds how many there were. Sorted by lane, date, label, id.
    """
    if min_articles < 1:
        raise ValueError(f"min_articles must be 1 or more, not {min_articles}")
    if max_events is not None and max_events < 1:
        raise ValueError(f"max_events must be 1 or more (or None), not {max_events}")
    dated = _selected(events, event_classes, actors, modalities)
    dated = dated[dated["n_articles"] >= min_articles]
    if min_support > 0:
        dated = dated[dated["event_id"].isin(drawable(events, event_mentions, min_support,
                                                      modalities, articles=articles))]
    start, end = _window(articles, date_from, date_to, context_days)
    dated = dated[(dated["end_date"] >= start) & (dated["start_date"] <= end)]
    n_events = len(dated)
    if max_events is not None and n_events > max_events:
        dated = dated.sort_values(["n_articles", "start_date", "event_id"],
                                  ascending=[False, True, True], kind="stable").head(max_events)
    wanted = set(actors or [])
    published = dict(zip(articles["article_id"], articles["published"], strict=True))
    reports = _reports(event_mentions, set(dated["event_id"]))
    rows = []
    for g in dated.itertuples(index=False):
        days = sorted({f"{pd.Timestamp(published[a]):%Y-%m-%d}" for a in split_names(g.article_ids)
                       if a in published})
        mention_ids, sentence_ids = reports.get(g.event_id, ("", ""))
        row = {"event_id": g.event_id, "label": g.label, "event_class": str(g.event_class),
               "modality": str(g.modality), "start_date": g.start_date, "end_date": g.end_date,
               "granularity": g.granularity, "point": bool(g.start_date == g.end_date),
               "n_articles": g.n_articles, "report_dates": SEP.join(days), "actors": g.actors,
               "places": g.places, "article_ids": g.article_ids,
               "event_mention_ids": mention_ids, "sentence_ids": sentence_ids}
        rows += [{"lane": lane, **row} for lane in _lanes(g.actors, dated, wanted, swimlanes,
                                                        max_lanes)]
    table = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    table = table.astype({"n_articles": "int64", "point": "bool", "granularity": "object"})
    for column in ("start_date", "end_date"):
        table[column] = pd.to_datetime(table[column]).astype("datetime64[ns]")
    order = {lane: k for k, lane in enumerate(_lane_order(dated, wanted, swimlanes, max_lanes))}
    table["lane_order"] = table["lane"].map(order).astype("int64")
    table = table.sort_values(["lane_order", "start_date", "end_date", "label", "event_id"],
                              ignore_index=True)
    table = table.drop(columns="lane_order")
    table.attrs["n_events"] = n_events
    return table


def drawable(events: pd.DataFrame, event_mentions: pd.DataFrame,
             min_support: int = MIN_SUPPORT,
             modalities: tuple[str, ...] = DRAWN_MODALITIES,
             min_date_share: float = MIN_DATE_SHARE,
             articles: pd.DataFrame | None = None) -> set[str]:
    """The events whose reports agree on their date (:func:`~newslens.events.tables.
    date_support`): a timex dates the event to a day or days (``date_source = timex`` with a
    granularity of :data:`DRAWN_GRANULARITIES`: a week or a month named in passing, ``im
    März``, dates a state as often as an event; a day from publication dates alone is as
    often a report in the past tense of an older happening as news of the day), at least
    ``min_support`` articles (all, if it has fewer) report it at that date (in one of
    ``modalities``: as happened by default), as many by a timex of their own (two articles
    that name the same day; a day named once may be a timex read a year or a week off), and
    no more articles date it otherwise, and at least ``min_date_share`` of its articles date it
    to its days in any modality (:data:`MIN_DATE_SHARE`). A group whose reports do not agree on
    a day (a state named in passing, reports of several occasions) is listed in the tables but
    not drawn. With ``articles`` (their ``published`` days), the later reports that name no
    day of it, published more than :data:`LATER_DAYS` after its last day (``seit dem Sturm auf
    das Kapitol`` a month on), do not count in that share: they refer back to it."""
    support = date_support(events, event_mentions, tuple(modalities))
    known = events.set_index("event_id").reindex(support.index)
    needed = known["n_articles"].clip(upper=min_support)
    every = date_support(events, event_mentions, tuple(MODALITY_NAMES))["support"]
    counted = known["n_articles"] - _later_reports(known, event_mentions, articles)
    ok = (every.reindex(support.index, fill_value=0) >= min_date_share * counted) \
        & (support["support"] >= needed) & (support["support"] > support["against"]) \
        & (support["timex_support"] >= needed) \
        & known["granularity"].astype(str).isin(DRAWN_GRANULARITIES) \
        & (known["date_source"].astype(str) == "timex")
    return set(support.index[ok])


#: Reports published this many days after an event's last day or later that name no day of it
#: refer back to it (:func:`drawable`).
LATER_DAYS = 31


def _later_reports(known: pd.DataFrame, event_mentions: pd.DataFrame,
                   articles: pd.DataFrame | None) -> pd.Series:
    """Per event of ``known`` (indexed by event_id), its articles published :data:`LATER_DAYS`
    or more after its last day none of whose mentions of it is dated."""
    if articles is None or known.empty or event_mentions.empty:
        return pd.Series(0, index=known.index, dtype="int64")
    published = dict(zip(articles["article_id"], articles["published"], strict=True))
    m = event_mentions[event_mentions["event_id"].isin(known.index)]
    undated = (m["date_source"].astype(str) == "none").groupby(
        [m["event_id"], m["article_id"]]).all()
    undated = undated[undated].reset_index()[["event_id", "article_id"]]
    day = pd.to_datetime(undated["article_id"].map(published)).dt.tz_localize(None) \
        .dt.normalize()
    last = undated["event_id"].map(known["end_date"])
    later = undated[(day - last) >= pd.Timedelta(days=LATER_DAYS)]
    return later.groupby("event_id").size().reindex(known.index, fill_value=0).astype("int64")


def _selected(events: pd.DataFrame, classes, actors, modalities) -> pd.DataFrame:
    """Dated events of the classes, modalities and actors asked for."""
    known = set(event_classes()["event_class"])
    unknown = sorted(set(classes or []) - known)
    if unknown:
        raise ValueError(f"unknown event class(es) {unknown}; known: {sorted(known)}")
    chosen = events.dropna(subset=["start_date", "end_date"])
    chosen = chosen[chosen["end_date"] - chosen["start_date"] <= MAX_SPAN]
    chosen = chosen[chosen["modality"].astype(str).isin(modalities)]
    if classes:
        chosen = chosen[chosen["event_class"].astype(str).isin(classes)]
    wanted = set(actors or [])
    if wanted:
        chosen = chosen[[bool(wanted & (set(split_names(a)) | set(split_names(i))))
                         for a, i in zip(chosen["actors"], chosen["actor_ids"], strict=True)]]
    return chosen


def _reports(event_mentions: pd.DataFrame, ids: set[str]) -> dict[str, tuple[str, str]]:
    """``event_id -> (event_mention_ids, sentence_ids)`` of the events drawn."""
    chosen = event_mentions[event_mentions["event_id"].isin(ids)]
    chosen = chosen.sort_values(["event_id", "article_id", "start"], kind="stable")
    return {event_id: (SEP.join(rows["event_mention_id"]),
                       SEP.join(dict.fromkeys(rows["sentence_id"])))
            for event_id, rows in chosen.groupby("event_id", sort=True)}


def mentions_per_week(
    event_mentions: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    event_classes: list[str] | None = None,
    actors: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    context_days: int = 90,
) -> pd.DataFrame:
    """Dated event mentions per ISO week (the overview strip): ``week`` (``2020-W45``),
    ``period_start``, ``period_end``, ``n_mentions``; the same filters as
    :func:`timeline_table`. Mentions without a date are not counted."""
    dated = event_mentions.dropna(subset=["start_date"])
    dated = dated[dated["modality"].astype(str).isin(DRAWN_MODALITIES)]
    if event_classes:
        dated = dated[dated["event_class"].astype(str).isin(event_classes)]
    wanted = set(actors or [])
    if wanted:
        dated = dated[[bool(wanted & (set(split_names(a)) | set(split_names(i))))
                       for a, i in zip(dated["actors"], dated["actor_ids"], strict=True)]]
    start, end = _window(articles, date_from, date_to, context_days)
    days = pd.to_datetime(dated["start_date"])
    days = days[(days >= start) & (days <= end)]
    monday = (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.normalize()
    counts = monday.value_counts().sort_index()
    table = pd.DataFrame({"period_start": counts.index, "n_mentions": counts.to_numpy()})
    table["period_start"] = pd.to_datetime(table["period_start"]).astype("datetime64[ns]")
    table["period_end"] = table["period_start"] + pd.Timedelta(days=6)
    iso = table["period_start"].dt.isocalendar()
    table["week"] = [f"{y}-W{w:02d}" for y, w in zip(iso["year"], iso["week"], strict=True)]
    return table.astype({"n_mentions": "int64"})[WEEK_COLUMNS].reset_index(drop=True)


def _window(articles, date_from, date_to, context_days) -> tuple[pd.Timestamp, pd.Timestamp]:
    context = pd.Timedelta(days=context_days)
    start = pd.Timestamp(date_from) if date_from else articles["published"].min() - context
    end = pd.Timestamp(date_to) if date_to else articles["published"].max() + context
    return start.normalize(), end.normalize()


def _lane_order(dated, wanted, swimlanes, max_lanes) -> list[str]:
    if not swimlanes:
        return [ALL_LANE]
    if wanted:
        return sorted(wanted) + [OTHER_LANE]
    counts = pd.Series([name for value in dated["actors"] for name in split_names(value)],
                       dtype="object").value_counts()
    top = sorted(counts.index, key=lambda name: (-counts[name], name))[:max_lanes]
    return top + [OTHER_LANE]


def _lanes(actors, dated, wanted, swimlanes, max_lanes) -> list[str]:
    if not swimlanes:
        return [ALL_LANE]
    lanes = set(_lane_order(dated, wanted, swimlanes, max_lanes)) - {OTHER_LANE}
    mine = sorted(lanes & set(split_names(actors)))
    return mine or [OTHER_LANE]


def plot_event_timeline(table: pd.DataFrame, weeks: pd.DataFrame | None = None, *,
                        title: str = "Ereignisse im Zeitverlauf") -> Figure:
    """Events on a time axis: day-precise ones as points, longer ones as bars over their
    interval; colour = class family, filled = berichtet, hollow = geplant, hatched =
    hypothetisch; grey ticks = days on which an article reported the event; one band per lane.
    ``weeks`` (:func:`mentions_per_week`) adds an overview strip of dated event mentions per
    week above the events.
    """
    rows = len(table)
    strip = weeks is not None and len(weeks) > 0 and rows > 0
    with _style():
        fig = _figure(11, 1.9 + 0.34 * max(rows, 1) + (1.3 if strip else 0))
        if strip:
            top, ax = fig.subplots(2, 1, sharex=True, height_ratios=[1.3, 0.34 * rows + 1.0])
        else:
            top, ax = None, fig.add_subplot()
        if not rows:
            ax.text(0.5, 0.5, "Keine datierten Ereignisse für diese Auswahl", ha="center",
                    va="center", transform=ax.transAxes)
            ax.set_axis_off()
            ax.set_title(title, loc="left")
            return fig
        ys = np.arange(rows)[::-1]
        for y, row in zip(ys, table.itertuples(index=False), strict=True):
            _draw_event(ax, y, row)
        _draw_lanes(ax, table, ys)
        ax.set_yticks(ys, [_row_label(row) for row in table.itertuples(index=False)])
        ax.set_ylim(-0.7, rows - 0.3)
        _date_axis(ax, table, weeks if strip else None)
        ax.set_xlabel("Datum des Ereignisses (Striche: Tage der Berichte)")
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
        ax.set_axisbelow(True)
        shown = table["event_id"].nunique()
        total = table.attrs.get("n_events", shown)
        if total > shown:
            title += f" (die {shown} mit den meisten Berichten, von {total})"
        if strip:
            _draw_strip(top, weeks)
        # over the whole figure: the axes start right of the long event labels
        fig.suptitle(title, x=0.01, ha="left", fontweight="bold")
        _legend(ax, table)
    return fig


def _draw_strip(ax, weeks: pd.DataFrame) -> None:
    """Bars of dated event mentions per week (all events, not only those drawn below)."""
    starts = mpl.dates.date2num(pd.to_datetime(weeks["period_start"]))
    ax.bar(starts, weeks["n_mentions"], width=7, align="edge", color="#9AA5B1",
           edgecolor="white", linewidth=0.3)
    ax.set_ylabel("Meldungen\nje Woche", fontsize=8)
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="x", labelbottom=False)


#: Fill of a point (matplotlib fillstyle) and of a bar per modality: berichtet filled,
#: geplant hollow with a dashed edge, hypothetisch half-filled / hatched, verneint pale.
_POINT_FILL = {"asserted": "full", "reported": "full", "planned": "none",
               "hypothetical": "left", "negated": "full"}
_SOLID = {"fill": True, "linestyle": "-", "hatch": None, "alpha": 1.0}
_BAR_STYLE = {"asserted": _SOLID, "reported": _SOLID,
              "planned": {"fill": False, "linestyle": "--", "hatch": None, "alpha": 1.0},
              "hypothetical": {"fill": False, "linestyle": "-", "hatch": "////", "alpha": 1.0},
              "negated": {"fill": True, "linestyle": "-", "hatch": None, "alpha": 0.35}}


def _colour(event_class: str) -> str:
    families = event_classes().set_index("event_class")["family"]
    return FAMILY_COLOURS[families.get(event_class, "talk")]


def _draw_event(ax, y: float, row) -> None:
    colour = _colour(row.event_class)
    modality = row.modality if row.modality in _POINT_FILL else "negated"
    start = mpl.dates.date2num(pd.Timestamp(row.start_date))
    for day in split_names(row.report_dates):
        ax.plot(mpl.dates.date2num(pd.Timestamp(day)), y, marker="|", markersize=11,
                color=_REPORT_COLOUR, linestyle="none", zorder=2)
    if row.point:
        ax.plot(start, y, linestyle="none", zorder=3, **_marker(colour, modality))
    else:
        style = _BAR_STYLE[modality]
        width = mpl.dates.date2num(pd.Timestamp(row.end_date) + pd.Timedelta(days=1)) - start
        ax.barh(y, width, left=start, height=0.5, color=colour if style["fill"] else "white",
                edgecolor=colour, linewidth=1.4, hatch=style["hatch"],
                linestyle=style["linestyle"], alpha=style["alpha"], zorder=3)


def _marker(colour: str, modality: str) -> dict:
    return {"marker": "o", "markersize": 8, "markeredgewidth": 1.6, "color": colour,
            "markeredgecolor": colour, "fillstyle": _POINT_FILL[modality],
            "markerfacecoloralt": "white", "alpha": _BAR_STYLE[modality]["alpha"]}


#: Where a long event label may go on a second line: after a part (what · who · where) or
#: after a name in a list.
_BREAK = re.compile(r"(?: · |, )")
#: Characters of an event's row label per line.
_LABEL_WIDTH = 56
#: At most this many date ticks (a tick every week, or every 1, 2, 3, 6 or 12 months).
_MAX_TICKS = 8


def _row_label(row) -> str:
    """The event's label and its number of articles, on two lines (after a ``·`` or a comma)
    when long, so long labels do not squeeze the time axis."""
    articles = "1 Artikel" if row.n_articles == 1 else f"{row.n_articles} Artikel"
    text = f"{row.label} ({articles})"
    if len(text) <= _LABEL_WIDTH:
        return text
    # the break after a "·" or a comma that makes the longer line shortest
    breaks = [m.end() for m in _BREAK.finditer(text)]
    if not breaks:
        return textwrap.fill(text, _LABEL_WIDTH, max_lines=2, placeholder=" …")
    cut = min(breaks, key=lambda at: (max(at, len(text) - at), -at))
    return f"{text[:cut].rstrip()}\n{text[cut:]}"


def _draw_lanes(ax, table: pd.DataFrame, ys: np.ndarray) -> None:
    lanes = table["lane"].tolist()
    if set(lanes) == {ALL_LANE}:
        return
    k = 0
    for n, lane in enumerate(dict.fromkeys(lanes)):
        size = lanes.count(lane)
        top, bottom = ys[k] + 0.5, ys[k + size - 1] - 0.5
        if n % 2 == 0:
            ax.axhspan(bottom, top, color="#F2F2F2", zorder=0)
        ax.text(0.005, top - 0.08, lane, transform=ax.get_yaxis_transform(), va="top",
                ha="left", fontweight="bold", fontsize=8, color="#333333", zorder=4,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
        k += size


def _date_axis(ax, table: pd.DataFrame, weeks: pd.DataFrame | None = None) -> None:
    """Ticks chosen from the data (weeks or months), labelled in German without locales."""
    days = [pd.Timestamp(d) for d in table["start_date"]]
    if weeks is not None:
        days += [pd.Timestamp(d) for d in weeks["period_start"]]
        days += [pd.Timestamp(d) + pd.Timedelta(days=1) for d in weeks["period_end"]]
    days += [pd.Timestamp(d) + pd.Timedelta(days=1) for d in table["end_date"]]
    days += [pd.Timestamp(d) for v in table["report_dates"] for d in split_names(v)]
    first, last = min(days), max(days)
    pad = max(pd.Timedelta(days=3), (last - first) * 0.04)
    ax.set_xlim(mpl.dates.date2num(first - pad), mpl.dates.date2num(last + pad))
    if last - first <= pd.Timedelta(days=120):
        ticks = pd.date_range(first - pd.Timedelta(days=first.weekday()), last, freq="7D")
        step = -(-len(ticks) // _MAX_TICKS)
        ticks = ticks[::step]
        labels = [f"{d.day}. {_MONTHS[d.month - 1]}" for d in ticks]
    else:
        months = pd.date_range(first.replace(day=1), last, freq="MS")
        # every month, or every 2nd, 3rd, 6th or 12th, counted from January
        step = next((n for n in (1, 2, 3, 6) if len(months) <= n * _MAX_TICKS), 12)
        ticks = months[(months.month - 1) % step == 0] if len(months) > step else months
        labels = [f"{_MONTHS[d.month - 1]} {d.year}" for d in ticks]
    ax.set_xticks(mpl.dates.date2num(ticks), labels, rotation=30, ha="right")


def _legend(ax, table: pd.DataFrame) -> None:
    """Class families by colour; modalities as a bar and a point side by side; report days."""
    families = event_classes().set_index("event_class")["family"]
    shown = {families.get(c, "talk") for c in table["event_class"]}
    handles = [mpl.patches.Patch(color=FAMILY_COLOURS[f]) for f in FAMILY_COLOURS if f in shown]
    labels = [FAMILY_NAMES[f] for f in FAMILY_COLOURS if f in shown]
    grey = "#666666"
    for modality in ("asserted", "planned", "hypothetical", "negated"):
        if modality not in set(table["modality"]) and modality != "asserted":
            continue
        style = _BAR_STYLE[modality]
        bar = mpl.patches.Patch(facecolor=grey if style["fill"] else "white", edgecolor=grey,
                                linestyle=style["linestyle"], hatch=style["hatch"],
                                alpha=style["alpha"])
        point = mpl.lines.Line2D([], [], linestyle="none", **_marker(grey, modality))
        handles.append((bar, point))
        labels.append(MODALITY_NAMES[modality])
    handles.append(mpl.lines.Line2D([], [], marker="|", color=_REPORT_COLOUR,
                                    linestyle="none", markersize=10))
    labels.append("Bericht erschienen")
    ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
              fontsize=8, handler_map={tuple: HandlerTuple(ndivide=None, pad=0.6)})
