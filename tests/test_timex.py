"""newslens.timex: spans and values of German temporal expressions, exact and small.

Anchor days used below: Tuesday 2025-10-21 (seed 000/001), Thursday 2025-10-16 (seed 002),
Thursday 2025-08-07 (seed 003), Tuesday 2025-08-26 (seed 004).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from newslens import config, load_corpus, timex

GOLD_CSV = Path(__file__).parent / "gold" / "timex_seeds.csv"
TUE = "2025-10-21"
THU = "2025-10-16"


def found(text: str, anchor=TUE, mode: str = "news") -> list[tuple]:
    """(span text, value, start day, end day) per expression; days as ISO strings or None;
    a range's value written ``start/end`` (its ``value`` and ``end_value``)."""
    frame = timex.tag(text, anchor=anchor, mode=mode)
    return [(r.text, r.value if r.end_value is None else f"{r.value}/{r.end_value}",
             _day(r.start_date), _day(r.end_date)) for r in frame.itertuples()]


def _day(value) -> str | None:
    return None if pd.isna(value) else value.strftime("%Y-%m-%d")


def day(text: str, value: str) -> tuple:
    """The expected row of a single day (value may carry a day part, 2025-10-21TEV)."""
    iso = value[:10]
    return (text, value, iso, iso)


# -- absolute dates ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Das Treffen fand am 18. August 2025 statt.", [day("18. August 2025", "2025-08-18")]),
    ("Stand: 18.08.2025, 12 Uhr.", [day("18.08.2025", "2025-08-18"),
                                    day("12 Uhr", "2025-08-18T12:00")]),
    ("Es geschah am 1.3.2020 in Berlin.", [day("1.3.2020", "2020-03-01")]),
    ("Am Montag, 18. August 2025 kam er.", [day("Montag, 18. August 2025", "2025-08-18")]),
    ("Der Bericht vom 3. Okt. 2020 liegt vor.", [day("3. Okt. 2020", "2020-10-03")]),
    ("Die Daten von 2025-08-18 fehlen.", [day("2025-08-18", "2025-08-18")]),
    ("Im August 2025 war es heiß.", [("August 2025", "2025-08", "2025-08-01", "2025-08-31")]),
    ("Die Invasion im Februar 2022 begann.",
     [("Februar 2022", "2022-02", "2022-02-01", "2022-02-28")]),
    ("Im Jahr 2014 annektierte Russland die Krim.",
     [("Jahr 2014", "2014", "2014-01-01", "2014-12-31")]),
    ("Bis Ende 2020 sank die Zahl.", [("Ende 2020", "2020", "2020-09-01", "2020-12-31")]),
    ("Ausgabe 12/2020 ist da.", [("12/2020", "2020-12", "2020-12-01", "2020-12-31")]),
])
def test_absolute_dates(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    # past clause: the occurrence not after the anchor
    ("Trump erklärte am 18. August, Putin habe zugestimmt.", "2025-08-26",
     [day("18. August", "2025-08-18")]),
    ("Er hatte am 20. Dezember unterschrieben.", "2025-01-10",
     [day("20. Dezember", "2024-12-20")]),
    # future clause: not before the anchor
    ("Am 3. Januar soll das Gesetz gelten.", "2025-10-21", [day("3. Januar", "2026-01-03")]),
    # no cue: the nearest
    ("Am 2. November ist Wahl.", "2025-10-21", [day("2. November", "2025-11-02")]),
    # bis: the nearest, whatever the clause says
    ("Wir haben eine Frist bis zum 20. Mai gesetzt.", "2020-05-01",
     [day("20. Mai", "2020-05-20")]),
])
def test_day_and_month_without_year(text, anchor, expected):
    assert found(text, anchor) == expected


@pytest.mark.parametrize(("text", "anchor", "value"), [
    ("Der erste Gipfel hatte im August in Alaska stattgefunden.", TUE, "2025-08"),
    ("Ähnlich wie im August übt Trump Druck aus.", TUE, "2025-08"),
    ("Im Januar werde der Bericht erscheinen.", TUE, "2026-01"),
    ("Die Regel gilt seit März.", "2020-10-16", "2020-03"),
])
def test_month_without_year_follows_the_clause(text, anchor, value):
    assert [row[1] for row in found(text, anchor)] == [value]


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("Im vergangenen Juli suchten sie.", "2021-01-24",
     ("vergangenen Juli", "2020-07", "2020-07-01", "2020-07-31")),
    ("Im vergangenen Juli suchten sie.", "2020-07-24",
     ("vergangenen Juli", "2019-07", "2019-07-01", "2019-07-31")),
    ("Im kommenden März wird gewählt.", "2020-10-02",
     ("kommenden März", "2021-03", "2021-03-01", "2021-03-31")),
    ("am 23. Januar dieses Jahres", "2020-08-11", day("23. Januar dieses Jahres", "2020-01-23")),
    ("im März dieses Jahres", "2020-08-11", ("März dieses Jahres", "2020-03", "2020-03-01",
                                             "2020-03-31")),
])
def test_months_and_dates_with_a_relative_word(text, anchor, expected):
    assert found(text, anchor) == [expected]


def test_month_in_a_hyphenated_compound_is_tagged_alone():
    assert found("Zum Oktober-Gipfel, der am Donnerstag beginnt, kommt er.", THU)[0] == \
        ("Oktober", "2025-10", "2025-10-01", "2025-10-31")


@pytest.mark.parametrize("text", [
    "Mai Thi Nguyen-Kim erklärt das Virus.",
    "August Bebel gründete die Partei.",
    "In Mainz und bei Maier ist alles ruhig.",
])
def test_month_names_that_are_names_are_not_dates(text):
    assert found(text) == []


def test_a_list_of_months_continues_after_und():
    values = [row[1] for row in found("Die Preise sinken im August und September.", TUE)]
    assert values == ["2025-08", "2025-09"]


# -- weekdays and day parts -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    # past: the most recent one; the same weekday as the anchor is the anchor day
    ("Trump wurde am Montag darauf angesprochen.", TUE, day("Montag", "2025-10-20")),
    ("Er kündigte für Dienstag einen Besuch an.", TUE, day("Dienstag", "2025-10-21")),
    ("Und dabei ist erst Donnerstag!", THU, day("Donnerstag", "2025-10-16")),
    # future: the coming one
    ("Ein Treffen könnte bereits am Donnerstag stattfinden.", TUE,
     day("Donnerstag", "2025-10-23")),
    ("Er sagte, dass er am Freitag mit ihm sprechen werde.", THU, day("Freitag", "2025-10-17")),
    ("zu dem am Donnerstag beginnenden Gipfel", TUE, day("Donnerstag", "2025-10-23")),
    # marked
    ("Er hatte es am vergangenen Donnerstag angekündigt.", TUE,
     day("vergangenen Donnerstag", "2025-10-16")),
    ("Er hatte es am vergangenen Donnerstag angekündigt.", THU,
     day("vergangenen Donnerstag", "2025-10-09")),
    ("Wir sehen uns kommenden Dienstag.", TUE, day("kommenden Dienstag", "2025-10-28")),
    ("am Montag kommender Woche", TUE, day("Montag kommender Woche", "2025-10-27")),
    ("Seit diesem Montag werden Strafen fällig.", "2020-06-24",
     day("diesem Montag", "2020-06-22")),
    # day parts and (Ortszeit)
    ("wie er erst am Dienstagabend wiederholte", TUE, day("Dienstagabend", "2025-10-21TEV")),
    ("Sie landete am Montagmorgen in Kiew.", TUE, day("Montagmorgen", "2025-10-20TMO")),
    ("Er sprach am Sonntag früh.", TUE, day("Sonntag früh", "2025-10-19TMO")),
    ("antwortete Trump am Montag (Ortszeit) auf Nachfrage", "2025-08-26",
     day("Montag (Ortszeit)", "2025-08-25")),
    ("In der Nacht zum Montag griff Russland an.", TUE, day("Nacht zum Montag", "2025-10-19TNI")),
])
def test_weekdays(text, anchor, expected):
    assert found(text, anchor) == [expected]


@pytest.mark.parametrize("text", [
    "Die Sonntagsfrage sieht die Union vorn.",
    "Die Mittwochsrunde tagte.",
    "Aschermittwoch ist vorbei.",
])
def test_weekdays_inside_closed_compounds_are_not_dates(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Er kam gestern.", [day("gestern", "2025-10-20")]),
    ("Das gilt bis heute.", [day("heute", "2025-10-21")]),
    ("Er kommt morgen.", [day("morgen", "2025-10-22")]),
    ("Die Frist endet übermorgen.", [day("übermorgen", "2025-10-23")]),
    ("Vorgestern war es kalt.", [day("Vorgestern", "2025-10-19")]),
    ("Heute Morgen sprach er.", [day("Heute Morgen", "2025-10-21TMO")]),
    ("Sie sprachen gestern Abend.", [day("gestern Abend", "2025-10-20TEV")]),
    ("Morgen beginnt der Gipfel.", [day("Morgen", "2025-10-22")]),
    ("Er sagte: Morgen wird alles anders.", [day("Morgen", "2025-10-22")]),
    ("bei der gestrigen Sitzung", [day("gestrigen", "2025-10-20")]),
])
def test_days_relative_to_the_anchor(text, expected):
    assert found(text) == expected


def test_am_morgen_is_the_morning_not_tomorrow():
    # the bench gold's rule: a part of the day is that of the reference day (here the anchor)
    assert found("Am Morgen fuhr er los.") == [day("Morgen", "2025-10-21TMO")]


def test_jeden_morgen_is_every_morning_not_tomorrow():
    # the bench golds write "Jeden Morgen ab 6 Uhr" as the set of mornings
    assert [(t, v) for t, v, *_ in found("Er rief jeden Morgen an.")] == [
        ("jeden Morgen", "XXXX-XX-XXTMO")]


@pytest.mark.parametrize("text", [
    "Die Schule hatte am frühen Morgen geschlossen.",
    "Er arbeitet vom Morgen bis zum Abend.",
    "Guten Morgen, sagte sie.",
    "Das geschah von heute auf morgen.",
])
def test_morgen_the_noun_and_idioms_are_no_dates(text):
    assert found(text) == []


# -- relative weeks, months, years; offsets --------------------------------------------------


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("Trump erklärte vergangene Woche, ...", TUE,
     ("vergangene Woche", "2025-W42", "2025-10-13", "2025-10-19")),
    ("Kommende Woche soll es ein Treffen geben.", THU,
     ("Kommende Woche", "2025-W43", "2025-10-20", "2025-10-26")),
    ("Das Treffen ist für die kommende Woche geplant.", "2025-08-07",
     ("kommende Woche", "2025-W33", "2025-08-11", "2025-08-17")),
    ("Er zahlt nächsten Monat.", TUE, ("nächsten Monat", "2025-11", "2025-11-01", "2025-11-30")),
    ("Im vergangenen Jahr stieg der Preis.", TUE,
     ("vergangenen Jahr", "2024", "2024-01-01", "2024-12-31")),
    ("Das war Ende vergangenen Jahres.", TUE,
     ("Ende vergangenen Jahres", "2024", "2024-09-01", "2024-12-31")),
    ("Der Umsatz sank im Vergleich zum Vorjahr.", TUE,
     ("Vorjahr", "2024", "2024-01-01", "2024-12-31")),
    ("Die Messe findet heuer nicht statt.", TUE, ("heuer", "2025", "2025-01-01", "2025-12-31")),
    ("Am Wochenende hatte sich Trump dafür ausgesprochen.", TUE,
     ("Wochenende", "2025-W42-WE", "2025-10-18", "2025-10-19")),
    ("Am Wochenende soll es regnen.", TUE,
     ("Wochenende", "2025-W43-WE", "2025-10-25", "2025-10-26")),
    ("Im dritten Quartal 2020 wuchs die Wirtschaft.", TUE,
     ("dritten Quartal 2020", "2020-Q3", "2020-07-01", "2020-09-30")),
])
def test_relative_periods(text, anchor, expected):
    assert found(text, anchor) == [expected]


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("Er kam vor drei Tagen.", TUE, day("vor drei Tagen", "2025-10-18")),
    ("Das war vor zwei Monaten.", "2025-10-16", ("vor zwei Monaten", "2025-08", "2025-08-01",
                                                 "2025-08-31")),
    ("Es liegt rund zwei Monate zurück.", "2025-10-16",
     ("rund zwei Monate zurück", "2025-08", "2025-08-01", "2025-08-31")),
    ("Das war vor einem Jahr.", TUE, ("vor einem Jahr", "2024", "2024-01-01", "2024-12-31")),
    ("Vor wenigen Tagen bekräftigte er das.", "2025-08-07",
     ("Vor wenigen Tagen", "PAST_REF", "2025-07-31", "2025-08-06")),
    ("ein Treffen in wenigen Tagen", "2025-08-07",
     ("in wenigen Tagen", "FUTURE_REF", "2025-08-08", "2025-08-14")),
    ("Die Wahl ist in zwei Wochen.", TUE, ("in zwei Wochen", "2025-W45", "2025-11-03",
                                           "2025-11-09")),
])
def test_offsets_from_the_anchor(text, anchor, expected):
    assert found(text, anchor) == [expected]


def test_offset_modifiers():
    frame = timex.tag("Es liegt rund zwei Monate zurück.", anchor=THU)
    assert frame["modifier"].tolist() == ["approximate"]
    assert frame["kind"].tolist() == ["date"]


# -- spans and durations ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("Stattfinden werde es in den nächsten zwei Wochen.", THU,
     ("in den nächsten zwei Wochen", "P2W", "2025-10-16", "2025-10-30")),
    ("Er war in den vergangenen Wochen nachgiebiger.", TUE,
     ("in den vergangenen Wochen", "PXW", "2025-09-23", "2025-10-21")),
    ("Die Entscheidung über ein Treffen in den nächsten Tagen fiel.", "2025-08-07",
     ("in den nächsten Tagen", "PXD", "2025-08-07", "2025-08-14")),
    ("die erste Begegnung seit mehr als vier Jahren", THU,
     ("seit mehr als vier Jahren", "P4Y", "2021-10-16", "2025-10-16")),
    ("zwischen Mai und Juli sank die Zahl", TUE,
     ("zwischen Mai und Juli", "2025-05/2025-07", "2025-05-01", "2025-07-31")),
    ("zwischen September und November 2020 geimpft", TUE,
     ("zwischen September und November 2020", "2020-09/2020-11", "2020-09-01", "2020-11-30")),
    ("Er war von 1997 bis 2001 im Amt.", TUE,
     ("von 1997 bis 2001", "1997/2001", "1997-01-01", "2001-12-31")),
    ("Der Fehler trat vom 21. bis 24. Oktober auf.", TUE,
     ("vom 21. bis 24. Oktober", "2025-10-21/2025-10-24", "2025-10-21", "2025-10-24")),
    ("Die Saison 2020/21 fällt aus.", TUE, ("2020/21", "2020/2021", "2020-01-01", "2021-12-31")),
    ("die vom 9. Juni bis zum 14. November 2019 Festgenommenen", TUE,
     ("vom 9. Juni bis zum 14. November 2019", "2019-06-09/2019-11-14", "2019-06-09",
      "2019-11-14")),
    ("in den Monaten April bis Dezember 2020", TUE,
     ("April bis Dezember 2020", "2020-04/2020-12", "2020-04-01", "2020-12-31")),
    ("zwischen Oktober und Anfang Dezember 2020", TUE,
     ("zwischen Oktober und Anfang Dezember 2020", "2020-10/2020-12", "2020-10-01",
      "2020-12-10")),
    ("für die Jahre 2022 bis 2024", TUE, ("Jahre 2022 bis 2024", "2022/2024", "2022-01-01",
                                          "2024-12-31")),
])
def test_spans(text, anchor, expected):
    assert found(text, anchor) == [expected]


