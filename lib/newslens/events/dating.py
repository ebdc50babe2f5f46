"""The date of an event mention: its own timex, else the publication day of hard news.

``date_source`` says where a date comes from:

- ``timex``: the temporal expression that belongs to the trigger: among the sentence's dated
  expressions (durations, sets and vague words say nothing about when), the nearest one in the
  trigger's clause within :data:`MAX_DISTANCE` characters, else one right after the trigger.
  A trigger in a background phrase takes only an expression of its own phrase (within
  :data:`NOUN_DISTANCE`): ``vor der Wahl im November sagte er am Montag`` dates the election
  by ``im November``, not ``am Montag``.
  ``gestern`` is an expression of its own, resolved to the day before publication.
- ``publication``: the sentence has no dated expression at all (one elsewhere in it, ``2016``,
  says the sentence is not about today, and so does a word of a remote time: ``damals``, ``vor
  Jahren``, ``kurz darauf``: cues of kind ``remote``), the article is no long read (at most
  :data:`LONG_READ` characters: features, interviews and live blogs tell of many days), the
  trigger is reported as news (asserted or reported, in a clause of past or perfect tense but
  not pluperfect, not in a prepositional phrase: ``nach der Wahl``, ``zu dem Treffen``, not in a
  temporal subordinate clause: ``seit ...``, ``nachdem ...``, not inside a quotation: the
  speaker's words) and the article has a plausible publication date: the publication day.
  In the lead of a news article (its first sentences, :mod:`~newslens.events.mentions`) the
  present tense reports the day's news too (``Hertz meldet Insolvenz an``, ``Der Minister
  tritt zurück``, ``In einer Fabrik bricht ein Brand aus``: :func:`~newslens.events.cues.
  is_lead_news`), with the same conditions otherwise.
- ``none``: nothing dates it (a result state, ``der vergiftete Kremlkritiker``, takes no
  publication day: lexicon rows with ``requires = state``), or its clause commemorates it
  (``zum Jahrestag der Morde am 19. Februar``: the day of the remembrance). Such mentions are
  listed in the tables, never drawn.
"""

from __future__ import annotations

import re

import pandas as pd

from newslens.events import cues

DATE_SOURCES = ("timex", "publication", "none")
#: Expressions farther than this from the trigger (characters) do not date it.
MAX_DISTANCE = 120
#: A trigger in a background phrase takes an expression of its own phrase only.
NOUN_DISTANCE = 40
#: Articles longer than this (characters) are long reads: no publication day for their events.
LONG_READ = 12000
#: A day or month named without a year lies within half a year of the publication.
YEAR_OFF = pd.Timedelta(days=183)
#: Expression kinds that place an event in time.
_DATING_KINDS = {"date", "span"}
#: A present or future clause may still name a day of the past week (``am Montag hat ...`` is
#: past, ``Merkel trifft am Montag`` in a weekly review): beyond it, the resolution is wrong.
TENSE_SLACK = pd.Timedelta(days=7)
#: Publication days outside this range are no dates (a feed's 0001-01-01 placeholder).
PLAUSIBLE = (pd.Timestamp("1900-01-01"), pd.Timestamp("2100-12-31"))


def usable_timexes(timexes: list[dict], text: str = "", offset: int = 0,
                   published=None) -> list[dict]:
    """The expressions of a sentence (``text``, starting at article offset ``offset``) that
    can date an event: not vague, not a duration (unless it gives an age: ``die
    einen Monat alte Äußerung``, :func:`_aged`) or a set (``jeden Donnerstag``), not the
    bound of a period (``bis Ende Januar``, ``ab dem 1. Februar``), and not resolved against
    their own clause's tense (``am 26. September findet die Wahl statt`` read as a past
    September: a present or future clause about a day more than a week before publication,
    in a sentence without an auxiliary of the past or perfect, unless it dates what the clause
    counts from: ``seit der Wahl am 9. August``), and not a day or month without
    its year resolved more than half a year from the publication (the year is wrong)."""
    years = frozenset(pd.Timestamp(t["start_date"]) for t in timexes
                      if not pd.isna(t["start_date"]) and _names_year(str(t.get("text", ""))))
    timexes = [_aged(t, text, offset) for t in timexes]
    return [t for t in timexes
            if not t.get("vague", False) and str(t.get("kind", "date")) in _DATING_KINDS
            and not pd.isna(t["start_date"]) and not pd.isna(t["end_date"])
            and not _EVERY.search(text, 0, max(0, int(t["start"]) - offset))
            and not _BOUND.search(text, 0, max(0, int(t["start"]) - offset))
            and not (_against_tense(t, published) and not _PAST_FORM.search(text)
                     and not _SINCE.search(text, 0, max(0, int(t["start"]) - offset)))
            and not _year_off(t, published, years)]


