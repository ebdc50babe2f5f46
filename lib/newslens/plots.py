"""One function per chart: a tidy table in, a matplotlib Figure out; plus saving both.

Charts have a fixed size, DPI and font so that re-running a notebook gives byte-identical PNGs,
and every chart is saved next to the CSV of the numbers it draws (:func:`save_chart`).
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from newslens import config
from newslens.config import readable_mode

DPI = 110
LABEL_COLOURS = {"PER": "#4C72B0", "LOC": "#55A868", "ORG": "#C44E52", "MISC": "#8172B2"}
LABEL_NAMES = {"PER": "Personen", "LOC": "Orte", "ORG": "Organisationen", "MISC": "Sonstiges"}
_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "svg.hashsalt": "newslens",
}


@contextmanager
def _style() -> Iterator[None]:
    with mpl.rc_context(_STYLE):
        yield


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    return fig


def plot_top_entities(table: pd.DataFrame, *, title: str = "Meistgenannte Entitäten") -> Figure:
    """Horizontal bars of ``n_mentions`` per entity (most mentioned on top), coloured by label."""
    with _style():
        fig = _figure(8, 1.2 + 0.28 * max(len(table), 1))
        ax = fig.add_subplot()
        _bars(ax, table)
        ax.set_title(title, loc="left")
        _label_legend(ax, table["label"].astype(str).unique())
    return fig


def plot_top_entities_by_label(
    table: pd.DataFrame, *, title: str = "Meistgenannt je Typ"
) -> Figure:
    """Four panels (PER, LOC, ORG, MISC), each with its own sorted horizontal bars."""
    labels = [label for label in config.LABELS if (table["label"] == label).any()] or ["PER"]
    rows = max(int((table["label"] == label).sum()) for label in labels) if len(table) else 1
    with _style():
        fig = _figure(11, 1.4 + 0.26 * rows * ((len(labels) + 1) // 2))
        axes = fig.subplots((len(labels) + 1) // 2, min(len(labels), 2), squeeze=False).ravel()
        for ax, label in zip(axes, labels, strict=False):
            _bars(ax, table[table["label"] == label])
            ax.set_title(f"{LABEL_NAMES[label]} ({label})", loc="left")
        for ax in axes[len(labels):]:
            ax.set_visible(False)
        fig.suptitle(title, x=0.01, ha="left", fontweight="bold")
    return fig


def _bars(ax, table: pd.DataFrame) -> None:
    names = table["canonical"].astype(str).tolist()[::-1]
    values = table["n_mentions"].to_numpy()[::-1]
    colours = [LABEL_COLOURS.get(str(label), "#777777") for label in table["label"]][::-1]
    positions = np.arange(len(names))
    ax.barh(positions, values, color=colours, height=0.7)
    ax.set_yticks(positions, names)
    for y, value in zip(positions, values, strict=True):
        ax.annotate(f"{value:d}", (value, y), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=8)
    ax.set_xlabel("Nennungen")
    ax.margins(x=0.12)
    if len(values):
        ax.set_ylim(-0.6, len(values) - 0.4)


def _label_legend(ax, labels) -> None:
    handles = [mpl.patches.Patch(color=LABEL_COLOURS[label], label=LABEL_NAMES[label])
               for label in config.LABELS if label in set(labels)]
    if handles:
        ax.legend(handles=handles, loc="lower right", frameon=False)


def plot_mentions_per_article(
    table: pd.DataFrame, *, title: str | None = None
) -> Figure:
    """Stacked horizontal bars, one colour per label: one bar per article (date order, oldest
    on top), or per period for a table of :func:`~newslens.counts.mentions_per_article` with
    ``period`` rows (the bar label gives the number of articles)."""
    if "period" in table.columns:
        wide = table.pivot_table(index=["period_start", "period", "n_articles"],
                                 columns="label", values="n_mentions", aggfunc="sum",
                                 observed=False, fill_value=0)
        names = [f"{period}  ({n} Art.)" for _, period, n in wide.index]
        title = title or f"Nennungen je {_UNIT_NAMES[_unit(table)]} und Typ"
    else:
        wide = table.pivot_table(index=["published", "article_id"], columns="label",
                                 values="n_mentions", aggfunc="sum", observed=False,
                                 fill_value=0)
        names = [_article_label(p, a) for p, a in wide.index]
        title = title or "Nennungen je Artikel und Typ"
    wide, names = wide.iloc[::-1], names[::-1]
    with _style():
        fig = _figure(9, 1.3 + 0.32 * max(len(wide), 1))
        ax = fig.add_subplot()
        left = np.zeros(len(wide))
        for label in [c for c in config.LABELS if c in wide.columns]:
            values = wide[label].to_numpy()
            ax.barh(names, values, left=left, color=LABEL_COLOURS[label],
                    label=LABEL_NAMES[label], height=0.7)
            left += values
        ax.set_xlabel("Nennungen")
        ax.set_title(title, loc="left")
        fig.legend(loc="outside right upper", frameon=False)
    return fig


_UNIT_NAMES = {"week": "Woche", "month": "Monat", "year": "Jahr"}


def _unit(table: pd.DataFrame) -> str:
    """The period of a table with ``period`` rows: 2025-W33, 2025-08 or 2025."""
    first = str(table["period"].iloc[0]) if len(table) else ""
    return "week" if "-W" in first else "month" if "-" in first else "year"


def _article_label(published: pd.Timestamp, article_id: str) -> str:
    short = article_id if len(article_id) <= 22 else article_id[:21] + "…"
    return f"{pd.Timestamp(published):%Y-%m-%d}  {short}"


def plot_entity_article_heatmap(
    table: pd.DataFrame, *, title: str | None = None
) -> Figure:
    """Heatmap of mention counts, entities as rows (table order), articles (or periods, for a
    table with ``period`` columns) in date order as columns, each cell annotated with its
    count."""
    if "period" in table.columns:
        grid = table.pivot_table(index=["entity_order", "canonical"],
                                 columns=["period_order", "period"], values="n_mentions",
                                 aggfunc="sum", fill_value=0)
        cols = [period for _, period in grid.columns]
        unit = _UNIT_NAMES[_unit(table)]
        title = title or f"Nennungen: Entitäten × {unit}"
        xlabel = f"{unit} der Veröffentlichung"
    else:
        grid = table.pivot_table(index=["entity_order", "canonical"],
                                 columns=["article_order", "published", "article_id"],
                                 values="n_mentions", aggfunc="sum", fill_value=0)
        cols = [_article_label(p, a) for _, p, a in grid.columns]
        title = title or "Nennungen: Entitäten × Artikel"
        xlabel = "Artikel (nach Datum)"
    rows = [name for _, name in grid.index]
    return _heatmap(grid.to_numpy(), rows, cols, title=title, cmap="Blues", xlabel=xlabel)


def plot_cooccurrence(
    table: pd.DataFrame, *, title: str = "Gemeinsam im selben Satz genannt"
) -> Figure:
    """Symmetric heatmap of sentence co-occurrence counts between the top entities."""
    order = list(dict.fromkeys(table["entity_a"]))
    names = table.drop_duplicates("entity_a").set_index("entity_a")["canonical_a"]
    grid = table.pivot(index="entity_a", columns="entity_b", values="n_sentences")
    grid = grid.loc[order, order]
    labels = [names[e] for e in order]
    values = grid.to_numpy().copy()
    np.fill_diagonal(values, 0)  # the diagonal (sentences naming the entity) would swamp the scale
    return _heatmap(values, labels, labels, title=title + " (Diagonale ausgelassen)",
                    cmap="Oranges", xlabel="", rotate=60)


def _heatmap(values: np.ndarray, rows: list[str], cols: list[str], *, title: str, cmap: str,
             xlabel: str, rotate: int = 35) -> Figure:
    with _style():
        fig = _figure(2.8 + 0.55 * max(len(cols), 1), 1.8 + 0.3 * max(len(rows), 1))
        ax = fig.add_subplot()
        image = ax.imshow(values, cmap=cmap, aspect="auto", vmin=0)
        ax.set_xticks(range(len(cols)), cols, rotation=rotate, ha="right")
        ax.set_yticks(range(len(rows)), rows)
        ax.spines[:].set_visible(False)
        ceiling = values.max() if values.size else 0
        for (y, x), value in np.ndenumerate(values):
            if value:
                ax.text(x, y, f"{value:d}", ha="center", va="center", fontsize=7,
                        color="white" if value > 0.6 * ceiling else "black")
        ax.set_xlabel(xlabel)
        ax.set_title(title, loc="left")
        fig.colorbar(image, ax=ax, shrink=0.6, label="Anzahl")
    return fig


def figure_png(fig: Figure) -> bytes:
    """The PNG bytes of a figure exactly as :func:`save_chart` writes it."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _register_notebook_display() -> None:
    """Show figures as PNG when a notebook cell returns one (no pyplot state needed)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["image/png"].for_type(Figure, figure_png)


_register_notebook_display()


class SavedChart(dict):
    """The files :func:`save_chart` wrote, ``{"png": path, "csv": path}``.

    Returned by the last line of a notebook cell, it shows the saved PNG itself: the report
    displays exactly the file in ``figures/``, and the chart is rendered once, not again for
    the notebook (which on a large corpus was a good part of a report's time).
    """

    def __init__(self, png: Path, csv: Path, image: bytes):
        super().__init__(png=png, csv=csv)
        self._image = image

    def _repr_png_(self) -> bytes:
        return self._image

    def __repr__(self) -> str:  # file names only: no machine paths in notebook outputs
        return f"SavedChart(png={self['png'].name!r}, csv={self['csv'].name!r})"


def save_chart(fig: Figure, table: pd.DataFrame, name: str, *,
               folder: str | Path = config.FIGURES_DIR) -> SavedChart:
    """Save ``fig`` as ``<name>.png`` and ``table`` as ``<name>.csv`` in ``folder``, atomically.

    Both files are written to a temporary name first and renamed, so a failed run never leaves
    a half-written chart, and an earlier chart stays until the new one is complete. PNGs carry
    no software version or date, so identical charts are identical bytes. The result maps
    ``"png"`` and ``"csv"`` to the paths and displays as the saved PNG in a notebook.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    png, csv = folder / f"{name}.png", folder / f"{name}.csv"
    image = figure_png(fig)
    _atomic_write(png, lambda path: Path(path).write_bytes(image))
    _atomic_write(csv, lambda path: table.to_csv(path, index=False, lineterminator="\n",
                                                 date_format="%Y-%m-%d"))
    return SavedChart(png, csv, image)


def _atomic_write(target: Path, write) -> None:
    handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        write(tmp)
        os.chmod(tmp, readable_mode())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