@pytest.mark.parametrize(("text", "value", "modifier"), [
    ("den fast dreieinhalb Jahre währenden Krieg", "P3Y6M", "approximate"),
    ("nach zwei Jahren Gazakrieg", "P2Y", "none"),
    ("nur einen Tag vor einem Besuch", "P1D", "none"),
    ("seine rund einen Monat alte Äußerung", "P1M", "approximate"),
    ("ein halbes Jahr lang", "P6M", "none"),
    ("Haft von bis zu zwei Jahren", "P2Y", "less_than"),
    ("Sie haben es in zwei Monaten geschafft.", "P2M", "none"),
])
def test_durations_keep_their_length_only(text, value, modifier):
    frame = timex.tag(text, anchor=TUE)
    assert frame["value"].tolist() == [value]
    assert frame["modifier"].tolist() == [modifier]
    assert frame["kind"].tolist() == ["duration"]
    assert frame["start_date"].isna().all() and not frame["vague"].any()


@pytest.mark.parametrize("text", [
    "Tickets von 1000 bis 2000 Euro",
    "Das Spiel endete 2020-2019.",
])
def test_number_ranges_that_are_not_years(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("An Weihnachten bleiben die Läden zu.", "2020-11-20",
     ("Weihnachten", "2020-12-25", "2020-12-24", "2020-12-26")),
    ("Zu Ostern 2021 dürfen Familien reisen.", "2020-11-20",
     ("Ostern 2021", "2021-04-04", "2021-04-02", "2021-04-05")),
    ("Über Pfingsten war es voll.", "2020-06-10",
     ("Pfingsten", "2020-05-31", "2020-05-31", "2020-06-01")),
    ("Zum Jahreswechsel gilt ein Böllerverbot.", "2020-12-14",
     ("Jahreswechsel", "2021-01-01", "2020-12-31", "2021-01-01")),
    ("Am Tag der Deutschen Einheit feierten sie.", "2020-10-05",
     day("Tag der Deutschen Einheit", "2020-10-03")),
])
def test_holidays(text, anchor, expected):
    assert found(text, anchor) == [expected]


def test_sets():
    frame = timex.tag("in seiner täglichen Videobotschaft, montags und jedes Jahr", anchor=TUE)
    assert frame[["text", "value", "kind"]].values.tolist() == [
        ["täglichen", "P1D", "set"], ["montags", "XXXX-WXX-1", "set"],
        ["jedes Jahr", "P1Y", "set"],
    ]


# -- parts of periods, seasons, decades, centuries, eras -------------------------------------


@pytest.mark.parametrize(("text", "anchor", "expected", "modifier"), [
    ("Trump hatte Mitte August ein Treffen abgehalten.", "2025-08-26",
     ("Mitte August", "2025-08", "2025-08-11", "2025-08-20"), "mid"),
    ("Anfang März 2020 schlossen die Schulen.", TUE,
     ("Anfang März 2020", "2020-03", "2020-03-01", "2020-03-10"), "early"),
    ("Ende Februar 2024 war es kalt.", TUE,
     ("Ende Februar 2024", "2024-02", "2024-02-21", "2024-02-29"), "late"),
    ("Anfang 2021 kam der Impfstoff.", TUE, ("Anfang 2021", "2021", "2021-01-01", "2021-04-30"),
     "early"),
    ("Die Zahlen kommen Ende des Monats.", TUE,
     ("Ende des Monats", "2025-10", "2025-10-21", "2025-10-31"), "late"),
    ("Im Herbst 2024 begann es.", TUE, ("Herbst 2024", "2024-FA", "2024-09-01", "2024-11-30"),
     "none"),
    ("im Winter 2020/21", TUE, ("Winter 2020/21", "2020-WI", "2020-12-01", "2021-02-28"),
     "none"),
    ("Im Sommer hatte es geregnet.", TUE, ("Sommer", "2025-SU", "2025-06-01", "2025-08-31"),
     "none"),
    ("Im Spätsommer 2019 reiste sie.", TUE,
     ("Spätsommer 2019", "2019-SU", "2019-08-01", "2019-08-31"), "late"),
])
def test_parts_and_seasons(text, anchor, expected, modifier):
    frame = timex.tag(text, anchor=anchor)
    assert found(text, anchor) == [expected]
    assert frame["modifier"].tolist() == [modifier]


@pytest.mark.parametrize(("text", "expected", "granularity"), [
    ("Im 19. Jahrhundert wuchs die Stadt.",
     ("19. Jahrhundert", "18", "1800-01-01", "1899-12-31"), "century"),
    ("Ende des 20. Jahrhunderts fiel die Mauer.",
     ("Ende des 20. Jahrhunderts", "19", "1966-01-01", "1999-12-31"), "century"),
    ("In den 1990er Jahren boomte die Wirtschaft.",
     ("1990er Jahren", "199", "1990-01-01", "1999-12-31"), "decade"),
    ("die 90er-Jahre", ("90er-Jahre", "199", "1990-01-01", "1999-12-31"), "decade"),
    ("in den Neunzigerjahren", ("Neunzigerjahren", "199", "1990-01-01", "1999-12-31"),
     "decade"),
    ("Mitte der 80er Jahre", ("Mitte der 80er Jahre", "198", "1984-01-01", "1986-12-31"),
     "decade"),
    ("Caesar starb 44 v. Chr. in Rom.", ("44 v. Chr.", "BC0044", None, None), "year"),
    ("Im Jahr 44 vor Christus starb Caesar.", ("Jahr 44 vor Christus", "BC0044", None, None),
     "year"),
    ("im 5. Jahrhundert v. Chr.", ("5. Jahrhundert v. Chr.", "BC04", None, None), "century"),
])
def test_decades_centuries_and_eras(text, expected, granularity):
    assert found(text) == [expected]
    assert timex.tag(text, anchor=TUE)["granularity"].tolist() == [granularity]


# -- bare years and numbers that are not years ----------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("nach der schon 2014 annektierten Krim", "2014"),
    ("direkt nach Beginn der Invasion 2022.", "2022"),
    ("2020 war ein schwieriges Jahr.", "2020"),
    ("seit 2014 im Amt", "2014"),
])
def test_bare_years(text, value):
    assert [row[1] for row in found(text)] == [value]


@pytest.mark.parametrize("text", [
    "Darlehen in Höhe von 140 Milliarden Euro",
    "Die Umfrage beruht auf 2.000 Interviews.",
    "Grünes Licht für das 19. Paket mit Sanktionen",
    "den Kauf von Patriot-Systemen in den USA",
    "Das kostet rund 2000 Euro.",
    "Es gab 1900 Neuinfektionen.",
    "Das steht in Nr. 2014 des Blatts.",
    "Er wohnt in der Straße 1500.",
    "Eine Auswertung von 1240 Banken liegt vor.",
    "Männer sterben im Schnitt 8,6 Jahre früher.",
])
def test_numbers_that_are_not_years(text):
    assert found(text) == []


# -- vague expressions ----------------------------------------------------------------------


@pytest.mark.parametrize("word", [
    "derzeit", "bald", "damals", "künftig", "kürzlich", "zuletzt", "mittlerweile", "bisher",
    "vorerst", "momentan", "jetzt", "nun", "bislang", "inzwischen",
])
def test_vague_words_get_no_date(word):
    frame = timex.tag(f"Die Lage ist {word} ruhig.", anchor=TUE)
    ref = ("FUTURE_REF" if word in ("bald", "künftig") else "PAST_REF"
           if word in ("damals", "kürzlich", "zuletzt", "bisher", "bislang") else "PRESENT_REF")
    assert frame[["text", "value", "kind"]].values.tolist() == [[word, ref, "vague"]]
    assert frame["vague"].tolist() == [True]
    assert frame["start_date"].isna().all() and frame["end_date"].isna().all()
    assert frame["granularity"].isna().all()


@pytest.mark.parametrize(("text", "expected"), [
    ("Der Ort wird zu einem späteren Zeitpunkt bekannt gegeben.", ["zu einem späteren Zeitpunkt"]),
    ("Das gilt bis auf Weiteres.", ["bis auf Weiteres"]),
    ("Die Zahl steigt seit Jahren.", ["seit Jahren"]),
    ("Zuletzt haben die USA die Türkei genutzt.", ["Zuletzt"]),
    ("nicht zuletzt wegen der Kosten", []),
    ("Trump selbst äußerte sich zunächst nicht dazu.", ["zunächst"]),
    ("Zunächst sprach Merkel, dann Scholz.", []),
])
def test_vague_phrases(text, expected):
    frame = timex.tag(text, anchor=TUE)
    assert frame["text"].tolist() == expected
    assert frame["vague"].all()


@pytest.mark.parametrize("text", [
    "die mit so viel Mühe erreichte Einigung",
    "Sie trafen sich mit dem Minister, so der Sprecher, die ganze Zeit.",
    "Die Maisernte und die Mainzer Messe",
    "Langfristig wird das funktionieren; danach sprach er mit dem Kremlchef.",
    "Die aktuelle Lage und der jetzige Frontverlauf",
])
def test_function_words_and_non_temporal_words_are_not_tagged(text):
    assert found(text) == []


# -- reported speech and narrative mode ------------------------------------------------------


def test_relative_expressions_in_a_quote_count_from_the_day_it_was_said():
    text = ("Eigentlich wollte er sich „wahrscheinlich in den nächsten zwei Wochen“ mit ihm "
            "treffen, wie Trump am vergangenen Donnerstag angekündigt hatte.")
    assert found(text, TUE) == [
        ("in den nächsten zwei Wochen", "P2W", "2025-10-16", "2025-10-30"),
        day("vergangenen Donnerstag", "2025-10-16"),
    ]


def test_speech_date_before_the_quote():
    text = "Putin sagte am Montag: „Morgen werden wir verhandeln.“"
    frame = timex.tag(text, anchor="2025-10-23")  # a Thursday
    assert found(text, "2025-10-23") == [day("Montag", "2025-10-20"), day("Morgen", "2025-10-21")]
    assert frame["anchor"].dt.strftime("%Y-%m-%d").tolist() == ["2025-10-23", "2025-10-20"]


def test_a_quote_without_a_speech_date_counts_from_the_anchor():
    text = 'Er schrieb auf X: "Der nächste Gipfel kommt morgen."'
    assert found(text, TUE) == [day("morgen", "2025-10-22")]


def test_narrative_mode_counts_from_the_last_absolute_date():
    text = ("Am 18. März 2014 unterzeichnete Putin den Vertrag. Er hatte am Montag "
            "gesprochen, vor zwei Wochen war es ruhig. Im Mai kam der Aufstand.")
    news = found(text, TUE)
    narrative = found(text, TUE, mode="narrative")
    assert [r[1] for r in news] == ["2014-03-18", "2025-10-20", "2025-W41", "2025-05"]
    assert [r[1] for r in narrative] == ["2014-03-18", "2014-03-17", "2014-W10", "2014-05"]
    anchors = timex.tag(text, anchor=TUE, mode="narrative")["anchor"]
    assert anchors.dt.strftime("%Y-%m-%d").tolist() == ["2025-10-21"] + ["2014-03-18"] * 3


def test_narrative_mode_uses_a_coarse_anchor_only_for_coarse_units():
    text = ("Im Jahr 2014 annektierte Russland die Krim. Im vergangenen Jahr und vor zwei Jahren "
            "war es ruhig, vor drei Tagen nicht. Im August 2014 kam er; vergangenen Monat ging er.")
    assert [r[1] for r in found(text, TUE, mode="narrative")] == [
        "2014", "2013", "2012", "2025-10-18", "2014-08", "2014-07"]


def test_narrative_mode_with_a_year_anchor_keeps_its_year_for_months():
    text = "Im Jahr 2014 annektierte Russland die Krim. Im März begann es."
    assert [r[1] for r in found(text, TUE, mode="narrative")] == ["2014", "2014-03"]
    assert [r[1] for r in found(text, TUE)] == ["2014", "2014-03"]  # the text's frame


# -- tense -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "tense"), [
    ("Er sagte am Montag nichts.", "past"),
    ("Er werde am Freitag kommen.", "future"),
    ("Das Treffen ist am Montag.", "present"),
    ("Er telefonierte am Montag mit ihr.", "past"),
    ("Die Firma hat im Juli Verluste gemeldet.", "past"),
    ("Firmen, die im Juli Verluste haben.", "present"),
    ("Kunden bekommen für stornierte Reisen im Juli Geld.", "present"),
    ("Anfang Juli hätte der Aufbau begonnen.", "present"),
    ("schüttelte der Premier Anfang März noch Hände", "past"),
    ("Sie änderte im Mai den Plan.", "past"),
    ("Die echte Krise kommt im Mai.", "present"),
    ("sich über Weihnachten im kleinen Kreis zu treffen und auf Reisen zu verzichten", "present"),
    ("Das Land will die Lage Anfang August bewerten.", "future"),
    ("Ich fürchte eine Pleitewelle im Herbst.", "present"),
    ("Sie wollen Feiern im Mai verbieten.", "future"),
])
def test_tense_of_the_clause(text, tense):
    assert timex.tag(text, anchor=TUE)["tense"].tolist() == [tense]


# -- the table -------------------------------------------------------------------------------


def test_table_columns_dtypes_and_order():
    text = "Heute und gestern, am 1. Mai 2020 und derzeit."
    frame = timex.tag(text, anchor=dt.date(2025, 10, 21))
    assert frame.columns.tolist() == timex.COLUMNS
    assert frame.index.equals(pd.RangeIndex(len(frame)))
    assert frame["start"].is_monotonic_increasing
    assert str(frame["start"].dtype) == "int64" and str(frame["end"].dtype) == "int64"
    for column in ("start_date", "end_date", "anchor"):
        assert str(frame[column].dtype) == "datetime64[ns]"
    for column in ("granularity", "modifier", "kind", "tense"):
        assert isinstance(frame[column].dtype, pd.CategoricalDtype)
    assert frame["vague"].dtype == bool
    assert frame["text"].tolist() == ["Heute", "gestern", "1. Mai 2020", "derzeit"]


def test_offsets_point_into_the_text():
    text = "Kiew\n\nVergangene Woche kam er. Am Montag (Ortszeit) sprach er."
    for row in timex.tag(text, anchor=TUE).itertuples():
        assert text[row.start:row.end] == row.text