def _aged(t: dict, text: str, offset: int) -> dict:
    """A duration that gives an age (``seine rund einen Monat alte Äußerung``, ``das zwei Tage
    alte Urteil``, ``ist drei Wochen alt``) as the date that long before its reference time:
    the day for days, else a period of the duration's unit centred on that time (an age is
    rounded); any other expression unchanged."""
    if str(t.get("kind", "")) != "duration" or t.get("vague", False):
        return t
    m = _AGE_VALUE.fullmatch(str(t.get("value", "")))
    anchor = t.get("anchor")
    if m is None or anchor is None or pd.isna(anchor) \
            or not _AGE.match(text, max(0, int(t["end"]) - offset)):
        return t
    n, unit = int(m.group(1)), m.group(2)
    step = {"D": pd.DateOffset(days=n), "W": pd.DateOffset(weeks=n),
            "M": pd.DateOffset(months=n), "Y": pd.DateOffset(years=n)}[unit]
    centre = pd.Timestamp(anchor).normalize() - step
    half = {"D": pd.Timedelta(0), "W": pd.Timedelta(days=3), "M": pd.Timedelta(days=15),
            "Y": pd.Timedelta(days=182)}[unit]
    granularity = {"D": "day", "W": "week", "M": "month", "Y": "year"}[unit]
    return {**t, "kind": "date", "start_date": centre - half, "end_date": centre + half,
            "granularity": granularity, "age": True}


#: A duration value in one unit (``P1M``, ``P3D``, ``P2W``, ``P10Y``).
_AGE_VALUE = re.compile(r"P(\d{1,3})([DWMY])")
#: ``alt``, ``alte``, ``altes`` ... right after a duration: the duration is an age.
_AGE = re.compile(r"\s+alt(?:e[nmrs]?)?\b")
#: Between an age and the noun it qualifies: ``alte``, at most two more adjectives.
_AGE_OF = re.compile(r"\s+alte[nmrs]?\s+(?:[a-zäöüß][\w-]*\s+){0,2}")


def set_aside(timexes: list[dict], usable: list[dict], text: str = "", offset: int = 0
              ) -> bool:
    """Some expression of a day, span or set (``jeden Donnerstag``, a day read against its
    tense) was found in the sentence but cannot date it: the sentence is about another time,
    not the day of publication. The bound of a period (``bis zum 7. März verlängert``) tells
    how long a state lasts, not when the news happened, and does not count."""
    kept = {(int(t["start"]), int(t["end"])) for t in usable}
    return any((int(t["start"]), int(t["end"])) not in kept and not t.get("vague", False)
               and str(t.get("kind", "date")) in ("date", "span", "set")
               and not _BOUND.search(text, 0, max(0, int(t["start"]) - offset))
               for t in timexes)


def _year_off(t: dict, published, years: frozenset = frozenset()) -> bool:
    """A date without its year (``am 3. November``, not ``am 5. Februar dieses Jahres``)
    resolved more than :data:`YEAR_OFF` from the publication: news means the nearest such day,
    so the year is wrong (the 2019 election of articles written before the one of 2020). An
    expression resolved against another date of its sentence that names its year (its
    ``anchor``, one of ``years``: ``gegen 13.30 Uhr`` after ``am 5. Februar 2020``) takes its
    year from that date."""
    if published is None or pd.isna(published) or _names_year(str(t.get("text", ""))) \
            or t.get("age", False):
        return False  # an age counts back from its reference, whatever the distance
    anchor = t.get("anchor")
    if anchor is not None and not pd.isna(anchor) and pd.Timestamp(anchor) in years:
        return False  # resolved against a date of its sentence (13.30 Uhr of the 5 February)
    if str(t.get("granularity", "")) not in ("day", "weekend", "week", "month"):
        return False
    day = pd.Timestamp(published).normalize()
    return abs(pd.Timestamp(t["start_date"]) - day) > YEAR_OFF


