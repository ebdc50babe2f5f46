"""Trigger precision of the event mentions, judged by reading: figures of
``benchmarks/events_mentions_judged.csv``.

Usage::

    python benchmarks/events_mentions_precision.py [--judged PATH]

**Protocol.** Two versions of the event-mention code ran on the 10,000 bench articles with the
same cached stages before them (sentences, entities, timexes of commit 8970bae): ``base`` (the
mention code of 8970bae) and ``version`` (the commit named in the row). Their mentions (article,
start, end) were pooled, restricted to the report half of the corpus (articles whose
``md5(article_id)`` starts with an odd byte; the rules were developed by reading the other half
only), and 120 were drawn at random from the pool per sample; each was judged by reading its
sentence, without knowing which version found it. A mention of the pool is a uniform draw from
each version's mentions, so one judgement serves both versions.

Samples 3 and 4 (session of 2026-12-06/07) follow the same protocol with base ``cdc5fee`` (the
mention code at the start of that session) and version ``10049ac`` (present-tense news in the
lead, country adjectives as actors, new trigger rows), run on the same cached stages (those of
main at 4d64642). Sample 3 is a fresh random draw of 120 from the pool; no mention in it differs
between the two versions (they differ on about 1.4% of the pool), so it measures the rules as a
whole. Sample 4 is a draw of 40 from the mentions where the versions differ (found by one only, or
dated differently), to judge the change itself; it was drawn from an intermediate version, and the
4 mentions the final rules no longer find were dropped (36 remain). In samples 3 and 4 a
publication day counts as right when the event happened on that day or the day before (a report
of the morning after; the events table gives such an event both days).

Columns: ``sample`` (1: version 6b634b3, the first landing; 2: a fresh draw for version 48056a4,
the final rules; 3 and 4: above), ``article_id, sentence_id, start, end`` (standoff, no text),
``found_by`` (base, version or both), ``verdict`` (yes: the trigger reports an event of its
class in this sentence, whatever its modality; no: a state, a generic or figurative use, another
sense of the word, a wrong class), ``date_ok_base`` and ``date_ok_version`` (for a mention that
version dated: yes if the date is the event's day or interval, no otherwise; ``-`` undated) and
``reason``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "benchmarks" / "events_mentions_judged.csv"


def figures(judged: pd.DataFrame) -> pd.DataFrame:
    """Per sample and version: mentions judged, triggers judged events, dated mentions, dated
    mentions with a correct date."""
    rows = []
    for sample, part in judged.groupby("sample", sort=True):
        for side, label in (("base", part["base"].iloc[0]), ("version", part["version"].iloc[0])):
            found = part[part["found_by"].str.split(" and ").map(lambda s, x=side: x in s)]
            dates = found[f"date_ok_{side}"]
            dated = dates[dates != "-"]
            rows.append({"sample": sample, "code": f"{side} {label}", "mentions": len(found),
                         "events": int((found["verdict"] == "yes").sum()),
                         "dated": len(dated), "dated_right": int((dated == "yes").sum())})
    table = pd.DataFrame(rows)
    table["trigger_precision"] = table["events"] / table["mentions"].clip(lower=1)
    table["date_precision"] = table["dated_right"] / table["dated"].clip(lower=1)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judged", default=str(JUDGED))
    args = parser.parse_args(argv)
    judged = pd.read_csv(args.judged, dtype=str, keep_default_na=False)
    for row in figures(judged).itertuples(index=False):
        print(f"sample {row.sample} {row.code}: trigger precision {row.events}/{row.mentions} "
              f"({row.trigger_precision:.0%}); dates right {row.dated_right}/{row.dated} "
              f"({row.date_precision:.0%}) of the dated mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
