"""Temporal expressions in German news: find them, and say which days they mean.

`tag` scans a text once with one combined pattern (`_timex_rules.MASTER`) and turns every match
into a row: its span, a TIMEX3 ``value`` (``2025-08-18``, ``2025-W42``, ``P2W``, ``PAST_REF``),
the inclusive days it covers, granularity, modifier and the tense of its clause. The span and
value rules are those of tests/gold/TIMEX_GUIDELINES.md; what they leave open is decided here:

- Reference time: deictic expressions (``gestern``, ``vergangene Woche``, ``Montag``) count
  from the publication date. A year-less date (``22. April``, ``im August``, ``Sommer``) takes
  its year from the last date of the narrative before it (a bare year frames for about a
  paragraph, a day or month for 2000 characters): in news background the nearest occurrence;
  in history told in order (a frame more than two years back) later in the frame's year, over
  the turn of the year when close, else earlier in it, the pluperfect looking back. The
  publication date anchors where there is no frame, where the text came back to the present
  (``gestern``, ``seit 2015``), or where the clause's tense looks from the other side (a future
  clause after a past date, a past clause after a future one, ``ist`` after another year;
  history more than 20 years back told in the present keeps its year). Expressions relative to
  an earlier date (``zwei Tage später``, ``am folgenden Tag``, ``im Jahr darauf``, ``tags
  darauf``, ``um 20 Uhr``, ``am Abend``, ``an dem Tag``, ``Mai desselben Jahres``) count from
  the last dated expression (not from a year named in passing, ``die Grippe von 1918``);
  ``kurz danach`` only orders events and is not tagged. A calendar day opening a paragraph
  (``Sonntag, 15. November, 18.22 Uhr:``, a live blog's or diary's stamp) is the "today" of the
  entry after it.
  ``mode="narrative"``: relative units count from the last absolute date too (after ``im Jahr
  2014``, ``im vergangenen Jahr`` is 2013 but ``vor drei Tagen`` still counts from
  publication).
- Lists and ranges: ``22. und 25. August`` are two dates sharing month and year; ``vom 11. bis
  15. September``, ``27./28. September``, ``zwischen Mai und Juli``, ``Juni 1941 bis Februar
  1943`` one range, ``value`` its start and ``end_value`` its end; two numerals side by side
  are a range too (``sechs, acht Wochen``, ``in drei, vier Jahren``), and a determiner
  coordinated with a unit after it shares the unit (``in diesem und im kommenden Jahr``). A
  time coordinated with a set, or a clock time right after one in a present clause, is a set
  (``abends und am Wochenende``, ``von Montag bis Samstag zwischen 8 und 20 Uhr``).
- Anchored to the reference time as well: ``zu diesem Zeitpunkt`` (the reference itself),
  ``Mitternacht`` (the midnight ending the day told; ``seit Mitternacht`` the one that began
  it), weeks of a month (``die erste Novemberwoche``: the first ISO week wholly in it). A month
  or season as the standard of a comparison (``wie im Frühjahr``) is one already past.
- Values: TIMEX3 (``1915-04-22``, ``1862-SU``, ``1944-W20``, ``BC0149``, ``19``, ``P3M``,
  ``PRESENT_REF``). ``start_date``/``end_date`` where a Timestamp holds them (1678-2261),
  ``start_year``/``end_year`` and ``start_day``/``end_day`` (days since 1970) for every dated
  expression, BC and medieval ones included.
- Reported speech: inside a quotation („…“, "…", »…«) whose sentence also holds a verb of saying
  and a day (``sagte er am Montag: „Morgen …“``, ``„…“, erklärte er am Donnerstag``), relative
  expressions count from that day. Only that simple pattern: the day must be in the sentence
  that opens or closes the quotation, outside it.
- Direction: the nearest tense cue in the clause (werde, soll, könnte, geplant, beginnenden …
  future; hatte, wurde, sagte, -ierte … past; hat/haben only with a participle); none means
  present; strong verbs in the preterite count (``erstach``, ``verlor``). A preposition
  overrides it: seit/vom look back (``vom 11. Januar an`` in a future clause forward), ab/bis/auf
  forward (``bis`` in a past clause without a participle back: ``zählte bis Donnerstagabend``);
  ``zu erreichen`` is an infinitive, not a participle. Weekdays: a weekday in apposition to a
  date is that date (``am 27. September, dem Sonntag``); else the coming one in the future or
  in a present clause about a scheduled event (``beginnt``, ``findet statt``), else the most
  recent; the anchor's own weekday is the anchor day unless marked (``vergangenen
  Donnerstag``), or told in the pluperfect in an article published before 9 a.m. (the week
  before: ``hatte am Dienstag ... testen lassen`` at 5:39). Months and day-month dates: not
  after the anchor in the past, not before it in the future, else the nearest.
- ``heute`` is the anchor day, or ``PRESENT_REF`` (nowadays) set against the past: ``damals
  wie heute``, before an age (``der heute 49-Jährige``), in an apposition (``Konstantinopel –
  heute Istanbul –``), as a state (``ist``, ``steht``, ``heißt``) right after a past sentence
  that dates something more than a month back, after ``einst``/``damals``/``früher`` in its
  sentence or the one before, or in a passage told in another year. ``früher`` is
  ``PAST_REF`` (formerly) unless it compares (``früher als``, ``noch früher``).
- Compounds: a month before a hyphen is tagged alone (``Oktober-Gipfel``), weekday + day part
  whole (``Dienstagabend``); closed compounds are not dates (``Sonntagsfrage``,
  ``Abendbericht``, ``Sommerferien``); a capitalised ``Morgen`` is tomorrow only at a sentence
  start; ``am Morgen`` is the morning of the reference day, ``jeden Morgen`` every morning.
- Not tagged: expressions anchored to events (``kurz nach Kriegsbeginn``), bare numbers that
  are not years by their context (``2000 Euro``, ``1900 Neuinfektionen``, ``Nr. 2014``), years
  in the quoted title of a book, an exhibition or a chapter (``die Ausstellung „London
  1938“``, ``Kapitel heißt „Tempelhof 1935-1939“``: cue words in ``data/title_cues.csv``).
- Also decided here (dev5 session): a year-less day within a month of the publication day
  stays in its year whatever the tense (``Bisher war der 3. April als Verfallsdatum benannt``
  on 19 March); a year counted from publication earlier in the sentence frames the year-less
  dates after it (``Im vergangenen Jahr kamen im ersten Halbjahr ...``); ``zuletzt``,
  ``kürzlich`` bring the text back to the recent past; a weekday after a week in apposition
  is in it (``Vor einer Woche, am Freitag``); the day before publication told in the present
  is that day (``Am Freitagabend steht ...`` in a Saturday paper); the small hours after a
  named night are the next day; listed days and hours without a verb are sets (``Montag bis
  Freitag 13 bis 17 Uhr, Samstag und Sonntag 10 bis 16 Uhr``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

import numpy as np
import pandas as pd

from newslens import _timex_rules as R

#: Bump whenever the output of `tag` changes for some input; the annotation cache keys on it.
STAGE_VERSION = "22"
COLUMNS = ["start", "end", "text", "value", "end_value", "start_date", "end_date",
           "start_year", "end_year", "start_day", "end_day", "granularity", "modifier", "vague",
           "kind", "anchor", "tense"]
MODES = ("news", "narrative")
_EPOCH = dt.date(1970, 1, 1).toordinal()
#: The first and last day a datetime64[ns] column holds.
_MIN_ORDINAL = pd.Timestamp.min.ceil("D").toordinal()
_MAX_ORDINAL = pd.Timestamp.max.floor("D").toordinal()
_PRECISION = {"day": 0, "week": 0, "weekend": 0, "month": 1, "quarter": 1, "year": 2,
              "decade": 2, "century": 2}
_FEW = {"D": (7, "D"), "W": (28, "D"), "M": (6, "M"), "Y": (60, "M"), "DE": (360, "M"),
        "CE": (2400, "M"), "H": (1, "D"), "Q": (6, "M")}


class _Anchor(NamedTuple):
    day: dt.date
    granularity: str
    narrative: bool


class Timex(NamedTuple):
    """One resolved expression (dates are ``datetime.date`` or None)."""

    start: int
    end: int
    value: str
    start_date: dt.date | None
    end_date: dt.date | None
    granularity: str | None
    modifier: str
    vague: bool
    kind: str
    anchor: dt.date
    tense: str
    absolute: bool
    end_value: str | None = None
    #: (first day, last day, first year, last year) for dates before the year 1 (BC), which
    #: ``datetime.date`` cannot hold: epoch days and signed historical years (486 BC = -486).
    bc: tuple[int, int, int, int] | None = None


def tag(
    text: str,
    *,
    anchor: dt.date | pd.Timestamp | str,
    mode: str = "news",
) -> pd.DataFrame:
    """The temporal expressions of one German text, one row each, sorted by ``start``.

    ``anchor`` is the day relative expressions count from (the publication date; its time of
    day, when given, tells an early edition, see ``EARLY_HOUR``); with
    ``mode="narrative"`` they count from the last absolute date mentioned before them instead.
    """
    day = _to_day(anchor, field="anchor")
    _check_mode(mode)
    return _frame([_row(text, t) for t in _Doc(text, day, mode, _early(anchor)).timexes()])


def tag_articles(articles: pd.DataFrame, *, mode: str = "news") -> pd.DataFrame:
    """`tag` for every article of the articles table (anchor: its ``published`` day).

    Adds ``article_id`` as the first column; sorted by ``article_id``, ``start``.
    """
    missing = [c for c in ("article_id", "published", "text") if c not in articles.columns]
    if missing:
        raise KeyError(f"articles: missing column(s) {', '.join(missing)} "
                       "(expected the table of newslens.load_corpus)")
    _check_mode(mode)
    ids, rows = [], []
    for article_id, published, text in zip(articles["article_id"].tolist(),
                                           articles["published"].tolist(),
                                           articles["text"].tolist(), strict=True):
        day = _to_day(published, field=f"published of article {article_id!r}")
        found = [_row(text, t) for t in _Doc(text, day, mode, _early(published)).timexes()]
        ids += [article_id] * len(found)
        rows += found
    frame = _frame(rows, sort=False)
    frame.insert(0, "article_id", pd.Series(ids, dtype=object))
    frame = frame.sort_values(["article_id", "start", "end"], kind="stable")
    return frame.reset_index(drop=True)


# -- the per-text state --------------------------------------------------------------------


class _Doc:
    """One text being tagged: its matches, quotations, anchors and memoised results."""

    def __init__(self, text: str, published: dt.date, mode: str, early: bool = False):
        text = _unwrap(text)
        self.text, self.published, self.mode = text, published, mode
        #: published early in the morning (a time before EARLY_HOUR is known): the day's own
        #: events have hardly begun, a day of it told in the pluperfect is a week back
        self.early = early
        self.matches, quote_marks = [], []
        for m in R.MASTER.finditer(text):
            (quote_marks if m.lastgroup == "quote" else self.matches).append(m)
        self.starts = [m.start() for m in self.matches]
        self.quotes = _pair_quotes(text, quote_marks)
        self._memo: dict[int, Timex | None] = {}
        self._tenses: dict[int, str] = {}
        self._cues: dict[tuple[int, int], tuple[list[int], list[tuple[int, int, str]]]] = {}
        self._busy: set[int] = set()
        self._last_absolute: int | None = None
        self._last_reference: int | None = None
        #: accepted matches whose date lies in the narrative's time, not the publication's
        self._narrative: set[int] = set()
        self._used_frame: set[int] = set()
        #: Vorjahr ... counted from a date named just before: no reference time themselves
        self._compared: set[int] = set()
        self._present_at = -1
        self._recent_at = -1
        #: (start, day) of the last time stamp heading an entry (a live blog's "Sonntag, 15.
        #: November, 18.22 Uhr:", a diary's "Freitag, 30. Oktober 2020"): its own "today"
        self._stamp: tuple[int, dt.date] | None = None
        self._cursor = -1
        self._sentence = (0, 0)

    def timexes(self) -> list[Timex]:
        """Every accepted expression, in text order."""
        found = []
        for i in range(len(self.matches)):
            self._cursor = i
            timex = self.resolve(i)
            if timex is not None:
                found.append(timex)
                if timex.value == "PRESENT_REF":  # nun, derzeit: the text is back in the present
                    self._present_at = timex.start
                elif timex.value == "PAST_REF" and \
                        R.RECENTLY.fullmatch(self.text, timex.start, timex.end):
                    self._recent_at = timex.start  # zuletzt, kürzlich: the recent past
                if _is_narrative_anchor(timex):
                    self._last_absolute = i
                if self._is_stamp(i, timex):
                    self._stamp = (timex.start, timex.start_date)
                if _sets_reference(timex) and i not in self._compared and \
                        not self._looks_back(i, timex):
                    self._last_reference = i  # (a look back in the pluperfect after a date
                    # told in the past does not move the focus of "am Morgen", "am Abend")
                    if i in self._used_frame or (timex.absolute and not self._aside(i, timex)):
                        self._narrative.add(i)
        return found

    def resolve(self, i: int) -> Timex | None:
        """The expression of match ``i`` (memoised; None when the match is not one)."""
        if i not in self._memo:
            self._busy.add(i)
            try:
                self._memo[i] = _RESOLVERS[self.matches[i].lastgroup](self.matches[i], self, i)
            except (ValueError, OverflowError):  # a day that does not exist, a year out of range
                self._memo[i] = None
            self._busy.discard(i)
        return self._memo[i]

    # -- anchors ---------------------------------------------------------------------------

    def anchor(self, i: int) -> _Anchor:
        """The day match ``i`` counts from, that day's granularity (day, month or year) and
        whether it is a date of the narrative rather than the publication or speech date."""
        speech = self._speech_anchor(i)
        if speech is not None:
            return _Anchor(speech, "day", False)
        start = self.matches[i].start()
        if self._stamp is not None and self._stamp[0] < start and not (
                self.matches[i].lastgroup == "date"
                and R.PARAGRAPH_START.search(self.text, max(0, start - 4), start)):
            return _Anchor(self._stamp[1], "day", False)  # (a stamp counts from publication)
        if self.mode == "narrative":
            last = self._narrative_anchor(i)
            if last is not None:
                return _Anchor(last.start_date, last.granularity, True)
        return _Anchor(self.published, "day", False)

    def day_anchor(self, i: int, precision: str = "day") -> dt.date:
        """The anchor for expressions that count in ``precision`` (day, month or year) units:
        a narrative date coarser than that does not do, and the publication date stands in."""
        anchor = self.anchor(i)
        fine_enough = _PRECISION[anchor.granularity] <= _PRECISION[precision]
        return anchor.day if fine_enough else self.published

    def reference(self, i: int, *, skip_today: bool = False,
                  skip_passing: bool = False) -> tuple[Timex | None, bool]:
        """The reference time of match ``i``: the last dated expression before it (a day, a
        month, a year ... of the narrative, or a date counted from publication), and whether
        it lies in the narrative's own time rather than in the publication's. ``skip_today``
        passes over the publication day itself (``noch heute`` in a story of 1920 is an aside,
        not the day ``zehn Jahre später`` counts from), ``skip_passing`` over years named in
        passing (``die Grippepandemie von 1918 ... Zehn Tage später``)."""
        if i == self._cursor and not skip_today and not skip_passing:
            last = self._last_reference
            return (None, False) if last is None else (self._memo[last], last in self._narrative)
        for k in range(i - 1, -1, -1):
            if skip_today and k in self._memo and self._memo[k] is not None and \
                    self._memo[k].start_date == self.published == self._memo[k].end_date:
                continue
            found = None if k in self._busy else self.resolve(k)
            if found is not None and _sets_reference(found) and k not in self._compared and not (
                    skip_passing and self._passing(k, found)):
                return found, k in self._narrative or (found.absolute and not self._aside(k, found))
        return None, False

    def _passing(self, i: int, timex: Timex) -> bool:
        """A year named in passing as an attribute or a point of comparison (``die
        Grippepandemie von 1918``, ``weniger als 2012``): no reference time for what follows."""
        if not timex.absolute or timex.granularity != "year":
            return False
        start = self.matches[i].start()
        return bool(R.COMPARISON_BEFORE.search(self.text, max(0, start - 40), start)
                    or R.ATTRIBUTE_BEFORE.search(self.text, max(0, start - 40), start))

    def _is_stamp(self, i: int, timex: Timex) -> bool:
        """A calendar day that opens a paragraph on its own, followed by a colon, a comma or
        the line end: the time stamp of a live-blog or diary entry."""
        m = self.matches[i]
        if m.lastgroup != "date" or timex.granularity != "day" or timex.start_date is None:
            return False
        return bool(R.PARAGRAPH_START.search(self.text, max(0, m.start() - 4), m.start())
                    and R.STAMP_END.match(self.text, timex.end))

    def _looks_back(self, i: int, timex: Timex) -> bool:
        """Match ``i`` is a date in the pluperfect before the reference time told in the past."""
        last = self._last_reference
        if last is None or not self._pluperfect(i) or self._pluperfect(last):
            return False
        told = self._memo[last]
        return told is None or told.start_date is None or timex.start_date <= told.end_date

    def _participle(self, i: int) -> bool:
        """The clause of match ``i`` has a past participle (``wurde ... verlängert``)."""
        c_lo, c_hi, cues = self._clause(i)
        return any(t == "participle" and c_lo <= a and b <= c_hi for a, b, t in cues)

    def _pluperfect(self, i: int) -> bool:
        """The clause of match ``i`` is in the pluperfect (``hatte ... geschlossen``, ``war ...
        eingetreten``): it looks back from the time told."""
        c_lo, c_hi, cues = self._clause(i)
        inside = [(a, b, t) for a, b, t in cues if c_lo <= a and b <= c_hi]
        return any(t == "participle" for _, _, t in inside) and any(
            self.text[a:b] in ("hatte", "hatten", "war", "waren") for a, b, _ in inside)

    def _aside(self, i: int, timex: Timex) -> bool:
        """A date that does not move the narrative's focus: ``seit 2015`` (it reaches up to the
        present), a point of comparison (``weniger als 2012``, ``gegenüber Mai 2019``), a year as
        an attribute or a limit (``Krise 2008/2009``, ``Thriller von 1981``, ``bis 2018``), the
        last time before now (``gab es zuletzt ... im Juli 2009``), or
        a bare year in the pluperfect (``Schon 1914 war die Familie geflüchtet``: a look back
        from the time told, not a new time)."""
        start = self.matches[i].start()
        prep = R.PREPOSITION_BEFORE.search(self.text, max(0, start - 30), start)
        if prep is not None and prep["prep"].lower() == "seit":
            return True
        if R.COMPARISON_BEFORE.search(self.text, max(0, start - 40), start) or (
                timex.granularity == "year"
                and R.ATTRIBUTE_BEFORE.search(self.text, max(0, start - 40), start)):
            return True
        c_lo, _, _ = self._clause(i)
        if R.RECENTLY.search(self.text, c_lo, start):
            return True  # "gab es zuletzt ... im Juli 2009": the last time before now, a point
            # of comparison, not the time the text goes on in
        if timex.granularity not in ("year", "month"):
            return False
        if timex.granularity == "year" and (timex.modifier == "approximate" or
                                            _ROUGHLY_BEFORE.search(self.text, max(0, start - 8),
                                                                   start)):
            return True  # "um 1900": too rough a year for a later "an Pfingsten" to take
        c_lo, c_hi, cues = self._clause(i)
        words = {self.text[a:b] for a, b, tense in cues if c_lo <= a and b <= c_hi}
        participle = any(t == "participle" and c_lo <= a and b <= c_hi for a, b, t in cues)
        return participle and bool(words & {"hatte", "hatten", "war", "waren"})

    def frame(self, i: int) -> Timex | None:
        """The narrative date a year-less expression (``22. April``, ``im August``,
        ``Sommer``) takes its year from, or None where the publication date anchors: no date
        of the narrative yet, the focus moved back to the present (``gestern``, ``seit 2015``),
        or the clause looks at the present or the future from before it (``ist``, ``wird``)."""
        found, narrative = self.reference(i)
        if found is None or not narrative or found.start_date is None:
            return None
        if self._present_at > found.start and i == self._cursor:
            return None
        start = self.matches[i].start()
        box = R.BOX_BEFORE.search(self.text, max(0, start - 300), start)
        if box is not None and found.start < box.start():
            return None  # "[Liebermann-Villa ..., bis 11. Januar, tägl. 11-17 Uhr]": an
            # editor's box of practical facts counts from publication, not from the story
        prep = R.PREPOSITION_BEFORE.search(self.text, max(0, start - 30), start)
        if prep is not None and prep["prep"].lower() == "seit" and \
                self.clause_cue(i) == "present" and not self._told_in_present(found):
            return None  # "Seit Anfang Februar amtiert sie": since then until now
        lo, hi = self.sentence(self.matches[i].start())
        if found.start < lo and R.UP_TO_NOW.search(self.text, lo, hi):
            return None  # "Im Juli ist die Zahl gestiegen: auf bisher 6431" (July 2020 after a
            # paragraph about 2019): a sentence counted up to now is the publication's time
        if found.start < self._recent_at and i == self._cursor and \
                self.sentence(self.matches[i].start())[0] <= self._recent_at:
            return None  # "Zuletzt war im März ein Besuch geplant": the last time before
            # publication, not a March of the story told before
        reach = _FRAME_REACH["year" if found.granularity == "year" else "finer"]
        if self.matches[i].start() - found.end > reach:
            return None  # a year mentioned in passing paragraphs ago no longer frames the text
        cue = self.clause_cue(i)
        if (self.published - found.end_date).days > _PRESENT_HISTORY_DAYS and \
                cue in ("present", "future") and self._told_in_present(found) and \
                not self._strong_future(i):
            return found  # history in the present tense: "1915 setzen sie Gas ein. Im Mai folgt"
        if cue == "future" and found.start_date < self.published:
            return None
        if found.granularity == "year" and found.start_date.year == self.published.year + 1 \
                and cue != "past":
            return None  # the coming year named in a forecast: "wachse 2021 wieder. Im Winter
            # dürfte ..." is the winter ahead, counted from publication
        if cue == "past" and found.start_date > self.published:
            return None  # "bis August 2022 ..., im Februar begann sie": not a future February
        if cue != "future" and found.start_date > self.published:
            return None  # a plan is no frame: "auf September 2021 verschoben. ... wo sich ab
            # 24. Juni ... jährt" (June 2020) is the coming June, counted from publication
        if cue == "present" and found.start_date.year != self.published.year:
            return None
        return found

    def _later_year(self, i: int) -> Timex | None:
        """A date with its year later in the sentence of match ``i``, in a clause that says
        neither past nor future, frames it: ``An Ostern hätte die Saison 2020 beginnen
        sollen``, ``Der Schock im Frühjahr ... liest sich im November 2020``."""
        if self.mode != "news" or self.clause_cue(i) in ("past", "future"):
            return None
        hi = self.sentence(self.matches[i].start())[1]
        for k in range(i + 1, len(self.matches)):
            m = self.matches[k]
            if m.start() >= hi:
                break
            if k in self._busy or not _YEAR_DIGITS.search(m.group()):
                continue
            found = self.resolve(k)
            if found is not None and found.absolute and found.kind == "date" and \
                    found.start_date is not None and not self._aside(k, found) and \
                    found.granularity in ("day", "month", "year") and \
                    found.start_date <= self.published:
                return found
        return None

    def _relative_year_before(self, i: int) -> Timex | None:
        """A year counted from publication earlier in the sentence of match ``i`` (``Im
        vergangenen Jahr``, ``im Vorjahr``, ``in diesem Jahr``): the year its year-less dates
        lie in, as an absolute year would frame them."""
        lo = self.sentence(self.matches[i].start())[0]
        for k in range(i - 1, -1, -1):
            if self.matches[k].start() < lo:
                return None
            found = None if k in self._busy else self.resolve(k)
            if found is not None and found.kind == "date" and found.granularity == "year" and \
                    not found.absolute and not found.vague and found.start_date is not None:
                return found
        return None

    def _told_in_present(self, frame: Timex) -> bool:
        """A narrative day or month (``Am 22. April 1915``, not a bare year) whose sentence has
        no past cue: the story is told in the present."""
        if frame.granularity not in ("day", "month"):
            return False
        lo, hi = self.sentence(frame.start)
        return not any(m.lastgroup == "past" for m in R.TENSE_CUES.finditer(self.text, lo, hi))

    def _scheduled(self, i: int) -> bool:
        """The clause of match ``i`` has a present verb of a scheduled event (findet ...
        statt, beginnt, tritt ... in Kraft, erscheint)."""
        c_lo, c_hi, cues = self._clause(i)
        return any(kind == "present" and c_lo <= a and b <= c_hi
                   and self.text[a:b].lower() in R.SCHEDULED for a, b, kind in cues)

    def _strong_future(self, i: int) -> bool:
        """The clause of match ``i`` has a future verb (wird, soll, könnte, geplant), not just an
        adjective (die nächste Offensive)."""
        c_lo, c_hi, cues = self._clause(i)
        return any(kind == "future" and c_lo <= a and b <= c_hi
                   and self.text[a:b].lower() in R.STRONG_FUTURE for a, b, kind in cues)

    def _narrative_anchor(self, i: int) -> Timex | None:
        """The last absolute date (day, month or year) before match ``i``."""
        if i == self._cursor:  # in text order: everything before is resolved
            last = self._last_absolute
            return None if last is None else self._memo[last]
        for k in range(i - 1, -1, -1):
            found = None if k in self._busy else self.resolve(k)
            if found is not None and _is_narrative_anchor(found):
                return found
        return None

    def _speech_anchor(self, i: int) -> dt.date | None:
        """The day a quotation containing match ``i`` was said, when its sentence says so."""
        quote = _containing(self.quotes, self.matches[i].start(), self.matches[i].end())
        if quote is None:
            return None
        lo = self.sentence(quote[0])[0]
        hi = max(quote[1], self.sentence(max(quote[0], quote[1] - 2))[1])
        outside = self.text[lo:quote[0]] + " " + self.text[quote[1]:hi]
        if not R.SPEECH.search(outside):
            return None
        best = None
        for j in range(bisect.bisect_left(self.starts, lo), len(self.matches)):
            m = self.matches[j]
            if m.start() >= hi:
                break
            if (m.lastgroup in ("weekday", "date", "relday", "night") and j not in self._busy
                    and _containing(self.quotes, m.start(), m.end()) is None):
                distance = min(abs(m.start() - quote[1]), abs(quote[0] - m.end()))
                if best is None or distance < best[0]:
                    best = (distance, j)
        found = self.resolve(best[1]) if best else None
        return found.start_date if found and found.granularity == "day" else None

    # -- sentences, clauses, tense -----------------------------------------------------------

    def sentence(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence around ``pos`` (looked for within 600 characters)."""
        lo, hi = self._sentence
        if not lo <= pos < hi:  # matches come in text order: often the same sentence again
            self._sentence = lo, hi = _bounds(self.text, pos, pos, R.SENTENCE_BREAK, 600)
        return lo, hi

    def tense(self, i: int) -> str:
        """past, present or future: the cue word nearest the match in its clause (not the
        sentence: "sagte er, dass am 7. Dezember ... endet" is not past); present without one."""
        return self.clause_cue(i) or "present"

    def clause_cue(self, i: int) -> str | None:
        """The tense of the nearest cue word in the clause of match ``i``; None without one."""
        if i not in self._tenses:
            m = self.matches[i]
            c_lo, c_hi, cues = self._clause(i)
            cue = _nearest_cue(cues, c_lo, c_hi, m.start(), m.end())
            if cue == "future" and R.PERFECT_INFINITIVE.search(self.text, c_lo, c_hi):
                cue = "past"  # "soll am Montagabend zusammengebrochen sein": reported, past

            self._tenses[i] = cue
        return self._tenses[i]

    def _clause(self, i: int) -> tuple[int, int, list[tuple[int, int, str]]]:
        """Start and end of the clause of match ``i`` and the tense cues of its sentence."""
        m = self.matches[i]
        lo, hi = self.sentence(m.start())
        if (lo, hi) not in self._cues:
            self._cues[lo, hi] = _sentence_cues(self.text, lo, hi)
        breaks, cues = self._cues[lo, hi]
        at = bisect.bisect_right(breaks, m.start())
        c_lo = breaks[at - 1] if at else lo
        c_hi = breaks[bisect.bisect_left(breaks, m.end())] if breaks and \
            breaks[-1] >= m.end() else hi
        return c_lo, c_hi, cues

    # -- building rows -----------------------------------------------------------------------

    def make(self, i: int, value: str, interval: tuple[dt.date | None, dt.date | None] | None,
             granularity: str | None, *, span: tuple[int, int] | None = None,
             modifier: str = "none", kind: str = "date", anchor: dt.date | None = None,
             end_value: str | None = None, bc: tuple[int, int, int, int] | None = None
             ) -> Timex:
        """A row for match ``i``; ``anchor=None`` marks an absolute expression. ``end_value``
        is the value of the end of a range (``value`` then is its start)."""
        m = self.matches[i]
        start, end = span or (m.start(), m.end())
        first, last = interval or (None, None)
        return Timex(start, end, value, first, last, granularity, modifier, kind == "vague",
                     kind, anchor or self.published, self.tense(i), anchor is None, end_value,
                     bc)

    def direction(self, i: int, *, forward: str = "future") -> str:
        """The tense that decides which occurrence is meant: a preposition before the match
        (seit/vom: past; ab/bis: ``forward``) overrides the tense of the clause."""
        start = self.matches[i].start()
        prep = R.PREPOSITION_BEFORE.search(self.text, max(0, start - 30), start)
        if prep is None:
            return self.tense(i)
        cue = self.clause_cue(i)
        if prep["prep"].lower() == "seit" or (prep["prep"].lower() == "vom" and cue != "future"):
            return "past"  # (vom 11. Januar an sollen ... starten: from a day to come)
        if cue == "past" and prep["prep"].lower() == "bis" and not self._participle(i):
            return "past"  # zählte bis Donnerstagabend; not "wurde bis Mai verlängert"
        return "future" if cue == "future" else forward  # bis Dezember soll

    def pick(self, i: int, build: Callable[[int], tuple | None]) -> tuple[tuple, dt.date]:
        """The occurrence of a year-less expression (``im August``, ``am 18. August``) the clause
        means: not after the anchor in the past tense, not before it in the future, else the
        nearest (always the nearest to a date of the narrative, which is told in the past
        throughout). ``build(year)`` gives ``(value, start, end)`` or None."""
        told = self._relative_year_before(i)
        if told is not None and (found := build(told.start_date.year)) is not None:
            return found, told.start_date  # "Im vergangenen Jahr kamen im März ...": 2019
        frame = self.frame(i) if self.mode == "news" else None
        if frame is not None:
            try:
                history = (self.published - frame.end_date).days > _HISTORY_DAYS
                found = _nearest_to(frame, build, onward=not self._pluperfect(i)
                                    if history else None)
            except ValueError:  # "Mittwoch, 27. Januar" is no Wednesday near the frame
                pass
            else:
                self._used_frame.add(i)
                return found, frame.start_date
        later = self._later_year(i)
        if later is not None and (found := build(later.start_date.year)) is not None:
            return found, later.start_date  # its year, as the sentence names it
        day, granularity, narrative = self.anchor(i)
        if granularity != "day":
            found = build(day.year)
            if found is None:
                raise ValueError(f"no such day in {day.year}")
            return found, day
        options = [c for y in (day.year - 1, day.year, day.year + 1) if (c := build(y))]
        if not options:
            raise ValueError("no such day in three years")
        tense = "present" if narrative else self.direction(i, forward="present")
        if tense != "past" and not narrative and R.UP_TO_NOW.search(
                self.text, *self.sentence(self.matches[i].start())):
            tense = "past"  # "von Januar bis Juli ..., zählt Italien bisher": up to now
        if tense != "past" and R.COMPARED_WITH_BEFORE.search(
                self.text, max(0, self.matches[i].start() - 12), self.matches[i].start()):
            tense = "past"  # "weniger Beschränkungen als im Frühjahr": a spring already known
        if tense == "present" and not narrative and self.clause_cue(i) == "present" and \
                self._scheduled(i):
            tense = "future"  # "Die Wahl findet im September statt": the coming September
        near = [c for c in options if c[1] == c[2] and c[1].year == day.year
                and abs((c[1] - day).days) <= _NEAR_DAYS]
        if near and tense in ("past", "future") and not narrative:
            return near[0], day  # "Bisher war der 3. April als Verfallsdatum benannt" (19
            # March), "dass die Impfaktion am 18. Januar beginnen wird" (said before a 24
            # January paper): a day this close to the anchor is in its year, not 11 months off
        if tense == "past":
            before = [c for c in options if c[1] <= day]
            return (before[-1] if before else options[0]), day
        if tense == "future":
            after = [c for c in options if c[2] >= day]
            return (after[0] if after else options[-1]), day
        return min(options, key=lambda c: R.distance(c, day)), day