def _names_year(text: str) -> bool:
    """``2020``, ``dieses Jahres``: the expression names its year."""
    return bool(_YEAR.search(text) or _NAMED_YEAR.search(text))


def _against_tense(t: dict, published) -> bool:
    tense = str(t.get("tense", ""))
    if t.get("age", False):
        return False  # an age (die einen Monat alte Äußerung) is past in any tense
    if published is None or tense not in ("present", "future") or pd.isna(published):
        return False
    if _YEAR.search(str(t.get("text", ""))):
        return False  # an absolute date (im Februar 2022) does not depend on the tense
    return pd.Timestamp(t["end_date"]) < pd.Timestamp(published).normalize() - TENSE_SLACK


#: ``bis Ende Januar``, ``ab dem 1. Februar``, ``seit Mitte Dezember``: the bound of a period
#: (how long a lockdown lasts), not the day something happened.
_BOUND = re.compile(r"\b(?:[Bb]is|[Aa]b|[Ss]eit|[Ss]pätestens|[Ff]rühestens|[Bb]innen)"
                    r"(?:\s+(?:zum|zur|dem|den|einschließlich|mindestens))?\s+$")
#: An auxiliary of a past or perfect tense: a sentence with one tells of the past whatever
#: the tagger saw (``... am 6. Januar zu weit gegangen ist``), so its day dates stand.
_PAST_FORM = re.compile(r"\b(?:hat|haben|hatte|hatten|ist|sind|war|waren|wurde|wurden|worden)\b")
#: ``seit der Präsidentenwahl am 9. August``, ``seit dem Sturm auf das Kapitol am 6. Januar``:
#: the day of the event a present clause counts from (German tells what lasts since then in
#: the present tense), so a past day stands in it.
_SINCE = re.compile(r"\b[Ss]eit(?:\s+[\w.-]+){1,5}\s+$")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")
#: ``der 5. Februar dieses Jahres``, ``im März des vergangenen Jahres``: the year named in words.
_NAMED_YEAR = re.compile(r"\b(?:(?:dieses|des|letzten|vergangenen|vorigen|nächsten|kommenden)"
                         r"\s+(?:\w+\s+)?Jahres|Vorjahres)\b")
#: ``jeden Donnerstag``, ``jedes Jahr``, ``alle zwei Wochen``: a set, whatever the tagger says.
_EVERY = re.compile(r"(?:\b[Jj]ede[nmrs]?|\b[Aa]lle)\s+(?:\w+\s+)?$")


def timex_for(start: int, end: int, clause: tuple[int, int], timexes: list[dict],
              offset: int, *, own_phrase: bool = False, own_clause: bool = False,
              nouns: tuple[tuple[int, int], ...] = ()) -> dict | None:
    """The expression of ``timexes`` (article offsets) that belongs to a trigger at
    ``[start, end)`` (sentence offsets; the sentence starts at ``offset``); with
    ``own_phrase`` only one of the trigger's own phrase, with ``own_clause`` only one of its
    clause (a temporal subordinate clause: ``als er am 5. Februar 2020 mit den Stimmen der AfD
    zum Ministerpräsidenten gewählt wurde`` is dated by its own day, however far from the
    verb at its end, and never by the main clause's). ``nouns`` are the spans of the
    sentence's other noun triggers: an expression beyond one of them belongs to that noun's
    phrase (``die Kehrtwende in seinen Äußerungen wurde ausgelöst durch einen Anruf in der
    vergangenen Woche`` dates the call, not the remarks)."""
    best, best_key = None, None
    limit = NOUN_DISTANCE if own_phrase else MAX_DISTANCE
    for t in timexes:
        t0, t1 = int(t["start"]) - offset, int(t["end"]) - offset
        distance = max(t0 - end, start - t1, 0)
        inside = clause[0] <= t0 and t1 <= clause[1]
        right_after = t0 >= end and distance <= NOUN_DISTANCE // 2 and not own_clause
        if not ((inside and distance <= limit) or right_after):
            continue
        gap = (end, t0) if t0 >= end else (t1, start)
        if any(gap[0] <= a and b <= gap[1] for a, b in nouns):
            continue  # another noun trigger stands between: the expression is its own
        key = (not inside, distance, t0)
        if best_key is None or key < best_key:
            best, best_key = t, key
    return best