def test_anchor_types_and_empty_text():
    for anchor in ("2025-10-21", dt.date(2025, 10, 21), pd.Timestamp("2025-10-21 18:30")):
        assert found("gestern", anchor) == [day("gestern", "2025-10-20")]
    empty = timex.tag("", anchor=TUE)
    assert empty.empty and empty.columns.tolist() == timex.COLUMNS
    assert str(empty["start_date"].dtype) == "datetime64[ns]"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"anchor": "no date"}, "anchor: expected a date"),
    ({"anchor": None}, "anchor: expected a date"),
    ({"anchor": TUE, "mode": "story"}, "mode must be one of news, narrative"),
])
def test_bad_arguments_say_what_was_expected(kwargs, message):
    with pytest.raises(ValueError, match=message):
        timex.tag("gestern", **kwargs)


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    # genitive weekday: a date, not the adverb
    ("Im Laufe des Samstags kamen 17 Fälle hinzu.", "2020-03-02", [day("Samstag", "2020-02-29")]),
    # capitalised adverb: a set
    ("Donnerstags sind wir immer da.", TUE, [("Donnerstags", "XXXX-WXX-4", None, None)]),
    ("Zweimal die Woche fährt ein Lkw vor.", TUE, [("Zweimal die Woche", "P1W", None, None)]),
    # verschieben auf: forward, though the clause is past
    ("Das Turnier wurde auf Juni verschoben.", "2020-04-20",
     [("Juni", "2020-06", "2020-06-01", "2020-06-30")]),
    # a count after a date is no year
    ("Seit 26. März 1437 Infektionsfälle.", "2020-04-20", [day("26. März", "2020-03-26")]),
    # a weekday with the date picks the year it fits (a live-blog heading in a future clause)
    ("Krones will Stellen abbauen Mittwoch, 16. September, 11.33 Uhr", "2020-09-20",
     [day("Mittwoch, 16. September, 11.33 Uhr", "2020-09-16T11:33")]),
    # the tense of the clause, not of the sentence
    ("Merz gab zu bedenken, dass am 7. Dezember die Mandate enden.", "2020-10-27",
     [day("7. Dezember", "2020-12-07")]),
    # names
    ("sagte er der „Bild am Sonntag“ auf der Straße des 17. Juni", TUE, []),
    ("dass sich B.1.1.7 ausbreiten wird", TUE, []),
    # bis weit in den: forward
    ("Sie regten einen Verzicht bis weit in den Januar hinein an.", "2020-12-18",
     [("Januar", "2021-01", "2021-01-01", "2021-01-31")]),
    # a scheduling verb in the present: the nearest occurrence, not the past one; a few
    # years before it: the decade around them (the interval keeps the years)
    ("das am 1. November beginnt und in den Jahren zuvor kein Hit war", "2020-09-15",
     [day("1. November", "2020-11-01"),
      ("Jahren zuvor", "201", "2015-11-01", "2019-11-01")]),
])
def test_corpus_cases(text, anchor, expected):
    assert found(text, anchor) == expected


def test_tag_articles_adds_article_id_and_anchors_on_the_published_day():
    articles = pd.DataFrame({
        "article_id": ["b", "a"],
        "published": pd.to_datetime(["2025-10-21 23:10", "2025-08-26 06:00"]),
        "text": ["Am Montag und gestern.", "Gestern."],
    })
    frame = timex.tag_articles(articles)
    assert frame.columns.tolist() == ["article_id"] + timex.COLUMNS
    assert frame[["article_id", "text", "value"]].values.tolist() == [
        ["a", "Gestern", "2025-08-25"], ["b", "Montag", "2025-10-20"],
        ["b", "gestern", "2025-10-20"],
    ]
    assert frame["anchor"].dt.strftime("%Y-%m-%d").tolist() == ["2025-08-26"] + \
        ["2025-10-21"] * 2


def test_tag_articles_names_missing_columns():
    with pytest.raises(KeyError, match="missing column"):
        timex.tag_articles(pd.DataFrame({"article_id": ["a"], "text": ["heute"]}))


def test_stage_version_is_a_string():
    assert isinstance(timex.STAGE_VERSION, str) and timex.STAGE_VERSION


# -- the seed gold ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_scores() -> pd.DataFrame:
    predicted = timex.tag_articles(load_corpus(config.SEEDS_DIR))
    scores = timex.score(predicted, timex.read_gold(GOLD_CSV))
    return scores.set_index("metric")["value"]


def test_value_accuracy_on_the_seed_gold(seed_scores):
    assert seed_scores["gold"] == 67
    assert seed_scores["value_accuracy"] >= 0.95
    assert seed_scores["exact_recall"] >= 0.9
    assert seed_scores["exact_precision"] >= 0.9


def test_score_counts_exact_and_overlapping_spans():
    gold = pd.DataFrame({
        "article_id": ["a", "a"], "start": [0, 10], "end": [5, 20], "value": ["2025", "XXXX"],
        "start_date": pd.to_datetime(["2025-01-01", None]),
        "end_date": pd.to_datetime(["2025-12-31", None]),
    })
    predicted = gold.iloc[[0]].assign(value="2024").copy()
    predicted = pd.concat([predicted, pd.DataFrame({
        "article_id": ["a"], "start": [12], "end": [25], "value": ["XXXX"],
        "start_date": pd.to_datetime([None]), "end_date": pd.to_datetime([None])})])
    scores = timex.score(predicted, gold).set_index("metric")["value"]
    assert scores["exact_precision"] == 0.5 and scores["exact_recall"] == 0.5
    assert scores["overlap_precision"] == 1.0 and scores["overlap_recall"] == 1.0
    assert scores["value_accuracy"] == 0.0


# -- issue 14: the reference time of a text, relative dates, lists and ranges, TIMEX3 values -----


def _values(text: str, anchor: str = "2020-05-04") -> list[tuple[str, str]]:
    return [(text_, value) for text_, value, *_ in found(text, anchor)]


@pytest.mark.parametrize(("text", "expected"), [
    # a year-less day, month or season takes its year from the date the text has set
    ("Die Belagerung begann am 3. Mai 1683. Am 12. September kam das Entsatzheer.",
     [("3. Mai 1683", "1683-05-03"), ("12. September", "1683-09-12")]),
    ("1862 brannte das Dorf nieder. Im Sommer bauten die Bauern es wieder auf.",
     [("1862", "1862"), ("Sommer", "1862-SU")]),
    ("Im März 1917 dankte der Zar ab. Im Juli scheiterte die Offensive.",
     [("März 1917", "1917-03"), ("Juli", "1917-07")]),
    # across a year end: the occurrence nearest the date of the text
    ("Im Dezember 1914 froren die Fronten ein. Im Januar folgte der nächste Angriff.",
     [("Dezember 1914", "1914-12"), ("Januar", "1915-01")]),
    # no date of its own yet: the publication date, by tense
    ("Im März sank die Zahl der Fälle.", [("März", "2020-03")]),
    # the text came back to the present: gestern moves the focus back
    ("Im Jahr 1990 fiel die Mauer. Gestern sagte sie, im August werde sie reisen.",
     [("Jahr 1990", "1990"), ("Gestern", "2020-05-03"), ("August", "2020-08")]),
    # a future clause does not look from a past year
    ("1999 war sie Ministerin. Im August will sie wieder kandidieren.",
     [("1999", "1999"), ("August", "2020-08")]),
    # seit reaches up to the present and sets no frame
    ("Seit 2015 leitet er den Verein. Im März war er krank.",
     [("2015", "2015"), ("März", "2020-03")]),
    # points of comparison, attributes and limits set no frame; nun brings the text back
    ("Es gab weniger Gold als 2012. Im Februar stieg der Preis.",
     [("2012", "2012"), ("Februar", "2020-02")]),
    ("Ein Thriller von 1981 sagte das voraus. Im März erschien er neu.",
     [("1981", "1981"), ("März", "2020-03")]),
    ("Sie lag höher als im Vergleich zum Mai 2019. Im April stieg sie.",
     [("Mai 2019", "2019-05"), ("April", "2020-04")]),
    ("1999 gewann sie. Nun arbeitet sie am Film. Im Herbst wurde gedreht.",
     [("1999", "1999"), ("Nun", "PRESENT_REF"), ("Herbst", "2019-FA")]),
    # a comma inside a number does not end the clause: "gestiegen" still makes it past
    ("Im Jahr 2019 sank der Absatz. Von Januar bis März sind die Zahlen um 21,5 Prozent "
     "gestiegen.", [("Jahr 2019", "2019"), ("Von Januar bis März", "2019-01/2019-03")]),
    # perfect with sein is past: the year of the text
    ("Im Jahr 2019 sank der Absatz. Von Januar bis März sind die Zahlen gestiegen.",
     [("Jahr 2019", "2019"), ("Von Januar bis März", "2019-01/2019-03")]),
    # a year mentioned paragraphs ago no longer frames the text
    ("Er kam 1975 nach Bremen." + " Es regnete viel." * 30 + " Im März war er krank.",
     [("1975", "1975"), ("März", "2020-03")]),
])
def test_reference_time_of_the_text(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Am 22. April 1915 griffen sie an. Zwei Tage später folgte der nächste Angriff.",
     [("22. April 1915", "1915-04-22"), ("Zwei Tage später", "1915-04-24")]),
    ("Am 2. Juni 1953 wurde sie gekrönt. Am folgenden Tag feierte London.",
     [("2. Juni 1953", "1953-06-02"), ("folgenden Tag", "1953-06-03")]),
    ("Die Firma wurde 1998 gegründet. Im Jahr darauf ging sie an die Börse.",
     [("1998", "1998"), ("Jahr darauf", "1999")]),
    ("Der Vertrag galt ab dem 1. Juli 1990. Drei Monate zuvor hatte man verhandelt.",
     [("1. Juli 1990", "1990-07-01"), ("Drei Monate zuvor", "1990-04")]),
    ("Am 9. November 1989 fiel die Mauer, tags darauf kamen Tausende.",
     [("9. November 1989", "1989-11-09"), ("tags darauf", "1989-11-10")]),
    ("Am 9. November 1989 fiel die Mauer, am selben Abend feierten sie.",
     [("9. November 1989", "1989-11-09"), ("selben Abend", "1989-11-09TEV")]),
    # a chain: each counts from the one before
    ("Am 1. März 1921 begann es. Zwei Tage später eskalierte es, eine Woche später war es vorbei.",
     [("1. März 1921", "1921-03-01"), ("Zwei Tage später", "1921-03-03"),
      ("eine Woche später", "1921-W10")]),
    # no date before: the publication day
    ("Am nächsten Tag war alles anders.", [("nächsten Tag", "2020-05-05")]),
    # a few: the next coarser unit around an approximate interval after the reference
    ("Am 2. Mai 1990 kam er an. Wenige Tage später reiste er ab.",
     [("2. Mai 1990", "1990-05-02"), ("Wenige Tage später", "1990-05")]),
    ("Er starb am 2. Mai 1990. Einige Jahre zuvor war er erkrankt.",
     [("2. Mai 1990", "1990-05-02"), ("Einige Jahre zuvor", "198")]),
    # a year only: the shift is told in years
    ("Das geschah 1915. Zwei Tage später brannte die Stadt.",
     [("1915", "1915"), ("Zwei Tage später", "1915")]),
])
def test_dates_relative_to_an_earlier_date(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Am Montag um 20 Uhr beginnt das Spiel.",
     [day("Montag", "2020-05-04"), day("20 Uhr", "2020-05-04T20:00")]),
    ("Am 3. Mai 1945 um 8.15 Uhr kapitulierte die Stadt.",
     [day("3. Mai 1945", "1945-05-03"), day("8.15 Uhr", "1945-05-03T08:15")]),
    ("Das Jahr 1915: um 10 Uhr begann es.",
     [("Jahr 1915", "1915", "1915-01-01", "1915-12-31"),
      ("10 Uhr", "XXXX-XX-XXT10:00", None, None)]),
])
def test_clock_times_on_the_day_of_the_reference(text, expected):
    assert found(text, "2020-05-04") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Geöffnet am Montag von 8 bis 19 Uhr.",
     [day("Montag", "2020-05-04"),
      ("von 8 bis 19 Uhr", "2020-05-04T08:00/2020-05-04T19:00", "2020-05-04", "2020-05-04")]),
    ("Die Quarantäne dauert zwei bis drei Wochen.",
     [("zwei bis drei Wochen", "P2W/P3W", None, None)]),
    ("Dienstag, 5. Mai, 14.00 Uhr: Neue Zahlen.",
     [day("Dienstag, 5. Mai, 14.00 Uhr", "2020-05-05T14:00")]),
])
def test_time_and_length_ranges_and_time_stamps(text, expected):
    assert found(text, "2020-05-04") == expected


def test_later_than_is_a_length():
    assert found("Die Bahn kam zwei Stunden später als geplant.") == [
        ("zwei Stunden", "PT2H", None, None)]
    assert found("Sie sterben 8,5 Jahre später als andere.") == [
        ("8,5 Jahre", "P8Y6M", None, None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Das Paket kam innerhalb eines Tages an.", [("eines Tages", "P1D", None, None)]),
    ("Eines Tages kam er zurück.", [("Eines Tages", "FUTURE_REF", None, None)]),
    ("Das Problem besteht seit Jahren.", [("seit Jahren", "PXY", None, None)]),
    ("Er wartete eine halbe Stunde.", [("eine halbe Stunde", "PT30M", None, None)]),
])
def test_timex3_values_of_lengths_and_vague_phrases(text, expected):
    assert found(text, "2020-05-04") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Das dauert ein paar Tage.", [("ein paar Tage", "PXD", None, None)]),
    ("Er arbeitete viele Jahre dort.", [("viele Jahre", "PXY", None, None)]),
    ("Sie stritten jahrelang, nach wochenlangen Debatten.",
     [("jahrelang", "PXY", None, None), ("wochenlangen", "PXW", None, None)]),
    ("Am 3. Mai 2020 waren es 50, am Vortag 40.",
     [day("3. Mai 2020", "2020-05-03"), day("Vortag", "2020-05-02")]),
    # opening hours in force are of any day (TIMEX_GUIDELINES: times of a generic day)
    ("Die Kasse schließt um vier Uhr.", [("vier Uhr", "XXXX-XX-XXT04:00", None, None)]),
    ("Raffael wurde 1483 geboren.", [("1483", "1483", None, None)]),
    ("Es gab 1452 weitere Fälle.", []),
    ("Die Zahl stieg auf 1602, als genesen gelten 1335.", []),
    ("Das ergibt 1613 minus 1270 gleich 343.", []),
])
def test_unquantified_lengths_relative_days_hour_words_old_years(text, expected):
    assert found(text, "2020-05-04") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Heute regnet es.", [day("Heute", "2020-05-04")]),
    ("Damals wie heute streiten sie.", [("Damals", "PAST_REF", None, None),
                                         ("heute", "PRESENT_REF", None, None)]),
    ("1935 wurde sie ein Museum. Heute steht sie unter Schutz.",
     [("1935", "1935", "1935-01-01", "1935-12-31"), ("Heute", "PRESENT_REF", None, None)]),
    ("1935 wurde sie ein Museum. Bis heute steht sie unter Schutz.",
     [("1935", "1935", "1935-01-01", "1935-12-31"), day("heute", "2020-05-04")]),
])
def test_heute_is_the_day_or_nowadays(text, expected):
    assert found(text, "2020-05-04") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a length in two units is one (the bench guidelines)
    ("Er brauchte 7 Minuten und eine Sekunde.",
     [("7 Minuten und eine Sekunde", "PT7M1S", None, None)]),
    ("Die U-Bahn kommt alle 10 Minuten, der Bus alle zwei Stunden.",
     [("alle 10 Minuten", "PT10M", None, None), ("alle zwei Stunden", "PT2H", None, None)]),
])
def test_minutes_seconds_and_every_n_units(text, expected):
    assert found(text, "2020-05-04") == expected


@pytest.mark.parametrize("text", [
    "Am 3. Mai 1945 kapitulierte die Stadt. Kurz danach kamen die Truppen.",
    "Am 3. Mai 1945 kapitulierte die Stadt, bald darauf kamen die Truppen.",
    "Am 3. Mai 1945 kapitulierte die Stadt. Unmittelbar danach kamen die Truppen.",
])
def test_shortly_after_only_orders_events_and_is_not_tagged(text):
    frame = timex.tag(text, anchor="2020-05-04")  # TIMEX_GUIDELINES: like danach, no timex
    assert list(frame["text"]) == ["3. Mai 1945"]