def _nearest_to(frame: Timex, build: Callable[[int], tuple | None], *,
                onward: bool | None = None) -> tuple:
    """The occurrence a narrative date frames: in its year when that is all it says (``1862``
    ... ``im Sommer``). Below a year, in history told in order (``onward=True``): later in the
    frame's year (``18. März 1990`` ... ``im Oktober`` is October 1990), over the turn of the
    year when that is close (``Dezember 1914`` ... ``im Januar`` is January 1915), else earlier
    in its year (``Oktober 1990`` ... ``im März`` is March 1990); in the pluperfect
    (``onward=False``) the last not after it; in news background (None) the nearest of the
    year before, its own and the next, ties to its own year."""
    year = frame.start_date.year
    if frame.granularity in ("year", "decade", "century"):
        found = build(year)
        if found is None:
            raise ValueError(f"no such day in {year}")
        return found
    options = [c for y in (year, year - 1, year + 1) if (c := build(y))]
    if not options:
        raise ValueError("no such day in three years")
    if onward is None:
        return min(options, key=lambda c: R.distance(c, frame.start_date))
    by_year = {c[1].year: c for c in options}
    if onward is False:  # the pluperfect: the last occurrence not after the frame, unless
        # a day shortly after a day of the frame (the time told goes on past that day:
        # "am 24. Juni 1995 verhüllt ... am 28. Juni hatte die Zeitung eingeladen")
        soon = [c for c in options if frame.granularity == "day"
                and 0 <= (c[1] - frame.end_date).days <= _SOON_AFTER_DAYS and c[2] == c[1]]
        if soon:
            return soon[0]
        before = [c for c in options if c[1] <= frame.end_date]
        return max(before, key=lambda c: c[1]) if before else min(options, key=lambda c: c[1])
    same, following = by_year.get(year), by_year.get(year + 1)
    if same is not None and same[2] >= frame.start_date:
        return same  # later in the same year: "18. März 1990 ... im Oktober"
    if following is not None and (following[1] - frame.end_date).days <= _TURN_OF_YEAR_DAYS:
        return following  # "Dezember 1914 ... im Januar": over the turn of the year
    return same if same is not None else min(options, key=lambda c: R.distance(c,
                                                                                frame.start_date))