def timex_before(clause: tuple[int, int], timexes: list[dict], offset: int,
                 text: str) -> dict | None:
    """The expression that ends the clause before ``clause`` (only a comma between): the time
    an ``als`` clause right after it tells of (``Es war der 5. Februar, gegen 13.30 Uhr, als
    im Landtag ein Ministerpräsident gewählt ist``, ``Am 6. Januar, als ...``)."""
    for t in timexes:
        t1 = int(t["end"]) - offset
        if 0 <= t1 <= clause[0] and text[t1:clause[0]].strip() == ",":
            return t
    return None


def mention_date(text: str, trigger, clause: tuple[int, int], modality: str,
                 timexes: list[dict], offset: int, published: pd.Timestamp, *,
                 news: bool = True, lead: bool = False,
                 nouns: tuple[tuple[int, int], ...] = ()) -> dict:
    """``start_date, end_date, granularity, date_source`` (and the timex offsets) of a mention;
    ``news=False`` (a long read, a remote time in the sentence) allows no publication day;
    ``lead`` (the article's first sentences) allows it in the present tense too; a noun
    trigger is not dated across another noun trigger of ``nouns`` (:func:`timex_for`)."""
    # an age dates only the noun it qualifies (die einen Monat alte Äußerung), and is no
    # expression of the sentence for any other (sagte der 35 Jahre alte Mechaniker)
    timexes = [t for t in timexes if not t.get("age", False)
               or _AGE_OF.fullmatch(text, int(t["end"]) - offset, trigger.start)]
    if cues.is_anniversary(text, clause):
        return {"start_date": pd.NaT, "end_date": pd.NaT, "granularity": None,
                "date_source": "none"}
    background = cues.is_background(text, trigger.start, clause)
    temporal = cues.is_temporal_clause(text, clause)
    timex = timex_for(trigger.start, trigger.end, clause, timexes, offset,
                      own_phrase=background and not temporal, own_clause=temporal,
                      nouns=() if trigger.pos == "verb" else nouns)
    if timex is None and cues.is_when_clause(text, clause):
        timex = timex_before(clause, timexes, offset, text)
    if timex is not None:
        return {"start_date": pd.Timestamp(timex["start_date"]),
                "end_date": pd.Timestamp(timex["end_date"]),
                "granularity": str(timex["granularity"]), "date_source": "timex"}
    plausible = not pd.isna(published) and PLAUSIBLE[0] <= published <= PLAUSIBLE[1]
    if plausible and news and not trigger.needs("state") and not timexes \
            and modality in ("asserted", "reported") and not background \
            and not cues.in_phrase(text, trigger.start, clause) \
            and not cues.in_quotation(text, trigger.start) \
            and _news_tense(text, clause, trigger, lead=lead):
        day = pd.Timestamp(published).normalize()
        return {"start_date": day, "end_date": day, "granularity": "day",
                "date_source": "publication"}
    return {"start_date": pd.NaT, "end_date": pd.NaT, "granularity": None,
            "date_source": "none"}


def _news_tense(text: str, clause: tuple[int, int], trigger, *, lead: bool) -> bool:
    verb = trigger.pos == "verb"
    return cues.is_past(text, clause, trigger.text, verb) or (
        lead and cues.is_lead_news(text, clause, trigger.text, verb))
