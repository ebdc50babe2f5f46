"""Integrity of the bench temporal-expression golds (`tests/gold/timex_bench*.csv`).

Six golds share these checks: the bench gold (`timex_bench.csv`), the blind gold
(`timex_bench_blind.csv`, the next articles of the same selection, kept apart for held-out
figures), the second development gold (`timex_bench_dev2.csv`, the main-list rows after the
blind gold's), the third (`timex_bench_dev3.csv`, the main-list rows after dev2's, less the one
article the blind gold's supplement had already taken) and the fourth (`timex_bench_dev4.csv`,
the main-list rows after dev3's, less the two articles the earlier supplements had taken) and
the fifth (`timex_bench_dev5.csv`, the main-list rows after dev4's) and the sixth
(`timex_bench_dev6.csv`, the main-list rows after dev5's) and the seventh
(`timex_bench_dev7.csv`, the main-list rows after dev6's).

The gold is standoff: offsets into the `text` column of `newslens.load_corpus(bench)`. These tests
check that every row is well formed (type, TIMEX3 value, modifier), that spans lie inside their
article's annotated window, do not overlap and start and end on word boundaries, and that the
windows are the ones the selection script chooses. The checks that need the article text are
skipped where the bench file is missing.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from newslens import config

GOLD_DIR = Path(__file__).parent / "gold"
GOLD_CSV = GOLD_DIR / "timex_bench.csv"
ARTICLES_CSV = GOLD_DIR / "timex_bench_articles.csv"
BLIND_CSV = GOLD_DIR / "timex_bench_blind.csv"
BLIND_ARTICLES_CSV = GOLD_DIR / "timex_bench_blind_articles.csv"
DEV2_CSV = GOLD_DIR / "timex_bench_dev2.csv"
DEV2_ARTICLES_CSV = GOLD_DIR / "timex_bench_dev2_articles.csv"
DEV3_CSV = GOLD_DIR / "timex_bench_dev3.csv"
DEV3_ARTICLES_CSV = GOLD_DIR / "timex_bench_dev3_articles.csv"
DEV4_CSV = GOLD_DIR / "timex_bench_dev4.csv"
DEV4_ARTICLES_CSV = GOLD_DIR / "timex_bench_dev4_articles.csv"
DEV5_CSV = GOLD_DIR / "timex_bench_dev5.csv"
DEV5_ARTICLES_CSV = GOLD_DIR / "timex_bench_dev5_articles.csv"
DEV6_CSV = GOLD_DIR / "timex_bench_dev6.csv"
DEV6_ARTICLES_CSV = GOLD_DIR / "timex_bench_dev6_articles.csv"
DEV7_CSV = GOLD_DIR / "timex_bench_dev7.csv"
DEV7_ARTICLES_CSV = GOLD_DIR / "timex_bench_dev7_articles.csv"
GOLDS = {"bench": (GOLD_CSV, ARTICLES_CSV), "blind": (BLIND_CSV, BLIND_ARTICLES_CSV),
         "dev2": (DEV2_CSV, DEV2_ARTICLES_CSV), "dev3": (DEV3_CSV, DEV3_ARTICLES_CSV),
         "dev4": (DEV4_CSV, DEV4_ARTICLES_CSV), "dev5": (DEV5_CSV, DEV5_ARTICLES_CSV),
         "dev6": (DEV6_CSV, DEV6_ARTICLES_CSV), "dev7": (DEV7_CSV, DEV7_ARTICLES_CSV)}
#: The golds whose rows of the selection come before each gold's own.
BEFORE = {"bench": [], "blind": [ARTICLES_CSV], "dev2": [ARTICLES_CSV, BLIND_ARTICLES_CSV],
          "dev3": [ARTICLES_CSV, BLIND_ARTICLES_CSV, DEV2_ARTICLES_CSV],
          "dev4": [ARTICLES_CSV, BLIND_ARTICLES_CSV, DEV2_ARTICLES_CSV, DEV3_ARTICLES_CSV],
          "dev5": [ARTICLES_CSV, BLIND_ARTICLES_CSV, DEV2_ARTICLES_CSV, DEV3_ARTICLES_CSV,
                   DEV4_ARTICLES_CSV],
          "dev6": [ARTICLES_CSV, BLIND_ARTICLES_CSV, DEV2_ARTICLES_CSV, DEV3_ARTICLES_CSV,
                   DEV4_ARTICLES_CSV, DEV5_ARTICLES_CSV],
          "dev7": [ARTICLES_CSV, BLIND_ARTICLES_CSV, DEV2_ARTICLES_CSV, DEV3_ARTICLES_CSV,
                   DEV4_ARTICLES_CSV, DEV5_ARTICLES_CSV, DEV6_ARTICLES_CSV]}
BENCH = config.SHARED_DIR / "data" / "bench" / "german_news_10k.jsonl.gz"

COLUMNS = ["article_id", "start", "end", "type", "value", "end_value", "mod", "note"]
WINDOW_COLUMNS = ["article_id", "start", "end", "kind", "published", "stratum"]
TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {"", "START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE",
        "EQUAL_OR_LESS", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"}
STRATA = {"news_background", "interview", "portrait", "obituary", "live_blog", "history"}
EARLY = "early_dates"  # the supplement of articles with dates before 1677

_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_WEEK = r"(?:0[1-9]|[1-4]\d|5[0-3]|XX)"
_DATE = (rf"(?:BC)?(?:\d{{4}}|XXXX)(?:-{_MONTH}(?:-{_DAY})?|-W{_WEEK}(?:-(?:[1-7]|WE))?"
         r"|-(?:SP|SU|FA|WI)|-Q[1-4]|-H[12])?|(?:BC)?\d{2,3}")
_TIME = rf"(?:{_DATE})T(?:[01]\d|2[0-4]):[0-5]\d(?::[0-5]\d)?|(?:{_DATE})T(?:MO|MI|AF|EV|NI|DT)"
_DURATION = (r"P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE))+(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?"
             r"|PT(?:(?:\d+(?:\.\d+)?|X)[HMS])+")
_REF = r"PRESENT_REF|PAST_REF|FUTURE_REF"
VALUE = {
    "DATE": re.compile(rf"(?:{_DATE}|{_REF})"),
    "TIME": re.compile(_TIME),
    "DURATION": re.compile(_DURATION),
    "SET": re.compile(rf"(?:{_DURATION}|{_TIME}|{_DATE})"),
}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@pytest.fixture(scope="module", params=sorted(GOLDS))
def which(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def gold(which) -> pd.DataFrame:
    frame = pd.read_csv(GOLDS[which][0], dtype=str, keep_default_na=False)
    assert list(frame.columns) == COLUMNS
    frame[["start", "end"]] = frame[["start", "end"]].astype(int)
    return frame


def _windows(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(frame.columns) == WINDOW_COLUMNS
    frame[["start", "end"]] = frame[["start", "end"]].astype(int)
    return frame


@pytest.fixture(scope="module")
def windows(which) -> pd.DataFrame:
    return _windows(GOLDS[which][1])


@pytest.fixture(scope="module")
def bench_articles() -> pd.DataFrame:
    if not BENCH.exists():
        pytest.skip(f"bench corpus missing: {BENCH}")
    from newslens import load_corpus

    return load_corpus(BENCH, use_cache=False)


def interval_start(value: str) -> tuple | None:
    """A sortable key for where a TIMEX3 date value begins; None for references and X dates."""
    match = re.fullmatch(r"(BC)?(\d{2,4})(?:-(.*))?", value.split("T")[0])
    if not match:
        return None
    bc, digits, rest = match.groups()
    if rest and "X" in rest:  # a weekday of an unspecified week (2020-WXX-6): no place in time
        return None
    year = int(digits) * {4: 1, 3: 10, 2: 100}[len(digits)]
    year = -year if bc else year
    month = day = 1
    if rest and re.fullmatch(r"\d{2}(-\d{2})?", rest):
        month, day = int(rest[:2]), int(rest[3:] or 1)
    elif rest and rest.startswith("W"):
        week = int(rest[1:3])
        monday = dt.date.fromisocalendar(year, week, 1)
        month, day = (monday.month, monday.day) if monday.year == year else (1, 1)
    elif rest in _SEASON_MONTH:
        month = _SEASON_MONTH[rest]
    elif rest and rest[0] in "QH":
        month = (int(rest[1]) - 1) * (3 if rest[0] == "Q" else 6) + 1
    clock = value.split("T")[1] if "T" in value else ""
    return (year, month, day, clock)


def test_gold_is_big_enough(gold, windows, which):
    if which == "bench":  # issue 14: at least 600 expressions from at least 60 bench articles
        assert len(gold) >= 600
        assert windows.article_id.nunique() >= 60
        assert set(windows.stratum) == STRATA | {EARLY}
    elif which == "blind":  # the held-out gold: 25-30 further articles, none of the bench gold's
        assert len(gold) >= 300
        assert 25 <= windows.article_id.nunique() <= 30
        assert not set(windows.article_id) & set(_windows(ARTICLES_CSV).article_id)
    elif which in ("dev3", "dev4", "dev5", "dev6", "dev7"):  # the third to seventh development
        assert len(gold) >= (150 if which == "dev3" else 200)  # golds: at least 150 (dev4-dev7:
        assert windows.article_id.nunique() >= (15 if which in ("dev3", "dev4") else 20)
        # 200) expressions in at least 15 (dev5-dev7: 20) articles of none before
        for path in BEFORE[which]:
            assert not set(windows.article_id) & set(_windows(path).article_id)
    else:  # the second development gold: at least 250 expressions in 20 articles of neither
        assert len(gold) >= 250
        assert windows.article_id.nunique() >= 20
        for path in BEFORE[which]:
            assert not set(windows.article_id) & set(_windows(path).article_id)


def test_rows_are_well_formed(gold):
    assert set(gold.type) <= TYPES
    assert set(gold["mod"]) <= MODS
    bad = [(r.article_id, r.start, r.type, r.value) for r in gold.itertuples()
           if not VALUE[r.type].fullmatch(r.value)
           or (r.end_value and not VALUE[r.type].fullmatch(r.end_value))]
    assert bad == []


@pytest.mark.parametrize("value", ["1915-04-22", "1862-SU", "1944-W20", "BC0149", "19", "199",
                                   "PRESENT_REF", "2020-W36-WE", "2022-H1", "XXXX-W14"])
def test_timex3_dates_are_accepted(value):
    assert VALUE["DATE"].fullmatch(value)


@pytest.mark.parametrize(("kind", "value"), [
    ("DATE", "2020-13"), ("DATE", "20200422"), ("DATE", "P3M"), ("TIME", "2020-03-12"),
    ("DURATION", "3 Jahre"), ("DURATION", "P"), ("TIME", "2020-03-12T25:00"),
    ("DATE", "1915-4-22"), ("DATE", "2020-W54"), ("DATE", "2020-02-32"),
])
def test_malformed_values_are_rejected(kind, value):
    assert not VALUE[kind].fullmatch(value)


def test_calendar_dates_exist(gold):
    days = [v for v in pd.concat([gold.value, gold.end_value])
            if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?(T.*)?", v)]
    for value in days:
        year, month = int(value[:4]), int(value[5:7])
        day = int(value[8:10]) if len(value) >= 10 and value[7:8] == "-" else 1
        dt.date(year, month, day)  # raises on 2020-02-30
    weeks = [v for v in gold.value if re.fullmatch(r"\d{4}-W\d{2}.*", v)]
    for value in weeks:
        dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)


def test_end_value_not_before_value(gold):
    ranges = gold[gold.end_value != ""]
    backwards = []
    for r in ranges.itertuples():
        if r.type == "DURATION":
            continue
        start, end = interval_start(r.value), interval_start(r.end_value)
        overnight = False
        if start is None or end is None:  # unspecified dates (XXXX-XX-XXT08:00): clock only;
            start, end = r.value.partition("T")[2], r.end_value.partition("T")[2]
            overnight = "overnight" in r.note  # a night of any day (`von 21 bis 5 Uhr`)
        if end < start and not overnight:
            backwards.append((r.article_id, r.start, r.value, r.end_value))
    assert backwards == []


def test_interval_start_orders_values():
    assert interval_start("BC0149") < interval_start("0486") < interval_start("1862-SU")
    assert interval_start("1862-SU") < interval_start("1862-08") < interval_start("1862-FA")
    assert interval_start("2020-W53") > interval_start("2020-12-27")
    assert interval_start("199") < interval_start("1995") and interval_start("PAST_REF") is None


def test_spans_lie_inside_windows_and_do_not_overlap(gold, windows):
    assert windows.article_id.is_unique
    assert set(gold.article_id) <= set(windows.article_id)
    spans = gold.merge(windows, on="article_id", suffixes=("", "_window"))
    outside = spans[(spans.start < spans.start_window) | (spans.end > spans.end_window)
                    | (spans.end <= spans.start)]
    assert outside.empty, outside[["article_id", "start", "end"]]
    ordered = gold.sort_values(["article_id", "start"])
    previous_end = ordered.groupby("article_id").end.shift()
    assert not (ordered.start < previous_end).any()


def test_windows_are_well_formed(windows):
    assert set(windows.stratum) <= STRATA | {EARLY}
    assert set(windows.kind) <= {"whole", "window"}
    assert (windows.start < windows.end).all()
    for day in windows.published:
        dt.date.fromisoformat(day)


def test_spans_start_and_end_on_word_boundaries(gold, windows, bench_articles):
    texts = bench_articles.set_index("article_id")
    bad = []
    for w in windows.itertuples():
        text = texts.at[w.article_id, "text"]
        assert w.end <= len(text)
        assert w.kind == "window" or (w.start, w.end) == (0, len(text))
        assert texts.at[w.article_id, "published"].strftime("%Y-%m-%d") == w.published
    for r in gold.itertuples():
        text = texts.at[r.article_id, "text"]
        span = text[r.start:r.end]
        if (span != span.strip() or not span[0].isalnum()
                or not (span[-1].isalnum() or span[-1] == ".")
                or (r.start > 0 and text[r.start - 1].isalnum())
                or (r.end < len(text) and text[r.end].isalnum())):
            bad.append((r.article_id, r.start, span))
    assert bad == []


def test_windows_are_what_the_selection_script_chooses(windows, which, bench_articles):
    """The bench gold is the head of both lists; the blind gold the rows that follow it, the
    second development gold the main-list rows after those."""
    sys.path.insert(0, str(GOLD_DIR))
    try:
        from timex_bench_select import select, select_early
    finally:
        sys.path.remove(str(GOLD_DIR))
    before = pd.concat([windows.iloc[:0]] + [_windows(path) for path in BEFORE[which]])
    skip_main = int((before.stratum != EARLY).sum())
    skip_early = int((before.stratum == EARLY).sum())
    main = windows[windows.stratum != EARLY]
    early = windows[windows.stratum == EARLY]
    assert list(windows.index) == list(main.index) + list(early.index)  # supplement last
    taken = set(before.article_id)  # an article an earlier gold took (dev3: one of the blind
    # gold's supplement lies among its main-list rows) is left out, not annotated twice
    chosen = select(bench_articles, skip_main + len(main) + len(taken))
    exclude = {row["article_id"] for row in chosen[:skip_main + len(main)]}
    chosen = [row for row in chosen[skip_main:] if row["article_id"] not in taken][:len(main)]
    chosen += select_early(bench_articles, skip_early + len(early), exclude=exclude)[skip_early:]
    chosen = pd.DataFrame(chosen).astype(str)
    assert chosen.to_dict("records") == windows.astype(str).to_dict("records")