def _sets_reference(t: Timex) -> bool:
    """Dated expressions a later ``zwei Tage später`` or year-less date can count from."""
    return (not t.vague and t.start_date is not None
            and t.granularity not in ("decade", "century")
            and (t.kind == "date" or (t.kind == "span" and t.end_value is not None)))


def _is_narrative_anchor(t: Timex) -> bool:
    return (t.absolute and t.kind == "date" and t.start_date is not None
            and t.granularity in ("day", "month", "year"))


def _row(text: str, t: Timex) -> tuple:
    if t.bc is not None:
        first_day, last_day, first_year, last_year = t.bc
    elif t.start_date is not None and t.end_date is not None:
        first_day, last_day = t.start_date.toordinal() - _EPOCH, t.end_date.toordinal() - _EPOCH
        first_year, last_year = t.start_date.year, t.end_date.year
    else:
        first_day = last_day = first_year = last_year = None
    return (t.start, t.end, text[t.start:t.end], t.value, t.end_value, R.in_range(t.start_date),
            R.in_range(t.end_date), first_year, last_year, first_day, last_day, t.granularity,
            t.modifier, t.vague, t.kind, t.anchor, t.tense)


# -- resolvers, one per branch of MASTER -----------------------------------------------------


def _range(m, doc: _Doc, i: int) -> Timex | None:
    """vom 1. bis 5. März, vom 9. Juni bis 14. Juli, zwischen Mai und Juli, 2014 bis 2016."""
    if m["ra_y1"]:
        if _in_title(doc, m.start(), m.end()):
            return None  # Das Kapitel heißt „Großbaustelle Tempelhof 1935-1939“
        first, second = int(m["ra_y1"]), m["ra_y2"]
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        return _year_range(doc, i, first, last)
    if m["ra_d1"]:
        month = R.MONTHS[m["ra_m"]]
        return _day_range(doc, i, (int(m["ra_d1"]), month, None),
                          (int(m["ra_d2"]), month, m["ra_y"]))
    if m["rd_d1"]:
        return _day_range(doc, i, (int(m["rd_d1"]), R.MONTHS[m["rd_m1"]], m["rd_y1"]),
                          (int(m["rd_d2"]), R.MONTHS[m["rd_m2"]], m["rd_y2"]))
    if m["rn_d1"]:  # vom 2.10.2020 – 20.3.2022
        return _day_range(doc, i, (int(m["rn_d1"]), int(m["rn_m1"] or m["rn_m2"]), m["rn_y1"]),
                          (int(m["rn_d2"]), int(m["rn_m2"]), m["rn_y2"]))
    return _part_range(m, doc, i)


def _tilltoday(m, doc: _Doc, i: int) -> Timex | None:
    """zwischen 1966 und heute (``1966`` .. the anchor day), vom 16. Jahrhundert bis heute, von
    März bis jetzt (the last March .. the anchor day)."""
    today = doc.day_anchor(i)
    if m["tt_y"]:
        value, first = m["tt_y"], dt.date(int(m["tt_y"]), 1, 1)
    elif m["tt_mo"]:  # von März bis jetzt: the last March up to now, or March of the year named
        month = R.MONTHS[m["tt_mo"]]
        year = int(m["tt_my"]) if m["tt_my"] else today.year - (month > today.month)
        value, first = f"{year:04d}-{month:02d}", dt.date(year, month, 1)
    else:
        century = int(m["tt_c"])
        if not 1 <= century <= 21:
            return None
        value, first = f"{century - 1:02d}", R.safe_date(max(1, (century - 1) * 100), 1, 1)
    if first is None or first > today:
        return None
    return doc.make(i, value, (first, today), "day", anchor=today, end_value=f"{today}")


def _year_range(doc: _Doc, i: int, first: int, last: int) -> Timex | None:
    if not first < last <= first + 100 or R.NOT_YEAR_AFTER.match(doc.text, doc.matches[i].end()):
        return None  # 2020-2019 is no range; "von 1000 bis 2000 Euro" no years
    return doc.make(i, f"{first:04d}", (dt.date(first, 1, 1), dt.date(last, 12, 31)),
                    "year", kind="span", end_value=f"{last:04d}")


def _day_range(doc: _Doc, i: int, left: tuple, right: tuple) -> Timex | None:
    """Two (day, month, year or None) ends; a missing year comes from the other end or from
    the clause, and the left end may lie in the year before the right one."""
    (d1, m1, y1), (d2, m2, y2) = left, right

    def build(year: int):
        first = R.safe_date(int(y1) if y1 else year - ((m1, d1) > (m2, d2)), m1, d1)
        last = R.safe_date(year, m2, d2)
        return (f"{first}/{last}", first, last) if first and last and first < last else None

    found, anchor = (build(int(y2)), None) if y2 else doc.pick(i, build)
    if found is None:
        return None
    _, first, last = found
    return doc.make(i, f"{first}", (first, last), "day", kind="span", anchor=anchor,
                    end_value=f"{last}")


def _part_range(m, doc: _Doc, i: int) -> Timex | None:
    """zwischen Mai und Juli (2020), von Anfang März bis Ende Mai: each end a month or a year."""
    a, b = _month_or_year(m["ra_a"]), _month_or_year(m["ra_b"])
    if (a[1] is None) != (b[1] is None):
        return None  # a month and a bare year: "von Mai bis 2020" is no range we know
    if a[1] is None:
        return _year_range(doc, i, a[0], b[0])
    (ya, ma), (yb, mb) = a, b
    anchor = None
    if ya is None and yb is None:
        (_, start, _), anchor = doc.pick(i, lambda y: R.month_interval(y, ma, "none"))
        ya = start.year
    ya = ya if ya is not None else (yb if ma <= mb else yb - 1)
    yb = yb if yb is not None else (ya if mb >= ma else ya + 1)
    if (yb, mb) <= (ya, ma):
        return None
    first = R.month_interval(ya, ma, R.PART_MODIFIERS.get(m["ra_amod"], "none"))[1]
    last = R.month_interval(yb, mb, R.PART_MODIFIERS.get(m["ra_bmod"], "none"))[2]
    return doc.make(i, f"{ya:04d}-{ma:02d}", (first, last), "month", kind="span", anchor=anchor,
                    end_value=f"{yb:04d}-{mb:02d}")


def _month_or_year(words: str) -> tuple[int | None, int | None]:
    """(year, month) of ``Mai``, ``Mai 2020`` or (2014, None) of ``2014``; year may be None."""
    parts = words.split()
    if parts[0] in R.MONTHS:
        return (int(parts[1]) if len(parts) > 1 else None), R.MONTHS[parts[0]]
    return int(parts[0]), None


def _era(m, doc: _Doc, i: int) -> Timex | None:
    """44 v. Chr., im Jahr 800 n. Chr. (NaT outside the datetime64 range)."""
    year = int(m["er_y"])
    if year == 0:
        return None
    if m["er_e"].startswith(("v", "V")):
        return doc.make(i, f"BC{year:04d}", None, "year", bc=(*R.bc_years(year, year), -year,
                                                                -year))
    return doc.make(i, f"{year:04d}", R.year_interval(year), "year")


def _century(m, doc: _Doc, i: int) -> Timex:
    """19. Jahrhundert -> 18 (1800-1899); Ende des 19. Jahrhunderts; 5. Jahrhundert v. Chr."""
    number = int(m["ce_n"]) if m["ce_n"] else R.ORDINAL_WORDS[m["ce_w"]]
    modifier = R.PART_MODIFIERS.get(m["ce_mod"], "none")
    if m["ce_e"] and m["ce_e"].startswith(("v", "V")):  # 5. Jh. v. Chr.: 500 to 401 BC
        lo, hi = {"early": (0, 32), "mid": (33, 65), "late": (66, 99)}.get(modifier, (0, 99))
        first, last = number * 100 - lo, number * 100 - hi
        return doc.make(i, f"BC{number - 1:02d}", None, "century", modifier=modifier,
                        bc=(*R.bc_years(first, last), -first, -last))
    start, end = dt.date(max(1, (number - 1) * 100), 1, 1), dt.date(number * 100 - 1, 12, 31)
    return doc.make(i, f"{number - 1:02d}", R.part_of(start, end, "century", modifier),
                    "century", modifier=modifier)


def _decade(m, doc: _Doc, i: int) -> Timex:
    """1990er Jahre, 90er-Jahre, Neunzigerjahre -> 199; two digits are the 1900s, but 00 and 10
    the 2000s."""
    if m["de_n"]:
        digits = m["de_n"]
        tens = int(digits) // 10 if len(digits) == 4 else R.two_digit_decade(int(digits) // 10)
    else:
        tens = R.two_digit_decade(R.DECADE_WORDS[m["de_w"][0].upper() + m["de_w"][1:]])
    modifier = R.PART_MODIFIERS.get(m["de_mod"], "none")
    start, end = dt.date(tens * 10, 1, 1), dt.date(tens * 10 + 9, 12, 31)
    return doc.make(i, f"{tens:03d}", R.part_of(start, end, "decade", modifier), "decade",
                    modifier=modifier)


def _date(m, doc: _Doc, i: int) -> Timex | None:
    """A calendar date (`_calendar_date`), with its clock time when one follows after a comma
    (``Dienstag, 23. Februar, 14.00 Uhr``, a live blog's time stamp; ``26. August, 0 Uhr``):
    ``2021-02-23T14:00``."""
    found = _calendar_date(m, doc, i)
    if found is None or not (m["da_ch"] or m["da_ch0"]) or found.end < m.end():
        return found
    if m["da_ch0"]:  # Datenstand 26. August, 0 Uhr
        return found._replace(value=f"{found.value}T{int(m['da_ch0']):02d}:00")
    return found._replace(value=f"{found.value}T{_hour(m['da_ch']):02d}:{m['da_cm']}")


_GREGORIAN_YEAR = 1583  # the first whole year of the Gregorian calendar


def _calendar_date(m, doc: _Doc, i: int) -> Timex | None:
    """18. August 2025, Montag, 18. August, am 18. August (year by tense), 18.08.2025."""
    if m["di_y"]:
        day = R.safe_date(int(m["di_y"]), int(m["di_m"]), int(m["di_d"]))
        return doc.make(i, f"{day}", (day, day), "day") if day else None
    span = None
    if m["co_d"]:  # 22. (und 25. August): the month and year of the date it is listed with
        d, year, month = int(m["co_d"]), m["co_y"], R.MONTHS[m["co_m"]]
    elif m["da_d"]:
        d, year = int(m["da_d"]), m["da_y"] or m["da_cy"]
        month = R.MONTHS[m["da_m"]] if m["da_m"] else R.MONTH_ABBREVIATIONS[m["da_a"]]
        if m["da_rel"]:  # am 23. Januar dieses Jahres
            anchor = doc.day_anchor(i, "year")
            day = R.safe_date(anchor.year + R.step_of(m["da_rel"]), month, d)
            return doc.make(i, f"{day}", (day, day), "day", anchor=anchor) if day else None
        if m["da_y"] and R.NOT_YEAR_AFTER.match(doc.text, m.end("da_y")):
            # "seit 26. März 1437 Infektionsfälle": a count, not a year
            year, span = None, (m.start(), m.end("da_m") if m["da_m"] else m.end("da_a"))
    else:
        d, month, year = int(m["dn_d"]), int(m["dn_m"]), m["dn_y"]
        if year and len(year) == 2:
            year = str(2000 + int(year) if int(year) <= doc.published.year % 100 + 10
                       else 1900 + int(year))

    if year:
        day = R.safe_date(int(year), month, d)
        return doc.make(i, f"{day}", (day, day), "day", span=span) if day else None
    weekday = R.WEEKDAYS.get(m["da_wd"]) if m["da_wd"] else None

    def build(y: int, *, check: bool = True):
        day = R.safe_date(y, month, d)
        if day is None or (check and weekday is not None and y >= _GREGORIAN_YEAR
                           and day.weekday() != weekday):
            # "Mittwoch, 16. September": a year in which that is a Wednesday (a weekday of the
            # Julian calendar, before 1583, is not checked against the Gregorian one)
            return None
        return f"{day}", day, day

    try:
        found, anchor = doc.pick(i, build)
    except ValueError:  # no such weekday nearby: trust the day and month
        found, anchor = doc.pick(i, lambda y: build(y, check=False))
    return doc.make(i, found[0], found[1:], "day", span=span, anchor=anchor)


def _dayrange(m, doc: _Doc, i: int) -> Timex | None:
    """von Mittwoch auf Donnerstag (two days: the pair that ends on the last such day, or the
    next pair in the future), von Montag bis Freitag (the working week, or any range in a
    sentence about a habit: every week in a present clause without a date near it; else those
    days), von Karfreitag bis Ostermontag; Nacht von Montag auf Dienstag (the night of the
    first day, ``...TNI``)."""
    first_name, last_name = m["dy_a"], m["dy_b"]
    if first_name in R.WEEKDAYS and last_name in R.WEEKDAYS:
        a, b = R.WEEKDAYS[first_name], R.WEEKDAYS[last_name]
        gap = (b - a) % 7 or 7
        week = a == 0 and b >= 4  # von Montag bis Freitag: the working week, a habit
        lo, hi = doc.sentence(m.start())
        if m["dy_sep"] == "bis" and not m["dy_night"] and doc.clause_cue(i) in (None, "present") \
                and doc.anchor(i).day == doc.published and gap > 1 and (
                    week or R.HABITUAL_CUES.search(doc.text, lo, hi)):
            return doc.make(i, f"XXXX-WXX-{a + 1}", None, None, kind="set",
                            end_value=f"XXXX-WXX-{b + 1}")
        anchor = doc.day_anchor(i)
        direction = _weekday_direction(doc, i)
        if direction == "future":
            first = R.weekday_date(anchor, a, 0, "future")
            last = first + dt.timedelta(days=gap)
        elif direction == "present" and not m["dy_night"] and (
                R.weekday_date(anchor, a, 0, "past") + dt.timedelta(days=gap) >= anchor):
            first = R.weekday_date(anchor, a, 0, "past")  # the range the anchor lies in
            last = first + dt.timedelta(days=gap)
        else:
            last = R.weekday_date(anchor, b, 0, "past")
            first = last - dt.timedelta(days=gap)
    elif first_name in R.HOLIDAYS and last_name in R.HOLIDAYS:
        def build(year: int):
            start, end = R.holiday(first_name, year)[0], R.holiday(last_name, year)[1]
            return (f"{start}", start, end) if start <= end else None

        (_, first, last), anchor = doc.pick(i, build)
    else:
        return None
    if m["dy_night"]:
        return doc.make(i, f"{first}TNI", (first, first), "day", anchor=anchor)
    return doc.make(i, f"{first}", (first, last), "day", anchor=anchor, end_value=f"{last}")


def _night(m, doc: _Doc, i: int) -> Timex:
    """Nacht zum Montag: the night from Sunday to Monday, ``...-SUNDAYTNI``."""
    anchor = doc.day_anchor(i)
    day = R.weekday_date(anchor, R.WEEKDAYS[m["ni_wd"]], 0, doc.direction(i)) - \
        dt.timedelta(days=1)
    return doc.make(i, f"{day}TNI", (day, day), "day", span=(m.start(), m.end()), anchor=anchor)


