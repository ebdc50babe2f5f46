"""The quotation charts of notebook 04: most quoted speakers, speakers x the entities they talk
about, the top speakers over time. One function per chart, a tidy table in, a Figure out."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from newslens.plots import _figure, _heatmap, _style
from newslens.quotes import KINDS

KIND_COLOURS = {"direct": "#4C72B0", "indirect": "#55A868", "reported": "#C44E52",
                "free indirect": "#8172B2"}
KIND_NAMES = {"direct": "direkt", "indirect": "indirekt", "reported": "berichtet",
              "free indirect": "frei indirekt"}


def plot_top_speakers(table: pd.DataFrame, *,
                      title: str = "Meistzitierte Sprecher") -> Figure:
    """Horizontal bars of quotations per speaker (most quoted on top), stacked by kind."""
    grid = table.pivot_table(index=["rank", "speaker"], columns="kind", values="n_quotes",
                             aggfunc="sum", fill_value=0, observed=False)
    kinds = [k for k in KINDS if k in grid.columns and grid[k].sum() > 0]
    names = [name for _, name in grid.index]
    with _style():
        fig = _figure(8, 1.2 + 0.28 * max(len(names), 1))
        ax = fig.add_subplot()
        left = np.zeros(len(names))
        y = np.arange(len(names))
        for kind in kinds:
            values = grid[kind].to_numpy(dtype=float)
            ax.barh(y, values, left=left, color=KIND_COLOURS[kind], label=KIND_NAMES[kind])
            left += values
        ax.set_yticks(y, names)
        ax.invert_yaxis()
        ax.set_xlabel("Zitate")
        ax.set_title(title, loc="left")
        if kinds:
            ax.legend(loc="lower right", frameon=False)
    return fig


def plot_speaker_topics(table: pd.DataFrame, *,
                        title: str = "Worüber die Sprecher reden") -> Figure:
    """Heatmap: speakers (rows, most quoted first) x entities named in their quotations."""
    grid = table.pivot_table(index=["speaker_order", "speaker"],
                             columns=["entity_order", "canonical"], values="n_quotes",
                             aggfunc="sum", fill_value=0)
    rows = [name for _, name in grid.index]
    cols = [name for _, name in grid.columns]
    return _heatmap(grid.to_numpy().astype(int), rows, cols, title=title, cmap="Purples",
                    xlabel="in den Zitaten genannt")


def plot_speakers_over_time(table: pd.DataFrame, *,
                            title: str = "Zitate der meistzitierten Sprecher") -> Figure:
    """One line per speaker: quotations per publication period."""
    periods = list(dict.fromkeys(table.sort_values("period_start")["period"]))
    x = np.arange(len(periods))
    with _style():
        fig = _figure(8, 4)
        ax = fig.add_subplot()
        for speaker, rows in table.groupby("speaker", sort=False):
            values = rows.set_index("period").reindex(periods)["n_quotes"].fillna(0)
            ax.plot(x, values.to_numpy(), marker="o", markersize=3, label=speaker)
        step = max(1, len(periods) // 20)
        ax.set_xticks(x[::step], periods[::step], rotation=35, ha="right")
        ax.set_ylabel("Zitate")
        ax.set_title(title, loc="left")
        if len(table):
            ax.legend(loc="upper left", bbox_to_anchor=(1, 1), frameon=False, fontsize=8)
    return fig
