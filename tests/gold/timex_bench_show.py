"""Print the bench temporal-expression gold in context, for checking it by reading.

    PYTHONPATH=lib python tests/gold/timex_bench_show.py [ARTICLE_ID ...] [--window] [--sample F]
                                                        [--gold dev7]

Default: every gold expression as ``[[span]] type value end_value mod`` inside its sentence-ish
context, article by article, with the publication date. ``--window`` prints the whole window
instead with the gold spans bracketed and date-like candidates of the selection regexes marked
with ⟨ ⟩ (to see what might be missing). ``--sample 0.1`` prints a reproducible random tenth of
the expressions. ``--gold dev2`` (dev3-dev7) shows a development gold instead of the bench
gold (never the blind one). The text comes from the bench file at run time; none of it is in the
repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

import pandas as pd

import newslens

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from timex_bench_select import BENCH, STRONG, WEAK  # noqa: E402

GOLD = HERE / "timex_bench.csv"
ARTICLES = HERE / "timex_bench_articles.csv"


DEV_GOLDS = ("dev2", "dev3", "dev4", "dev5", "dev6", "dev7")


def load_gold(name: str = "bench") -> tuple[pd.DataFrame, pd.DataFrame]:
    gold_path, articles_path = (GOLD, ARTICLES) if name == "bench" else (
        HERE / f"timex_bench_{name}.csv", HERE / f"timex_bench_{name}_articles.csv")
    gold = pd.read_csv(gold_path, dtype=str, keep_default_na=False)
    gold[["start", "end"]] = gold[["start", "end"]].astype(int)
    windows = pd.read_csv(articles_path, dtype={"article_id": str, "published": str})
    return gold, windows


def header(win, text_len: int) -> str:
    day = dt.date.fromisoformat(win.published)
    iso = day.isocalendar()
    return (f"== {win.article_id} [{win.stratum}] published {win.published} "
            f"{day.strftime('%A')} W{iso[1]:02d}  window {win.start}-{win.end} of {text_len}")


def show_context(text: str, rows: pd.DataFrame, width: int = 70) -> None:
    for r in rows.itertuples():
        left = text[max(0, r.start - width):r.start].replace("\n", " ¶ ")
        right = text[r.end:r.end + width].replace("\n", " ¶ ")
        extra = " ".join(x for x in (r.end_value, r.mod, r.note) if x)
        print(f"  {r.start:>6} …{left}[[{text[r.start:r.end]}]]{right}…")
        print(f"         -> {r.type} {r.value} {extra}")


def show_window(text: str, win, rows: pd.DataFrame) -> None:
    marks = {}
    for m in list(STRONG.finditer(text)) + list(WEAK.finditer(text)):
        if win.start <= m.start() and m.end() <= win.end:
            marks.setdefault(m.start(), ("⟨", m.end()))
    out, pos, spans = [], win.start, {r.start: r.end for r in rows.itertuples()}
    while pos < win.end:
        if pos in spans:
            out.append("[[" + text[pos:spans[pos]] + "]]")
            pos = spans[pos]
        elif pos in marks and not any(s < pos < e for s, e in spans.items()):
            end = marks[pos][1]
            out.append("⟨" + text[pos:end] + "⟩")
            pos = end
        else:
            out.append(text[pos])
            pos += 1
    print("".join(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--window", action="store_true")
    parser.add_argument("--sample", type=float)
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--gold", choices=("bench", *DEV_GOLDS), default="bench")
    args = parser.parse_args()
    gold, windows = load_gold(args.gold)
    if args.ids:
        windows = windows[windows.article_id.isin(args.ids)]
    if args.sample:
        keep = sorted(random.Random(14).sample(range(len(gold)), round(args.sample * len(gold))))
        gold = gold.iloc[keep]
    texts = newslens.load_corpus(args.bench).set_index("article_id").text
    for win in windows.itertuples():
        text = texts[win.article_id]
        rows = gold[gold.article_id == win.article_id].sort_values("start")
        if args.sample and rows.empty:
            continue
        print(header(win, len(text)))
        if args.window:
            show_window(text, win, rows)
        else:
            show_context(text, rows)


if __name__ == "__main__":
    main()
