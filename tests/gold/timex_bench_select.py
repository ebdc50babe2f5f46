"""Choose the bench articles and windows of the temporal-expression gold, reproducibly.

    PYTHONPATH=lib python tests/gold/timex_bench_select.py [--n 120] [--early 0] [--out FILE]

Prints (or writes) ``article_id,start,end,kind,published,stratum`` in annotation order. The gold
(`timex_bench_articles.csv`) is the first ``n`` rows of the main list, annotated in this order,
followed by the first ``early`` rows of the early-dates supplement (`--n 94 --early 10`). The
blind gold (`timex_bench_blind_articles.csv`) is what `--n 116 --early 14` prints after those rows.

Each article falls in one stratum by simple cues in its title, lead and text (first match wins):
live blogs, obituaries, interviews, history/anniversary pieces, portraits, and news with
background passages (years at least two before publication). Within a stratum articles are shuffled
with a fixed seed, articles poor in dates are left out, and the strata are interleaved round-robin
so any prefix of the list is balanced. Long articles get one window of whole paragraphs (at most
``WINDOW`` characters) where date-like candidates are densest; only the window is annotated and
scored. The supplement (stratum ``early_dates``) takes articles that mention years before Christ or
at least three dates before 1677, richest windows first, since such dates are rare in 2020-21
news. The regexes below only choose what to read; every span and value of the gold was decided
by reading the text.
"""

from __future__ import annotations

import argparse
import bisect
import random
import re
import sys
from pathlib import Path

import newslens

BENCH = Path("/work/shared/data/bench/german_news_10k.jsonl.gz")
SEED = 14
WINDOW = 2200           # longest window, characters
WHOLE = 2700            # articles up to this length are annotated whole
MIN_CANDIDATES = 9      # strong date-like candidates the window must hold
STRATA = ["news_background", "interview", "portrait", "obituary", "live_blog", "history"]
EARLY_STRATUM = "early_dates"   # a supplement: years before 1677 and before Christ

MONTH = (r"Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
         r"Dezember|Jan\.|Feb\.|Aug\.|Sept?\.|Okt\.|Nov\.|Dez\.")
WEEKDAY = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)\w*"
UNIT = r"(?:Sekunde|Minute|Stunde|Tag|Woche|Monat|Jahr|Jahrzehnt|Jahrhundert)\w*"
NUMBER = (r"(?:\d+|ein\w*|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
          r"zwanzig|dreißig|vierzig|fünfzig|hundert|einige\w*|wenige\w*|mehrere\w*|paar)")
STRONG = re.compile(
    rf"\b(?:\d{{1,2}}\.\s*)?(?:{MONTH})(?:\s+\d{{4}})?"
    rf"|\b{WEEKDAY}"
    rf"|\b\d{{1,2}}\.\d{{1,2}}\.(?:\d{{2,4}})?"
    rf"|\b(?:1[0-9]|20)\d{{2}}\b"
    rf"|\b\d+\s*v\.\s*Chr\."
    rf"|\b{NUMBER}\s+{UNIT}"
    rf"|\b\d{{1,2}}(?:[.:]\d{{2}})?\s+Uhr"
    rf"|\b\d{{2,4}}er(?:\s*Jahre\w*)?\b|\b\d{{1,2}}\.\s*Jahrhundert\w*"
    rf"|\b(?:Frühjahr|Frühling|Sommer|Herbst|Winter)\b")
WEAK = re.compile(
    r"\b(?:heute|gestern|morgen|vorgestern|übermorgen|damals|später|zuvor|darauf|seither|"
    r"seitdem|bisher|bislang|derzeit|zurzeit|jetzt|nun|momentan|bald|künftig|einst|früher|"
    r"inzwischen|mittlerweile|kürzlich|jüngst|zuletzt|Vormittag|Nachmittag|Abend|Nacht|"
    r"Wochenende|Ostern|Weihnachten|Pfingsten|Silvester|Neujahr)\b", re.IGNORECASE)

CUES = {
    "live_blog": re.compile(r"(?i)live-?blog|news-?blog|news-?ticker|live-?ticker|\+\+\+"),
    "obituary": re.compile(r"(?i)\bist tot\b|gestorben|verstorben|nachruf|\bstarb\b|"
                           r"im alter von \d+ jahren"),
    "interview": re.compile(r"(?i)\binterview"),
    "history": re.compile(r"(?i)jahrestag|jubiläum|vor \w+ jahren|jahrhundert|v\. ?chr|"
                          r"geschichte|historiker|erinner\w+ an"),
    "portrait": re.compile(r"(?i)porträt|geboren|aufgewachsen|kindheit|karriere|biografie|"
                           r"\bsein leben|\bihr leben|\bder mann, der|\bdie frau, die"),
}
_BORN = re.compile(r"\b1[89]\d\d in [A-ZÄÖÜ]\w+ geboren|\bgeboren (?:am \d+\. \w+ )?1[89]\d\d|"
                   r"\bJahrgang 1[89]\d\d|\b(?:kam|wurde) 1[89]\d\d (?:in|als)")
