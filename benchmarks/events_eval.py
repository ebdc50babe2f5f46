"""Event layer figures: events found and reports gathered on two golds, precision of the drawn
timeline, and the event stage's cost.

Usage::

    python benchmarks/events_eval.py --seeds-gold tests/gold/events_seeds.csv \\
        --bench-gold tests/gold/events_bench.csv [--bench PATH] [--limit N] [--show-evidence]

**Matching rule.** A gold event (a row with ``modality = happened``) is *found* by a predicted
event (a row of ``ann.events``) when

- the predicted event is dated and its interval lies within the gold window: it overlaps
  ``[date_from, date_to]`` and is no wider than a month (or the gold window, if wider);
- the classes are compatible: the same class family of ``lib/newslens/data/event_classes.csv``
  (an assault and the deaths it caused, a decision and an approval, an outbreak and a disaster
  count as compatible);
- it shares a reporting article (``article_ids``) with the gold event;
- where the gold names actors or a place, it shares one (predicted actors and places, by
  canonical name; a gold name that is an alias or former name in ``data/kb.csv``, ``EMA``,
  counts with its canonical name too, as the pipeline names it. The bench figure with the
  names as written is printed as well).

Figures, per gold:

- *found*: gold events with at least one matching predicted event; *found with >= 3 reporting
  articles* (bench): a matching event holds at least three of the gold event's articles.
- *reporting articles gathered*: for each found gold event, the share of its articles held by
  its best matching event (the one holding most); micro (all links) and macro (mean).
- *duplicate rows*: predicted events beyond the first that report one gold event (one event
  drawn twice). Each predicted event counts for the one gold event it reports best (the most
  shared reporting articles, then the same class, then the most shared names, then the narrowest
  gold window): in an article that reports several events of one family with the same actors
  in a few days (a call, the remarks after it, the summit they announce), a predicted event
  matches all their gold windows, but it is a duplicate only of the one it reports. *extra
  matches* (the figure named duplicate rows before 2026-12-07) counts every matching event
  beyond the first, whichever gold event it reports best; *merged rows*: predicted events that
  match two or more gold events.
- *false dated events* (seeds, whose gold lists every event): dated events the timeline would
  draw (``timeline_table`` without a limit) that match no gold event, planned ones included.
- *drawn precision* (bench): the 40 events the timeline draws for the whole bench corpus are
  written to ``benchmarks/events_drawn.csv`` (id, label, drawn date, articles, the ids of their
  first reporting sentences and of the evidence sentences shown for them) to be judged by
  reading their evidence (``--show-evidence`` prints it) into ``benchmarks/events_judged.csv``
  (``event_id,label,drawn_date,real,correct_date,reason,evidence_sentence_ids``); precision =
  drawn events judged real and correctly dated / drawn events judged. A judgement holds only
  for what was read: the same event id, drawn date and evidence sentences. When the grouping
  changes an event's members, its evidence changes, and it is named as not judged on its
  present evidence (rows judged before this rule, without evidence ids, hold for none).
  A drawn event is judged *real* when at least half of the articles shown for it report one
  real event (the mark and its label are that event's; the rest inflate its count), and
  *correctly dated* when the drawn date falls within the window in which that event happened
  (a day inside a summit of 17-21 July counts; a drawn interval counts when it overlaps the
  true window and is no wider than a month for an event of a day: the judging sheet of
  ``tests/gold/EVENT_GUIDELINES.md``). With a majority required instead (more than half), the
  rows of exactly half count as not real.
- *halves* (bench): the found figures also for two halves of the gold split by a stable hash of
  ``event_key``: the development half (0) was read while changing the rules, the check half (1)
  was not, so the gap between them shows how much the rules were fitted.
- *evidence* (``--show-evidence``): one reporting sentence per article (its timex-dated mention,
  else its publication-dated one, else its first) for up to 8 articles spread over the event's
  articles in publication order, with the counts of its mentions' date sources.
- *cost*: the event stage (mentions and grouping, ``newslens.events.build_events``) timed alone
  on the bench corpus, wall and CPU seconds per 1,000 articles; the stages before it come from
  the cache.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

from newslens import config, load_corpus, pipeline
from newslens.events import build_events, event_classes, split_names
from newslens.kb import alias_table
from newslens.plots_timeline import timeline_table

ROOT = Path(__file__).resolve().parent.parent
DRAWN = ROOT / "benchmarks" / "events_drawn.csv"
JUDGED = ROOT / "benchmarks" / "events_judged.csv"
MONTH = pd.Timedelta(days=31)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds-gold", default=str(ROOT / "tests/gold/events_seeds.csv"))
    parser.add_argument("--bench-gold", default=str(ROOT / "tests/gold/events_bench.csv"))
    parser.add_argument("--bench", default=str(config.SHARED_DIR / "data/bench/"
                                               "german_news_10k.jsonl.gz"))
    parser.add_argument("--limit", type=int, default=None,
                        help="the first N bench articles only (gold ids outside are dropped)")
    parser.add_argument("--show-evidence", action="store_true",
                        help="print the reporting sentences of the drawn events")
    args = parser.parse_args(argv)
    print("== seeds")
    seeds = load_corpus(config.SEEDS_DIR)
    found, events, _ = _event_tables(seeds)
    _report(_gold(args.seeds_gold, seeds), found, events, seeds, false_dated=True)
    bench_path = Path(args.bench)
    if not bench_path.exists():
        print(f"bench corpus {bench_path} not found: bench figures skipped")
        return 0
    print("== bench")
    articles = load_corpus(bench_path, errors="skip")
    if args.limit:
        articles = articles.iloc[:args.limit].reset_index(drop=True)
    found, events, (seconds, cpu) = _event_tables(articles)
    gold = _gold(args.bench_gold, articles)
    _report(gold, found, events, articles, false_dated=False)
    for half, name in ((0, "development"), (1, "check")):
        print(f"-- bench, {name} half of the gold (event_key hash {half}: "
              f"{'used while changing the rules' if half == 0 else 'not read while developing'})")
        _report(gold[_half(gold["event_key"]) == half].reset_index(drop=True), found, events,
                articles, false_dated=False, brief=True)
    print("-- bench, gold actor and place names as written, not resolved through the KB's "
          "aliases (the figure before that eval change)")
    _report(_gold(args.bench_gold, articles, resolve=False), found, events, articles,
            false_dated=False, brief=True)
    _drawn(found, events, articles, show=args.show_evidence)
    print(f"event stage: {seconds:.1f} s wall, {cpu:.1f} s CPU for {len(articles)} articles = "
          f"{1000 * seconds / len(articles):.2f} s wall, {1000 * cpu / len(articles):.2f} s CPU "
          f"per 1,000 articles ({len(found)} mentions, {len(events)} events; wall time depends "
          "on what else runs on the machine)")
    return 0


def _event_tables(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, tuple]:
    """Event mentions and events; the stages before the events from the cache (computed on a
    first run), the event stage itself timed alone."""
    sentences, mentions, keys = pipeline._nlp_stage(
        articles, model=None, use_cache=True, options={"batch_size": config.BATCH_SIZE},
        n_process=None, progress=False)
    boilerplate, _ = pipeline._boilerplate_stage(articles, use_cache=True)
    sentences = sentences.assign(boilerplate=pipeline.bp.mark(sentences, boilerplate))
    linked, _ = pipeline._entity_stage(mentions, sentences, articles, keys=keys, use_cache=True)
    timexes, _ = pipeline._timex_stage(articles, sentences, use_cache=True)
    began, cpu = time.perf_counter(), time.process_time()
    found, events = build_events(sentences, linked, timexes, articles)
    return found, events, (time.perf_counter() - began, time.process_time() - cpu)


def _gold(path: str, articles: pd.DataFrame, *, resolve: bool = True) -> pd.DataFrame:
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    known = set(articles["article_id"])
    gold["articles"] = [{a for a in ids.split(";") if a and a in known}
                        for ids in gold["article_ids"]]
    written = [{n for n in (actors.split(";") + [place]) if n}
               for actors, place in zip(gold["actors"], gold["place"], strict=True)]
    gold["names_written"] = written
    gold["names"] = [_canonical_names(names) for names in written] if resolve else written
    gold["date_from"] = pd.to_datetime(gold["date_from"])
    gold["date_to"] = pd.to_datetime(gold["date_to"])
    return gold[gold["articles"].map(len) > 0].reset_index(drop=True)


def _canonical_names(names: set[str]) -> set[str]:
    """A gold event's names with the KB's canonical name of each that is an alias or former
    name of a KB entity (``EMA`` -> ``Europäische Arzneimittel-Agentur``), as the pipeline
    names actors and places; the names as written are kept too."""
    table = _alias_canonicals()
    return set(names).union(*(table.get(n, set()) for n in names))


_ALIASES: dict[str, set[str]] = {}


def _alias_canonicals() -> dict[str, set[str]]:
    if not _ALIASES:
        for row in alias_table().itertuples(index=False):
            _ALIASES.setdefault(row.surface, set()).add(row.canonical)
    return _ALIASES


def _half(keys: pd.Series) -> pd.Series:
    """0 or 1 per gold event, by a stable hash of its key: the development and check halves."""
    return keys.map(lambda k: int(hashlib.md5(k.encode()).hexdigest(), 16) % 2)


def _families() -> dict[str, str]:
    classes = event_classes()
    return dict(zip(classes["event_class"], classes["family"], strict=True))


def _matches(g, events: pd.DataFrame, families: dict[str, str], *, detail: bool = False
             ) -> list[tuple]:
    """``(event_id, articles shared)`` of the predicted events that find gold event ``g``
    (with ``detail``: ``(event_id, articles shared, key)``, where key ranks the gold events an
    event matches: shared articles, same class, shared names, narrower window)."""
    window = max(MONTH, g.date_to - g.date_from)
    out = []
    for e in events.itertuples(index=False):
        if pd.isna(e.start_date) or e.end_date < g.date_from or e.start_date > g.date_to:
            continue
        if e.end_date - e.start_date > window:
            continue
        if families.get(str(e.event_class)) != families.get(g.event_class):
            continue
        shared = g.articles & set(split_names(e.article_ids))
        if not shared:
            continue
        names = set(split_names(e.actors)) | set(split_names(e.places))
        if g.names and not g.names & names:
            continue
        if detail:
            key = (len(shared), str(e.event_class) == g.event_class, len(g.names & names),
                   -(g.date_to - g.date_from).days)
            out.append((e.event_id, len(shared), key))
        else:
            out.append((e.event_id, len(shared)))
    return out


def _report(gold: pd.DataFrame, found: pd.DataFrame, events: pd.DataFrame,
            articles: pd.DataFrame, *, false_dated: bool, brief: bool = False) -> None:
    families = _families()
    happened = gold[gold["modality"] == "happened"]
    dated = events.dropna(subset=["start_date"])
    candidates = dated[dated["article_ids"].map(
        lambda ids: bool(set(split_names(ids)) & set().union(*gold["articles"])))]
    detailed = {g.event_key: _matches(g, candidates, families, detail=True)
                for g in gold.itertuples(index=False)}
    matches = {k: [(e, s) for e, s, _ in found_by] for k, found_by in detailed.items()}
    n = len(happened)
    hit = [k for k in happened["event_key"] if matches[k]]
    three = [k for k in hit if max(s for _, s in matches[k]) >= 3]
    size = dict(zip(happened["event_key"], happened["articles"].map(len), strict=True))
    best = {k: max(s for _, s in matches[k]) for k in hit}
    micro = sum(best.values()) / max(1, sum(size.values()))
    macro = sum(best[k] / size[k] for k in hit) / max(1, n)
    extra = sum(len(matches[k]) - 1 for k in hit)
    owners: dict[str, set] = {}
    best_gold: dict[str, tuple] = {}
    for key, found_by in detailed.items():
        for event_id, _, rank in found_by:
            owners.setdefault(event_id, set()).add(key)
            if event_id not in best_gold or (rank, key) > best_gold[event_id]:
                best_gold[event_id] = (rank, key)
    merged = sum(1 for keys in owners.values() if len(keys) > 1)
    reports = Counter(key for _, key in best_gold.values())
    duplicates = sum(reports[k] - 1 for k in hit if reports[k] > 1)
    print(f"gold events (happened): {n}, reporting-article links: {sum(size.values())}")
    print(f"events found: {len(hit)} of {n} ({len(hit) / max(1, n):.0%})")
    many = [k for k in happened["event_key"] if size[k] >= 3]
    print(f"found with >= 3 reporting articles: {len(three)} of {n} ({len(three) / max(1, n):.0%});"
          f" of the {len(many)} gold events with >= 3 articles: "
          f"{len([k for k in three if k in many]) / max(1, len(many)):.0%}")
    per_event = sum(best.values()) / max(1, len(hit))
    per_gold = sum(size[k] for k in hit) / max(1, len(hit))
    print(f"reporting articles gathered (best event per gold event): micro {micro:.0%}, "
          f"macro {macro:.0%}; per found event {per_event:.1f} of {per_gold:.1f}")
    print(f"duplicate rows: {duplicates} (each event counted for the gold event it reports "
          f"best); extra matches: {extra}; merged rows: {merged}")
    if brief:
        return
    missing = [k for k in happened["event_key"] if not matches[k]]
    print(f"not found: {', '.join(missing) if missing else '-'}")
    if false_dated:
        drawn = timeline_table(events, found, articles, max_events=None)
        false = [e for e in drawn.drop_duplicates("event_id").itertuples(index=False)
                 if e.event_id not in owners]
        print(f"false dated events: {len(false)} of {drawn['event_id'].nunique()} drawn")
        for e in false:
            print(f"  {e.event_id} {e.start_date:%Y-%m-%d} {e.label} ({e.modality})")


def _drawn(found: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame, *,
           show: bool) -> None:
    table = timeline_table(events, found, articles).drop_duplicates("event_id")
    table = table.sort_values(["start_date", "event_id"], ignore_index=True)
    rows = pd.DataFrame({
        "event_id": table["event_id"], "label": table["label"],
        "drawn_date": [f"{s:%Y-%m-%d}" + ("" if s == e else f"..{e:%Y-%m-%d}")
                       for s, e in zip(table["start_date"], table["end_date"], strict=True)],
        "event_class": table["event_class"], "modality": table["modality"],
        "n_articles": table["n_articles"],
        "first_sentence_ids": [" | ".join(split_names(ids)[:5]) for ids in table["sentence_ids"]],
        "evidence_sentence_ids": [" | ".join(_evidence(found, articles, e, show=False))
                                  for e in table["event_id"]],
    })
    DRAWN.write_text(rows.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    print(f"drawn events: {len(rows)} written to {DRAWN.relative_to(ROOT)}")
    for row in rows.itertuples(index=False):
        print(f"  {row.event_id} {row.drawn_date} {row.label} [{row.event_class}, "
              f"{row.modality}, {row.n_articles} articles]")
        if show:
            _evidence(found, articles, row.event_id, show=True)
    if not JUDGED.exists():
        print(f"drawn precision: {JUDGED.relative_to(ROOT)} not written yet")
        return
    judged = pd.read_csv(JUDGED, dtype=str, keep_default_na=False)
    if "evidence_sentence_ids" not in judged:
        judged["evidence_sentence_ids"] = ""
    # A judgement holds for what was read: the same event, drawn on the same days, with the
    # same evidence sentences. Once the grouping changes an event's members, the sample
    # shown changes and the event is judged again.
    mine = rows[["event_id", "drawn_date", "evidence_sentence_ids"]].merge(
        judged, on=["event_id", "drawn_date", "evidence_sentence_ids"], how="inner")
    mine = mine.drop_duplicates("event_id", keep="last")
    good = ((mine["real"] == "yes") & (mine["correct_date"] == "yes")).sum()
    stale = sorted(set(rows["event_id"]) - set(mine["event_id"]))
    print(f"drawn precision: {good} of {len(mine)} drawn events judged on the evidence shown "
          f"now real and correctly dated ({good / max(1, len(mine)):.0%}); {len(stale)} drawn "
          f"events not judged on their present evidence{': ' if stale else ''}"
          f"{', '.join(stale)}")


def _evidence(found: pd.DataFrame, articles: pd.DataFrame, event_id: str, *,
              show: bool) -> list[str]:
    """Reporting sentences of an event, one per article (its timex-dated mention, else its
    publication-dated one, else its first), for at most 8 articles spread evenly over the
    event's articles in publication order, so the sample shows what most reports say: their
    sentence ids, and with ``show`` the sentences printed (never written to a file)."""
    text = dict(zip(articles["article_id"], articles["text"], strict=True))
    published = dict(zip(articles["article_id"], articles["published"], strict=True))
    rank = {"timex": 0, "publication": 1, "none": 2}
    mine = found[found["event_id"] == event_id]
    mine = mine.assign(rank=mine["date_source"].astype(str).map(rank),
                       day=mine["article_id"].map(published))
    best = mine.sort_values(["rank", "start"]).drop_duplicates("article_id")
    best = best.sort_values(["day", "article_id"]).reset_index(drop=True)
    step = max(1, -(-len(best) // 8))
    shown = best.iloc[::step].head(8)
    if not show:
        return list(shown["sentence_id"])
    for m in shown.itertuples(index=False):
        body = text[m.article_id]
        left = max(body.rfind(". ", 0, m.start) + 2, m.start - 200, 0)
        right = min(len(body), m.end + 200)
        print(f"      [{published[m.article_id]:%Y-%m-%d} {m.article_id}] {m.date_source} "
              f"{m.modality}: {' '.join(body[left:right].split())}")
    print(f"      ({len(best)} articles; date sources of their mentions: "
          f"{mine['date_source'].astype(str).value_counts().to_dict()})")
    return list(shown["sentence_id"])


if __name__ == "__main__":
    sys.exit(main())