def test_a_quantity_before_danach_is_still_a_date():
    frame = timex.tag("Am 3. Mai 1945 kapitulierte die Stadt. Zwei Tage danach kamen sie.",
                      anchor="2020-05-04")
    assert list(zip(frame["text"], frame["value"], strict=True)) == [
        ("3. Mai 1945", "1945-05-03"), ("Zwei Tage danach", "1945-05-05")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Am 22. und 25. August 1916 griffen sie an.",
     [("22.", "1916-08-22", "1916-08-22", "1916-08-22"),
      ("25. August 1916", "1916-08-25", "1916-08-25", "1916-08-25")]),
    ("Gespielt wird am 3., 5. und 7. Juni 2019.",
     [("3.", "2019-06-03", "2019-06-03", "2019-06-03"),
      ("5.", "2019-06-05", "2019-06-05", "2019-06-05"),
      ("7. Juni 2019", "2019-06-07", "2019-06-07", "2019-06-07")]),
    ("Das war am 30. April und 1. Mai 1945.",
     [("30. April", "1945-04-30", "1945-04-30", "1945-04-30"),
      ("1. Mai 1945", "1945-05-01", "1945-05-01", "1945-05-01")]),
    ("Sie lebte hier im Mai und Juni 1941.",
     [("Mai", "1941-05", "1941-05-01", "1941-05-31"),
      ("Juni 1941", "1941-06", "1941-06-01", "1941-06-30")]),
])
def test_coordinated_dates_share_month_and_year(text, expected):
    assert found(text, "2020-05-04") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Messe fand 2018 vom 11. bis 15. September statt.",
     ("vom 11. bis 15. September", "2018-09-11/2018-09-15", "2018-09-11", "2018-09-15")),
    ("In der Nacht vom 27./28. September 1943 brannte es.",
     ("vom 27./28. September 1943", "1943-09-27/1943-09-28", "1943-09-27", "1943-09-28")),
    ("Die Kämpfe dauerten von Juni 1941 bis Februar 1943.",
     ("von Juni 1941 bis Februar 1943", "1941-06/1943-02", "1941-06-01", "1943-02-28")),
    ("Das Werk ruhte zwischen dem 3. und 9. März 2011.",
     ("zwischen dem 3. und 9. März 2011", "2011-03-03/2011-03-09", "2011-03-03",
      "2011-03-09")),
    ("Geöffnet war zwischen 11. und 15. Mai 2020.",
     ("zwischen 11. und 15. Mai 2020", "2020-05-11/2020-05-15", "2020-05-11", "2020-05-15")),
])
def test_ranges_are_one_expression_with_start_and_end(text, expected):
    assert found(text, "2020-05-04")[-1] == expected


def test_dates_before_1678_and_before_christ_have_years_and_day_numbers():
    text = ("Die Schlacht bei Hastings war am 14. Oktober 1066. Rom zerstörte Karthago im Jahr "
            "146 v. Chr., das im 9. Jahrhundert v. Chr. gegründet worden war. Im Jahr 800 "
            "wurde Karl gekrönt.")
    frame = timex.tag(text, anchor="2020-05-04")
    assert frame["value"].tolist() == ["1066-10-14", "BC0146", "BC08", "0800"]
    assert frame["start_date"].isna().all()  # no Timestamp holds them
    assert frame["start_year"].tolist() == [1066, -146, -900, 800]
    assert frame["end_year"].tolist() == [1066, -146, -801, 800]
    days = frame["start_day"].tolist()
    assert days[0] == (dt.date(1066, 10, 14) - dt.date(1970, 1, 1)).days
    assert days[1] < days[0] and frame["end_day"].iloc[1] - days[1] == 364  # 146 BC: 365 days
    assert days[2] < days[1]


def test_day_numbers_agree_with_the_timestamps():
    frame = timex.tag("Am 18. August 2025 und im Jahr 1970 geschah es.", anchor=TUE)
    stamps = frame["start_date"].astype("datetime64[s]").astype("int64") // 86400
    assert frame["start_day"].tolist() == stamps.tolist()
    assert frame["end_day"].tolist() == [20318, 364]


@pytest.mark.parametrize(("text", "value"), [
    ("Die Lage ist derzeit ruhig.", "PRESENT_REF"),
    ("Damals war alles anders.", "PAST_REF"),
    ("Das wird sich in Kürze ändern.", "FUTURE_REF"),
    ("In der 20. Kalenderwoche, also in der Woche vom 11. Mai.", None),
])
def test_vague_expressions_get_reference_values(text, value):
    values = [v for _, v, *_ in found(text, "2020-05-04")]
    assert (values[:1] == [value]) if value else "PRESENT_REF" not in values


# -- issue 14, second pass: weekdays, heute, clock times (invented sentences) ------------------


@pytest.mark.parametrize(("anchor", "text", "expected"), [
    # a weekday in apposition to a date is that date, whatever the tense says
    ("2020-09-10", "Am 27. September, dem Sonntag des Rennens, laufen sie.",
     [day("27. September", "2020-09-27"), day("Sonntag", "2020-09-27")]),
    ("2020-03-21", "Am Freitag, ausgerechnet dem 13. März, schlossen die Schulen.",
     [day("Freitag", "2020-03-13"), day("13. März", "2020-03-13")]),
    # "Mittwoch, 27. Januar" is no Wednesday in the year the text has set: the one near the anchor
    ("2021-01-27", "Im Jahr 2020 begann es. Mittwoch, 27. Januar: Die Zahlen steigen.",
     [("Jahr 2020", "2020", "2020-01-01", "2020-12-31"),
      day("Mittwoch, 27. Januar", "2021-01-27")]),
    # past tense: the most recent; a scheduled event in the present: the coming one
    ("2020-05-04", "Am Mittwoch kam er zurück.", [day("Mittwoch", "2020-04-29")]),
    ("2020-05-04", "Der Mittwoch beginnt mit einer Lesung. Am Samstag findet kein Programm statt.",
     [day("Mittwoch", "2020-05-06"), day("Samstag", "2020-05-09")]),
    ("2020-05-04", "Die am Sonntag startenden Spiele sind ausverkauft.",
     [day("Sonntag", "2020-05-10")]),
])
def test_weekdays_in_the_week_the_text_means(anchor, text, expected):
    assert found(text, anchor) == expected


@pytest.mark.parametrize(("anchor", "text", "expected"), [
    # strong verbs in the preterite are past cues: the last November, the spring of this year
    ("2020-09-06", "Ende November erstach ein Mann zwei Menschen.",
     [("Ende November", "2019-11", "2019-11-21", "2019-11-30")]),
    ("2020-12-30", "Im Frühjahr ahnte er nichts.",
     [("Frühjahr", "2020-SP", "2020-03-01", "2020-05-31")]),
    ("2020-01-10", "Im Dezember verlor die Partei die Wahl.",
     [("Dezember", "2019-12", "2019-12-01", "2019-12-31")]),
])
def test_year_of_partial_dates_by_strong_past_verbs(anchor, text, expected):
    assert found(text, anchor) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Die heute 34 Jahre alte Tochter klagte.",
     [("heute", "PRESENT_REF", None, None), ("34 Jahre", "P34Y", None, None)]),
    ("Der heute 49-Jährige schwieg.", [("heute", "PRESENT_REF", None, None)]),
    ("Konstantinopel – heute Istanbul – war die Hauptstadt.",
     [("heute", "PRESENT_REF", None, None)]),
    ("Der Verein spielte einst in Bamberg. Er heißt heute anders.",
     [("einst", "PAST_REF", None, None), ("heute", "PRESENT_REF", None, None)]),
    ("Gestern gab es Streit. Heute ist es ruhig.",
     [day("Gestern", "2020-05-03"), day("Heute", "2020-05-04")]),
    ("Die Polizei meldete das. Heute ist alles ruhig.", [day("Heute", "2020-05-04")]),
    ("Bis 2015 standen hier Container. Heute steht hier ein Gericht.",
     [("2015", "2015", "2015-01-01", "2015-12-31"), ("Heute", "PRESENT_REF", None, None)]),
    ("Heute ist der Laden geschlossen.", [day("Heute", "2020-05-04")]),
])
def test_heute_nowadays_by_age_apposition_and_state_after_the_past(text, expected):
    assert found(text, "2020-05-04") == expected


@pytest.mark.parametrize(("anchor", "text", "expected"), [
    ("2020-11-25", "Aktuell sind 713 Personen infiziert (Stand: Mittwoch, 14 Uhr).",
     [("Aktuell", "PRESENT_REF", None, None), day("Mittwoch, 14 Uhr", "2020-11-25T14:00")]),
    ("2020-05-04", "Die Kasse schließt um vier Uhr nachmittags.",  # opening hours: any day
     [("vier Uhr nachmittags", "XXXX-XX-XXT16:00", None, None)]),
    ("2020-05-04", "Am Dienstag um 14 Uhr tagte der Rat.",
     [day("Dienstag", "2020-04-28"), day("14 Uhr", "2020-04-28T14:00")]),
])
def test_clock_times_take_the_day_of_the_reference(anchor, text, expected):
    assert found(text, anchor) == expected


@pytest.mark.parametrize(("anchor", "text", "expected"), [
    # a diary or live-blog entry is its own "today": deictic expressions count from its stamp
    ("2020-11-16", "Freitag, 30. Oktober 2020\nHeute ist es windig. Um 12.55 Uhr klingelt es.",
     [day("Freitag, 30. Oktober 2020", "2020-10-30"), day("Heute", "2020-10-30"),
      day("12.55 Uhr", "2020-10-30T12:55")]),
    ("2021-01-05", "Sonntag, 15. November, 18.22 Uhr: Das Amt hat am Samstag 25 Fälle gemeldet.",
     [day("Sonntag, 15. November, 18.22 Uhr", "2020-11-15T18:22"),
      day("Samstag", "2020-11-14")]),
    # the stamps of a chronicle count from publication, not from the stamp before them
    ("2020-05-29", "9. April: Ein Anschlag. Am Vortag gab es Streit.\n10. April: Wieder einer.",
     [day("9. April", "2020-04-09"), day("Vortag", "2020-04-08"), day("10. April", "2020-04-10")]),
    # not a stamp: a date inside a sentence
    ("2020-05-29", "Die Polizei meldete am Montag, 25. Mai, einen Einbruch. Heute ist es ruhig.",
     [day("Montag, 25. Mai", "2020-05-25"), day("Heute", "2020-05-29")]),
])
def test_time_stamps_of_entries_are_their_reference(anchor, text, expected):
    assert found(text, anchor) == expected


def test_numeric_date_ranges_are_one_expression():
    assert found("Ausstellung vom 2.10.2020 – 20.3.2022, Di–So, 10–18 Uhr.", "2020-10-02")[0] == (
        "vom 2.10.2020 – 20.3.2022", "2020-10-02/2022-03-20", "2020-10-02", "2022-03-20")


@pytest.mark.parametrize(("text", "expected"), [
    # history told in order: later in the frame's year, over the turn of the year when close,
    # else earlier in its year; the pluperfect looks back
    ("Am 18. März 1990 wählte die DDR. Im Oktober folgte die Einheit. Im Juni hatte die "
     "Volkskammer getagt.",
     [day("18. März 1990", "1990-03-18"), ("Oktober", "1990-10", "1990-10-01", "1990-10-31"),
      ("Juni", "1990-06", "1990-06-01", "1990-06-30")]),
    ("Im Dezember 1914 stockte der Krieg. Im Januar griffen die Russen an, am 22. April kam "
     "das Gas.",
     [("Dezember 1914", "1914-12", "1914-12-01", "1914-12-31"),
      ("Januar", "1915-01", "1915-01-01", "1915-01-31"), day("22. April", "1915-04-22")]),
    ("Im Oktober 1990 kam die Einheit. Im März waren die ersten freien Wahlen gewesen.",
     [("Oktober 1990", "1990-10", "1990-10-01", "1990-10-31"),
      ("März", "1990-03", "1990-03-01", "1990-03-31")]),
    # a year named in passing is no reference for "zehn Tage später"
    ("Am 28. Januar warnte ihn ein Berater vor einer Lage wie der Grippe von 1918. Zehn Tage "
     "später rief er an.",
     [day("28. Januar", "2020-01-28"), ("1918", "1918", "1918-01-01", "1918-12-31"),
      day("Zehn Tage später", "2020-02-07")]),
    # the night between two days, a part of a named day
    ("In der Nacht vom 9. auf den 10. November 1938 brannten die Synagogen.",
     [day("Nacht vom 9. auf den 10. November 1938", "1938-11-09TNI")]),
    ("Am Morgen des 6. Juni 1944 landeten die Alliierten, am Abend des 7. Juni kam Nachschub.",
     [day("Morgen des 6. Juni 1944", "1944-06-06TMO"), day("Abend des 7. Juni", "1944-06-07TEV")]),
])
def test_narrative_reference_time(text, expected):
    assert found(text, "2020-05-08") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Im Juli des Jahres 1944 scheiterte das Attentat, im Mai desselben Jahres war er verhaftet "
     "worden.",
     [("Juli des Jahres 1944", "1944-07", "1944-07-01", "1944-07-31"),
      ("Mai desselben Jahres", "1944-05", "1944-05-01", "1944-05-31")]),
    ("Zu Ostern 1916 kam der Aufstand. Im Sommer des folgenden Jahres kam die Revolution.",
     [("Ostern 1916", "1916-04-23", "1916-04-21", "1916-04-24"),
      ("Sommer des folgenden Jahres", "1917-SU", "1917-06-01", "1917-08-31")]),
    ("Anfang der Neunziger kam die Einheit.",
     [("Anfang der Neunziger", "199", "1990-01-01", "1993-12-31")]),
])
def test_months_and_seasons_of_the_year_told(text, expected):
    assert found(text, "2020-05-08") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Raffael ist 1483 in Urbino geboren.", [("1483", "1483", None, None)]),
    ("Anno 1648 endete der Krieg.", [("1648", "1648", None, None)]),
    ("Das erste Haus wurde 1881 in Wismar eröffnet.",
     [("1881", "1881", "1881-01-01", "1881-12-31")]),
    ("Die Bilder hatte er 1815 durch einen Händler erworben.",
     [("1815", "1815", "1815-01-01", "1815-12-31")]),
    ("Die Stadt war bekannt – 1892 wütete die Cholera.",
     [("1892", "1892", "1892-01-01", "1892-12-31")]),
    ("Es gab Krisen 2016, 2017 und 2018.",
     [("2016", "2016", "2016-01-01", "2016-12-31"), ("2017", "2017", "2017-01-01", "2017-12-31"),
      ("2018", "2018", "2018-01-01", "2018-12-31")]),
    # counts stay counts
    ("Nur 21 Menschen starben, 1147 hatten sich infiziert.", []),
    ("3000 Demonstranten kamen in München, 1000 in Berlin.", []),
    ("Mehr als 1000 mit dem Virus infiziert.", []),
    ("Das Honorar wär 1000 fl. in Gold.", []),
    ("IBAN DE18 2005 0550 1500 9338 64", []),
])
def test_bare_years_in_narratives_and_counts(text, expected):
    assert found(text, "2020-05-08") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Am 3. Mai 1945 kapitulierte die Stadt. Am Abend feierten sie, in der Nacht schliefen sie. "
     "An diesem Tag war alles anders. In dem Jahr starben viele.",
     [day("3. Mai 1945", "1945-05-03"), day("Abend", "1945-05-03TEV"),
      day("Nacht", "1945-05-03TNI"), day("diesem Tag", "1945-05-03"),
      ("dem Jahr", "1945", "1945-01-01", "1945-12-31")]),
    ("Am Montag trat er zurück. Am Abend gab es eine Feier.",
     [day("Montag", "2020-05-04"), day("Abend", "2020-05-04TEV")]),
    # "Guten Morgen" is no date; "jeden Abend" every evening, a set as in the bench golds
    ("Guten Morgen! Jeden Abend liest er.", [("Jeden Abend", "XXXX-XX-XXTEV", None, None)]),
])
def test_parts_of_the_day_and_anaphors_of_the_reference_time(text, expected):
    assert found(text, "2020-05-08") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Es gab bis zu 10 000 Anrufe am Tag, vier Millionen Touristen im Jahr.",
     [("Tag", "P1D", None, None), ("Jahr", "P1Y", None, None)]),
    ("Im Jahr der Pandemie sank das. Am Tag der Wahl regnete es.", []),
    ("Er arbeitet morgens und abends, Tag für Tag.",
     [("morgens", "XXXX-XX-XXTMO", None, None), ("abends", "XXXX-XX-XXTEV", None, None),
      ("Tag für Tag", "P1D", None, None)]),
    ("Um elf Uhr nachts kam er, um zwei Uhr nachts ging er, um sieben Uhr morgens schlief er.",
     [day("elf Uhr nachts", "2020-05-08T23:00"), day("zwei Uhr nachts", "2020-05-08T02:00"),
      day("sieben Uhr morgens", "2020-05-08T07:00")]),
])
def test_sets_per_unit_habitual_parts_and_clock_words(text, expected):
    assert found(text, "2020-05-08") == expected