def _daypart(m, doc: _Doc, i: int) -> Timex | None:
    """Nacht vom 9. auf den 10. November 1938 (``1938-11-09TNI``), Nacht zum 1. Mai (the night
    before it), Morgen des 6. Juni 1944 (``1944-06-06TMO``)."""
    if m["dp_part2"]:
        d, month, year, part = int(m["dp_d2"]), R.MONTHS[m["dp_m2"]], m["dp_y2"], m["dp_part2"]
        back = 0
    elif m["dp_part3"]:  # Nacht zum 11.03.
        d, month, year, part = int(m["dp_nd"]), int(m["dp_nm"]), m["dp_ny"], "Nacht"
        back = 1
    else:
        d, month, year, part = int(m["dp_d"]), R.MONTHS[m["dp_m"]], m["dp_y"], "Nacht"
        back = 1

    def build(y: int):
        day = R.safe_date(y, month, d)
        if day is None:
            return None
        day -= dt.timedelta(days=back)
        return f"{day}", day, day

    if year:
        found, anchor = build(int(year)), None
        if found is None:
            return None
    else:
        found, anchor = doc.pick(i, build)
    _, day, _ = found
    return doc.make(i, f"{day}T{R.DAY_PARTS[part.lower()]}", (day, day), "day", anchor=anchor)


def _anaphor(m, doc: _Doc, i: int) -> Timex | None:
    """am Abend, in der Nacht, an dem Tag, an diesem Abend, in dem Monat, in dem Jahr, in
    derselben Nacht, im Laufe des Tages: that part of the day, or that day, month or year, of
    the reference time (the last date the text named; where it named no day, the anchor day)."""
    word = m["an_part"] or m["an_night"] or m["an_unit"] or m["an_unit2"] or m["an_unit3"] or \
        m["an_gen"] or m["an_day"]
    found, narrative = doc.reference(i)
    if narrative:
        doc._used_frame.add(i)
    if m["an_point"]:  # zu diesem Zeitpunkt: the reference time, as precise as it was told
        if found is None or found.start_date is None or found.end_value is not None:
            return None
        doc._compared.add(i)  # (it repeats the reference time, it does not move it)
        return doc.make(i, found.value, (found.start_date, found.end_date), found.granularity,
                        modifier=found.modifier, anchor=found.start_date)
    if word in ("Monat", "Jahr"):
        if found is None or found.start_date is None:
            base = doc.day_anchor(i)
        elif word == "Monat" and found.granularity not in ("day", "month"):
            return None  # "1915 ... in dem Monat": which month is not said
        else:
            base = found.start_date
        if word == "Jahr":
            return doc.make(i, f"{base.year:04d}", R.year_interval(base.year), "year",
                            anchor=base)
        value, first, last = R.month_interval(base.year, base.month, "none")
        return doc.make(i, value, (first, last), "month", anchor=base)
    one_day = found is not None and found.granularity == "day" and found.start_date is not None \
        and found.start_date == found.end_date
    day = found.start_date if one_day else doc.day_anchor(i)
    value = f"{day}" if word == "Tag" else f"{day}T{R.DAY_PARTS[word.lower()]}"
    return doc.make(i, value, (day, day), "day", anchor=day)


#: How far (characters) a date of the narrative frames the year-less dates after it: a bare year
#: about one paragraph ("1862 ... im Sommer"), a day, month or season the passage after it.
_FRAME_REACH = {"year": 400, "finer": 2000}
#: A frame this many days before publication is history told in order: a year-less date after
#: it moves on from it (news background jumps back and forth, so there the nearest counts).
_HISTORY_DAYS = 730
#: History told in the present tense ("Am 22. April 1915 setzen sie Gas ein. Im Mai folgt ..."):
#: only a date this old (20 years) frames present and future clauses; news background told in
#: the present about recent years would otherwise pull this year's dates back.
_PRESENT_HISTORY_DAYS = 7305
#: How far after its frame a date of the next year may lie to be read over the turn of the year.
_TURN_OF_YEAR_DAYS = 122
_NEAR_DAYS = 31  # a year-less day this close to the publication day is in its year, whatever
# the tense says (a deadline named in the past, a plan reported after its day)
_SOON_AFTER_DAYS = 14  # a day this close after a day of the frame is still its time
_ROUGHLY_BEFORE = re.compile(r"(?<![\w])(?:[Uu]m|[Gg]egen)\s+$")
_YEAR_DIGITS = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")
_GRANULARITY_ORDER = {"day": 0, "weekend": 0, "week": 1, "month": 2, "quarter": 3, "season": 3,
                      "year": 4, "decade": 5, "century": 6}
#: The unit a date of some granularity is told in, for a shift that is finer than it.
_GRANULARITY_UNIT = {"week": "W", "weekend": "W", "month": "M", "quarter": "M", "season": "M",
                     "year": "Y", "decade": "DE", "century": "CE"}
_BACKWARD = ("zuvor", "vorher", "davor", "früher")


def _later(m, doc: _Doc, i: int) -> Timex | None:
    """zwei Tage später, drei Monate zuvor, am folgenden Tag, im Jahr darauf, tags darauf, am
    selben Abend: counted from the reference time (the last date of the text before it, the
    publication date where there is none); kurz danach is no expression (it orders events)."""
    found, narrative = doc.reference(i, skip_today=True, skip_passing=True)
    if m["fo_rel"] == "nächsten" and m["fo_unit"] in ("Woche", "Monat", "Jahr") and \
            doc.clause_cue(i) != "past":
        found, narrative = None, False  # "im nächsten Jahr werden ...": next year from today
    if narrative:
        doc._used_frame.add(i)
    if m["fo_vague"]:
        return None  # kurz danach, bald darauf: they only order events (TIMEX_GUIDELINES)
    if found is None:
        base, granularity = doc.day_anchor(i), "day"
    else:
        base, granularity = _middle(found), found.granularity
        if found.end_value is not None:
            base = found.end_date
    anchor = base if found is not None else None
    part = None
    if m["fo_comp"]:  # Vortag, Folgetag, Vorabend
        amount, unit, sign = 1, "D", 1 if m["fo_comp"].startswith("Folge") else -1
        part = "EV" if m["fo_comp"].startswith("Vorabend") else None
        if found is not None and not found.absolute and _compared_to(doc, i, "D") is None:
            base, granularity = doc.day_anchor(i), "day"  # "49 mehr als am Vortag"
            anchor = None
    elif m["fo_tags"]:
        amount, unit, sign = 1, "D", -1 if m["fo_dir2"] in _BACKWARD else 1
    elif m["fo_rel"] or m["fo_unit2"]:
        word = m["fo_unit"] or m["fo_unit2"]
        unit = "D" if word in ("Morgen", "Abend", "Nacht") else R.unit_of(word)
        part = R.DAY_PARTS.get(word.lower())
        if m["fo_rel"]:
            amount, sign = (0, 1) if m["fo_rel"] in ("selben", "gleichen") else (1, 1)
        else:
            amount, sign = 1, -1 if m["fo_dir"] in _BACKWARD else 1
    else:
        if not m["la_num"] and doc.text[max(0, m.start() - 2):m.start()][:1].isdigit():
            return None  # "8,6 Jahre später": a number the pattern does not read
        unit, sign = R.unit_of(m["la_unit"]), -1 if m["la_dir"] in _BACKWARD else 1
        if R.COMPARISON_AFTER.match(doc.text, m.end()):  # 8,5 Jahre später als andere: how long
            amount = R.number_of(m["la_num"]) if m["la_num"] else None
            if amount is None:
                return None
            return doc.make(i, R.duration_value(amount, unit), None, R.UNIT_GRANULARITY[unit],
                            span=(m.start(), m.end("la_unit")), kind="duration",
                            modifier=_approximation(m["la_apx"]))
        if m["la_num"]:
            amount = R.number_of(m["la_num"])
        else:  # "Jahr darauf" is one, "Jahre später" some
            amount = 1 if m["la_unit"] in ("Tag", "Woche", "Monat", "Jahr", "Jahrzehnt",
                                           "Quartal", "Stunde") else None
        if amount is None:
            return _later_few(m, doc, i, base, unit, sign, anchor)
    day = R.shift(base, amount, unit, sign)
    if _GRANULARITY_ORDER[granularity] > _GRANULARITY_ORDER[R.UNIT_GRANULARITY[unit]]:
        unit = _GRANULARITY_UNIT[granularity]  # "1915 ... zwei Tage später": 1915, no day
        part = None
    value, interval, unit_granularity = R.unit_at(day, unit, amount)
    if part and unit_granularity == "day":
        value = f"{value}T{part}"
    return doc.make(i, value, interval, unit_granularity, modifier=_approximation(m["la_apx"]),
                    anchor=anchor or doc.published)


def _later_few(m, doc: _Doc, i: int, base: dt.date, unit: str, sign: int,
               anchor: dt.date | None) -> Timex:
    """wenige Tage später, Jahre zuvor: an approximate interval next to the reference; the
    value is the next coarser unit around its middle (``Tage später`` after 11 February: the
    month ``2020-02``; ``wenige Monate zuvor`` before January 2016: ``2015``; ``Jahre später``
    after 2010: the decade ``201``), as the text says no more."""
    length, few_unit = _FEW[unit]
    near = R.shift(base, 1, unit, sign)
    far = R.shift(base, length, few_unit, sign)
    first, last = (far, near) if sign < 0 else (near, far)
    middle = first + (last - first) / 2
    value, _, granularity = R.unit_at(middle, _COARSER[unit], 1)
    return doc.make(i, value, (first, last), granularity, modifier="approximate",
                    anchor=anchor or doc.published)


#: The unit whose value a few of a unit later or earlier takes (see `_later_few`).
_COARSER = {"H": "D", "D": "M", "W": "M", "M": "Y", "Q": "Y", "Y": "DE", "DE": "CE", "CE": "CE"}


def _middle(t: Timex) -> dt.date:
    """The day a shift counts from: the day itself, the middle of a longer interval."""
    if t.end_date is None or t.end_date == t.start_date or t.granularity in ("day", "week"):
        return t.start_date
    return t.start_date + (t.end_date - t.start_date) // 2


def _span(m, doc: _Doc, i: int) -> Timex:
    """in den nächsten zwei Wochen (P2W, anchor..+2 weeks), in den vergangenen Wochen (PXW)."""
    unit = R.unit_of(m["sp_unit"])
    amount = R.number_of(m["sp_num"]) if m["sp_num"] else None
    sign = -1 if m["sp_dir"] in ("vergangenen", "letzten", "zurückliegenden", "vorigen") else 1
    return _span_row(m, doc, i, amount, unit, sign, m["sp_apx"])


def _since(m, doc: _Doc, i: int) -> Timex | None:
    """seit mehr als vier Jahren: P4Y, from four years before the anchor up to it."""
    if m["si_num"] in ("vielen", "einigen", "wenigen", "mehreren"):  # seit vielen Jahren: PXY
        return doc.make(i, R.duration_value(None, R.unit_of(m["si_unit"])), None, None,
                        kind="vague")
    amount = R.number_of(m["si_num"])
    if amount is None or amount <= 0:
        return None
    return _span_row(m, doc, i, amount, R.unit_of(m["si_unit"]), -1, m["si_apx"])


def _span_row(m, doc: _Doc, i: int, amount: float | None, unit: str, sign: int,
              approximator: str | None) -> Timex:
    anchor = doc.day_anchor(i)
    if amount is None:
        length, few_unit = _FEW[unit]
        other = R.shift(anchor, length, few_unit, sign)
        modifier = "approximate"
    else:
        other = R.shift(anchor, amount, unit, sign)
        modifier = _approximation(approximator)
    interval = (other, anchor) if sign < 0 else (anchor, other)
    return doc.make(i, R.duration_value(amount, unit), interval, R.UNIT_GRANULARITY[unit],
                    modifier=modifier, kind="span", anchor=anchor)


def _offset(m, doc: _Doc, i: int) -> Timex | None:
    """vor drei Tagen, in zwei Wochen, vor wenigen Tagen, in wenigen Tagen."""
    sign = -1 if m["of_dir"].lower() == "vor" else 1
    if sign > 0 and R.number_of(m["of_num"]) is not None and (
            doc.tense(i) == "past" or R.RATE_BEFORE.search(doc.text, max(0, m.start() - 50),
                                                           m.start())):
        return _duration(m, doc, i)  # "hat es in zwei Monaten geschafft", "Neuinfektionen pro
        # 100.000 Einwohner in sieben Tagen": how long, not when
    return _offset_row(m, doc, i, sign, m["of_num"], R.unit_of(m["of_unit"]), m["of_apx"])


def _offset_row(m, doc: _Doc, i: int, sign: int, words: str, unit: str,
                approximator: str | None) -> Timex | None:
    amount = R.number_of(words)
    precision = R.UNIT_GRANULARITY[unit] if amount is not None and amount == int(amount) else "day"
    anchor = doc.day_anchor(i, precision)
    if amount is None:  # a few: an approximate interval next to the anchor, not touching it
        length, few_unit = _FEW[unit]
        near = anchor + dt.timedelta(days=sign)
        far = R.shift(anchor, length, few_unit, sign)
        first, last = (far, near) if sign < 0 else (near, far)
        return doc.make(i, "PAST_REF" if sign < 0 else "FUTURE_REF", (first, last),
                        R.UNIT_GRANULARITY[unit], modifier="approximate", anchor=anchor)
    if amount <= 0:
        return None
    if m["of_today"] and amount == int(amount) and unit in ("Y", "M", "W"):
        day = R.shift(doc.day_anchor(i), amount, unit, sign)  # Heute vor 20 Jahren: that day
        return doc.make(i, f"{day}", (day, day), "day", anchor=anchor)
    value, interval, granularity = R.unit_at(R.shift(anchor, amount, unit, sign), unit, amount)
    return doc.make(i, value, interval, granularity, modifier=_approximation(approximator),
                    anchor=anchor)


def _vague(m, doc: _Doc, i: int) -> Timex | None:
    """derzeit, nun, bald ...; ``zunächst`` only for "for the time being", not ``nicht zuletzt``."""
    word = m["va_word"].lower() if m["va_word"] else ""
    if word == "zunächst" and not R.ZUNAECHST_TEMPORAL.match(doc.text, m.end()):
        return None
    if word == "zuletzt" and doc.text[max(0, m.start() - 6):m.start()].endswith("nicht "):
        return None
    if word == "früher" and (R.COMPARATIVE_AFTER.match(doc.text, m.end())
                             or R.COMPARATIVE_BEFORE.search(doc.text, max(0, m.start() - 16),
                                                            m.start())
                             or doc.clause_cue(i) == "future"):
        return None  # earlier (früher als, noch früher, will früher gehen), not formerly
    if word == "bald" and doc.clause_cue(i) == "past":
        return None  # "wurde ... schon recht bald gehandelt": in a past narrative it only
        # orders events, like "später" (TIMEX_GUIDELINES)
    phrase = " ".join(m.group().split())
    if phrase == "eines Tages" and R.WITHIN_BEFORE.search(doc.text, max(0, m.start() - 20),
                                                         m.start()):
        return doc.make(i, "P1D", None, "day", kind="duration")  # innerhalb eines Tages
    since = R.SINCE_UNITS.fullmatch(phrase)
    if since:  # seit Jahren: an unknown number of years up to now
        return doc.make(i, R.duration_value(None, R.unit_of(since["unit"])), None, None,
                        kind="vague")
    return doc.make(i, R.vague_ref(m.group()), None, None, kind="vague")


def _firstpart(m, doc: _Doc, i: int) -> Timex | None:
    """in den ersten drei Monaten des Jahres 2019 (``2019-01`` .. ``2019-03``), die ersten acht
    Wochen des Jahres 2020 (``2020-W01`` .. ``2020-W08``), im ersten Halbjahr 2022
    (``2022-H1``); without a year (``des Jahres``) the year of the anchor; a half alone (``im
    ersten Halbjahr``, ``zweiten Jahreshälfte``) the one of the year told, as a month."""
    year_word = m["fp_y1"] or m["fp_y2"]
    if m["fp_half"] and not (year_word or m["fp_rel"] or "Jahres" in m.group()):
        half = 1 if m["fp_half"] == "ersten" else 2  # a half of the year the text tells
        found, anchor = doc.pick(i, lambda y: (f"{y:04d}-H{half}", dt.date(y, 6 * half - 5, 1),
                                               R.month_end(y, 6 * half)))
        return doc.make(i, found[0], found[1:], "quarter", anchor=anchor)
    anchor = None if year_word else doc.day_anchor(i, "year")
    year = int(year_word) if year_word else anchor.year
    if m["fp_rel"]:
        year += R.step_of(m["fp_rel"])
    if m["fp_half"]:
        half = 1 if m["fp_half"] == "ersten" else 2
        first, last = dt.date(year, 6 * half - 5, 1), R.month_end(year, 6 * half)
        return doc.make(i, f"{year:04d}-H{half}", (first, last), "quarter", anchor=anchor)
    amount = R.number_of(m["fp_num"])
    if amount is None or amount != int(amount) or amount < 2:
        return None
    amount = int(amount)
    if m["fp_unit"].startswith("Monat"):
        if amount > 12:
            return None
        first, last = dt.date(year, 1, 1), R.month_end(year, amount)
        return doc.make(i, f"{year:04d}-01", (first, last), "month", anchor=anchor,
                        end_value=f"{year:04d}-{amount:02d}")
    if amount > 52:
        return None
    monday = dt.date.fromisocalendar(year, 1, 1)
    last = monday + dt.timedelta(days=7 * amount - 1)
    return doc.make(i, f"{year:04d}-W01", (monday, last), "week", anchor=anchor,
                    end_value=f"{year:04d}-W{amount:02d}")


