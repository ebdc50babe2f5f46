"""The rules of newslens.quotes.extract on German sentences written for these tests (no model:
sentences are cut at a full stop followed by a space)."""

from __future__ import annotations

import re

from newslens.quotes.extract import find_quotes


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?“])\s+(?=[A-ZÄÖÜ„])|\n+", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in out if e > s]


def _found(text: str) -> list[tuple[str, str]]:
    return [
        (q.kind, " | ".join(text[s:e] for s, e in q.parts))
        for q in find_quotes(text, _sentences(text))
    ]


def test_a_judgement_after_als_or_nannte_is_a_direct_quotation_and_the_statement():
    text = (
        "Die Opposition bezeichnete den Haushalt als „Luftschloss“. "
        "Der Bürgermeister wies die Kritik als „Unsinn“ zurück. "
        "Die Gewerkschaft nannte das Angebot einen „Affront“."
    )
    assert _found(text) == [
        ("direct", "„Luftschloss“"),
        ("direct", "„Unsinn“"),
        ("direct", "„Affront“"),
    ]


def test_a_name_given_by_man_a_participle_or_the_passive_is_no_judgement():
    text = (
        "Diese Teilung nennt man einen „Spin-off“. "
        "Die Anlage, genannt „Nordlicht“, ging 2019 in Betrieb. "
        "Das Gestein, das von Fachleuten als „Tuff“ bezeichnet wird, ist weich. "
        "Der Verband nennt „Telegram“ in diesem Zusammenhang."
    )
    assert [quote for kind, quote in _found(text) if kind == "direct"] == []