def test_history_told_in_the_present_keeps_its_year():
    assert found("Am 22. April 1915 setzen die Deutschen Giftgas ein. Im Mai folgt die nächste "
                 "Offensive, im August stehen die Truppen vor Warschau.", "2020-05-08") == [
        day("22. April 1915", "1915-04-22"), ("Mai", "1915-05", "1915-05-01", "1915-05-31"),
        ("August", "1915-08", "1915-08-01", "1915-08-31")]
    # a recent date told in the present does not pull this year's plans back
    assert found("Am 3. Februar 2018 beginnt seine Amtszeit. Im Mai wird er abgewählt.",
                 "2020-05-08")[1] == ("Mai", "2020-05", "2020-05-01", "2020-05-31")


@pytest.mark.parametrize(("anchor", "text", "expected"), [
    ("2020-12-20", "Im neuen Jahr wird alles besser. Anfang des neuen Jahres kommt der Impfstoff.",
     [("neuen Jahr", "2021", "2021-01-01", "2021-12-31"),
      ("Anfang des neuen Jahres", "2021", "2021-01-01", "2021-04-30")]),
    ("2021-01-05", "Im neuen Jahr ist alles anders.",
     [("neuen Jahr", "2021", "2021-01-01", "2021-12-31")]),
])
def test_the_new_year(anchor, text, expected):
    assert found(text, anchor) == expected


def test_offset_ranges_are_dates_and_plain_ranges_lengths():
    assert found("Es soll in fünf bis acht Jahren fertig sein. Vor zwei bis drei Wochen kam er. "
                 "Es dauert zwei bis drei Monate.", "2021-02-21") == [
        ("in fünf bis acht Jahren", "2026/2029", "2026-01-01", "2029-12-31"),
        ("Vor zwei bis drei Wochen", "2021-W04/2021-W05", "2021-01-25", "2021-02-07"),
        ("zwei bis drei Monate", "P2M/P3M", None, None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("1914 begann der Krieg. Im nächsten Jahr trat Italien ein.",
     [("1914", "1914", "1914-01-01", "1914-12-31"),
      ("nächsten Jahr", "1915", "1915-01-01", "1915-12-31")]),
    ("2016 druckte Ikea viel. Auch im nächsten Jahr werden wieder Bibeln verkauft.",
     [("2016", "2016", "2016-01-01", "2016-12-31"),
      ("nächsten Jahr", "2021", "2021-01-01", "2021-12-31")]),
])
def test_next_year_is_relative_in_the_past_and_deictic_otherwise(text, expected):
    assert found(text, "2020-12-07") == expected


def test_a_weekday_of_a_date_before_the_gregorian_calendar_keeps_the_narrative_year():
    # 3 April 1500 is no Friday in the proleptic Gregorian calendar (it is in 2020, the year of
    # publication): the weekday of a Julian date is not checked, the frame of 1500 holds.
    found = timex.tag("Im Jahr 1500 kam der Kaufmann nach Augsburg. Am Freitag, 3. April, "
                      "erreichte er die Stadt.", anchor="2020-05-01")
    assert found["value"].tolist() == ["1500", "1500-04-03"]


# -- ranges of named days, coordinations (issue 14, dev2 session) ---------------------------


@pytest.mark.parametrize(("anchor", "text", "expected"), [
    # Thursday 2020-05-28: the pair of days that ends on the last Thursday (here: today)
    ("2020-05-28", "Von Mittwoch auf Donnerstag regnete es in Kassel.",
     [("Von Mittwoch auf Donnerstag", "2020-05-27/2020-05-28", "2020-05-27", "2020-05-28")]),
    ("2020-05-28", "Der Zug war in der Nacht von Montag auf Dienstag abgefahren.",
     [("Nacht von Montag auf Dienstag", "2020-05-25TNI", "2020-05-25", "2020-05-25")]),
    ("2020-04-02", "Das Freibad bleibt von Karfreitag bis Ostermontag zu.",
     [("von Karfreitag bis Ostermontag", "2020-04-10/2020-04-13", "2020-04-10",
       "2020-04-13")]),
    # a present clause with no date near: every week
    ("2020-04-07", "Der Kiosk öffnet von Montag bis Freitag.",
     [("von Montag bis Freitag", "XXXX-WXX-1/XXXX-WXX-5", None, None)]),
])
def test_ranges_of_named_days(anchor, text, expected):
    assert found(text, anchor) == expected


def test_two_years_joined_by_und_are_two_expressions_a_range_needs_bis():
    assert [(t, v) for t, v, *_ in found("In den Jahren 2014 und 2015 wuchs sie, in den Jahren "
                                          "2016 bis 2018 nicht.", "2021-01-11")] == [
        ("Jahren 2014", "2014"), ("2015", "2015"), ("Jahren 2016 bis 2018", "2016/2018")]


def test_lengths_joined_by_oder_are_two_and_zwischen_und_is_a_range_of_lengths():
    assert [(t, v) for t, v, *_ in found("Es dauert zwei oder drei Wochen. Gefragt waren "
                                          "Läufer zwischen 50 und 69 Jahren.")] == [
        ("zwei", "P2W"), ("drei Wochen", "P3W"), ("zwischen 50 und 69 Jahren", "P50Y/P69Y")]


@pytest.mark.parametrize(("anchor", "text", "value"), [
    # Sunday 2021-01-03: a present clause with any present verb looks forward
    ("2021-01-03", "Der Umzug steht an diesem Mittwoch an.", "2021-01-06"),
    ("2020-08-09", "Am Donnerstag gibt es Suppe in der Kantine.", "2020-08-13"),
    ("2020-08-09", "Am Donnerstag gab es Suppe in der Kantine.", "2020-08-06"),
])
def test_a_weekday_in_a_present_clause_looks_forward(anchor, text, value):
    assert found(text, anchor)[0][1] == value


def test_a_bare_weekday_repeats_the_one_named_with_a_forward_word_before():
    # Saturday 2021-01-09: "am Samstag" after "am kommenden Samstag" is that Saturday again
    rows = found("Der Chor probt am kommenden Samstag. Am Samstag singt er auch "
                 "im Dom.", "2021-01-09")
    assert [v for _, v, *_ in rows] == ["2021-01-16", "2021-01-16"]
    # Monday 2020-12-07: a Monday named with "vergangenen" is not repeated by "seit Montag"
    rows = found("Am vergangenen Montag schneite es. Seit Montag gibt es neue Baustellen.",
                 "2020-12-07")
    assert [v for _, v, *_ in rows] == ["2020-11-30", "2020-12-07"]


def test_vielleicht_looks_forward_in_a_clause_without_a_verb():
    # Monday 2021-01-04: the summer and autumn ahead, not those just past
    assert [v for _, v, *_ in found("Wann öffnet der Zoo? Vielleicht im Sommer. Vielleicht "
                                    "können wir im Herbst das Fest feiern.",
                                    "2021-01-04")] == ["2021-SU", "2021-FA"]


def test_the_coming_year_named_in_a_forecast_does_not_frame_what_follows():
    # Tuesday 2020-11-10: "im Winter" is the winter ahead (2020-WI), not the one of 2021
    assert [v for _, v, *_ in found("Der Umsatz sinke 2020, steige 2021 jedoch wieder. "
                                    "Im Winter dürfte er stagnieren.", "2020-11-10")] == [
        "2020", "2021", "2020-WI"]


@pytest.mark.parametrize(("anchor", "text", "values"), [
    # the year before the year just named, which frames nothing after it
    ("2020-07-02", "Schon 2019 fiel die Ernte um 43 Prozent zum Vorjahr. Im selben "
                   "Jahr sank der Preis.", ["2019", "2018", "2019"]),
    ("2021-02-02", "Im Jahr 2020 kamen viele Gäste. Das Hotel zählte mehr als im "
                   "Vorjahr.", ["2020", "2019"]),
    # no date just before: the year before publication
    ("2021-02-02", "Das Hotel zählte mehr als im Vorjahr.", ["2020"]),
    # a Vortag does not count from another Vortag, nor from a record told in the pluperfect
    ("2020-10-23", "Der Pegel stand am Freitagmorgen bei vier Metern, mehr als am Vortag. Am "
                   "Vortag war ein Rekord gemessen worden.", ["2020-10-23TMO", "2020-10-22",
                                                      "2020-10-22"]),
    ("2021-02-28", "Der Höchststand war am 18. Dezember gemessen worden. Der Pegel war so hoch "
                   "wie am Vortag.", ["2020-12-18", "2021-02-27"]),
])
def test_vorjahr_and_vortag_count_from_the_date_they_are_compared_with(anchor, text, values):
    assert [v for _, v, *_ in found(text, anchor)] == values


@pytest.mark.parametrize(("anchor", "text", "expected"), [
    ("2020-12-28", "Vor genau einer Woche waren es mehr.", ("Vor genau einer Woche", "2020-W52")),
    ("2020-05-01", "Er hat das Haus vor bald zwei Jahren gekauft.",
     ("vor bald zwei Jahren", "2018")),
    ("2020-12-30", "Die Brücke wurde vor nicht einmal 20 Jahren gebaut.",
     ("vor nicht einmal 20 Jahren", "2000")),
    # the turn of the year nearest the anchor, written as the new year's first day
    ("2021-02-02", "Der Umbau ist mit dem Jahreswechsel nicht fertig.",
     ("Jahreswechsel", "2021-01-01")),
    ("2021-01-11", "In der Silvesternacht 2016 brannte eine Scheune.",
     ("Silvesternacht 2016", "2016-12-31TNI")),
    ("2020-03-11", "Der Hund sei in der Nacht zum 11.03. entlaufen.",
     ("Nacht zum 11.03.", "2020-03-10TNI")),
])
def test_offset_particles_turn_of_the_year_and_named_nights(anchor, text, expected):
    assert [(t, v) for t, v, *_ in found(text, anchor)] == [expected]


def test_a_part_of_the_day_in_the_genitive_is_that_of_the_day_told_not_a_habit():
    rows = found("Der Sturm begann am Donnerstagmorgen. Im Laufe des Nachmittags ließ er nach.",
                 "2020-04-23")
    assert [(t, v) for t, v, *_ in rows] == [("Donnerstagmorgen", "2020-04-23TMO"),
                                           ("Nachmittags", "2020-04-23TAF")]


def test_a_few_units_before_or_after_take_the_next_coarser_unit():
    rows = found("Am 12. Januar 2016 eröffnete das Museum. Wenige Monate zuvor hatte der "
                 "Architekt gekündigt.", "2021-01-11")
    assert [(t, v) for t, v, *_ in rows] == [("12. Januar 2016", "2016-01-12"),
                                           ("Wenige Monate zuvor", "2015")]


def test_a_look_back_in_the_pluperfect_moves_no_part_of_the_day():
    # "am Morgen" is the morning of the death (Thursday), not of the Monday looked back at
    rows = found("Der Dampfer legte am Donnerstag in Kiel an, wohin er in der Nacht von Montag "
                 "auf Dienstag aufgebrochen war. Schon am Morgen warteten 50 Schaulustige.",
                 "2020-04-23")
    assert [(t, v) for t, v, *_ in rows] == [("Donnerstag", "2020-04-23"),
                                           ("Nacht von Montag auf Dienstag", "2020-04-20TNI"),
                                           ("Morgen", "2020-04-23TMO")]


@pytest.mark.parametrize(("text", "value"), [
    ("Der Täter soll am Montagabend kurz vor Mitternacht eingebrochen sein.",
     "2020-04-20TEV"),
    ("Die Kollegin dürfte sich Anfang Januar erkältet haben.", "2020-01"),
    ("Die Brücke soll am Montag eröffnet werden.", "2020-04-27"),
])
def test_a_modal_with_a_perfect_infinitive_reports_the_past(text, value):
    assert found(text, "2020-04-23")[0][1] == value


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Bäckerei öffne wie immer morgens um sechs Uhr.",
     [("morgens", "XXXX-XX-XXTMO"), ("sechs Uhr", "XXXX-XX-XXT06:00")]),
    ("Die Halle ist von morgens 7 Uhr bis abends 22 Uhr offen.",
     [("von morgens 7 Uhr bis abends 22 Uhr", "XXXX-XX-XXT07:00/XXXX-XX-XXT22:00")]),
    ("Plan:\n7.00-8.15 Uhr: Joggen.\n8.15-9.00 Uhr: Zeitung.",
     [("7.00-8.15 Uhr", "XXXX-XX-XXT07:00/XXXX-XX-XXT08:15"),
      ("8.15-9.00 Uhr", "XXXX-XX-XXT08:15/XXXX-XX-XXT09:00")]),
    # a clock time of a named day stays dated
    ("Am Montag um 20 Uhr spielt er.", [("Montag", "2020-04-06"), ("20 Uhr", "2020-04-06T20:00")]),
])
def test_clock_times_of_a_habit_or_a_schedule_are_of_any_day(text, expected):
    assert [(t, v) for t, v, *_ in found(text, "2020-04-05")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Rede darf nicht länger als 4 Minuten und 30 Sekunden sein.",
     ("länger als 4 Minuten und 30 Sekunden", "PT4M30S")),
    ("Der Clip ist eine Minute und zehn Sekunden lang.",
     ("eine Minute und zehn Sekunden", "PT1M10S")),
    ("Sie war 41 Jahre und 20 Tage alt.", ("41 Jahre und 20 Tage", "P41Y20D")),
    ("Ihre Bestzeit liegt bei 2:31:07 Stunden.", ("2:31:07 Stunden", "PT2H31M7S")),
    ("Über 10.000 Meter lief sie 31:12 Minuten.", ("31:12 Minuten", "PT31M12S")),
])
def test_lengths_in_two_units_or_as_a_clock_reading_are_one_duration(text, expected):
    assert [(t, v) for t, v, *_ in found(text)] == [expected]