def _quarter(m, doc: _Doc, i: int) -> Timex:
    """im dritten Quartal (2020 / des vergangenen Jahres)."""
    number = ("ersten", "zweiten", "dritten", "vierten").index(m["qu_n"]) + 1
    if m["qu_y"]:
        found, anchor = R.quarter(int(m["qu_y"]), number), None
    elif m["qu_rel"]:
        anchor = doc.anchor(i).day
        found = R.quarter(anchor.year + R.step_of(m["qu_rel"]), number)
    else:
        found, anchor = doc.pick(i, lambda y: R.quarter(y, number))
    return doc.make(i, found[0], found[1:], "quarter", anchor=anchor)


def _season(m, doc: _Doc, i: int) -> Timex | None:
    """im Herbst 2024, Ende des Sommers, vergangenen Winter, Spätsommer (late summer)."""
    code, modifier = R.SEASONS[m["se_name"]]
    modifier = R.PART_MODIFIERS.get(m["se_mod"], modifier)
    if not (m["se_mod"] or m["se_rel"] or m["se_y"] or _of_the_year(m, "se")) and \
            not R.SEASON_CONTEXT.search(doc.text, max(0, m.start() - 20), m.start()) and \
            not _after_season(doc, i):
        return None

    def build(year: int):
        value, start, end = R.season(year, code)
        return (value, *R.part_of(start, end, "season", modifier))

    if m["se_y"] or m["se_ry"]:
        found, anchor = build(int(m["se_y"] or m["se_ry"])), None
    elif _of_the_year(m, "se"):  # im Sommer des folgenden Jahres
        year, anchor = _year_told(m, doc, i, "se")
        found = build(year)
    elif m["se_rel"]:
        anchor = doc.day_anchor(i)
        found = R.relative_occurrence(build, anchor, R.step_of(m["se_rel"].split()[0]))
    elif _habitual(doc, i):  # "Normalerweise ... in der Hochsaison im Sommer": any summer
        return doc.make(i, f"XXXX-{code}", None, None, modifier=modifier, kind="set")
    else:
        found, anchor = doc.pick(i, build)
        if code == "WI" and found[1] > doc.published and doc.tense(i) == "past":
            found = build(found[1].year - 1)  # "Im Jahr 2020 gab es im Winter" (May 2020):
            # the winter that ended in 2020, not the one to come
    return doc.make(i, found[0], found[1:], "season", modifier=modifier, anchor=anchor)


def _after_season(doc: _Doc, i: int) -> bool:
    """A season coordinated with a season just before it (``im Winter und Frühjahr``)."""
    if i == 0 or i - 1 in doc._busy:
        return False
    before = doc.resolve(i - 1)
    return before is not None and before.granularity == "season" and \
        bool(R.SEASON_COORDINATION.fullmatch(doc.text, before.end, doc.matches[i].start()))


def _holiday(m, doc: _Doc, i: int) -> Timex | None:
    """Weihnachten (2020-12-25, 24-26 Dec), Ostern 2021 (Easter Sunday; Good Friday to Easter
    Monday), Silvester."""
    name = m["ho_name"]
    if name == "Jahreswechsel":  # the first day of the new year: of the nearest turn of the
        # year unless a year is named (Jahreswechsel 2019: into 2020)
        anchor = doc.day_anchor(i)
        year = int(m["ho_y"]) + 1 if m["ho_y"] else anchor.year + (anchor.month >= 7)
        day = dt.date(year, 1, 1)
        return doc.make(i, f"{day}", (day - dt.timedelta(days=1), day), "day",
                        anchor=None if m["ho_y"] else anchor)

    def build(year: int):
        first, last = R.holiday(name, year)
        return f"{R.holiday_main(name, year) or first}", first, last

    found, anchor = (build(int(m["ho_y"])), None) if m["ho_y"] else doc.pick(i, build)
    value, first, last = found
    if name.endswith(("nacht", "abend")):  # Silvesternacht: 2016-12-31TNI
        value = f"{value}T{R.DAY_PARTS[name[-5:].lstrip('s')]}"
    ranged = first != last and R.holiday_main(name, first.year) is None
    return doc.make(i, value, (first, last), "day", anchor=anchor,
                    end_value=f"{last}" if ranged else None)


def _relunit(m, doc: _Doc, i: int) -> Timex:
    """vergangene Woche, im kommenden Jahr, Ende des Monats, Vorjahr, am Wochenende."""
    if m["rw_word"] and _habitual(doc, i):  # "Normalerweise wird am Wochenende weniger
        return doc.make(i, "XXXX-WXX-WE", None, None, span=m.span("rw_word"), kind="set")
    if m["rw_word"]:
        anchor = doc.day_anchor(i)
        value, first, last = R.weekend_by_tense(anchor, doc.direction(i))
        return doc.make(i, value, (first, last), "weekend", span=m.span("rw_word"),
                        anchor=anchor)
    if m["rn_new"]:  # das neue Jahr: the coming one from October on, else the current one
        found, narrative = doc.reference(i)
        base = found.start_date if narrative and found.start_date else doc.day_anchor(i)
        year = base.year + (base.month >= 10)
        modifier = R.PART_MODIFIERS.get(m["rn_mod"], "none")
        first, last = R.part_of(*R.year_interval(year), "year", modifier)
        return doc.make(i, f"{year:04d}", (first, last), "year", modifier=modifier)
    if m["rv_word"]:
        word = m["rv_word"]
        unit, step, modifier = _compound_unit(word)
        if m["rv_y"] and unit.startswith("Jahr") and step == 0:  # Jahresende 2020
            year = int(m["rv_y"])
            if word.startswith("Jahres"):
                first, last = R.part_of(*R.year_interval(year), "year", modifier)
                return doc.make(i, f"{year:04d}", (first, last), "year", modifier=modifier)
        if word.startswith("Jahres") and step == 0:  # the end of the year just past, the start
            # of the next: "Zum Jahresende waren es weniger" in January is last year's end
            anchor = doc.day_anchor(i, "year")
            tense = doc.direction(i)
            step = -1 if modifier == "late" and tense == "past" and anchor.month <= 4 else \
                1 if modifier == "early" and tense == "future" and anchor.month >= 9 else 0
        if step < 0 and (base := _compared_to(doc, i, unit)) is not None:
            doc._compared.add(i)  # a point of comparison, no reference time for what follows
            value, first, last, granularity = R.unit_step(base, unit, step)
            return doc.make(i, value, (first, last), granularity, anchor=base)
    elif m["ru_unit"] and m["ru_unit"].startswith("Schuljahr"):
        # a school year runs from August to July: "im vergangenen Schuljahr" in February 2021
        # is 2019/2020, the range of its two years
        anchor = doc.day_anchor(i)
        year = anchor.year - (anchor.month < 8) + R.step_of(m["ru_rel"])
        return doc.make(i, f"{year:04d}", (dt.date(year, 8, 1), dt.date(year + 1, 7, 31)),
                        "year", anchor=anchor, end_value=f"{year + 1:04d}")
    elif m["ru_unit"]:
        unit, step = m["ru_unit"], R.step_of(m["ru_rel"])
        modifier = R.PART_MODIFIERS.get(m["ru_mod"], "none")
        if unit.startswith("Monat") and m["ru_rel"].lower().startswith("dies") and \
                (named := _month_named_before(doc, i)) is not None:
            value, first, last = R.month_interval(named.year, named.month, modifier)
            return doc.make(i, value, (first, last), "month", modifier=modifier, anchor=named)
    elif m["re_rel"]:  # diesem (und im kommenden Jahr): the unit named after the coordination
        unit, step, modifier = m["re_unit"], R.step_of(m["re_rel"]), "none"
    else:
        unit, step, modifier = m["rc_unit"], 0, R.PART_MODIFIERS[m["rc_mod"]]
    precision = "day" if unit.startswith("Woche") else "month" if unit.startswith(
        ("Monat", "Quartal")) else "year"
    anchor = doc.day_anchor(i, precision)
    value, first, last, granularity = R.unit_step(anchor, unit, step)
    first, last = R.part_of(first, last, granularity, modifier)
    return doc.make(i, value, (first, last), granularity, modifier=modifier, anchor=anchor)


def _month_named_before(doc: _Doc, i: int) -> dt.date | None:
    """The month ``in diesem Monat`` points back to in a past clause: one named earlier in the
    same sentence (``wurde im Mai erreicht, in diesem Monat waren ...``), if not the month of
    the anchor (then it is this month either way); None: this month."""
    if doc.tense(i) != "past":
        return None
    found, _ = doc.reference(i)
    if found is None or found.start_date is None or found.granularity not in ("day", "month") \
            or found.start < doc.sentence(doc.matches[i].start())[0]:
        return None
    return found.start_date


_COMPARED_REACH = 300  # characters back to the date a Vorjahr or Vortag is compared with
_COMPARED_GRANULARITY = {"Jahr": ("day", "week", "weekend", "month", "quarter", "season", "year"),
                         "Monat": ("day", "week", "month"), "Woche": ("day", "week"),
                         "D": ("day",)}


def _compared_to(doc: _Doc, i: int, unit: str) -> dt.date | None:
    """The date a ``Vorjahr``, ``Vormonat``, ``Vorwoche`` or ``Vortag`` is the one before: a
    date of the unit or finer named shortly before (``im Jahr 2020 ... drei Viertel mehr als
    im Vorjahr``: 2019) that is not itself such a word nor told in the pluperfect (``war am
    18. Dezember erreicht worden``, a record named in passing); None: the publication date."""
    found, _ = doc.reference(i, skip_today=True, skip_passing=True)
    if found is None or found.start_date is None or found.vague:
        return None
    k = bisect.bisect_right(doc.starts, found.start) - 1
    if k < 0 or doc.matches[k].end() < found.end:
        return None
    other = doc.matches[k]
    key = next(u for u in _COMPARED_GRANULARITY if unit.startswith(u))
    if doc.matches[i].start() - found.end > _COMPARED_REACH or other["fo_comp"] or \
            other["rv_word"] or found.granularity not in _COMPARED_GRANULARITY[key] or \
            doc._pluperfect(k) or doc._aside(k, found):
        return None
    return found.start_date


def _compound_unit(word: str) -> tuple[str, int, str]:
    """Vorjahr -> (Jahr, -1, none), Jahresende -> (Jahr, 0, late), heuer -> (Jahr, 0, none)."""
    if word.lower() == "heuer":
        return "Jahr", 0, "none"
    if word.startswith("Vor"):
        return word[3:].capitalize(), -1, "none"
    head, tail = word[:6], word[6:]  # "Jahres" / "Monats" + ende, anfang, beginn, mitte
    parts = {"ende": "late", "anfang": "early", "beginn": "early", "mitte": "mid"}
    return head, 0, parts[tail]


def _month_expr(m, doc: _Doc, i: int) -> Timex | None:
    """August (in context), Mitte August, Februar 2022, März dieses Jahres, Oktober-Gipfel."""
    if m["mn_m"]:
        month, year = int(m["mn_m"]), int(m["mn_y"])
        return doc.make(i, *_month_split(year, month, "none"), "month")
    month = R.MONTHS[m["mo_name"]]
    modifier = R.PART_MODIFIERS.get(m["mo_mod"], "none")
    if not (m["mo_mod"] or m["mo_y"] or m["mo_rel"] or m["mo_step"]
            or m["mo_comp"] is not None) and not _month_in_context(m, doc, i):
        return None
    if m["mo_y"] or m["mo_cy"] or m["mo_ry"]:  # Mai 1941, Mai (und Juni 1941)
        year = int(m["mo_y"] or m["mo_cy"] or m["mo_ry"])
        found, anchor = R.month_interval(year, month, modifier), None
    elif _of_the_year(m, "mo"):  # Mai desselben Jahres, Juli des folgenden Jahres
        year, anchor = _year_told(m, doc, i, "mo")
        found = R.month_interval(year, month, modifier)
    elif m["mo_step"]:  # vergangenen Juli: the last July before this month
        anchor = doc.day_anchor(i, "month")
        year = anchor.year + _year_step(month, anchor.month, R.step_of(m["mo_step"]))
        found = R.month_interval(year, month, modifier)
    elif m["mo_rel"]:
        anchor = doc.anchor(i).day
        found = R.month_interval(anchor.year + R.step_of(m["mo_rel"]), month, modifier)
    elif _habitual(doc, i):  # "Üblicherweise steigt es im April an": any April
        return doc.make(i, f"XXXX-{month:02d}", None, None, modifier=modifier, kind="set")
    else:
        found, anchor = doc.pick(i, lambda y: R.month_interval(y, month, modifier))
    return doc.make(i, found[0], found[1:], "month", modifier=modifier, anchor=anchor)


_WEEK_ORDINALS = {"erste": 1, "zweite": 2, "dritte": 3, "vierte": 4, "letzte": -1}


def _month_week(m, doc: _Doc, i: int) -> Timex | None:
    """die erste Novemberwoche, in der letzten Juni-Woche: a whole ISO week of the month, its
    year chosen like a month's."""
    month = R.MONTHS[m["mw_month"]]
    ordinal = _WEEK_ORDINALS[m["mw_ord"].lower()]
    found, anchor = doc.pick(i, lambda y: R.month_week(y, month, ordinal))
    return doc.make(i, found[0], found[1:], "week", anchor=anchor)


def _of_the_year(m, prefix: str) -> bool:
    """The match goes on with "des Jahres 1944", "desselben Jahres", "des folgenden Jahres"."""
    return bool(m[f"{prefix}_ry"] or m[f"{prefix}_nar"]
                or "desselben" in m.group()[m.end(f"{prefix}_name") - m.start():])


def _year_told(m, doc: _Doc, i: int, prefix: str) -> tuple[int, dt.date]:
    """The year of "desselben/des gleichen Jahres" (that of the reference time) or "des
    folgenden Jahres" (the one after it); the publication year where the text set none."""
    found, _ = doc.reference(i, skip_today=True)
    base = found.start_date if found is not None and found.start_date else doc.published
    step = 1 if m[f"{prefix}_nar"] in ("folgenden", "darauffolgenden") else 0
    return base.year + step, base


def _year_step(month: int, anchor_month: int, step: int) -> int:
    """Years from the anchor's to that of the month ``step`` occurrences away (0: this year)."""
    if step < 0:
        return 0 if month < anchor_month else -1
    if step > 0:
        return 0 if month > anchor_month else 1
    return 0


def _month_split(year: int, month: int, modifier: str) -> tuple[str, tuple]:
    value, first, last = R.month_interval(year, month, modifier)
    return value, (first, last)


def _month_in_context(m, doc: _Doc, i: int) -> bool:
    """A bare month name is a date after im/seit/bis/Ende..., or in a list after another month
    (``im Mai und Juni``); never alone (``Mai Thi``, ``August Bebel``)."""
    before = doc.text[max(0, m.start() - 30):m.start()]
    if R.MONTH_CONTEXT.search(before):
        return True
    if i > 0 and doc.matches[i - 1].lastgroup == "month":
        between = doc.text[doc.matches[i - 1].end():m.start()]
        return between.strip() in ("und", "oder", "bis", ",", "/", "-", "–", "sowie")
    return False


def _year_expr(m, doc: _Doc, i: int) -> Timex | None:
    """Jahr 2014, Ende 2020, and a bare 2014 where the words around make it a year."""
    if m["ye_n"]:
        year = int(m["ye_n"])
        modifier = R.PART_MODIFIERS.get(m["ye_mod"], "none")
        interval = R.part_of(*R.year_interval(year), "year", modifier)
        return doc.make(i, f"{year:04d}", interval, "year", modifier=modifier)
    if not _bare_year_ok(doc.text, m.start(), m.end()) and (
            doc.text.startswith("-", m.end()) or not _parallel_year(m, doc, i)):
        return None
    if _in_title(doc, m.start(), m.end()):
        return None  # die Ausstellung „London 1938. Mit Kandinsky ...“
    year = int(m["yb_n"])
    return doc.make(i, f"{year:04d}", R.year_interval(year), "year")


def _in_title(doc: _Doc, start: int, end: int) -> bool:
    """The span lies in a short quotation that is a title: after ``Ausstellung``, ``Buch``,
    ``Kapitel heißt`` ... or before ``heißt`` (``data/title_cues.csv``)."""
    quote = _containing(doc.quotes, start, end)
    if quote is None or quote[1] - quote[0] > R.TITLE_LENGTH:
        return False
    return bool(R.TITLE_BEFORE.search(doc.text, max(0, quote[0] - 40), quote[0])
                or R.TITLE_AFTER.match(doc.text, quote[1]))


