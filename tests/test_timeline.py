"""The event timeline (newslens.plots_timeline): which events it keeps, in which order and
lanes, and what the chart draws, on a small hand-made table of event groups."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib import dates as mpl_dates

from newslens.plots import save_chart
from newslens.plots_timeline import TIMELINE_COLUMNS, plot_event_timeline, timeline_table


def _group(group_id, label, start, end, *, n_articles=1, actors="", event_class="meeting",
           modality="happened", article_ids="a"):
    return {"group_id": group_id, "label": label, "event_class": event_class,
            "actors": actors, "places": "", "start_date": pd.Timestamp(start) if start else pd.NaT,
            "end_date": pd.Timestamp(end) if end else pd.NaT, "granularity": "day",
            "date_basis": "consensus", "modality": modality, "n_articles": n_articles,
            "article_ids": article_ids, "n_records": n_articles, "event_ids": f"{group_id}:e",
            "first_published": pd.Timestamp("2025-08-26"),
            "last_published": pd.Timestamp("2025-10-21")}


TIMELINE_GROUPS = pd.DataFrame([
    _group("g1", "Treffen Putin/Trump, Alaska", "2025-08-11", "2025-08-20", n_articles=2,
           actors="Donald Trump | Wladimir Putin", article_ids="a | b"),
    _group("g2", "Telefonat Lawrow/Rubio", "2025-08-25", "2025-08-25",
           actors="Marco Rubio | Sergej Lawrow", event_class="call", article_ids="a"),
    _group("g3", "Treffen Putin/Trump, Budapest", "2025-10-16", "2025-10-30",
           actors="Donald Trump | Wladimir Putin", modality="planned", article_ids="b"),
    _group("g4", "Ereignis", "2014-01-01", "2014-12-31", event_class="other", article_ids="b"),
    _group("g5", "Treffen ohne Datum", None, None, n_articles=2, article_ids="a | b"),
])
TIMELINE_ARTICLES = pd.DataFrame({"article_id": ["a", "b"],
                                  "published": pd.to_datetime(["2025-08-26", "2025-10-21"])})


def test_timeline_table_keeps_dated_events_near_the_news_and_orders_them():
    table = timeline_table(TIMELINE_GROUPS, TIMELINE_ARTICLES)
    assert list(table.columns) == TIMELINE_COLUMNS
    assert table[["group_id", "point", "report_dates"]].values.tolist() == [
        ["g1", False, "2025-08-26 | 2025-10-21"],
        ["g2", True, "2025-08-26"],
        ["g3", False, "2025-10-21"],
    ]  # g4 (2014) lies outside the news span +- 90 days, g5 has no date
    assert set(table["lane"]) == {"Alle Ereignisse"}
    assert timeline_table(TIMELINE_GROUPS, TIMELINE_ARTICLES,
                          date_from="2014-01-01")["group_id"].tolist() == ["g4", "g1", "g2", "g3"]


def test_timeline_table_filters_by_reports_actors_and_dates():
    def ids(**options):
        return timeline_table(TIMELINE_GROUPS, TIMELINE_ARTICLES, **options)["group_id"].tolist()

    assert ids(min_articles=2) == ["g1"]
    assert ids(actors=["Marco Rubio"]) == ["g2"]
    assert ids(date_from="2025-10-01", date_to="2025-10-20") == ["g3"]
    with pytest.raises(ValueError, match="min_articles must be 1 or more, not 0"):
        ids(min_articles=0)


def test_timeline_keeps_the_most_reported_events_of_many():
    table = timeline_table(TIMELINE_GROUPS, TIMELINE_ARTICLES, max_events=2)
    # g1 (2 articles) first; of the one-article events, g2 is the earlier
    assert table["group_id"].tolist() == ["g1", "g2"]
    assert table.attrs["n_events"] == 3
    title = plot_event_timeline(table).axes[0].get_title(loc="left")
    assert title.endswith("(die 2 mit den meisten Berichten, von 3)")
    everything = timeline_table(TIMELINE_GROUPS, TIMELINE_ARTICLES, max_events=None)
    assert everything["group_id"].tolist() == ["g1", "g2", "g3"]
    assert plot_event_timeline(everything).axes[0].get_title(loc="left") == \
        "Ereignisse im Zeitverlauf"
    with pytest.raises(ValueError, match="max_events must be 1 or more"):
        timeline_table(TIMELINE_GROUPS, TIMELINE_ARTICLES, max_events=0)


def test_timeline_swimlanes_repeat_an_event_per_actor():
    table = timeline_table(TIMELINE_GROUPS, TIMELINE_ARTICLES, swimlanes=True, max_lanes=2)
    assert table[["lane", "group_id"]].values.tolist() == [
        ["Donald Trump", "g1"], ["Donald Trump", "g3"],
        ["Wladimir Putin", "g1"], ["Wladimir Putin", "g3"],
        ["Andere", "g2"],
    ]
    asked = timeline_table(TIMELINE_GROUPS, TIMELINE_ARTICLES, swimlanes=True,
                           actors=["Sergej Lawrow"])
    assert asked[["lane", "group_id"]].values.tolist() == [["Sergej Lawrow", "g2"]]


def test_timeline_draws_points_bars_report_days_and_labels(tmp_path):
    table = timeline_table(TIMELINE_GROUPS, TIMELINE_ARTICLES)
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
    assert pd.read_csv(first["csv"])["group_id"].tolist() == ["g1", "g2", "g3"]


def test_an_empty_timeline_says_so():
    table = timeline_table(TIMELINE_GROUPS, TIMELINE_ARTICLES, actors=["Niemand"])
    assert table.empty and list(table.columns) == TIMELINE_COLUMNS
    texts = [t.get_text() for t in plot_event_timeline(table).axes[0].texts]
    assert texts == ["Keine datierten Ereignisse für diese Auswahl"]
