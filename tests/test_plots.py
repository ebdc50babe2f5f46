"""Charts: they draw what the table says and are saved byte-identically."""

from __future__ import annotations

import pandas as pd
import pytest

from newslens.plots import plot_entity_article_heatmap, plot_top_entities, save_chart

TOP = pd.DataFrame({
    "entity_id": ["per:donald_trump", "loc:kupjansk"], "canonical": ["Donald Trump", "Kupjansk"],
    "label": ["PER", "LOC"], "n_mentions": [7, 2], "n_articles": [2, 1], "rank": [1, 2],
})


def test_bars_show_the_names_and_counts_most_first():
    fig = plot_top_entities(TOP)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Kupjansk", "Donald Trump"]
    assert [p.get_width() for p in ax.patches] == [2, 7]


def test_saved_chart_is_deterministic_and_has_its_csv(tmp_path):
    first = save_chart(plot_top_entities(TOP), TOP, "top", folder=tmp_path / "one")
    second = save_chart(plot_top_entities(TOP), TOP, "top", folder=tmp_path / "two")
    assert first["png"].read_bytes() == second["png"].read_bytes()
    assert first["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert pd.read_csv(first["csv"]).equals(TOP)
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == ["top.csv", "top.png"]


def test_a_saved_chart_displays_as_the_saved_png(tmp_path):
    from IPython.core.formatters import DisplayFormatter

    saved = save_chart(plot_top_entities(TOP), TOP, "top", folder=tmp_path)
    data, _ = DisplayFormatter().format(saved)
    assert data["image/png"] == (tmp_path / "top.png").read_bytes()
    assert data["text/plain"].startswith("SavedChart(png=")
    assert saved["csv"] == tmp_path / "top.csv"


def test_failed_save_keeps_the_earlier_chart(tmp_path):
    save_chart(plot_top_entities(TOP), TOP, "top", folder=tmp_path)
    before = (tmp_path / "top.png").read_bytes()

    class Broken:
        def savefig(self, *args, **kwargs):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        save_chart(Broken(), TOP, "top", folder=tmp_path)
    assert (tmp_path / "top.png").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["top.csv", "top.png"]


def test_heatmap_has_articles_in_date_order():
    table = pd.DataFrame({
        "entity_id": ["loc:a", "loc:a"], "canonical": ["Ägypten", "Ägypten"],
        "label": ["LOC", "LOC"], "article_id": ["x", "y"],
        "published": pd.to_datetime(["2025-01-01", "2025-02-01"]), "n_mentions": [1, 0],
        "entity_order": [0, 0], "article_order": [0, 1],
    })
    ax = plot_entity_article_heatmap(table).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2025-01-01  x", "2025-02-01  y"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ägypten"]


def test_saved_files_are_readable_by_others(tmp_path):
    import os

    saved = save_chart(plot_top_entities(TOP), TOP, "top", folder=tmp_path)
    umask = os.umask(0)
    os.umask(umask)
    for path in saved.values():
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_period_tables_draw_one_bar_or_column_per_period():
    from newslens.plots import plot_mentions_per_article

    weeks = pd.DataFrame({
        "period": ["2025-W32", "2025-W33"],
        "period_start": pd.to_datetime(["2025-08-04", "2025-08-11"]),
        "period_end": pd.to_datetime(["2025-08-10", "2025-08-17"]),
        "n_articles": [3, 0], "label": ["PER", "PER"], "n_mentions": [5, 0], "n_entities": [2, 0],
    })
    fig = plot_mentions_per_article(weeks)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["2025-W33  (0 Art.)",
                                                            "2025-W32  (3 Art.)"]
    assert ax.get_title(loc="left") == "Nennungen je Woche und Typ"
    matrix = weeks.assign(entity_id="loc:a", canonical="Ägypten", entity_order=0,
                          period_order=[0, 1])
    ax = plot_entity_article_heatmap(matrix).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2025-W32", "2025-W33"]
    assert ax.get_xlabel() == "Woche der Veröffentlichung"