def _parallel_year(m, doc: _Doc, i: int) -> bool:
    """A number in a clause parallel to one with a bare year just before, after a comma in the
    same sentence and not before a noun: ``wurde 1386 gegründet, die Uni Leipzig 1409 und``."""
    if i == 0 or i - 1 in doc._busy or doc.matches[i - 1].lastgroup != "year":
        return False
    before = doc.resolve(i - 1)
    if before is None or before.granularity != "year" or m.start() - before.end > 60:
        return False
    gap = doc.text[before.end:m.start()]
    return "," in gap and not R.SENTENCE_BREAK.search(gap) and not (
        R.NOT_YEAR_AFTER.match(doc.text, m.end()) or R.CAPITALISED_NEXT.match(doc.text, m.end())
        or R.NOT_YEAR_BEFORE.search(doc.text, max(0, m.start() - 20), m.start()))


def _bare_year_ok(text: str, start: int, end: int) -> bool:
    """2014 / Invasion 2022 / 1862 zog er / 23 mehr als 2018. yes; 2000 Euro, rund 2000
    Menschen, Nr. 2014, für 1200 Schüler, auf mehr als 2000. no."""
    before = text[max(0, start - 20):start]
    if text.startswith("-", end):  # das 2030-Ziel, 2014-Weltmeister; not 2000-Mitarbeiter-Firma
        return int(text[start:end]) >= 1900 and not R.NOT_YEAR_AFTER.match(text, end + 1) \
            and not R.NOT_YEAR_BEFORE.search(before)
    if R.LINE_BEFORE.search(text, max(0, start - 8), start) and R.LINE_AFTER.match(text, end) \
            and not R.NOT_YEAR_AFTER.match(text, end):
        return True  # "\n1748\n": the year heading an entry of a chronology
    if int(text[start:end]) >= 1900 and R.CLAUSE_END_AFTER.match(text, end) and \
            R.COUNT_COMPARED_BEFORE.search(text, max(0, start - 60), start):
        return True  # "23 mehr als 2018.": a count compared with that year's
    if R.NOT_YEAR_BEFORE.search(before) or R.NOT_YEAR_AFTER.match(text, end):
        return False
    context = R.YEAR_CONTEXT.search(before)
    if int(text[start:end]) < 1900:  # "seit 1862", "wurde 1881 eröffnet": not "für 1200
        if R.CAPITALISED_NEXT.match(text, end):  # Münchner", "gelten 1335."
            return False
        if context or (R.FUNCTION_NEXT.match(text, end)
                       and not R.COUNT_BEFORE.search(text, max(0, start - 60), start)):
            return True
        after = R.LOWERCASE_NEXT.match(text, end)
        if after is None or R.COUNT_NEXT.match(text, end):
            return False  # "auf 1602, ...", "1613 minus 1270", "1674 abgebrannter Hektar"
        return bool(R.SENTENCE_START_BEFORE.search(before) or R.VERB_BEFORE.search(before))
    return bool(context) or not R.CAPITALISED_NEXT.match(text, end)


def _clock(m, doc: _Doc, i: int) -> Timex:
    """um 20 Uhr, 8.30 Uhr: the time on the day of the reference time (``am Montag um 20 Uhr``)
    or of publication; on a day the text does not name (``1915 ... um 20 Uhr``) undated."""
    if m["cr_h"]:  # von 8 bis 19 Uhr, 09:00 - 12:00 Uhr, zwischen 22 und 6 Uhr
        times = (f"T{_hour(m['cr_h']):02d}:{int(m['cr_m'] or 0):02d}",
                 f"T{_hour(m['cr_h2']):02d}:{int(m['cr_m2'] or 0):02d}")
    elif m["cw_h"]:  # halb zehn (bis zehn), Viertel vor acht
        times = (_spoken_time(m["cw_q"], m["cw_h"]),
                 _spoken_time(m["cw_q2"], m["cw_h2"]) if m["cw_h2"] else None)
    elif m["cl_mid"]:
        return _midnight(m, doc, i)
    else:
        hour = _hour(m["cl_h"])
        if m["cl_pm"] and (6 <= hour < 12 if m["cl_pm"] == "nachts" else hour < 12):
            hour += 12  # vier Uhr nachmittags, elf Uhr nachts (zwei Uhr nachts stays 2)
        times = (f"T{hour:02d}:{int(m['cl_m'] or 0):02d}", None)
    if m["cr_p1"] or m["cr_p2"] or _coordinated_with_set(doc, i, adjacent=True) or \
            R.HABITUAL_BEFORE_CLOCK.search(doc.text, max(0, m.start() - 30), m.start()) or (
            m["cr_h"] and R.PARAGRAPH_START.search(doc.text, max(0, m.start() - 4), m.start())
            and doc.text.startswith(":", m.end())):
        # a habit (morgens um sechs Uhr) or a schedule's line (6.30-8.30 Uhr: Homeoffice)
        end_value = f"XXXX-XX-XX{times[1]}" if times[1] else None
        return doc.make(i, f"XXXX-XX-XX{times[0]}", None, None, kind="set",
                        end_value=end_value)
    found, narrative = doc.reference(i)
    if _generic_clock(doc, i, found):
        end_value = f"XXXX-XX-XX{times[1]}" if times[1] else None
        return doc.make(i, f"XXXX-XX-XX{times[0]}", None, None, kind="set",
                        end_value=end_value)
    if found is None or (found.granularity == "day" and found.start_date == found.end_date):
        day = found.start_date if found is not None else doc.published
        if narrative:
            doc._used_frame.add(i)
        if found is not None and not times[1] and times[0] < "T06" and \
                _late(found.value) and m.start() - found.end < _NEXT_MORNING_REACH:
            day += dt.timedelta(days=1)  # "Um 22.44 Uhr in der Nacht zu Freitag ... Um 0.54
            # Uhr": the small hours after the evening or night told, the next day's
        end_value = f"{day}{times[1]}" if times[1] else None
        return doc.make(i, f"{day}{times[0]}", (day, day), "day", anchor=day,
                        end_value=end_value)
    end_value = f"XXXX-XX-XX{times[1]}" if times[1] else None
    return doc.make(i, f"XXXX-XX-XX{times[0]}", None, None, anchor=found.start_date,
                    end_value=end_value)


def _generic_clock(doc: _Doc, i: int, found: Timex | None) -> bool:
    """A clock time told in the present, with no day in its sentence, is one of any day:
    opening and closing hours in force (``Die Museumskasse schließt um vier Uhr
    nachmittags``), a routine (``Um 9 Uhr habe ich eine Stunde Arbeitszeit``), advice (``von
    12 bis 13 Uhr spazieren``). A clause in the past or future tense, a day named in the
    sentence (``Um 22.44 Uhr in der Nacht zu Freitag``), a live blog's stamp, or a time of a
    day told before (``... twittert der Präsident. Um 0.54 Uhr folgt``: one day's chronicle)
    date it."""
    if doc.clause_cue(i) in ("past", "future"):
        return False
    start = doc.matches[i].start()
    if doc._stamp is not None and doc._stamp[0] < start:
        return False
    lo, hi = doc.sentence(start)
    if i + 1 < len(doc.matches) and doc.matches[i + 1].start() < hi and \
            doc.matches[i + 1].lastgroup in _DAY_GROUPS:
        return False  # "Um 22.44 Uhr in der Nacht zu Freitag": the day follows
    return found is None or not (found.start >= lo or _TIME_OF_DAY.search(found.value))


#: The value of a time on a known day: a clock time or a part of the day (2020-10-01TNI).
_TIME_OF_DAY = re.compile(r"\dT(?:\d{2}:\d{2}|MO|MI|AF|EV|NI|DT)$")
#: Matches that name a day (resolved or not, they date a clock time of their sentence).
_DAY_GROUPS = {"date", "dayrange", "night", "daypart", "weekday", "relday", "holiday"}


def _spoken_time(quarter: str | None, hour_word: str) -> str:
    """``halb zehn`` -> ``T09:30``, ``Viertel nach neun`` -> ``T09:15``, ``zehn`` -> ``T10:00``
    (``halb eins`` is 12.30: noon rather than the small hours)."""
    step, minutes = R.SPOKEN_MINUTES[" ".join(quarter.lower().split())] if quarter else (0, 0)
    hour = (_hour(hour_word) + step - 1) % 12 + 1
    return f"T{hour:02d}:{minutes:02d}"


_NEXT_MORNING_REACH = 600  # characters after an evening or a night in which a time of the
# small hours is that night's (the next day's)


def _late(value: str) -> bool:
    """A value of a named evening or night (``TEV``, ``TNI``); not a clock time (``um elf Uhr
    nachts ..., um zwei Uhr nachts`` on the publication day stay on it)."""
    return value.endswith(("TEV", "TNI"))


def _midnight(m, doc: _Doc, i: int) -> Timex:
    """Mitternacht: the midnight that ends the day of the reference time (``am Montagabend
    kurz vor Mitternacht`` is Tuesday 00:00); ``seit Mitternacht`` the one that began it."""
    found, narrative = doc.reference(i)
    day = found.start_date if found is not None and found.granularity == "day" and \
        found.start_date == found.end_date else doc.published
    prep = R.PREPOSITION_BEFORE.search(doc.text, max(0, m.start() - 30), m.start())
    if prep is None or prep["prep"].lower() != "seit":
        day += dt.timedelta(days=1)
    doc._compared.add(i)  # a bound of the day, not a time the text moves to
    return doc.make(i, f"{day}T00:00", (day, day), "day", anchor=day)


def _short(m, doc: _Doc, i: int) -> Timex | None:
    """7 Minuten (PT7M), eine Sekunde (PT1S), wenige Minuten (PTXM); alle 10 Minuten, alle
    zwei Wochen, alle paar Jahrzehnte: sets."""
    word = m["sh_unit"]
    if m["sh_num"] == "paar":  # alle paar Sekunden (PTXS), alle paar Jahrzehnte (PXDE): sets
        if word.startswith(("Minute", "Sekunde")):
            return doc.make(i, f"PTX{'M' if word.startswith('Minute') else 'S'}", None, "day",
                            kind="set")
        unit = R.unit_of(word)
        return doc.make(i, R.duration_value(None, unit), None, R.UNIT_GRANULARITY[unit],
                        kind="set")
    amount = R.number_of(m["sh_num"])
    if amount is None and word.startswith(("Minute", "Sekunde")):
        return doc.make(i, f"PTX{'M' if word.startswith('Minute') else 'S'}", None, "day",
                        kind="duration")  # wenige Minuten, binnen weniger Sekunden
    if not amount:
        return None
    if word.startswith(("Minute", "Sekunde")):
        value = f"PT{R._number(amount)}{'M' if word.startswith('Minute') else 'S'}"
        granularity = "day"
    else:
        unit = R.unit_of(word)
        value, granularity = R.duration_value(amount, unit), R.UNIT_GRANULARITY[unit]
    if m["sh_all"]:
        return doc.make(i, value, None, granularity, kind="set")
    return doc.make(i, value, None, granularity, kind="duration",
                    modifier=_approximation(m["sh_apx"]))


def _hour(word: str) -> int:
    """20 -> 20, elf -> 11, eins -> 1."""
    return int(word) if word.isdigit() else int(R.NUMBERS.get(word.lower(), 1))


def _ducomp(m, doc: _Doc, i: int) -> Timex | None:
    """3 Minuten und 45 Sekunden (PT3M45S), 39 Jahre und 14 Tage (P39Y14D), 2:12:50 Stunden
    (PT2H12M50S), 27:36 Minuten (PT27M36S): one length."""
    if m["dk_clock"]:
        numbers = [int(n) for n in m["dk_clock"].split(":")]
        words = ["Stunde", "Minute", "Sekunde"]
        first = 0 if m["dk_cu"].startswith("St") else 1
        if first + len(numbers) > 3:
            return None
        parts = [(n, w) for n, w in zip(numbers, words[first:], strict=False) if n]
    else:
        amounts = R.number_of(m["dk_a"]), R.number_of(m["dk_b"])
        if None in amounts or not all(amounts):
            return None
        parts = [(amounts[0], m["dk_ua"]), (amounts[1], m["dk_ub"])]
    value = R.compound_duration(parts) if parts else None
    if value is None:
        return None
    return doc.make(i, value, None, None, kind="duration",
                    modifier=_approximation(m["dk_apx"]))


def _durange(m, doc: _Doc, i: int) -> Timex | None:
    """zwei bis drei Monate, 10 bis 14 Tage, zwischen 50 und 69 Jahren: a length between two,
    ``value`` .. ``end_value``; the first of two lengths coordinated with ``oder`` (``13`` in
    ``13 oder 14 Tage``) has the unit of the second."""
    if m["dc_num"]:
        amount = R.number_of(m["dc_num"])
        unit = R.unit_of(m["dc_unit"])
        if not amount:
            return None
        return doc.make(i, R.duration_value(amount, unit), None, R.UNIT_GRANULARITY[unit],
                        kind="duration")
    low, high = R.number_of(m["dr_a"]), R.number_of(m["dr_b"])
    if low is None or high is None or not 0 < low < high:
        return None
    unit = R.unit_of(m["dr_unit"])
    if m["dr_pre"]:  # in fünf bis acht Jahren: the years 2026 to 2029 from 2021
        sign = 1 if m["dr_pre"].lower() == "in" else -1
        anchor = doc.day_anchor(i)
        near, far = (R.unit_at(R.shift(anchor, n, unit, sign), unit, n) for n in (low, high))
        first, last = (near, far) if sign > 0 else (far, near)
        return doc.make(i, first[0], (first[1][0], last[1][1]), first[2], kind="date",
                        anchor=anchor, end_value=last[0])
    return doc.make(i, R.duration_value(low, unit), None, R.UNIT_GRANULARITY[unit],
                    kind="duration", end_value=R.duration_value(high, unit))


def _duration(m, doc: _Doc, i: int) -> Timex | None:
    """zwei Jahren (P2Y), einen Tag (P1D), fast dreieinhalb Jahre (P3Y6M, approximate)."""
    if m["of_num"]:  # "in zwei Monaten" read as a duration (see _offset)
        words, unit_word, approximator = m["of_num"], m["of_unit"], m["of_apx"]
        span = (m.start("of_apx") if approximator else m.start("of_num"), m.end())
    else:
        words, unit_word, approximator, span = m["du_num"], m["du_unit"], m["du_apx"], None
    unit = R.unit_of(unit_word)
    if m["du_adj"] and words.lower().startswith("ein") and m["du_adj"] not in ("ganzen", "ganze"):
        return None  # "ein schwieriges Jahr": what a year was like, not how long
    if not m["of_num"] and words.lower() in ("ein", "eine", "einen") and \
            R.RELATIVE_AFTER.match(doc.text, m.end()) and \
            R.COPULA_BEFORE.search(doc.text, max(0, m.start() - 40), m.start()):
        return None  # "Es war ein Jahr, in dem ...": a predicate noun, not a length
    if m["du_back"] and re.search(r"\b[Nn]ach\s+$", doc.text[max(0, m.start() - 8):m.start()]):
        span = (m.start(), m.end("du_unit"))  # kehrte nach 22 Stunden zurück: the particle of
        # the verb, the length after which
    elif m["du_back"]:  # rund zwei Monate zurück: an offset into the past
        return _offset_row(m, doc, i, -1, words, unit, approximator)
    amount = R.number_of(words)
    if amount is None and m["du_num"]:  # ein paar Tage, viele Jahre: PXD, PXY
        return doc.make(i, R.duration_value(None, unit), None, R.UNIT_GRANULARITY[unit],
                        kind="duration")
    if not amount:
        return None
    return doc.make(i, R.duration_value(amount, unit), None, R.UNIT_GRANULARITY[unit],
                    span=span, modifier=_approximation(approximator), kind="duration")


def _lasting(m, doc: _Doc, i: int) -> Timex:
    """jahrelang (PXY), wochenlangen (PXW), stundenlang (PTXH), nächtelang (PXD); zweitägigen
    (P2D), 24-stündige (PT24H)."""
    if m["lg_unit"]:
        amount = R.number_of(m["lg_num"].rstrip("-"))
        unit = R.unit_of({"tägig": "Tag", "wöchig": "Woche", "monatig": "Monat",
                          "stündig": "Stunde"}[m["lg_unit"]])
        return doc.make(i, R.duration_value(amount, unit), None, R.UNIT_GRANULARITY[unit],
                        kind="duration")
    word = m["ln_unit"].lower()
    unit = "D" if word == "nächte" else R.unit_of(word.capitalize())
    return doc.make(i, R.duration_value(None, unit), None, R.UNIT_GRANULARITY[unit],
                    kind="duration")


