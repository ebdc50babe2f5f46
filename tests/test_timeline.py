"""The event timeline (newslens.plots_timeline): which events it keeps, in which order and
lanes, and what the chart draws, on a small hand-made table of event groups."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib import dates as mpl_dates
from matplotlib.figure import Figure

from newslens.plots import save_chart
from newslens.plots_timeline import (
    TIMELINE_COLUMNS,
    WEEK_COLUMNS,
    mentions_per_week,
    plot_event_timeline,
    timeline_table,
)


def _event(event_id, label, start, end, *, n_articles=1, actors="", event_class="consult",
           modality="asserted", article_ids="a"):
    return {"event_id": event_id, "label": label, "event_class": event_class, "cameo_code": "",
            "actor_ids": actors.lower().replace(" ", "_"), "actors": actors, "places": "",
            "start_date": pd.Timestamp(start) if start else pd.NaT,
            "end_date": pd.Timestamp(end) if end else pd.NaT, "granularity": "day",
            "date_source": "timex" if start else "none", "modality": modality,
            "n_articles": n_articles, "n_mentions": n_articles, "article_ids": article_ids,
            "first_reported": pd.Timestamp("2025-08-26"),
            "last_reported": pd.Timestamp("2025-10-21")}


TIMELINE_GROUPS = pd.DataFrame([
    _event("g1", "Treffen Putin/Trump, Alaska", "2025-08-11", "2025-08-20", n_articles=2,
           actors="Donald Trump | Wladimir Putin", article_ids="a | b"),
    _event("g2", "Telefonat Lawrow/Rubio", "2025-08-25", "2025-08-25",
           actors="Marco Rubio | Sergej Lawrow", article_ids="a"),
    _event("g3", "Treffen Putin/Trump, Budapest", "2025-10-16", "2025-10-30",
           actors="Donald Trump | Wladimir Putin", modality="planned", article_ids="b"),
    _event("g4", "Krieg", "2014-03-18", "2014-03-18", event_class="fight", article_ids="b"),
    _event("g7", "Jahr", "2025-01-01", "2025-12-31", article_ids="a"),
    _event("g5", "Treffen ohne Datum", None, None, n_articles=2, article_ids="a | b"),
    _event("g6", "Treffen abgesagt", "2025-08-12", "2025-08-12", modality="negated",
           article_ids="a"),
])
TIMELINE_ARTICLES = pd.DataFrame({"article_id": ["a", "b"],
                                  "published": pd.to_datetime(["2025-08-26", "2025-10-21"])})
TIMELINE_MENTIONS = pd.DataFrame([
    {"event_mention_id": f"{a}:ev{k}-{k + 5}", "event_id": g, "article_id": a,
     "sentence_id": f"{a}:s{k:04d}", "start": k, "end": k + 5, "event_class": "consult",
     "actors": "", "actor_ids": "", "start_date": pd.Timestamp(day) if day else pd.NaT,
     "end_date": pd.Timestamp(day) if day else pd.NaT,
     "date_source": "timex" if day else "none",
     "modality": "negated" if g == "g6" else "asserted"}
    for g, a, k, day in [("g1", "a", 0, "2025-08-15"), ("g1", "b", 10, "2025-08-15"),
                         ("g1", "b", 30, "2025-08-16"), ("g2", "a", 50, "2025-08-25"),
                         ("g3", "b", 70, "2025-10-16"), ("g5", "a", 90, None),
                         ("g4", "b", 110, "2014-03-18"), ("g6", "a", 130, "2025-08-12")]])


def timeline(**options):
    """The timeline of the table above, with planned events drawn (hollow) unless asked."""
    options.setdefault("modalities", ("asserted", "reported", "planned"))
    return timeline_table(TIMELINE_GROUPS, TIMELINE_MENTIONS, TIMELINE_ARTICLES, **options)


def test_by_default_the_timeline_draws_what_happened_not_what_was_planned():
    table = timeline_table(TIMELINE_GROUPS, TIMELINE_MENTIONS, TIMELINE_ARTICLES)
    assert table["event_id"].tolist() == ["g1", "g2"]  # g3 is planned, g6 negated


def test_timeline_table_keeps_dated_events_near_the_news_and_orders_them():
    table = timeline()
    assert list(table.columns) == TIMELINE_COLUMNS
    assert table[["event_id", "point", "report_dates"]].values.tolist() == [
        ["g1", False, "2025-08-26 | 2025-10-21"],
        ["g2", True, "2025-08-26"],
        ["g3", False, "2025-10-21"],
    ]  # g4 (2014) lies outside the news span +- 90 days, g5 has no date, g6 is negated,
    # g7 is dated to a year only
    assert set(table["lane"]) == {"Alle Ereignisse"}
    assert timeline(date_from="2014-01-01")["event_id"].tolist() == ["g4", "g1", "g2", "g3"]


def test_timeline_table_filters_by_reports_actors_and_dates():
    def ids(**options):
        return timeline(**options)["event_id"].tolist()

    assert ids(min_articles=2) == ["g1"]
    assert ids(actors=["Marco Rubio"]) == ["g2"]
    assert ids(date_from="2025-10-01", date_to="2025-10-20") == ["g3"]
    with pytest.raises(ValueError, match="min_articles must be 1 or more, not 0"):
        ids(min_articles=0)


def test_timeline_keeps_the_most_reported_events_of_many():
    table = timeline(max_events=2)
    # g1 (2 articles) first; of the one-article events, g2 is the earlier
    assert table["event_id"].tolist() == ["g1", "g2"]
    assert table.attrs["n_events"] == 3
    title = plot_event_timeline(table).get_suptitle()
    assert title.endswith("(die 2 mit den meisten Berichten, von 3)")
    everything = timeline(max_events=None)
    assert everything["event_id"].tolist() == ["g1", "g2", "g3"]
    assert plot_event_timeline(everything).get_suptitle() == \
        "Ereignisse im Zeitverlauf"
    with pytest.raises(ValueError, match="max_events must be 1 or more"):
        timeline(max_events=0)


def test_timeline_swimlanes_repeat_an_event_per_actor():
    table = timeline(swimlanes=True, max_lanes=2)
    assert table[["lane", "event_id"]].values.tolist() == [
        ["Donald Trump", "g1"], ["Donald Trump", "g3"],
        ["Wladimir Putin", "g1"], ["Wladimir Putin", "g3"],
        ["Andere", "g2"],
    ]
    asked = timeline(swimlanes=True,
                           actors=["Sergej Lawrow"])
    assert asked[["lane", "event_id"]].values.tolist() == [["Sergej Lawrow", "g2"]]


def test_timeline_draws_points_bars_report_days_and_labels(tmp_path):
    table = timeline()
    fig = plot_event_timeline(table)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [  # top to bottom
        "Treffen Putin/Trump, Alaska (2 Artikel)", "Telefonat Lawrow/Rubio (1 Artikel)",
        "Treffen Putin/Trump, Budapest (1 Artikel)"]
    bars = [p for p in ax.patches if p.get_height() == 0.5]
    assert len(bars) == 2  # Alaska and Budapest span their intervals, the call is a point
    assert mpl_dates.num2date(bars[0].get_x()).date().isoformat() == "2025-08-11"
    assert bars[0].get_width() == 10  # 11..20 August inclusive
    markers = [line.get_marker() for line in ax.get_lines()]
    assert markers.count("o") == 1 and markers.count("|") == 4
    assert "geplant" in [t.get_text() for t in ax.get_legend().get_texts()]
    first = save_chart(fig, table, "tl", folder=tmp_path / "one")
    second = save_chart(plot_event_timeline(table), table, "tl", folder=tmp_path / "two")
    assert first["png"].read_bytes() == second["png"].read_bytes()
    assert pd.read_csv(first["csv"])["event_id"].tolist() == ["g1", "g2", "g3"]


def test_an_empty_timeline_says_so():
    table = timeline(actors=["Niemand"])
    assert table.empty and list(table.columns) == TIMELINE_COLUMNS
    texts = [t.get_text() for t in plot_event_timeline(table).axes[0].texts]
    assert texts == ["Keine datierten Ereignisse für diese Auswahl"]


def test_timeline_filters_by_class_and_modality_and_lists_every_reporting_sentence():
    assert timeline(event_classes=["fight"], date_from="2014-01-01")["event_id"].tolist() == \
        ["g4"]
    assert "g6" in timeline(modalities=("asserted", "negated"))["event_id"].tolist()
    with pytest.raises(ValueError, match="unknown event class"):
        timeline(event_classes=["meeting"])
    first = timeline().iloc[0]
    assert first["sentence_ids"] == "a:s0000 | b:s0010 | b:s0030"
    assert first["event_mention_ids"] == "a:ev0-5 | b:ev10-15 | b:ev30-35"


def test_mentions_per_week_counts_dated_mentions_by_iso_week():
    weeks = mentions_per_week(TIMELINE_MENTIONS, TIMELINE_ARTICLES)
    assert list(weeks.columns) == WEEK_COLUMNS
    assert weeks[["week", "n_mentions"]].values.tolist() == [
        ["2025-W33", 3], ["2025-W35", 1], ["2025-W42", 1]]  # g5's mention has no date
    assert weeks["period_start"].iloc[0] == pd.Timestamp("2025-08-11")
    assert weeks["period_end"].iloc[0] == pd.Timestamp("2025-08-17")
    table = timeline()
    fig = plot_event_timeline(table, weeks)
    strip, events = fig.axes[:2]
    assert [round(p.get_height()) for p in strip.patches] == [3, 1, 1]
    assert len(events.get_yticklabels()) == 3


def test_long_ranges_get_few_date_ticks_and_long_labels_two_lines():
    from newslens.plots_timeline import _date_axis, _row_label

    days = pd.date_range("2019-10-01", "2021-03-31", freq="30D")
    table = pd.DataFrame({"start_date": days, "end_date": days, "report_dates": ""})
    ax = Figure().add_subplot()
    _date_axis(ax, table)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["Okt. 2019", "Jan. 2020", "Apr. 2020", "Juli 2020", "Okt. 2020",
                      "Jan. 2021"]  # quarters counted from January
    row = pd.Series({"label": "Demonstration · Oberverwaltungsgericht Berlin-Brandenburg, "
                              "Querdenken 711 · Berlin", "n_articles": 42})
    lines = _row_label(row).split("\n")
    assert lines == ["Demonstration · Oberverwaltungsgericht Berlin-Brandenburg,",
                     "Querdenken 711 · Berlin (42 Artikel)"]
    assert _row_label(pd.Series({"label": "Wahl · Trump, Biden · USA", "n_articles": 1})) == \
        "Wahl · Trump, Biden · USA (1 Artikel)"