def test_a_weekday_after_an_indefinite_article_is_any_such_day():
    assert [(t, v) for t, v, *_ in found("Der Markt ist an einem "
                                          "Samstagabend voll.", "2020-09-06")] == [
        ("Samstagabend", "XXXX-WXX-6TEV")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Der Absatz ist in den ersten drei Monaten des Jahres gestiegen.",
     ("ersten drei Monaten des Jahres", "2020-01/2020-03")),
    ("Es kamen weniger Gäste als in den ersten drei Monaten 2019.",
     ("ersten drei Monaten 2019", "2019-01/2019-03")),
    ("Die ersten acht Wochen des Jahres 2020 waren mild.",
     ("ersten acht Wochen des Jahres 2020", "2020-W01/2020-W08")),
    ("Die Brücke dürfte im ersten Halbjahr 2022 fertig sein.",
     ("ersten Halbjahr 2022", "2022-H1")),
])
def test_the_first_months_weeks_or_half_of_a_year(text, expected):
    assert [(t, v) for t, v, *_ in found(text, "2020-05-25")] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Heute vor 20 Jahren eröffnete die Bibliothek. Sie schloss zwei Tage später.",
     [("Heute vor 20 Jahren", "2000-09-09"), ("zwei Tage später", "2000-09-11")]),
    ("Die Jahre zwischen 1966 und heute zeigt die Schau.",
     [("zwischen 1966 und heute", "1966/2020-09-09")]),
    ("Die Chronik reicht vom 16. Jahrhundert bis heute.",
     [("vom 16. Jahrhundert bis heute", "15/2020-09-09")]),
])
def test_this_day_years_ago_and_ranges_up_to_today(text, expected):
    assert [(t, v) for t, v, *_ in found(text, "2020-09-09")] == expected


def test_a_weekday_in_a_sentence_about_a_habit_is_any_such_day():
    rows = found("Üblicherweise ist die Mensa montags voller, weil am Sonntag niemand "
                 "kocht. Am Sonntag wurde gekocht.", "2020-12-07")
    assert [(t, v) for t, v, *_ in rows] == [("montags", "XXXX-WXX-1"),
                                           ("Sonntag", "XXXX-WXX-7"),
                                           ("Sonntag", "2020-12-06")]


@pytest.mark.parametrize(("text", "value"), [
    ("Bis Dezember soll alles fertig sein.", "2021-12"),
    ("Ab Dezember wird geimpft.", "2021-12"),
    ("Im Dezember stiegen die Zahlen.", "2020-12"),
])
def test_bis_or_ab_in_a_future_clause_looks_forward(text, value):
    assert found(text, "2021-01-10")[0][1] == value


@pytest.mark.parametrize(("anchor", "text", "expected"), [
    ("2021-01-12", "Zum Jahresende 2020 waren es weniger.", ("Jahresende 2020", "2020")),
    # the end of the year just past in a past clause early in the year
    ("2021-01-12", "Zum Jahresende waren es weniger.", ("Jahresende", "2020")),
    ("2021-01-12", "Zum Jahresende soll es mehr geben.", ("Jahresende", "2021")),
    # the start of the next year in a future clause late in the year
    ("2020-11-12", "Zum Jahresbeginn soll der Impfstoff kommen.", ("Jahresbeginn", "2021")),
    # a present verb of a scheduled event looks forward
    ("2021-01-12", "Die Wahl findet im September statt.", ("September", "2021-09")),
])
def test_the_year_of_jahresende_and_of_scheduled_months(anchor, text, expected):
    assert [(t, v) for t, v, *_ in found(text, anchor)] == [expected]


@pytest.mark.parametrize(("text", "value"), [
    # Monday 2020-10-12: a range of days in the present is the one the anchor lies in
    ("Die Tagung dauert von Montag bis Mittwoch.", "2020-10-12/2020-10-14"),
    ("Die Tagung lief von Montag bis Mittwoch.", "2020-10-05/2020-10-07"),
    # only the working week or a habit makes a weekly set
    ("Mein Tag sieht von Montag bis Freitag so aus.", "XXXX-WXX-1/XXXX-WXX-5"),
])
def test_ranges_of_weekdays_in_the_present(text, value):
    assert found(text, "2020-10-12")[0][1] == value


def test_a_weekday_after_a_first_name_is_a_surname():
    assert found("Das Team um Anna Freitag und Jonas Berg gewann.",
                 "2021-01-03") == []
    assert [(t, v) for t, v, *_ in found("Es gab Stand Montag 100 Fälle. Bis Freitag bleibt er.",
                                          "2021-01-03")] == [("Montag", "2020-12-28"),
                                                              ("Freitag", "2021-01-08")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Er ist seit vielen Jahren aktiv.", ("seit vielen Jahren", "PXY")),
    ("Vor vielen Jahren war das anders.", ("Vor vielen Jahren", "PAST_REF")),
    ("Gute zwei Jahre später war alles anders.", ("Gute zwei Jahre später", "2022")),
])
def test_many_years_and_gute_as_an_approximator(text, expected):
    assert [(t, v) for t, v, *_ in found(text, "2020-09-26")] == [expected]


def test_weak_preterites_with_a_verbal_prefix_are_past():
    # Monday 2020-11-16: "erkrankte" is past, so the spring just gone, not the next
    assert [(t, v) for t, v, *_ in found("Im Frühjahr erkrankte er an Covid-19.",
                                          "2020-11-16")] == [("Frühjahr", "2020-SP")]


# -- reference time and direction (issue 14, dev3 session) ----------------------------------


@pytest.mark.parametrize(("anchor", "text", "value"), [
    # Thursday 2020-05-14: "diesen Freitag" is the nearer Friday, here the next day, even in
    # a past clause (a plan that was made)
    ("2020-05-14", "Für diesen Freitag war ein Sommerfest im Hof geplant.", "2020-05-15"),
    # Monday 2020-05-11: the nearer Friday is the one just gone
    ("2020-05-11", "Die Sitzung an diesem Freitag verlief ruhig.", "2020-05-08"),
])
def test_dieser_weekday_is_the_nearer_one(anchor, text, value):
    assert _values(text, anchor)[0][1] == value


def test_a_planned_future_date_does_not_frame_a_later_present_clause():
    # June 2020: the postponement names 2021, the anniversary in the present is this June's
    text = ("Die Ausstellung des Malers wurde auf den Oktober 2021 verschoben. In Hamburg, wo "
            "sich ab 18. Juni die Eröffnung des Museums zum zehnten Mal jährt, ist er derzeit "
            "mit einer Schau präsent.")
    assert ("18. Juni", "2020-06-18") in _values(text, "2020-06-02")


def test_a_year_named_later_in_the_sentence_gives_its_year():
    # November 2020: a season without tense cue before a month with its year takes that year,
    # not the nearest spring ahead
    text = ("Die Angst im Frühjahr, die leeren Straßen – all das wirkt im November 2020 wie "
            "eine Geschichte aus alter Zeit.")
    assert ("Frühjahr", "2020-SP") in _values(text, "2020-11-12")


def test_a_date_with_a_whole_hour_after_a_comma_is_one_time():
    text = "Das Institut meldete 1200 neue Fälle (Datenstand 14. Oktober, 0 Uhr)."
    assert ("14. Oktober, 0 Uhr", "2020-10-14T00:00") in _values(text, "2020-10-14")


def test_a_rough_year_is_no_frame_for_a_later_holiday():
    # February 2021: "um 1900" is a rough year of the family's past, the Whitsun of the
    # paragraph after it is the last one before publication
    text = ("Schon um 1900 zogen seine Urgroßeltern mit einem Karussell über die Dörfer. Er "
            "vermisst das Reisen.\nAn Pfingsten konnte er sein Karussell in Rosenheim aufstellen.")
    assert ("Pfingsten", "2020-05-31") in _values(text, "2021-02-10")


def test_a_weekday_listed_after_a_coming_one_looks_forward_too():
    # Tuesday 2020-03-24: the Saturday of the elliptic second clause follows the coming
    # Wednesday, not the Saturday just gone
    text = ("Der Verlag teilte mit, am Mittwoch solle der Roman als E-Book erscheinen, am "
            "Samstag als gedrucktes Buch.")
    assert ("Samstag", "2020-03-28") in _values(text, "2020-03-24")


@pytest.mark.parametrize(("text", "expected"), [
    ("Normalerweise kommen im Sommer doppelt so viele Gäste in das Freibad.",
     ("Sommer", "XXXX-SU")),
    ("Üblicherweise steigt die Zahl der Anträge im April deutlich an.", ("April", "XXXX-04")),
    ("In der Regel melden die Ämter am Wochenende weniger Fälle.",
     ("Wochenende", "XXXX-WXX-WE")),
])
def test_a_month_season_or_weekend_in_a_sentence_about_a_habit_is_any_such_time(text,
                                                                                  expected):
    assert expected in _values(text, "2020-07-02")


def test_a_month_in_a_past_sentence_with_a_habit_word_is_still_dated():
    assert ("April", "2020-04") in _values(
        "Normalerweise öffnet das Bad früh, doch im April blieb es geschlossen.", "2020-07-02")


def test_heute_set_against_einst_in_its_sentence_is_nowadays():
    text = "Die Köchin arbeitete einst in einem Landgasthof, heute leitet sie drei Kantinen."
    assert ("heute", "PRESENT_REF") in _values(text, "2020-05-08")
    # without the contrast it is the day
    assert ("heute", "2020-05-08") in _values("Die Köchin leitet heute die Kantine.",
                                               "2020-05-08")


def test_a_range_of_dates_with_weekdays_in_apposition_is_one_range():
    text = "Das Filmfest läuft von Donnerstag, 4. März, bis Sonntag, 14. März, in Hof."
    assert [(t, v) for t, v, *_ in found(text, "2021-02-20")] == [
        ("Donnerstag, 4. März, bis Sonntag, 14. März", "2021-03-04/2021-03-14")]


# -- ranges, comparisons and prepositions of direction (issue 14, dev4 session) --------------


@pytest.mark.parametrize(("text", "expected"), [
    # two numerals side by side are a rough range ("three or four"), as "drei bis vier"
    ("Der Patient lag sechs, acht Wochen im Krankenhaus.", ("sechs, acht Wochen", "P6W/P8W")),
    ("Zwei, drei Tage blieb das Geschäft geschlossen.", ("Zwei, drei Tage", "P2D/P3D")),
    # with "in" before them: the years they point to, from 2021
    ("Die alten Zahlen erreichen wir wohl erst in fünf, sechs Jahren wieder.",
     ("in fünf, sechs Jahren", "2026/2027")),
])
def test_two_numerals_side_by_side_are_a_range(text, expected):
    assert expected in _values(text, "2021-03-10")


def test_a_count_before_a_comma_is_no_range():
    # "117, zwei Wochen danach": a count and then an offset, not a range from 117 to 2
    text = "Eine Woche nach dem Spiel waren es 117, zwei Wochen danach über 400 Fälle."
    assert ("117, zwei Wochen danach", "P117W/P2W") not in _values(text, "2020-04-01")
    assert "zwei Wochen danach" in [t for t, _ in _values(text, "2020-04-01")]


@pytest.mark.parametrize(("anchor", "text", "expected"), [
    # December 2020: a present clause compares with the spring that was, not the next one
    ("2020-12-09", "Seit Mitternacht gelten wieder Ausgangssperren wie im Frühjahr.",
     ("Frühjahr", "2020-SP")),
    # November 2020: in a forecast too, the standard of comparison is the spring behind
    ("2020-11-10", "Die Regierung hofft, dass im Winter weniger Schulen schließen müssen als "
     "im Frühjahr.", ("Frühjahr", "2020-SP")),
])
def test_a_month_or_season_as_a_standard_of_comparison_is_one_known(anchor, text, expected):
    assert expected in _values(text, anchor)


def test_bis_a_weekday_in_a_past_clause_is_the_one_gone():
    # Friday 2020-04-03: counted up to Thursday evening, the day before, not the next Thursday
    text = "Die Behörde zählte bis Donnerstagabend mehr als 5000 Todesfälle."
    assert ("Donnerstagabend", "2020-04-02TEV") in _values(text, "2020-04-03")


def test_bis_in_a_past_clause_with_a_participle_still_looks_forward():
    # Wednesday 2020-12-09: an extension decided in the past reaches a day to come
    text = "Der Lockdown wurde bis Sonntag verlängert."
    assert ("Sonntag", "2020-12-13") in _values(text, "2020-12-09")


def test_vom_a_day_on_in_a_future_clause_is_a_day_to_come():
    # Wednesday 2020-12-30: "vom 11. Januar an sollen ... starten" is next January
    text = "In den Zentren sollen vom 11. Januar an die Impfungen starten."
    assert ("11. Januar", "2021-01-11") in _values(text, "2020-12-30")


@pytest.mark.parametrize(("text", "expected"), [
    ("Früher gab es im Dorf drei Bäckereien.", [("Früher", "PAST_REF")]),
    ("Das sind Fragen, die ich früher nie gestellt habe.", [("früher", "PAST_REF")]),
    # the comparative "earlier" is no time of its own
    ("Der Zug kam früher als geplant an.", []),
    ("Viele hatten die Grippe wohl noch früher.", []),
    ("Früher oder später muss er entscheiden.", []),
    ("Die Läden sollen künftig früher schließen.", [("künftig", "FUTURE_REF")]),
])
def test_frueher_is_formerly_unless_it_compares(text, expected):
    assert _values(text, "2020-05-04") == expected


def test_heute_after_a_sentence_about_former_times_is_nowadays():
    # Tuesday 2021-01-12: "Früher ... Doch heute" sets today against the past
    text = "Früher haben wir nie daran gezweifelt. Doch heute zweifeln wir an allem."
    assert ("heute", "PRESENT_REF") in _values(text, "2021-01-12")


def test_heute_without_a_former_time_before_is_the_day():
    text = "Gestern haben wir gestritten. Heute verhandeln wir weiter."
    assert ("Heute", "2021-01-12") in _values(text, "2021-01-12")


def test_a_weekend_coordinated_with_a_set_is_a_set_too():
    # Monday 2020-06-01: "abends und sogar am Wochenende" is every evening and every weekend,
    # not the weekend just gone
    text = "Damals durften die Läden abends und sogar am Wochenende länger öffnen."
    assert ("Wochenende", "XXXX-WXX-WE") in _values(text, "2020-06-01")
    assert ("Wochenende", "2020-W22-WE") in _values("Er kam am Wochenende.", "2020-06-01")


def test_a_day_in_the_pluperfect_shortly_after_the_frame_day_is_in_its_year():
    # June 2020: the story of 1995 goes on; "am 28. Juni hatte ... eingeladen" is four days
    # after the frame's day, not June 1994, and the clock time after it is that day's
    text = ("Am 24. Juni 1995 war das Gebäude verhüllt. Der Andrang war groß. Am 28. Juni "
            "hatte die Zeitung ihre Leser eingeladen. Um 5 Uhr sollte es beginnen.")
    values = _values(text, "2020-06-01")
    assert ("28. Juni", "1995-06-28") in values
    assert ("5 Uhr", "1995-06-28T05:00") in values


def test_a_month_in_the_pluperfect_after_a_month_frame_still_looks_back():
    # the pluperfect keeps looking back where the frame is a month: December 1989
    text = "Im Oktober 1990 kam die Einheit. Im Dezember hatte man noch gezweifelt."
    assert ("Dezember", "1989-12") in _values(text, "2020-10-03")


@pytest.mark.parametrize(("text", "expected"), [
    # the n-th (or last) week lying wholly in the month, its year chosen like the month's
    ("Gewählt wird in der ersten Novemberwoche.", ("ersten Novemberwoche", "2020-W45")),
    ("Die Übergabe ist erst in der dritten Januarwoche.", ("dritten Januarwoche", "2021-W03")),
    ("In der letzten Juni-Woche waren es wieder mehr Fluggäste.",
     ("letzten Juni-Woche", "2020-W26")),
])
def test_a_week_of_a_month_is_an_iso_week(text, expected):
    assert expected in _values(text, "2020-09-02")