def _bare_unit(m, doc: _Doc, i: int) -> Timex:
    """über Jahrhunderte (PXCE), nach Monaten (PXM): a length of an unknown count of units."""
    unit = R.unit_of(m["bu_acc"] or m["bu_dat"])
    return doc.make(i, R.duration_value(None, unit), None, R.UNIT_GRANULARITY[unit],
                    kind="duration")


def _weekday(m, doc: _Doc, i: int) -> Timex:
    """Montag, vergangenen Donnerstag, Dienstagabend, Montag kommender Woche, (Ortszeit); a
    weekday in apposition to a date is that date (``am 27. September, dem Sonntag``); ``an
    einem Samstagabend`` is any Saturday evening (``XXXX-WXX-6TEV``)."""
    weekday = R.WEEKDAYS[m["wd_name"] or m["wd_gen"]]
    if m["wd_pmon"]:  # einen Mittwoch Anfang März: the first such weekday in that third
        month, modifier = R.MONTHS[m["wd_pmon"]], R.PART_MODIFIERS[m["wd_pmod"]]

        def build(year: int):
            _, first, _ = R.month_interval(year, month, modifier)
            day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
            return f"{day}", day, day

        (value, day, _), anchor = doc.pick(i, build)
        return doc.make(i, value, (day, day), "day", anchor=anchor)
    if not (m["wd_rel"] or m["wd_week"] or m["wd_ago"] or m["wd_part"] or m["wd_part2"]
            or m["wd_gen"] or m["wd_ch"] or m["wd_pmon"]) and (name := R.NAME_BEFORE.search(
                doc.text, max(0, m.start() - 30), m.start())) and \
            name["first"] not in R.NOT_FIRST_NAMES and \
            not R.SENTENCE_BREAK.search(doc.text, max(0, name.start() - 3), name.start() + 1) \
            and not doc.text.startswith((",", " (", "(", ":"), m.end()):
        return None  # a surname: "das Duo Richard Freitag und Andreas Wellinger"
    if not m["wd_rel"] and not m["wd_week"] and not m["wd_ago"] and (R.INDEFINITE_BEFORE.search(
            doc.text, max(0, m.start() - 12), m.start()) or _habitual(doc, i)):
        part = m["wd_part"] or m["wd_part2"]
        value = f"XXXX-WXX-{weekday + 1}" + (f"T{R.DAY_PARTS[part.lower()]}" if part else "")
        return doc.make(i, value, None, None, kind="set")
    anchor = doc.day_anchor(i)
    apposed = _apposed_date(m, doc, i)
    if m["wd_day"] and not m["wd_rel"] and (
            days := _weekday_of_month_day(anchor, weekday, int(m["wd_day"]))):
        direction = _weekday_direction(doc, i)  # Freitag, den 13.: the one the tense means
        before = [d for d in days if d <= anchor]
        after = [d for d in days if d >= anchor]
        day = (before[-1] if before and (direction == "past" or not after)
               else after[0] if after and (direction == "future" or not before)
               else min(days, key=lambda d: abs((d - anchor).days)))
        return doc.make(i, f"{day}", (day, day), "day", anchor=anchor)
    if apposed is not None and apposed.weekday() == weekday and not m["wd_rel"]:
        day = anchor = apposed
    elif not m["wd_rel"] and (week := _apposed_week(doc, i)) is not None:
        day = week + dt.timedelta(days=weekday)  # "Vor einer Woche, am Freitag": in that week
    elif m["wd_ago"] and not m["wd_rel"] and (weeks := R.number_of(m["wd_ago"])):
        monday = R.iso_week(anchor - dt.timedelta(days=7 * int(weeks)))[1]
        day = monday + dt.timedelta(days=weekday)  # am Dienstag vor einer Woche: that week's
    elif m["wd_week"]:
        step = R.step_of(m["wd_week"])
        monday = R.iso_week(anchor + dt.timedelta(days=7 * step))[1]
        day = monday + dt.timedelta(days=weekday)
    elif not m["wd_rel"] and (named := _named_before(doc, i, weekday, anchor)) is not None:
        day = named
    else:
        step = R.step_of(m["wd_rel"].split()[0]) if m["wd_rel"] else 0
        marked = m["wd_rel"] and m["wd_rel"].lower().startswith(("heutig", "gestrig", "morgig"))
        if m["wd_rel"] and m["wd_rel"].lower().startswith("dies"):
            back = R.weekday_date(anchor, weekday, 0, "past")
            ahead = R.weekday_date(anchor, weekday, 0, "future")
            day = back if (anchor - back) < (ahead - anchor) else ahead  # the nearer one:
            # "diesen Freitag" on a Thursday is the next day, "diesem Mittwoch" on a Sunday too
        else:
            day = (anchor + dt.timedelta(days=step) if marked
                   else R.weekday_date(anchor, weekday, step, _weekday_direction(doc, i)))
            if (day == anchor and not m["wd_rel"] and (anchor != doc.published or doc.early)
                    and _looks_back_from_then(doc, i)):
                day -= dt.timedelta(days=7)  # "dass er sich am Dienstag nicht hatte testen
                # lassen" in a Tuesday paper of 5:39: before the time told, the Tuesday a week
                # ago; later in the day the same day ("hatten ... am Montagvormittag nominiert")
    part = m["wd_part"] or m["wd_part2"]
    if m["wd_gen"]:
        return doc.make(i, f"{day}", (day, day), "day", span=m.span("wd_gen"), anchor=anchor)
    value = f"{day}T{R.DAY_PARTS[part.lower()]}" if part else f"{day}"
    if m["wd_ch"]:  # Mittwoch, 14 Uhr
        value = f"{day}T{_hour(m['wd_ch']):02d}:{int(m['wd_cm'] or 0):02d}"
    return doc.make(i, value, (day, day), "day", anchor=anchor)


def _looks_back_from_then(doc: _Doc, i: int) -> bool:
    """The clause of match ``i`` is in the pluperfect, with a participle (``hatte ... gesagt``)
    or a modal's infinitive (``hatte ... testen lassen``)."""
    c_lo, c_hi, cues = doc._clause(i)
    m = doc.matches[i]
    for end in R.SENTENCE_END_LOOSE.finditer(doc.text, m.end(), c_hi):
        c_hi = end.start() + 1  # (the clause may run on after "bei 157,8. Ihr ...")
        break
    for end in R.SENTENCE_END_LOOSE.finditer(doc.text, c_lo, m.start()):
        c_lo = end.end() - 1
    auxiliary = any(doc.text[a:b] in ("hatte", "hatten", "war", "waren")
                    for a, b, _ in cues if c_lo <= a and b <= c_hi)
    participle = any(t == "participle" for a, b, t in cues if c_lo <= a and b <= c_hi)
    return (auxiliary and participle) or bool(R.PLUPERFECT_MODAL.search(doc.text, c_lo, c_hi))


def _weekday_of_month_day(anchor: dt.date, weekday: int, day: int) -> list[dt.date]:
    """The days numbered ``day`` within a year either side of ``anchor`` that fall on
    ``weekday`` (Freitag, den 13.), in order."""
    found = []
    for step in range(-12, 13):
        month = R.add_months(anchor.replace(day=1), step)
        try:
            candidate = month.replace(day=day)
        except ValueError:  # no 31st in this month
            continue
        if candidate.weekday() == weekday:
            found.append(candidate)
    return found


_NAMED_REACH = 3000  # characters back in which a weekday named with its week still counts
_NAMED_DAYS = 13  # days from the anchor within which a weekday named with its date still counts


def _habitual(doc: _Doc, i: int) -> bool:
    """A weekday (month, season, weekend) in a sentence about what usually happens
    (``Üblicherweise sind die Zahlen montags niedriger, weil am Sonntag weniger getestet
    wird``) and not in the past: any such day."""
    lo, hi = doc.sentence(doc.matches[i].start())
    return (bool(R.HABITUAL_CUES.search(doc.text, lo, hi)) and doc.clause_cue(i) != "past") \
        or _coordinated_with_set(doc, i)


def _coordinated_with_set(doc: _Doc, i: int, *, adjacent: bool = False) -> bool:
    """A time coordinated with a set right before it is one too: ``abends und am
    Wochenende``, ``werktags oder am Samstag``, ``täglich und sonntags``; with ``adjacent`` a
    time right after a set narrows it (``von Montag bis Samstag zwischen 8 und 20 Uhr``)."""
    if i == 0 or i - 1 in doc._busy:
        return False
    before = doc.resolve(i - 1)
    if before is None or before.kind != "set":
        return False
    if adjacent and doc.clause_cue(i) not in (None, "present"):
        return False  # "Morgens um 5 Uhr sollte es beginnen": that morning, no habit
    gap = (R.COORDINATION_GAP, R.ADJACENT_GAP) if adjacent else (R.COORDINATION_GAP,)
    if any(g.fullmatch(doc.text, before.end, doc.matches[i].start()) for g in gap):
        return True
    return not adjacent and doc.matches[i].lastgroup == "weekday" and \
        before.value.startswith("XXXX-") and doc.clause_cue(i) is None and \
        R.LISTING_GAP.fullmatch(doc.text, before.end, doc.matches[i].start()) is not None
    # a listing of days and hours without a verb goes on: "Montag bis Freitag 13 bis 17 Uhr,
    # Samstag und Sonntag 10 bis 16 Uhr"


def _named_before(doc: _Doc, i: int, weekday: int, anchor: dt.date) -> dt.date | None:
    """The day an earlier mention of the same weekday fixed with a forward word or a date
    (``am kommenden Samstag``, ``an diesem Mittwoch``, ``Samstag, 16. Januar``, ``Am Freitag,
    dem 13. März``) within 13 days of the anchor and not the anchor day: a bare ``am Samstag``
    after it is that Saturday again."""
    start = doc.matches[i].start()
    for k in range(i - 1, -1, -1):
        other = doc.matches[k]
        if start - other.start() > _NAMED_REACH:
            break
        if k in doc._busy or other.lastgroup not in ("weekday", "date"):
            continue
        if other.lastgroup == "weekday":  # forward words only: in a Monday's paper "am
            # vergangenen Montag ... seit Montag" are two Mondays
            name = other["wd_name"]
            fixed = (bool(other["wd_rel"]) and R.step_of(other["wd_rel"].split()[0]) >= 0
                     and not other["wd_part"] and not other["wd_part2"]) or \
                _apposed_date(other, doc, k) is not None  # "Am Freitag, dem 13. März"
        else:
            name, fixed = other["da_wd"], bool(other["da_wd"])
        if not fixed or R.WEEKDAYS.get(name or "") != weekday:
            continue
        found = doc.resolve(k)
        if found is None or found.start_date is None or found.granularity != "day":
            continue
        if abs((found.start_date - anchor).days) <= _NAMED_DAYS and found.start_date != anchor:
            return found.start_date
    return None


def _apposed_date(m, doc: _Doc, i: int) -> dt.date | None:
    """The day of a date the weekday stands in apposition to: ``27. September, dem Sonntag``,
    ``Freitag, ausgerechnet dem 13. März``, ``Donnerstag, der 18. Februar``; None if none."""
    for j, between in ((i + 1, doc.text[m.end():m.end() + 40]),
                       (i - 1, doc.text[max(0, m.start() - 40):m.start()])):
        if not 0 <= j < len(doc.matches) or doc.matches[j].lastgroup != "date":
            continue
        other = doc.matches[j]
        gap = (doc.text[m.end():other.start()] if j > i else doc.text[other.end():m.start()])
        if len(gap) > len(between) or not R.APPOSITION.fullmatch(gap):
            continue
        found = None if j in doc._busy else doc.resolve(j)
        if found is not None and found.granularity == "day" and found.start_date is not None:
            return found.start_date
    return None


def _apposed_week(doc: _Doc, i: int) -> dt.date | None:
    """The Monday of a week the weekday stands in apposition to (``Vor einer Woche, am
    Freitag``, ``vergangene Woche, am Dienstag``); None if none."""
    if i == 0 or i - 1 in doc._busy:
        return None
    before = doc.resolve(i - 1)
    if before is None or before.granularity != "week" or before.kind != "date" or \
            before.start_date is None or before.end_value is not None:
        return None
    gap = doc.text[before.end:doc.matches[i].start()]
    return before.start_date if R.WEEK_APPOSITION.fullmatch(gap) else None


def _weekday_direction(doc: _Doc, i: int) -> str:
    """The tense that picks a weekday: a present clause about a scheduled event (``Der
    Mittwoch beginnt um 13 Uhr``, ``am Samstag findet ... statt``) looks forward."""
    tense = doc.direction(i)
    if tense == "present" and doc.clause_cue(i) is None and _after_coming_day(doc, i):
        return "future"  # "am Mittwoch solle es erscheinen, am Samstag als Buch"
    if tense != "present" or doc.clause_cue(i) != "present":
        return tense
    weekday = _weekday_of(doc, i)
    if weekday is not None and not doc._scheduled(i) and \
            (doc.day_anchor(i) - R.weekday_date(doc.day_anchor(i), weekday, 0,
                                                "past")).days == 1:
        return tense  # "Am Freitagabend steht der Hubschrauber bereit" in a Saturday's paper:
        # the day before, told in the present, not a week ahead
    c_lo, c_hi, cues = doc._clause(i)
    scheduled = any(kind == "present" and c_lo <= a and b <= c_hi
                    for a, b, kind in cues)
    return "future" if scheduled else tense


def _weekday_of(doc: _Doc, i: int) -> int | None:
    """The weekday of match ``i`` if it names one day (None for a range of days)."""
    m = doc.matches[i]
    name = m["wd_name"] or m["wd_gen"]
    return R.WEEKDAYS[name] if name else None


def _after_coming_day(doc: _Doc, i: int) -> bool:
    """A weekday earlier in the sentence of match ``i`` was a day still to come: a clause
    without a tense cue that lists another weekday goes on in the same direction."""
    lo = doc.sentence(doc.matches[i].start())[0]
    anchor = doc.day_anchor(i)
    for k in range(i - 1, -1, -1):
        m = doc.matches[k]
        if m.start() < lo:
            return False
        if m.lastgroup == "weekday" and k not in doc._busy:
            found = doc.resolve(k)
            return found is not None and found.start_date is not None and \
                found.start_date > anchor
    return False


_RELATIVE_DAYS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2,
                  "vorgestrig": -2, "gestrig": -1, "morgig": 1, "übermorgig": 2}


def _relday(m, doc: _Doc, i: int) -> Timex | None:
    """gestern, heute Morgen, morgen früh, übermorgen, gestrigen; not the noun ``am Morgen``."""
    word = m["rd_word"] or m["rd_adj"]
    if word == "Morgen" and not _sentence_initial(doc.text, m.start()):
        return None
    key = word.lower()
    key = key if key in _RELATIVE_DAYS else key.rstrip("e")
    if key == "heute" and not m["rd_part"] and _nowadays(m, doc, i):
        return doc.make(i, "PRESENT_REF", None, None, kind="vague")
    anchor = doc.day_anchor(i)
    day = anchor + dt.timedelta(days=_RELATIVE_DAYS[key])
    part = m["rd_part"]
    value = f"{day}T{R.DAY_PARTS[part.lower()]}" if part else f"{day}"
    return doc.make(i, value, (day, day), "day", anchor=anchor)


def _nowadays(m, doc: _Doc, i: int) -> bool:
    """``heute`` as "nowadays": set against the past (``damals wie heute``), or in a passage
    told in another year (``1935 ... Heute steht die Hagia Sophia``); ``bis heute`` stays the
    day."""
    before = doc.text[max(0, m.start() - 20):m.start()]
    if R.UNTIL_BEFORE.search(before):
        return False
    if R.THEN_AND_NOW_BEFORE.search(before) or R.AGE_AFTER.match(doc.text, m.end()):
        return True  # "damals wie heute", "der heute 49-Jährige", "heute 34 Jahre alt"
    if R.NOW_NAME_AROUND.search(doc.text, max(0, m.start() - 3), min(len(doc.text),
                                                                     m.end() + 40)):
        return True  # "Konstantinopel – heute Istanbul –"
    if _state_after_past(doc, i) or _then_in_sentence(doc, i) or _after_old_times(doc, i):
        return True
    found, narrative = doc.reference(i)
    if not narrative or found is None or found.start_date is None or doc._present_at > found.start:
        return False
    reach = _FRAME_REACH["year" if found.granularity == "year" else "finer"]
    return (found.start_date.year != doc.published.year
            and m.start() - found.end <= reach)


def _after_old_times(doc: _Doc, i: int) -> bool:
    """``heute`` in a present clause right after a sentence about a decade or century long
    past (``In den 1920er Jahren wird der Garten gemalt ... diese Abbilder dienen heute als
    Vorbilder``): now set against then."""
    if doc.clause_cue(i) == "past":
        return False
    start = doc.matches[i].start()
    lo = doc.sentence(start)[0]
    prev_lo = doc.sentence(lo - 2)[0] if lo > 1 else lo
    for k in range(bisect.bisect_left(doc.starts, prev_lo), i):
        found = doc._memo.get(k)
        if found is not None and found.granularity in ("decade", "century") and \
                found.end_date is not None and found.end_date.year < doc.published.year - 20:
            return True
    return False