# What points to dates before 1677 (the Timestamp limit): BC/AD years, early years, centuries.
EARLY = re.compile(
    r"\b\d{1,4}\s*(?:v\.\s*Chr\.|vor Christus|n\.\s*Chr\.)"
    r"|\b(?:1[0-5]\d\d|16[0-6]\d|167[0-6])\b(?![.,]\d|\s*(?:[A-Za-zäöü]*[Mm]eter|Euro|Dollar|"
    r"Menschen|Infizierte|Einwohner|Teilnehm|Delegierte|Seiten|Stück|Tonnen|Hektar|mal\b|Mal\b|-))"
    r"|\b\d{1,2}\.\s*(?:Jahrhundert|Jh\.)|\bJahrtausend\w*|\bAntike\b|\bMittelalter\w*")
_BC = re.compile(r"v\.\s*Chr\.|vor Christus|vor Christi")
_YEAR = re.compile(r"\b(1[0-9]\d{2}|20[01]\d)\b")
_TIME_LINE = re.compile(r"(?m)^\s*\d{1,2}[.:]\d{2}(?: Uhr)?\b")
_QUESTION_LINE = re.compile(r"(?m)\?\s*$")


def stratum(row) -> str | None:
    """The stratum of one article by cues in title/lead (body for a few), None if none fits."""
    head = f"{row.title or ''}\n{row.lead or ''}"
    text = row.text
    if CUES["live_blog"].search(head) or len(_TIME_LINE.findall(text)) >= 5:
        return "live_blog"
    if CUES["obituary"].search(head):
        return "obituary"
    if CUES["interview"].search(head) or len(_QUESTION_LINE.findall(text)) >= 6:
        return "interview"
    if CUES["history"].search(head):
        return "history"
    if CUES["portrait"].search(head) or _BORN.search(text):
        return "portrait"
    published = row.published.year
    if sum(1 for y in _YEAR.findall(text) if int(y) <= published - 2) >= 3:
        return "news_background"
    return None


def pieces(text: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end); a paragraph longer than WINDOW is cut after sentences."""
    out = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while end - start > WINDOW:
            cut = text.rfind(". ", start, start + WINDOW)
            cut = cut + 2 if cut > start else start + WINDOW
            while cut < end and not text[cut - 1].isspace():
                cut += 1
            out.append((start, cut))
            start = cut
        out.append((start, end))
    return out


def window(text: str, marks_of: re.Pattern = STRONG) -> tuple[int, int, str]:
    """The whole text if short, else the densest run of whole paragraphs within WINDOW."""
    if len(text) <= WHOLE:
        return 0, len(text), "whole"
    paras = pieces(text)
    marks = [m.start() for m in marks_of.finditer(text)]
    best = (-1, 0, 0)
    for i, (start, _) in enumerate(paras):
        for j in range(i, len(paras)):
            end = paras[j][1]
            if end - start > WINDOW:
                break
            score = bisect.bisect_left(marks, end) - bisect.bisect_left(marks, start)
            if score > best[0]:
                best = (score, start, end)
    _, start, end = best
    return start, end, "window"


def select(articles, n: int) -> list[dict]:
    rng = random.Random(SEED)
    by_stratum: dict[str, list[dict]] = {s: [] for s in STRATA}
    for row in articles.sort_values("article_id").itertuples():
        kind = stratum(row)
        if kind is None:
            continue
        start, end, span_kind = window(row.text)
        strong = len(STRONG.findall(row.text[start:end]))
        if strong < MIN_CANDIDATES:
            continue
        by_stratum[kind].append({
            "article_id": row.article_id, "start": start, "end": end, "kind": span_kind,
            "published": row.published.strftime("%Y-%m-%d"), "stratum": kind})
    for rows in by_stratum.values():
        rng.shuffle(rows)
    chosen, i = [], 0
    while len(chosen) < n and any(i < len(rows) for rows in by_stratum.values()):
        chosen += [rows[i] for s, rows in by_stratum.items() if i < len(rows)]
        i += 1
    return chosen[:n]


def select_early(articles, m: int, *, exclude: set[str]) -> list[dict]:
    """The supplement: articles that mention years before Christ, or at least three early
    dates, outside ``exclude``; the window densest in early dates (at least two in it);
    richest windows first, ties by article id."""
    found = []
    for row in articles.sort_values("article_id").itertuples():
        if row.article_id in exclude:
            continue
        if not _BC.search(row.text) and len(EARLY.findall(row.text)) < 3:
            continue
        start, end, span_kind = window(row.text, EARLY)
        early = len(EARLY.findall(row.text[start:end]))
        if early < 2:
            continue
        found.append((-early, row.article_id, {
            "article_id": row.article_id, "start": start, "end": end, "kind": span_kind,
            "published": row.published.strftime("%Y-%m-%d"), "stratum": EARLY_STRATUM}))
    return [row for *_, row in sorted(found, key=lambda item: item[:2])][:m]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=120)
    parser.add_argument("--early", type=int, default=0, help="rows of the early-dates supplement")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--bench", type=Path, default=BENCH)
    args = parser.parse_args()
    articles = newslens.load_corpus(args.bench)
    rows = select(articles, args.n)
    rows += select_early(articles, args.early, exclude={r["article_id"] for r in rows})
    lines = ["article_id,start,end,kind,published,stratum"]
    lines += [",".join(str(r[c]) for c in lines[0].split(",")) for r in rows]
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