def test_midnight_ends_the_day_told_and_seit_midnight_began_it():
    text = "Der Mann soll am Montagabend kurz vor Mitternacht gestorben sein."
    assert ("Mitternacht", "2020-04-21T00:00") in _values(text, "2020-04-23")
    text = "An diesem Mittwoch treten die Regeln in Kraft. Seit Mitternacht gilt die Sperre."
    assert ("Mitternacht", "2020-12-09T00:00") in _values(text, "2020-12-09")


def test_midnight_is_no_reference_time_for_what_follows():
    # the night after "kurz vor Mitternacht" is still Monday's night
    text = ("Die Frau starb am Montagabend kurz vor Mitternacht. In der Nacht kam die "
            "Feuerwehr.")
    assert ("Nacht", "2020-04-20TNI") in _values(text, "2020-04-23")


def test_zu_diesem_zeitpunkt_is_the_reference_time():
    text = ("Wir haben Ende September die Planung abgeschlossen. Der Bezirk war zu diesem "
            "Zeitpunkt ruhig.")
    assert ("diesem Zeitpunkt", "2020-09") in _values(text, "2020-11-23")


@pytest.mark.parametrize(("text", "expected"), [
    ("Sie moderiert noch jeden Mittwoch eine Sendung.", ("jeden Mittwoch", "XXXX-WXX-3")),
    ("Jeden Morgen ab 6 Uhr erscheint der Newsletter.", ("Jeden Morgen", "XXXX-XX-XXTMO")),
    ("An Wochenenden half er im Betrieb der Eltern.", ("Wochenenden", "XXXX-WXX-WE")),
    ("An Sonntagen bleibt das Museum geschlossen.", ("Sonntagen", "XXXX-WXX-7")),
])
def test_each_weekday_and_plural_days_are_sets(text, expected):
    assert expected in _values(text, "2020-12-25")


def test_a_bound_word_inside_a_range_keeps_it_one_range():
    text = "Vom 24. Dezember bis mindestens zum 10. Januar 2021 soll das Leben ruhen."
    assert ("Vom 24. Dezember bis mindestens zum 10. Januar 2021", "2020-12-24/2021-01-10") in \
        _values(text, "2020-12-09")


def test_an_infinitive_after_zu_is_no_participle():
    # "ist ... zu erreichen" is present (no perfect "ist erreicht"): opening hours every week
    text = "Die Hotline ist von Montag bis Samstag zwischen 8 und 20 Uhr zu erreichen."
    values = _values(text, "2020-12-30")
    assert ("von Montag bis Samstag", "XXXX-WXX-1/XXXX-WXX-6") in values
    assert ("zwischen 8 und 20 Uhr", "XXXX-XX-XXT08:00/XXXX-XX-XXT20:00") in values


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Messe ist täglich um 9 Uhr geöffnet.", ("9 Uhr", "XXXX-XX-XXT09:00")),
    ("Morgens um 8 Uhr gibt es Frühstück.", ("8 Uhr", "XXXX-XX-XXT08:00")),
    # told in the past or planned: that day's time, no habit
    ("Am Montag kam er. Morgens um 5 Uhr sollte es beginnen.", ("5 Uhr", "2020-12-28T05:00")),
])
def test_a_clock_time_right_after_a_set_in_a_present_clause_is_one_too(text, expected):
    assert expected in _values(text, "2020-12-30")


def test_start_and_middle_of_the_week_are_parts_of_this_week():
    text = "Die Lage hat sich zu Wochenbeginn entspannt. Zur Wochenmitte soll es regnen."
    frame = timex.tag(text, anchor="2020-12-07")
    assert list(zip(frame.text, frame.value, frame.modifier, strict=True)) == [
        ("Wochenbeginn", "2020-W50", "early"), ("Wochenmitte", "2020-W50", "mid")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Er kehrte nach 22 turbulenten Stunden zurück.", ("22 turbulenten Stunden", "PT22H")),
    ("Es folgten zwei weitere Tage Stillstand.", ("zwei weitere Tage", "P2D")),
    ("Er blieb einen ganzen Tag im Bett.", ("einen ganzen Tag", "P1D")),
    ("Nach einer halben Stunde war es vorbei.", ("einer halben Stunde", "PT30M")),
])
def test_an_adjective_between_number_and_unit_keeps_the_length(text, expected):
    assert expected in _values(text, "2021-01-03")


def test_an_ordinal_between_number_and_unit_is_no_length():
    assert [t for t, _ in _values("Am zweiten Tag kam er.", "2021-01-03")] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Das war das Ende eines zweitägigen Einsatzes.", ("zweitägigen", "P2D")),
    ("Nach einer dreiwöchigen Pause ging es weiter.", ("dreiwöchigen", "P3W")),
    ("Der 24-stündige Streik legte alles lahm.", ("24-stündige", "PT24H")),
])
def test_adjectives_of_length_are_durations(text, expected):
    assert expected in _values(text, "2021-01-03")


def test_adjectives_of_age_stay_untagged():
    assert _values("Die zweijährige Tochter schlief.", "2021-01-03") == []


def test_a_determiner_coordinated_with_a_unit_after_it_shares_the_unit():
    text = "Die Hilfen steigern das Wachstum in diesem und im kommenden Jahr."
    values = _values(text, "2020-11-10")
    assert ("diesem", "2020") in values and ("kommenden Jahr", "2021") in values


@pytest.mark.parametrize(("text", "expected"), [
    ("Der Rat kritisiert weniger als in früheren Jahren.", ("früheren Jahren", "PAST_REF")),
    ("Die Zahl stieg im Vergleich zu den Vorjahren.", ("Vorjahren", "PAST_REF")),
    ("In der jüngeren Vergangenheit siegten sie oft.", ("jüngeren Vergangenheit", "PAST_REF")),
])
def test_unspecified_times_before_now_are_past_refs(text, expected):
    assert expected in _values(text, "2020-11-10")


def test_a_number_parallel_to_a_year_just_before_is_a_year():
    text = "Die Uni Heidelberg wurde 1386 gegründet, die Uni Leipzig 1409 und Rostock später."
    assert ("1409", "1409") in _values(text, "2020-12-27")
    # a count after a year is not: "1500 Besucher" stays a number
    assert "1500" not in [t for t, _ in _values("Im Jahr 2019 kamen, 1500 Besucher.")]


def test_in_days_after_a_rate_is_a_length_not_a_date():
    text = ("Die Inzidenz, also die Neuinfektionen pro 100.000 Einwohnern in sieben Tagen, "
            "steigt. In sieben Tagen beginnt die Schule.")
    assert _values(text, "2020-11-23") == [("sieben Tagen", "P7D"),
                                           ("In sieben Tagen", "2020-11-30")]


@pytest.mark.parametrize(("text", "expected"), [
    # Wednesday 2020-11-25
    ("Die Polizei hat nach dem Wochenende Bilanz gezogen.", ("Wochenende", "2020-W47-WE")),
    ("Seit dem Wochenende gilt die neue Regel.", ("Wochenende", "2020-W47-WE")),
    ("Vor dem Wochenende soll es noch einmal schneien.", ("Wochenende", "2020-W48-WE")),
])
def test_the_weekend_after_nach_vor_seit_dem(text, expected):
    assert expected in _values(text, "2020-11-25")


# -- dev5 session (issue 14): weekdays told in the present, the small hours --------------------


def test_yesterday_told_in_the_present_is_the_day_before():
    text = ("Am Freitagabend steht der Hubschrauber bereit. Um 18.15 Uhr verlässt Trump das "
            "Weiße Haus.")
    frame = timex.tag(text, anchor="2020-10-03")  # a Saturday
    assert list(frame["value"]) == ["2020-10-02TEV", "2020-10-02T18:15"]


def test_a_weekday_days_ahead_in_the_present_is_still_the_coming_one():
    frame = timex.tag("Am Donnerstag gibt sie um 15 Uhr selbst einen Kurs.",
                      anchor="2020-08-09")  # a Sunday
    assert list(frame["value"]) == ["2020-08-13", "2020-08-13T15:00"]


def test_small_hours_after_a_night_are_the_next_day():
    text = ("Am Donnerstag kam die Nachricht. Um 22.44 Uhr in der Nacht zu Freitag twittert der "
            "Präsident. Um 0.54 Uhr folgt die Bestätigung.")
    frame = timex.tag(text, anchor="2020-10-03")
    assert list(frame["value"]) == ["2020-10-01", "2020-10-01T22:44", "2020-10-01TNI",
                                    "2020-10-02T00:54"]


def test_a_range_of_days_told_in_the_present_has_a_value():
    # the present-tense check of a single weekday must not read a range's days as one
    text = ("Fünf Tage vorher. Die Zahl liegt da bei 19. In der Nacht von Freitag auf Samstag "
            "bekommt ein Mitarbeiter Fieber.")
    frame = timex.tag(text, anchor="2020-03-12")
    night = frame[frame["text"] == "Nacht von Freitag auf Samstag"]
    assert len(night) == 1 and night["value"].iloc[0].endswith("TNI")


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Zahl ist im ersten Halbjahr leicht zurückgegangen.", [("ersten Halbjahr", "2020-H1")]),
    ("Sie stieg in der ersten Jahreshälfte 2020 langsamer.",
     [("ersten Jahreshälfte 2020", "2020-H1")]),
    ("Im vergangenen Jahr kamen im ersten Halbjahr 54.000 Personen dazu, im zweiten Halbjahr "
     "94.000.", [("vergangenen Jahr", "2019"), ("ersten Halbjahr", "2019-H1"),
                 ("zweiten Halbjahr", "2019-H2")]),
    ("Im vergangenen Jahr kamen im März mehr.", [("vergangenen Jahr", "2019"),
                                                 ("März", "2019-03")]),
    ("Im nächsten Jahr soll es im März losgehen.", [("nächsten Jahr", "2021"),
                                                    ("März", "2021-03")]),
])
def test_halves_of_a_year_and_a_relative_year_as_frame(text, expected):
    frame = timex.tag(text, anchor="2020-10-13")
    assert list(zip(frame["text"], frame["value"], strict=True)) == expected


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("Lange war der 3. April als Verfallsdatum benannt.", "2020-03-19", "2020-04-03"),
    ("Er hat gesagt, dass die Impfaktion am 18. Januar beginnen wird.", "2021-01-24",
     "2021-01-18"),
    ("Am 3. April war er in Rom.", "2020-06-19", "2020-04-03"),
    ("Am 3. Juni wird er in Rom sein.", "2020-04-19", "2020-06-03"),
    ("Am 3. April wird er in Rom sein.", "2020-06-19", "2021-04-03"),
])
def test_a_day_close_to_the_anchor_stays_in_its_year_whatever_the_tense(text, anchor, expected):
    assert list(timex.tag(text, anchor=anchor)["value"]) == [expected]


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("Vor einer Woche, am Freitag, hat die Regierung angeordnet.", "2020-03-20",
     [("Vor einer Woche", "2020-W11"), ("Freitag", "2020-03-13")]),
    ("Er war im Februar 2017 in Berlin. Zuletzt war im März ein Besuch geplant.", "2020-06-01",
     [("Februar 2017", "2017-02"), ("Zuletzt", "PAST_REF"), ("März", "2020-03")]),
    ("Auch im Jahr 2020 gab es im Winter und Frühjahr eine Grippewelle.", "2020-05-15",
     [("Jahr 2020", "2020"), ("Winter", "2019-WI"), ("Frühjahr", "2020-SP")]),
    ("Herr Sommer und Winter kamen.", "2020-05-15", []),
    ("Er steht seit Langem in vorderster Linie, seit Kurzem auch hier.", "2020-03-19",
     [("seit Kurzem", "PAST_REF")]),
])
def test_weeks_in_apposition_recent_past_and_coordinated_seasons(text, anchor, expected):
    frame = timex.tag(text, anchor=anchor)
    assert list(zip(frame["text"], frame["value"], strict=True)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Das nächste Kapitel heißt „Großbaustelle Tempelhof 1935-1939“ und zeigt Pläne.", []),
    ("„Aufbruch in die Zukunft – Nach 1989“ heißt das letzte Kapitel.", []),
    ("Sie hatte die Ausstellung „London 1938. Mit Kandinsky“ zunächst 2018 erarbeitet.",
     [("2018", "2018")]),
    ("Er sagte: „Das war 1989 anders.“", [("1989", "1989")]),
])
def test_years_in_titles_are_no_dates(text, expected):
    frame = timex.tag(text, anchor="2020-06-28")
    assert list(zip(frame["text"], frame["value"], strict=True)) == expected


def test_opening_hours_listed_without_a_verb_are_sets():
    text = "Eintritt frei. Montag bis Freitag 13 bis 17 Uhr, Samstag und Sonntag 10 bis 16 Uhr."
    frame = timex.tag(text, anchor="2020-06-28")
    assert list(zip(frame["text"], frame["value"], frame["end_value"], frame["kind"],
                    strict=True)) == [
        ("Montag bis Freitag", "XXXX-WXX-1", "XXXX-WXX-5", "set"),
        ("13 bis 17 Uhr", "XXXX-XX-XXT13:00", "XXXX-XX-XXT17:00", "set"),
        ("Samstag", "XXXX-WXX-6", None, "set"), ("Sonntag", "XXXX-WXX-7", None, "set"),
        ("10 bis 16 Uhr", "XXXX-XX-XXT10:00", "XXXX-XX-XXT16:00", "set")]


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("Die Zelte verschwanden 2019 aus Paris. Im Juli ist die Zahl gestiegen: auf bisher 6431.",
     "2020-07-30", [("2019", "2019"), ("Juli", "2020-07"), ("bisher", "PAST_REF")]),
    ("Zwar wurde 2019 ein Abkommen geschlossen. Wenn man den Zeitraum von Januar bis Juli "
     "betrachtet, zählt Italien bisher 13.400 Ankünfte.", "2020-07-30",
     [("2019", "2019"), ("von Januar bis Juli", "2020-01"), ("bisher", "PAST_REF")]),
    ("Im vergangenen Schuljahr haben 143.600 Schüler wiederholt.", "2021-02-02",
     [("vergangenen Schuljahr", "2019")]),
    ("Für das Denkmal ist das Jahr 1927 maßgeblich.\n[Villa am Wannsee, bis 11. Januar.]\n"
     "Seit Anfang Februar amtiert sie als Direktorin.", "2020-10-09",
     [("Jahr 1927", "1927"), ("11. Januar", "2021-01-11"), ("Anfang Februar", "2020-02")]),
    ("In den 1920er Jahren wird der Garten gemalt. Die Bilder dienen heute als Vorbilder.",
     "2020-10-09", [("1920er Jahren", "192"), ("heute", "PRESENT_REF")]),
    ("die Ausscheidungen der ersten drei Monate lagern", "2020-11-17", [("drei Monate", "P3M")]),
])
def test_the_present_comes_back_boxes_school_years_and_nowadays(text, anchor, expected):
    frame = timex.tag(text, anchor=anchor)
    assert list(zip(frame["text"], frame["value"], strict=True)) == expected
    if "Schuljahr" in text:
        assert frame["end_value"].iloc[0] == "2020"