def _then_in_sentence(doc: _Doc, i: int) -> bool:
    """``heute`` after ``einst``/``damals``/``früher`` earlier in its own sentence or in the
    sentence before, in a clause not in the past: now set against then (``kochte einst im
    Hotel, heute führt er sieben Restaurants``, ``Früher haben wir nie gezweifelt. Doch heute
    zweifeln wir``)."""
    start = doc.matches[i].start()
    lo = doc.sentence(start)[0]
    prev_lo = doc.sentence(lo - 2)[0] if lo > 1 else lo
    return R.THEN_WORD.search(doc.text, prev_lo, start) is not None and \
        doc.clause_cue(i) != "past"


def _state_after_past(doc: _Doc, i: int) -> bool:
    """``heute`` with a verb of state in the present (``ist``, ``steht``, ``heißt``) right
    after a sentence told in the past: a state of today set against then (``Bis 2015 standen
    sie dort. Heute steht dort ...``)."""
    c_lo, c_hi, cues = doc._clause(i)
    if not any(doc.text[a:b] in R.STATE_VERBS for a, b, _ in cues if c_lo <= a and b <= c_hi):
        return False
    start = doc.matches[i].start()
    lo = doc.sentence(start)[0]
    prev_lo = doc.sentence(lo - 2)[0] if lo > 1 else lo
    if R.THEN_WORD.search(doc.text, prev_lo, start):
        return True  # "spielte einst ... heißt heute"
    earlier = False
    for k in range(bisect.bisect_left(doc.starts, prev_lo), i):
        found = doc._memo.get(k)
        if found is None or found.end_date is None:
            continue
        if found.granularity == "day" and doc.matches[k].lastgroup in ("relday", "weekday"):
            return False  # "Am Montag gab es Streit. Heute ist es ruhig": days of the news
        earlier = earlier or (doc.published - found.end_date).days > 30
    return earlier and any(m.lastgroup == "past" for m in
                           R.TENSE_CUES.finditer(doc.text, prev_lo, start))


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 12):start]
    return bool(R.SENTENCE_START_BEFORE.search(before)) and \
        not R.MORGEN_NOUN_BEFORE.search(before)


def _set(m, doc: _Doc, i: int) -> Timex:
    """täglich(en), jedes Jahr, pro Tag, zweimal die Woche (P1D ...), montags (XXXX-WXX-1)."""
    if m["st_part"]:  # morgens: XXXX-XX-XXTMO
        return doc.make(i, f"XXXX-XX-XXT{R.HABITUAL_PARTS[m['st_part'].lower()]}", None, "day",
                        kind="set")
    if m["st_ewd"] or m["st_pwd"]:  # jeden Mittwoch, an Sonntagen: XXXX-WXX-3
        number = R.WEEKDAYS[m["st_ewd"] or m["st_pwd"]] + 1
        return doc.make(i, f"XXXX-WXX-{number}", None, "day", kind="set")
    if m["st_epart"]:  # jeden Morgen: XXXX-XX-XXTMO
        return doc.make(i, f"XXXX-XX-XXT{R.DAY_PARTS[m['st_epart'].lower()]}", None, "day",
                        kind="set")
    if m["st_ewe"] or m["st_pwe"]:  # jedes Wochenende, an Wochenenden
        return doc.make(i, "XXXX-WXX-WE", None, "weekend", kind="set")
    if m["st_tft"]:  # Tag für Tag, Jahr für Jahr
        unit = "D" if m["st_tft"].startswith("Tag") else "Y"
        return doc.make(i, f"P1{unit}", None, R.UNIT_GRANULARITY[unit], kind="set")
    if m["st_per"] or m["st_perd"]:  # 10 000 Anrufe am Tag
        lo = max(doc._clause(i)[0], m.start() - 60)
        if not R.COUNT_WORD.search(doc.text, lo, m.start()):
            return None  # "im Jahr der Pandemie", "am Tag der Wahl": no rate
        unit = {"Monat": "M", "Jahr": "Y", "Tag": "D"}[m.group()]
        return doc.make(i, f"P1{unit}", None, R.UNIT_GRANULARITY[unit], kind="set")
    if m["st_word"]:
        value, granularity = R.SET_WORDS[m["st_word"].lower()]
    elif m["st_unit"] or m["st_unit2"]:
        unit = R.unit_of(m["st_unit"] or m["st_unit2"])
        value, granularity = f"P1{unit}", R.UNIT_GRANULARITY[unit]
    else:
        number = R.WEEKDAYS[m["st_wd"][0].upper() + m["st_wd"][1:-1]] + 1
        value, granularity = f"XXXX-WXX-{number}", "day"
    return doc.make(i, value, None, granularity, kind="set")


def _idiom(m, doc: _Doc, i: int) -> None:
    """von heute auf morgen, nicht zuletzt: matched only so that their words are no dates."""
    return None


_RESOLVERS: dict[str, Callable[..., Timex | None]] = {
    "range": _range, "tilltoday": _tilltoday, "era": _era, "century": _century,
    "decade": _decade, "date": _date,
    "dayrange": _dayrange, "night": _night, "daypart": _daypart, "anaphor": _anaphor,
    "later": _later, "span": _span,
    "since": _since, "offset": _offset,
    "vaguephrase": _vague, "idiom": _idiom, "quarter": _quarter, "firstpart": _firstpart,
    "season": _season,
    "holiday": _holiday,
    "relunit": _relunit, "monthweek": _month_week, "month": _month_expr, "year": _year_expr,
    "clock": _clock,
    "ducomp": _ducomp, "durange": _durange, "lasting": _lasting, "short": _short,
    "duration": _duration, "bareunit": _bare_unit,
    "weekday": _weekday, "relday": _relday, "set": _set, "vague": _vague,
}


# -- small helpers ---------------------------------------------------------------------------


def _approximation(words: str | None) -> str:
    if not words:
        return "none"
    words = " ".join(words.lower().split())
    return R.APPROXIMATORS.get(words) or R.OFFSET_PARTICLES[words]


def _unwrap(text: str) -> str:
    """The text with the line breaks of a hard-wrapped text inside sentences made spaces (same
    length, same offsets): a text is hard-wrapped when at least three of its line breaks, and
    a quarter of them, fall between a word and a word in lower case (``deutlich \nniedriger``);
    then every break after a word, a comma or a hyphen is inside a sentence (``Von \nJanuar bis
    September stieg``), not the end of a paragraph or a heading."""
    lines = text.count("\n")
    if lines < 3:
        return text
    soft = len(R.SOFT_BREAK_LOWER.findall(text))
    if soft < 3 or soft * 4 < lines:
        return text
    return R.SOFT_BREAK.sub(lambda b: b.group().replace("\n", " "), text)


def _bounds(text: str, start: int, end: int, breaks, reach: int) -> tuple[int, int]:
    """The stretch around ``start..end`` between two matches of ``breaks`` (within ``reach``)."""
    lo = max(0, start - reach)
    left = lo
    for b in breaks.finditer(text, lo, start):
        left = b.end()
    right_match = breaks.search(text, end, min(len(text), end + reach))
    right = right_match.start() if right_match else min(len(text), end + reach)
    return left, right


def _sentence_cues(text: str, lo: int, hi: int) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Clause break positions and tense cues (start, end, tense) of one sentence."""
    breaks = [b.start() for b in R.CLAUSE_BREAK.finditer(text, lo, hi)]
    cues = [(c.start(), c.end(), c.lastgroup) for c in R.TENSE_CUES.finditer(text, lo, hi)
            if not (c.lastgroup == "participle" and R.ZU_BEFORE.search(text, max(lo, c.start() - 4),
                                                                         c.start()))]
    # (not "zu erreichen": an infinitive after "zu" is no participle); "gewesen", "worden" are
    # past cues and participles too ("waren die Wahlen gewesen": the pluperfect)
    cues += [(a, b, "participle") for a, b, t in cues
             if t == "past" and text[a:b] in ("gewesen", "worden")]
    return breaks, sorted(cues)


def _nearest_cue(cues: list[tuple[int, int, str]], lo: int, hi: int, start: int,
                 end: int) -> str | None:
    """The tense of the cue nearest ``start..end`` within ``lo..hi``, not inside the match;
    hat/haben/habe count as past only with a participle within ``lo..hi``."""
    best = None
    for c_start, c_end, tense in cues:
        if c_start < lo or c_end > hi or (c_end > start and c_start < end) \
                or tense == "participle":
            continue
        distance = start - c_end if c_end <= start else c_start - end
        if best is None or distance < best[0]:
            best = (distance, tense)
    if best is None or best[1] != "auxiliary":
        return best[1] if best else None
    perfect = any(t == "participle" and lo <= c_start and c_end <= hi for c_start, c_end, t in cues)
    return "past" if perfect else "present"


def _pair_quotes(text: str, marks: list) -> list[tuple[int, int]]:
    """Quotations as (start, end) spans from „…“, »…«, «…», “…” and "…" marks, within a
    paragraph."""
    spans, opened = [], None
    for m in marks:
        char, pos = m.group(), m.start()
        if opened is not None and "\n" in text[opened[1]:pos]:
            opened = None
        closes = opened is not None and (char in "“”\"" or (char == "«" and opened[0] == "»")
                                         or (char == "»" and opened[0] == "«"))
        if closes:
            spans.append((opened[1], pos + 1))
            opened = None
        elif char in "„»«\"“" and opened is None:
            opened = (char, pos)
    return spans


def _containing(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The span (sorted, not overlapping) that contains ``start..end``, if any."""
    at = bisect.bisect_right(spans, (start, float("inf"))) - 1
    if at >= 0 and spans[at][0] <= start and end <= spans[at][1]:
        return spans[at]
    return None


#: An article published before this hour (its time known) is an early edition: see _Doc.early.
EARLY_HOUR = 9


def _early(value) -> bool:
    """``value`` is a publication time before EARLY_HOUR (a date alone, midnight, is not)."""
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        return False
    if pd.isna(stamp):
        return False
    clock = stamp.time()
    return clock != dt.time(0) and clock.hour < EARLY_HOUR


def _to_day(value, *, field: str) -> dt.date:
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as err:
        raise ValueError(f"{field}: expected a date (datetime.date, pandas.Timestamp or "
                         f"'YYYY-MM-DD'), got {value!r}") from err
    if pd.isna(stamp):
        raise ValueError(f"{field}: expected a date, got a missing value ({value!r})")
    return stamp.date()


def _check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")


def _dates(values: list) -> np.ndarray:
    """datetime64[ns] column from dates / None, vectorised; NaT for a date outside the years
    datetime64[ns] holds (1677-09-22 .. 2262-04-11), which would otherwise wrap around."""
    ordinals = np.fromiter((d.toordinal() if d is not None else 0 for d in values),
                           dtype="int64", count=len(values))
    days = (ordinals - _EPOCH).astype("datetime64[D]").astype("datetime64[ns]")
    days[(ordinals < _MIN_ORDINAL) | (ordinals > _MAX_ORDINAL)] = np.datetime64("NaT")
    return days


def _frame(rows: list[tuple], *, sort: bool = True) -> pd.DataFrame:
    """The output table from row tuples (in ``COLUMNS`` order), with its dtypes."""
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in COLUMNS]
    data = dict(zip(COLUMNS, columns, strict=True))
    frame = pd.DataFrame({
        "start": np.asarray(data["start"], dtype="int64"),
        "end": np.asarray(data["end"], dtype="int64"),
        "text": pd.Series(data["text"], dtype=object),
        "value": pd.Series(data["value"], dtype=object),
        "end_value": pd.Series(data["end_value"], dtype=object),
        "start_date": _dates(data["start_date"]),
        "end_date": _dates(data["end_date"]),
        "start_year": pd.array(data["start_year"], dtype="Int64"),
        "end_year": pd.array(data["end_year"], dtype="Int64"),
        "start_day": pd.array(data["start_day"], dtype="Int64"),
        "end_day": pd.array(data["end_day"], dtype="Int64"),
        "granularity": pd.Categorical(data["granularity"], categories=R.GRANULARITIES),
        "modifier": pd.Categorical(data["modifier"], categories=R.MODIFIERS),
        "vague": np.asarray(data["vague"], dtype=bool),
        "kind": pd.Categorical(data["kind"], categories=R.KINDS),
        "anchor": _dates(data["anchor"]),
        "tense": pd.Categorical(data["tense"], categories=R.TENSES),
    })
    if sort:
        frame = frame.sort_values(["start", "end"], kind="stable").reset_index(drop=True)
    return frame


# -- scoring against a gold table ------------------------------------------------------------

GOLD_COLUMNS = ["article_id", "start", "end", "text", "value", "start_date", "end_date",
                "granularity", "vague", "kind", "modifier"]


def read_gold(path) -> pd.DataFrame:
    """A gold CSV like tests/gold/timex_seeds.csv, with dates as datetime64 (empty -> NaT) and
    ``end_value`` (the end of a range) None where empty or absent."""
    gold = pd.read_csv(path, dtype={"article_id": str, "value": str, "end_value": str},
                       keep_default_na=False)
    missing = [c for c in GOLD_COLUMNS if c not in gold.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    ends = gold["end_value"] if "end_value" in gold else pd.Series("", index=gold.index)
    gold["end_value"] = ends.where(ends != "", None).astype(object)
    for column in ("start_date", "end_date"):
        gold[column] = pd.to_datetime(gold[column].replace("", None)).astype("datetime64[ns]")
    gold["vague"] = gold["vague"].astype(str).str.lower().eq("true")
    return gold


def score(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Detection precision/recall (exact span and overlap) and value accuracy, one row each.

    ``value_accuracy`` is the share of gold expressions found with the exact span whose value
    and interval (start and end day) are right too; ``strict_accuracy`` divides by all gold.
    """
    keys = ["article_id", "start", "end"]
    pairs = gold.merge(predicted, on=keys, how="inner", suffixes=("_gold", ""))
    right = _same_value(pairs) & _same_day(pairs["start_date_gold"], pairs["start_date"]) \
        & _same_day(pairs["end_date_gold"], pairs["end_date"])
    found_gold, found_pred = _overlapping(gold, predicted), _overlapping(predicted, gold)
    rows = [
        ("gold", len(gold)), ("predicted", len(predicted)), ("exact_matches", len(pairs)),
        ("exact_precision", _share(len(pairs), len(predicted))),
        ("exact_recall", _share(len(pairs), len(gold))),
        ("overlap_precision", _share(found_pred, len(predicted))),
        ("overlap_recall", _share(found_gold, len(gold))),
        ("value_accuracy", _share(int(right.sum()), len(pairs))),
        ("strict_accuracy", _share(int(right.sum()), len(gold))),
    ]
    return pd.DataFrame(rows, columns=["metric", "value"]).astype({"value": float})


def errors(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Gold rows missed or given another value, and predictions not in the gold, in text order."""
    keys = ["article_id", "start", "end"]
    both = gold.merge(predicted, on=keys, how="outer", suffixes=("_gold", ""), indicator=True)
    wrong = (both["_merge"] == "both") & ~(
        _same_value(both) & _same_day(both["start_date_gold"], both["start_date"])
        & _same_day(both["end_date_gold"], both["end_date"]))
    both["error"] = np.select([both["_merge"] == "left_only", both["_merge"] == "right_only",
                               wrong], ["missed", "spurious", "value"], "")
    both["text"] = both["text"].fillna(both["text_gold"])
    out = both.loc[both["error"] != "", keys + ["error", "text", "value_gold", "value",
                                                "start_date_gold", "start_date"]]
    return out.sort_values(keys, kind="stable").reset_index(drop=True)


def _same_value(pairs: pd.DataFrame) -> pd.Series:
    """Value and end value (of a range) equal; a missing end value equals a missing one."""
    none = pd.Series(None, index=pairs.index, dtype=object)
    gold_ends = pairs.get("end_value_gold", none)
    ends = [(a if isinstance(a, str) else None) == (b if isinstance(b, str) else None)
            for a, b in zip(gold_ends, pairs.get("end_value", none), strict=True)]
    return (pairs["value_gold"].astype(str) == pairs["value"].astype(str)) & pd.Series(
        ends, index=pairs.index, dtype=bool)


def _same_day(a: pd.Series, b: pd.Series) -> pd.Series:
    return (a == b) | (a.isna() & b.isna())


def _overlapping(frame: pd.DataFrame, other: pd.DataFrame) -> int:
    """How many rows of ``frame`` overlap some row of ``other`` in the same article."""
    spans = {k: sorted(zip(g["start"], g["end"], strict=True))
             for k, g in other.groupby("article_id")}
    count = 0
    for article_id, start, end in zip(frame["article_id"], frame["start"], frame["end"],
                                      strict=True):
        count += any(s < end and start < e for s, e in spans.get(article_id, ()))
    return count


def _share(part: int, whole: int) -> float:
    return part / whole if whole else float("nan")