def test_a_weekday_named_with_its_date_up_to_two_weeks_back_is_that_day_again():
    text = ("Am Freitag, ausgerechnet dem 13. März, herrscht Hysterie. Am Freitag gegen 11.30 "
            "Uhr dann die Gewissheit.")
    frame = timex.tag(text, anchor="2020-03-21")  # the Saturday eight days later
    assert list(zip(frame["text"], frame["value"], strict=True)) == [
        ("Freitag", "2020-03-13"), ("13. März", "2020-03-13"), ("Freitag", "2020-03-13"),
        ("11.30 Uhr", "2020-03-13T11:30")]


# -- dev6 session (issue 14): hard-wrapped texts, habits with "immer", "für das Wochenende" --


def test_line_breaks_of_a_hard_wrapped_text_do_not_end_the_sentence():
    text = ("Die Zahl wuchs bei \nvielen Diensten deutlich. Bei den Boten lag der Verdienst \n"
            "niedriger, bei den \nungelernten Kräften noch mehr. Von \nJanuar bis September "
            "stieg der Umsatz um mehr als \n21 Prozent.")
    frame = timex.tag(text, anchor="2020-11-25")
    assert list(zip(frame["text"], frame["value"], frame["end_value"], strict=True)) == [
        ("Von \nJanuar bis September", "2020-01", "2020-09")]  # "stieg" is past: not 2021
    unwrapped = "Die Zahl stieg.\nVon Januar bis September 2021 wird gebaut.\nSie sinkt."
    assert timex._unwrap(unwrapped) == unwrapped  # paragraphs stay paragraphs


def test_immer_of_a_habit_leaves_the_year_open_but_not_immer_of_a_change():
    frame = timex.tag("Wir bilden im Frühjahr immer Rücklagen, um den Sommer zu überstehen.",
                      anchor="2020-08-05")
    assert list(zip(frame["text"], frame["value"], strict=True)) == [
        ("Frühjahr", "XXXX-SP"), ("Sommer", "XXXX-SU")]
    frame = timex.tag("Im Frühjahr gibt es immer mehr Fälle, die immer neuen Pläne im Sommer.",
                      anchor="2020-08-05")
    assert list(frame["value"]) == ["2020-SP", "2020-SU"]


def test_fuer_das_wochenende_is_the_coming_weekend():
    frame = timex.tag("AfD-Politiker kündigen für das Wochenende eine Demonstration an.",
                      anchor="2020-08-27")
    assert list(zip(frame["text"], frame["value"], strict=True)) == [
        ("Wochenende", "2020-W35-WE")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Bei seiner Ankunft wenige Minuten nach dem Abflug zog er die Maske ab.",
     [("wenige Minuten", "PTXM")]),
    ("drei Lesungen samt Abstimmung binnen weniger Stunden", [("weniger Stunden", "PTXH")]),
    ("Es dauerte einige Sekunden.", [("einige Sekunden", "PTXS")]),
    ("Es gab weniger Tage mit Regen.", []),  # a comparison, not "within a few days"
    ("Das Team um 2014-Weltmeister Toni Kroos siegte.", [("2014", "2014")]),
    ("Das 2030-Ziel ist fern, eine 2000-Mitarbeiter-Firma auch.", [("2030", "2030")]),
])
def test_a_few_minutes_binnen_weniger_stunden_and_years_before_a_hyphen(text, expected):
    frame = timex.tag(text, anchor="2020-10-06")
    assert list(zip(frame["text"], frame["value"], strict=True)) == expected


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("Dann begannen die Ansprachen des Präsidenten am Freitag den 13. Absoluter Lockdown.",
     "2020-03-20", [("Freitag den 13.", "2020-03-13")]),
    ("Am Dienstag, den 3. wird gewählt.", "2020-10-28", [("Dienstag, den 3.", "2020-11-03")]),
    ("Der Höhepunkt wurde im Mai erreicht, in diesem Monat waren 17 866 Menschen betroffen.",
     "2020-12-01", [("Mai", "2020-05"), ("diesem Monat", "2020-05")]),
    ("Im Mai waren es fünf, in diesem Monat sind es zehn.", "2020-12-01",
     [("Mai", "2020-05"), ("diesem Monat", "2020-12")]),
    ("Bekannt ist, dass er sich vor dem Duell am Dienstag nicht hatte testen lassen.",
     "2020-10-06 05:39", [("Dienstag", "2020-09-29")]),
    ("Die Inzidenz lag am Montagmorgen bei 157,8. Der Höchststand war am vergangenen Dienstag "
     "erreicht worden.", "2020-12-28", [("Montagmorgen", "2020-12-28TMO"),
                                       ("vergangenen Dienstag", "2020-12-22")]),
])
def test_weekday_with_a_day_number_this_month_told_back_and_the_pluperfect(text, anchor,
                                                                           expected):
    frame = timex.tag(text, anchor=anchor)
    assert list(zip(frame["text"], frame["value"], strict=True)) == expected


@pytest.mark.parametrize(("anchor", "expected"), [
    ("2020-08-10 05:39", "2020-08-03"),  # an early edition: the day has hardly begun
    ("2020-08-10 08:59", "2020-08-03"),
    ("2020-08-10 14:44", "2020-08-10"),  # later that day: this morning
    ("2020-08-10", "2020-08-10"),        # the date alone: the day itself, as the tense says
])
def test_the_publication_weekday_in_the_pluperfect_is_a_week_back_only_in_an_early_edition(
        anchor, expected):
    text = "Der Vorstand hatte den Kandidaten am Montag einstimmig nominiert."
    frame = timex.tag(text, anchor=anchor)
    assert list(zip(frame["text"], frame["value"], strict=True)) == [("Montag", expected)]


# -- dev7 session (issue 14): bare plural units, name compounds, ranges, "ein Jahr, in dem" --


@pytest.mark.parametrize(("text", "expected"), [
    ("Juden lebten in Köln über Jahrhunderte Wand an Wand.", [("Jahrhunderte", "PXCE")]),
    ("Viele klagen auch nach Monaten noch über Spätfolgen.", [("Monaten", "PXM")]),
    ("Sie will Filme nicht über Monate zurückhalten.", [("Monate", "PXM")]),
    ("Über Jahrzehnte ging es bergauf.", [("Jahrzehnte", "PXDE")]),
    ("Die Preise stiegen über Jahre hinaus.", []),  # (not the unit after "über ... hinaus")
    ("Es kostet über 20 Euro, nach Angaben der Stadt.", []),
])
def test_a_bare_plural_unit_after_ueber_or_nach_is_a_length(text, expected):
    frame = timex.tag(text, anchor="2020-08-16")
    assert list(zip(frame["text"], frame["value"], strict=True)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Es war ein Jahr, in dem die Menschen viel Zeit zu Hause verbrachten.", []),
    ("Das ist ein Tag, den wir nie vergessen.", []),
    ("Er verbrachte ein Jahr, in dem er viel lernte.", [("ein Jahr", "P1Y")]),
    ("Er war ein Jahr in Haft.", [("ein Jahr", "P1Y")]),
])
def test_ein_jahr_as_a_predicate_noun_with_a_relative_clause_is_no_length(text, expected):
    frame = timex.tag(text, anchor="2021-02-05")
    assert list(zip(frame["text"], frame["value"], strict=True)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Das sind 36 weniger als am Dienstag vor einer Woche.",
     [("Dienstag vor einer Woche", "2021-02-09", None)]),
    ("Am Sonntag vor zwei Wochen war es kalt.", [("Sonntag vor zwei Wochen", "2021-02-07", None)]),
    ("Pro Monat gibt es maximal 2016 Euro.", [("Pro Monat", "P1M", None)]),
    ("Wer zwischen dem 1. März und 31. Dezember 2020 einen Antrag stellt, bekommt Geld.",
     [("zwischen dem 1. März und 31. Dezember 2020", "2020-03-01", "2020-12-31")]),
    ("Am 1. März und 31. Dezember 2020 war es kalt.",  # a coordination stays two dates
     [("1. März", "2020-03-01", None), ("31. Dezember 2020", "2020-12-31", None)]),
    ("Vom 25. bis 27.9. soll das Kindertheater laufen.",
     [("Vom 25. bis 27.9.", "2021-09-25", "2021-09-27")]),
    ("Studenten der August-Everding-Akademie spielen an der August-Bebel-Straße.", []),
    ("Der Oktober-Gipfel soll helfen.", [("Oktober", "2021-10", None)]),
])
def test_weekday_weeks_ago_pro_capitalised_ranges_and_name_compounds(text, expected):
    frame = timex.tag(text, anchor="2021-02-17")
    assert list(zip(frame["text"], frame["value"], frame["end_value"], strict=True)) == expected


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("Der Sommer war groß, nun will er kaum weichen.", "2020-08-22",
     [("Sommer", "2020-SU", None), ("nun", "PRESENT_REF", None)]),
    ("Dann aber kam der Herbst, die Zahlen stiegen.", "2020-12-02",
     [("Herbst", "2020-FA", None)]),
    ("Von März bis jetzt waren wir beschäftigt.", "2020-09-20",
     [("Von März bis jetzt", "2020-03", "2020-09-20")]),
    ("Von Oktober bis heute waren wir beschäftigt.", "2020-09-20",
     [("Von Oktober bis heute", "2019-10", "2020-09-20")]),
    ("Eine Einordnung finden Sie im Laufe des Tages auf ZEIT ONLINE.", "2021-02-17",
     [("Tages", "2021-02-17", None)]),
    ("Verglichen haben wir einen Mittwoch Anfang März mit einem Mittwoch Anfang April.",
     "2020-04-06", [("Mittwoch Anfang März", "2020-03-04", None),
                    ("Mittwoch Anfang April", "2020-04-01", None)]),
    ("Wir treffen uns morgen um Viertel nach neun, um halb eins gibt es Essen.", "2020-04-06",
     [("morgen", "2020-04-07", None), ("Viertel nach neun", "2020-04-07T09:15", None),
      ("halb eins", "2020-04-07T12:30", None)]),
    ("Der Verbrauch verlagerte sich am Mittwoch auf halb zehn bis zehn.", "2020-04-06",
     [("Mittwoch", "2020-04-01", None), ("halb zehn bis zehn", "2020-04-01T09:30",
                                          "2020-04-01T10:00")]),
    ("Das ist halb so schlimm, ein Viertel der Leute kam.", "2020-04-06", []),
])
def test_seasons_after_der_ranges_up_to_now_a_weekday_in_a_third_and_spoken_times(
        text, anchor, expected):
    frame = timex.tag(text, anchor=anchor)
    assert list(zip(frame["text"], frame["value"], frame["end_value"], strict=True)) == expected


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    # "ersten" is an ordinal, no participle that would make "bis Juni" a bound still to come
    ("Nach dem ersten Lockdown im Frühjahr sprang die Zahl dann bis Juni auf 301 000.",
     "2020-12-22", [("Frühjahr", "2020-SP"), ("Juni", "2020-06")]),
    # the last time before now and a month in the pluperfect are looks back, no new focus
    ("Die Exporte gingen im April um 31 Prozent zurück. Einen ähnlichen Rückgang gab es zuletzt "
     "in der Finanzkrise im Juli 2009. Exportiert wurden im April Waren für 75 Milliarden.",
     "2020-06-09", [("April", "2020-04"), ("zuletzt", "PAST_REF"), ("Juli 2009", "2009-07"),
                    ("April", "2020-04")]),
    ("Im April 2019 hatte der Saldo noch 17,8 Milliarden Euro betragen. Schon im März waren die "
     "Exporte abgesackt.", "2020-06-09", [("April 2019", "2019-04"), ("März", "2020-03")]),
])
def test_sentence_ends_after_thousands_ersten_and_looks_back_that_set_no_focus(text, anchor,
                                                                                expected):
    frame = timex.tag(text, anchor=anchor)
    assert list(zip(frame["text"], frame["value"], strict=True)) == expected


def test_a_full_stop_after_a_group_of_thousands_ends_a_sentence_an_ordinal_does_not():
    from newslens import _timex_rules as rules
    text = ("Sie wuchs auf 265 000. Nach dem Lockdown am 3. Oktober stieg sie auf 1.200. "
            "Dann fiel sie.")
    ends = [m.start() for m in rules.SENTENCE_BREAK.finditer(text)]
    assert [text[e - 3:e + 1] for e in ends] == ["000.", "200.", "sie."]


@pytest.mark.parametrize(("text", "expected"), [
    ("Als die Debatte aufkam, wurde Rattle schon recht bald als Anwärter gehandelt.", []),
    ("Er sagte, er werde bald zurücktreten.", [("bald", "FUTURE_REF")]),
    ("Es starben 23 mehr als 2018. Das seien 102 weniger als 2018, sagte er.",
     [("2018", "2018"), ("2018", "2018")]),
    ("Das waren fast 23 000 Leistungsempfänger weniger als 2020.", [("2020", "2020")]),
    ("Die Zahl stieg auf mehr als 2000.", []),
    ("Es kamen 30 mehr als 2000 Menschen.", []),
])
def test_bald_in_a_past_clause_and_a_count_compared_with_a_year(text, expected):
    frame = timex.tag(text, anchor="2020-12-22")
    assert list(zip(frame["text"], frame["value"], strict=True)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Das ist faszinierend.\n1748\nÜber den Menschen denkt der Arzt nach.\n1936\nTuring legt den "
     "Grundstein.", [("1748", "1748"), ("1936", "1936")]),
    ("Es kostet\n1500\nEuro.", []),
])
def test_a_year_alone_on_its_line_heads_an_entry_of_a_chronology(text, expected):
    frame = timex.tag(text, anchor="2020-12-25")
    assert list(zip(frame["text"], frame["value"], strict=True)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Das Telefon klingelte alle paar Sekunden.", [("alle paar Sekunden", "PTXS")]),
    ("Die Branche schaltet ja alle paar Jahrzehnte um.", [("alle paar Jahrzehnte", "PXDE")]),
    ("Es ist April, und es regnet nicht.", [("April", "2020-04")]),
    ("Es war Winter, als er kam.", [("Winter", "2019-WI")]),
    ("Das Ergebnis ist April.", []),  # (a bare month still needs its context)
])
def test_alle_paar_units_and_es_ist_month(text, expected):
    frame = timex.tag(text, anchor="2020-04-20")
    assert list(zip(frame["text"], frame["value"], strict=True)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a clock time told in the present with no day in its sentence is one of any day
    ("Das Freibad hat wieder geöffnet. Der Kiosk schließt um sechs Uhr abends.",
     [("sechs Uhr abends", "XXXX-XX-XXT18:00")]),
    ("Am Samstag begann die Impfung. Die Halle ist von 8 bis 16 Uhr offen.",
     [("Samstag", "2020-04-18"), ("von 8 bis 16 Uhr", "XXXX-XX-XXT08:00")]),
    # a day in the sentence, a past or future clause, a time of a day told before: that day's
    ("Am Montag beginnt das Training um 10 Uhr.",
     [("Montag", "2020-04-20"), ("10 Uhr", "2020-04-20T10:00")]),
    ("Der Kiosk schloss um 18 Uhr.", [("18 Uhr", "2020-04-20T18:00")]),
    ("Die Kanzlerin wird um 14 Uhr sprechen.", [("14 Uhr", "2020-04-20T14:00")]),
    ("Am Freitagabend steht der Hubschrauber bereit. Um 18.15 Uhr verlässt er den Platz.",
     [("Freitagabend", "2020-04-24TEV"), ("18.15 Uhr", "2020-04-24T18:15")]),
])
def test_a_clock_time_told_in_the_present_without_a_day_is_of_any_day(text, expected):
    frame = timex.tag(text, anchor="2020-04-20")
    got = list(zip(frame["text"], frame["value"], strict=True))
    assert got == expected
