"""Grouping event mentions into events: one event for all its reports, across articles.

An online clustering in date order (as news event detection does it), bounded by blocking so
that no two mentions are compared unless they share a key:

1. **Dated mentions** are taken in order of precision (a timex of a day, a week, a month,
   then the publication day) and date. Each looks for candidate events only among those of its class
   family (``event_classes.csv``: an attack and the deaths it caused are one happening) that
   share its trigger lemma (``Wahlnacht`` ~ ``US-Wahl`` ~ ``Präsidentschaftswahl``: lemma
   ``Wahl``) or one of its actors or places, through an inverted index that keeps each key's
   events sorted by day, so only the :data:`NEAREST` events around the mention's date are
   looked at.
2. A candidate must be **compatible in time**: the event's span (its most reported day, else
   the :data:`SPAN_DAYS` days before its first publication-dated report, else its first
   coarse date) overlaps the mention's date widened by :data:`SLACK_DAYS`; a publication-dated
   mention may report an event of the :data:`REPORT_DAYS` days before, and one that finds
   none such is tried like an undated report (step 5) before it starts an event. Two
   meetings of the same actors a month apart stay apart.
3. Among compatible candidates the mention joins the best one if the **evidence** is enough
   (:func:`_accept`): TF-IDF cosine of the mention's sentence and its article's title with the
   event's centroid, shared actors and places, the same lemma, the same article; persons on
   both sides that differ count against it. Otherwise it starts an event of its own.
4. **Merge pass**: events of one family whose spans meet on the same day and that share their
   lemma and main actor or are similar enough are joined (blocks by family and day; an event
   dated by weeks only is looked for in each week its timexes give, and one person may have
   two ids, :func:`_same_person`); in other words, the same two main names, one of them rare,
   are enough.
5. **Undated mentions** (and those with only a year or season) then join the most similar
   event reported around their article's publication (stricter thresholds), else stay
   events of their own per article, family and lemma.
Plans and remarks keep their own days: a plan (``modality = planned``) dates an event only
while no report says it happened and joins what happened only when one's days lie within the
other's (:func:`_plan_fits`); a plan dated before its own report is taken as undated (its
own days, a date or week of the past, still bound the occasion it names: ``plan_days``); what
was said, dated by its own timex, joins an act only on the same days.

6. **Clusters of days**: an event whose day-precise timexes fall into two or more clusters of
   days, each named by several articles, is split into one event per cluster
   (:func:`_split_clusters`), unless a report gives the days as one range.
7. **Nameless follow-ups**: an undated mention that names no actor or place but refers to a
   known occasion (``der Ausbruch``, ``die Beschlüsse``) and was left alone joins, through the
   names its article mentions most, an event of several other articles of the days before
   (:func:`_follow_ups`); it neither starts nor dates one.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from newslens.events import triggers

SLACK_DAYS = 1
#: A publication-dated mention may report an event of this many days before (the mention
#: side), and an event known only from such reports happened up to SPAN_DAYS before its first.
REPORT_DAYS, SPAN_DAYS = 7, 3
#: Classes of acts that recur every few days (``grouping = daily`` in ``event_classes.csv``: a
#: demonstration each Saturday, in many towns): told in the past tense as news of the day,
#: such an act is of that day or the :data:`DAILY_DAYS` before, not of any day of the week
#: before, nor of weeks before.
DAILY_DAYS = 2
#: How far back and forward an undated report may refer (days around its publication).
UNDATED_BACK_DAYS, PLANNED_AHEAD_DAYS = 30, 120
#: Candidate events per key looked at: the nearest in time to the mention.
NEAREST = 40
#: Undated reports look only at events of at least this many mentions (or their own article's).
UNDATED_MIN_MEMBERS = 2
#: The merge pass joins events whose days are this close on each side (a report of the morning
#: after, a timex read a day off).
MERGE_SLACK = 1
PRECISE = {"day", "weekend", "week", "month"}
#: A plan's day this many days or more before its report cannot be a weekday of the coming
#: week read as the last one: its days bound the past occasion it names (``plan_days``).
PLAN_DAYS = 7
#: How the classes and words group is data (the ``grouping`` columns of
#: ``data/event_classes.csv`` and ``data/event_triggers.csv``,
#: :func:`~newslens.events.triggers.class_grouping`):
#:
#: - ``generic`` classes name a kind of act, not an occasion (a criticism, a demand, an
#:   agreement, a decision; a death: deaths of the same days are many): two such mentions
#:   report one event only if they share a named actor (a person or an organisation; a country
#:   or place is not enough), or the same day in one article;
#: - ``occasion`` words of those classes name an occasion its actor has once, not a kind of act
#:   it repeats (a company files for insolvency once, an airport opens once, a state leaves a
#:   union or annexes a region once): they group as the other classes do (and a later report
#:   may refer back to them, :func:`_recall`); an ``occasion`` word of a ``daily`` class (the
#:   storming of a parliament, among the protests) is not taken as daily;
#: - ``speech`` classes are speech acts (a statement, a call, a pledge, a demand, a criticism,
#:   a rejection): one person says many things on many days, so reports in different articles
#:   join only when their words are alike too (TF-IDF cosine of at least :data:`SPEECH_SIM`).
SPEECH_SIM = 0.15
#: Names weighed by rarity (inverse document frequency over the corpus's articles with event
#: mentions): a name that :data:`COMMON_SHARE` of the articles name or more (a chancellor, a
#: capital, a large party) weighs 0, one named by :data:`RARE_SHARE` or fewer weighs 1, and the
#: weight rises with the log of the rarity in between. So a generic actor alone cannot glue
#: two reports into one event. A corpus of fewer than :data:`MIN_DOCS` articles is taken to
#: have that many (its frequencies say nothing about rarity: every name weighs 1).
COMMON_SHARE, RARE_SHARE, MIN_DOCS = 0.10, 0.005, 2000
#: An undated report joins an event through a shared name of the summed rarity weight
#: :data:`UNDATED_RARE` (a rare name: the victim, the company, the town) when published up to
#: :data:`UNDATED_BACK_DAYS` after it, through any shared name only when published in the
#: :data:`NEAR_DAYS` after it (the chancellor's round of talks of this week, not of last month).
UNDATED_RARE, NEAR_DAYS = 0.6, 7
_TERMS = 12
_WORD = re.compile(r"[^\W\d_][\w-]{3,}")
_STOP_WORDS = """aber alle allem allen aller alles also auch auf aus bei beim bereits
bis damit dann dass denn dem den der des die dies diese diesem diesen dieser doch durch
eine einem einen einer eines etwa für gegen habe haben hatte hatten heute hier ihre ihrem
ihren ihrer immer jetzt kann keine mehr mit nach nicht noch nun oder ohne schon sehr seien
sein seine seinem seinen seiner seit sich sie sind soll sollen sowie über unter vom von vor
war waren wegen weil weiter wenn werden wieder will wird wurde wurden zum zur zwei drei
sagte sagt erklärte hieß worden dabei dazu davon darauf etwa sogar laut zufolge"""
_STOP = frozenset(_STOP_WORDS.split())


@dataclass
class _Mention:
    i: int
    family: str
    lemma: str
    article: str
    names: frozenset
    persons: frozenset
    named: frozenset
    generic: bool
    speech: bool
    low: int
    high: int
    source: str
    planned: bool
    published: int
    vector: dict
    #: joined its event as a retrospective reference (:func:`_recall`): kept with it when the
    #: event is split by date, however long after it the article was published
    recalled: bool = False
    #: a plan whose own timex lies before its report (``in Vorbereitung auf Bidens
    #: Amtseinführung am 20. Januar`` in March): it dates nothing, but its days (``within``)
    #: say which past occasion it names (:data:`PLAN_DAYS`)
    plan_days: bool = False
    #: reported as happened (asserted or reported), not planned, hypothetical or negated
    happened: bool = True
    #: the year or season its own timex names (days), when too coarse to date it: it reports
    #: no event outside them (die Bundestagswahl 2017 is no report of an election of 2020)
    within: tuple[int, int] | None = None
    #: its class recurs every few days (``daily``) or between the same names (``recurring``);
    #: its word names what happens to a person once (``personal``): see :func:`_items`
    daily: bool = False
    recurring: bool = False
    personal: bool = False
    #: its trigger follows a definite article or demonstrative (``der Ausbruch``, ``bei den
    #: Beschlüssen``, ``diese Wahl``): it refers to an occasion the reader knows
    definite: bool = False


@dataclass
class _Event:
    number: int
    family: str
    day_votes: Counter = field(default_factory=Counter)
    plan_votes: Counter = field(default_factory=Counter)
    first_publication: int | None = None
    coarse: tuple[int, int] | None = None
    #: every interval of a week or less its coarser timexes give (``Mitte September`` and
    #: ``diese Woche``): the merge pass looks for its day among them all (:func:`_merge`)
    weeks: set = field(default_factory=set)
    lemmas: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    persons: Counter = field(default_factory=Counter)
    named: Counter = field(default_factory=Counter)
    generic: bool = False
    speech: int = 0
    planned: int = 0
    articles: set = field(default_factory=set)
    centroid: Counter = field(default_factory=Counter)
    members: list = field(default_factory=list)
    cached: tuple[int, int] | None = None
    #: the centroid's sum of squares and the two main names, kept until the event changes
    #: (``None``: to be computed)
    squares: float | None = None
    main: frozenset | None = None

    def span(self) -> tuple[int, int] | None:
        """The days the event happened on, as far as its dated mentions say (cached)."""
        if self.cached is None:
            self.cached = self._span()
        return self.cached

    def _span(self) -> tuple[int, int] | None:
        if self.day_votes:
            return _best_day(self.day_votes)
        if self.first_publication is not None:  # what was said: that day or the day before
            back = 1 if 2 * self.speech > len(self.members) else SPAN_DAYS
            return self.first_publication - back, self.first_publication
        if self.plan_votes:  # what happened first, else the day it was planned for
            return _best_day(self.plan_votes)
        return self.coarse


def _best_day(votes: Counter) -> tuple[int, int]:
    day = min(votes, key=lambda d: (-votes[d], d))
    return day, day


def group(mentions: list[dict], families: dict[str, str], titles: dict[str, str],
          context: dict[str, tuple] | None = None) -> list[int]:
    """The event number of every mention (same order as ``mentions``). ``context``: the names
    (entity ids) each article mentions most, most first (:func:`article_context`; by default
    those its event mentions name most), for the nameless follow-ups (:func:`_follow_up`)."""
    if context is None:
        context = article_context(
            [(m["article_id"], n) for m in mentions for n in m["actor_ids"] + m["place_ids"]])
    items = _items(mentions, families, _vectors(mentions, titles))
    weight = _name_weights(mentions)
    events: list[_Event] = []
    index = _Index()
    assigned = [-1] * len(items)
    dated = [m for m in items if m.source != "none"]
    # Day-precise timexes first: they set the events' days; weeks, months and publication
    # days join them.
    for m in sorted(dated, key=lambda m: (_precision(m), m.low, m.article,
                                          mentions[m.i]["start"])):
        found = _place(m, events, index, weight, dated=True, create=m.source != "publication")
        if found < 0 and not m.daily:
            # a report of an event of weeks before, or news of its own; a demonstration told
            # as news of the day is that day's (there is one somewhere every week)
            found = _place(m, events, index, weight, dated=False, create=False)
        if found < 0:
            found = _place(m, events, index, weight, dated=True)
        assigned[m.i] = found
    assigned = _merge(events, assigned, weight)
    index = _reindex(events, items, assigned)
    # rarity as the corpus itself shows it: a corpus too small to tell makes no recall
    measured = _name_weights(mentions, min_docs=0)
    own: dict[tuple, set] = defaultdict(set)  # (article, family) -> events of its dated mentions
    for m in items:
        if assigned[m.i] >= 0:
            own[(m.article, m.family)].add(assigned[m.i])
    leftovers: dict[tuple, int] = {}
    undated = [m for m in items if m.source == "none"]
    for m in sorted(undated, key=lambda m: (m.published, m.article, mentions[m.i]["start"])):
        # The events its own article dated are candidates too, but only as good as their
        # evidence: an article of June that names an outbreak of early May once and the
        # outbreak of the week often is no report of the May one.
        found = _place(m, events, index, weight, dated=False,
                       own=own.get((m.article, m.family), set()))
        if found < 0:
            found = _recall(m, events, index, measured)
        if found < 0:
            key = (m.article, m.family, m.lemma)
            if key not in leftovers:
                leftovers[key] = _new(events, m.family, m.generic)
            found = leftovers[key]
            _add(events[found], m)
        assigned[m.i] = found
    assigned = _split_by_date(items, assigned, len(events))
    # The parts of a split event and events that met only through reports of the days after
    # may be one event: merged once more, now that every event has one date.
    assigned = _merge(_rebuild(items, assigned), assigned, weight)
    assigned = _occasions(items, [m["sentence_id"] for m in mentions], assigned, weight)
    assigned = _split_clusters(items, assigned)
    return _follow_ups(items, assigned, context)


#: Days of day-dated mentions this far apart or more are two occasions (a Bund-Länder round and
#: the meeting of the week after, a protest on Saturday and one the Saturday after) ...
CLUSTER_GAP = 2
#: ... when each is given by at least this many articles of the event.
CLUSTER_ARTICLES = 2


def _split_clusters(items: list[_Mention], assigned: list[int]) -> list[int]:
    """Split every event whose day-precise timexes fall into two or more clusters of days
    (days :data:`CLUSTER_GAP` apart or more), each given by :data:`CLUSTER_ARTICLES` articles
    at least: each such cluster becomes an event. An article's mentions go to the cluster its
    own day timexes name most (ties: the later); an article without one to the latest cluster
    on or before its publication day (else the first). A cluster of fewer articles stays with
    the nearest cluster. An event some report gives as a range of days that covers two
    clusters (a summit of two days, a week of protests) stays one."""
    members: dict[int, list[_Mention]] = defaultdict(list)
    for m in items:
        members[assigned[m.i]].append(m)
    next_number = max(assigned, default=-1) + 1
    for number in sorted(members):
        ms = members[number]
        days = [m for m in ms if m.source == "timex" and m.low == m.high]
        if len({m.article for m in days}) < CLUSTER_ARTICLES:
            continue
        clusters: list[list[int]] = []
        for day in sorted({m.low for m in days}):
            if clusters and day - clusters[-1][-1] < CLUSTER_GAP:
                clusters[-1].append(day)
            else:
                clusters.append([day])
        support = [len({m.article for m in days if c[0] <= m.low <= c[-1]}) for c in clusters]
        kept = [c for c, n in zip(clusters, support, strict=True) if n >= CLUSTER_ARTICLES]
        if len(kept) < 2:
            continue
        ranges = [m for m in ms if m.source == "timex" and m.high > m.low]
        if any(r.low <= kept[0][-1] and kept[-1][0] <= r.high for r in ranges
               if r.high - r.low <= 31):
            continue  # reported as one span of days
        bounds = [c[0] for c in kept]
        targets = [number] + list(range(next_number, next_number + len(kept) - 1))
        next_number += len(kept) - 1
        by_article: dict[str, list[_Mention]] = defaultdict(list)
        for m in ms:
            by_article[m.article].append(m)
        for article_ms in by_article.values():
            votes = Counter(_nearest(kept, m.low) for m in article_ms
                            if m.source == "timex" and m.low == m.high)
            if votes:
                home = max(votes, key=lambda k: (votes[k], k))
            else:
                published = article_ms[0].published
                before = [k for k, first in enumerate(bounds) if first <= published]
                home = before[-1] if before else 0
            for m in article_ms:
                if m.source == "timex" and m.low == m.high:
                    assigned[m.i] = targets[_nearest(kept, m.low)]
                else:
                    assigned[m.i] = targets[home]
    return assigned


#: Names shared by two mentions of one sentence that make them one occasion weigh this much at
#: least (:func:`_name_weights`): a rare name, not the chancellor named in every other report.
OCCASION_SHARED = 0.5


def _occasions(items: list[_Mention], sentences: list[str], assigned: list[int],
               weight: dict[str, float]) -> list[int]:
    """One occasion, one event, within an article:

    - two mentions of one sentence, of one family, neither a speech act, that share a rare
      name (at least
      :data:`OCCASION_SHARED`) and whose dates do not disagree (``in seinem Telefonat mit
      Putin ... gesprochen``) report one event, when one of their events is reported by
      that article alone;
    - an event of one article made of speech acts only, none dated by its own timex (what a
      speaker said in a report of the day), is part of the event of the same family in that
      article that has a mention in the same sentence as one of its speech acts (of several,
      the one with most mentions in the article), unless that article reports it only as
      planned: the remarks made at a call, a summit, a conference (``sagte er nach dem
      Telefonat``), not an event of their own.
    """
    parent = {number: number for number in set(assigned)}
    members: dict[int, list[_Mention]] = defaultdict(list)
    for m in items:
        members[assigned[m.i]].append(m)
    single = {number for number, ms in members.items() if len({m.article for m in ms}) == 1}
    by_sentence: dict[tuple, list[_Mention]] = defaultdict(list)
    by_article: dict[tuple, set] = defaultdict(set)
    for m in items:
        by_sentence[(m.article, sentences[m.i], m.family)].append(m)
        by_article[(m.article, m.family)].add(assigned[m.i])
    for group_ in by_sentence.values():
        for k, a in enumerate(group_):
            for b in group_[k + 1:]:
                ea, eb = _root(parent, assigned[a.i]), _root(parent, assigned[b.i])
                if ea == eb or not ({ea, eb} & single):
                    continue
                if a.speech or b.speech:
                    continue  # what was said: the rule below
                if _rare(a.names & b.names, weight) >= OCCASION_SHARED \
                        and not _disagree(a, b):
                    parent[max(ea, eb)] = min(ea, eb)
    for number, ms in sorted(members.items()):
        if number not in single or not all(m.speech and m.source != "timex" for m in ms):
            continue
        article, family = ms[0].article, ms[0].family
        own_sentences = {sentences[m.i] for m in ms}
        best, best_key = -1, None
        for other in sorted(by_article[(article, family)]):
            if other == number or all(m.speech for m in members[other]):
                continue
            mine = [m for m in members[other] if m.article == article]
            if all(m.planned for m in mine):
                continue  # remarks on a plan: their own date, not the plan's
            if any(sentences[m.i] in own_sentences for m in mine):
                key = (len(mine), -other)
                if best_key is None or key > best_key:
                    best, best_key = other, key
        if best >= 0:
            ra, rb = _root(parent, number), _root(parent, best)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return [_root(parent, number) for number in assigned]


def _nearest(clusters: list[list[int]], day: int) -> int:
    """The index of the cluster of days nearest to ``day`` (ties: the later)."""
    def distance(k: int) -> tuple[int, int]:
        first, last = clusters[k][0], clusters[k][-1]
        return (0 if first <= day <= last else min(abs(day - first), abs(day - last)), -k)
    return min(range(len(clusters)), key=distance)


def _disagree(a: _Mention, b: _Mention) -> bool:
    """Whether two mentions are dated to days apart (by their own timexes)."""
    if a.source != "timex" or b.source != "timex":
        return False
    return a.high + SLACK_DAYS < b.low or b.high + SLACK_DAYS < a.low


def _rebuild(items: list[_Mention], assigned: list[int]) -> list[_Event]:
    """The events of ``assigned`` (numbers as they are) built anew from their mentions."""
    events = [_Event(number, "") for number in range(max(assigned, default=-1) + 1)]
    days: dict[int, dict[str, _Mention]] = defaultdict(dict)
    for m in items:
        event = events[assigned[m.i]]
        event.family = m.family
        event.generic = event.generic or m.generic
        _add(event, m)
        if m.source == "timex" and m.low == m.high:
            days[assigned[m.i]].setdefault(m.article, m)
    # An article votes with its first mention (_add): one that named the event undated before
    # it dated it gives no day. An event left without any date takes the days its articles'
    # first day timexes give.
    for number, first in days.items():
        event = events[number]
        if event.span() is None:
            for m in first.values():
                (event.plan_votes if m.planned else event.day_votes)[m.low] += 1
            _changed(event)
    return events


#: An event's core: the days around its best supported day (this many on each side).
CORE_SLACK = 1
#: Undated reports stay with an event published this many days before its day at most, and
#: this many after.
UNDATED_BEFORE_DAYS, UNDATED_AFTER_DAYS = 14, 30


def _split_by_date(items: list[_Mention], assigned: list[int], n_events: int) -> list[int]:
    """Split every event whose articles date it to days apart: the articles that agree with
    its best supported day stay (:func:`_core`), the others form events of their own by the
    same rule, and undated articles far from every such day become events of their own per
    article, family and lemma. An event then has one date that most of its reports give."""
    members: dict[int, list[_Mention]] = defaultdict(list)
    for m in items:
        members[assigned[m.i]].append(m)
    next_number = n_events
    for number in sorted(members):
        remaining = members[number]
        first = True
        while remaining:
            core, remaining = _core(remaining)
            if not core:  # no dated article left: per article, family and lemma
                own: dict[tuple, int] = {}
                for m in remaining:
                    key = (m.article, m.family, m.lemma)
                    if key not in own:
                        if first:
                            own[key], first = number, False
                        else:
                            own[key], next_number = next_number, next_number + 1
                    assigned[m.i] = own[key]
                break
            if first:
                first = False
                target = number
            else:
                target, next_number = next_number, next_number + 1
            for m in core:
                assigned[m.i] = target
    return assigned


def _core(members: list[_Mention]) -> tuple[list[_Mention], list[_Mention]]:
    """``(core, rest)``: the articles of ``members`` that agree with its best supported day
    (a day-precise timex within :data:`CORE_SLACK` days, a report published on that day or up
    to :data:`REPORT_DAYS` after, a coarser timex around it, an undated report of the weeks
    around it); ``core`` is empty when no article dates them to a day."""
    by_article: dict[str, list[_Mention]] = defaultdict(list)
    for m in members:
        by_article[m.article].append(m)
    votes: Counter = Counter()
    for ms in by_article.values():
        days = {m.low for m in ms if m.source == "timex" and m.high - m.low <= 1}
        published = {m.high for m in ms if m.source == "publication"}
        for day in days:  # an article votes once per day, a timex twice a publication day
            for d in range(day - CORE_SLACK, day + CORE_SLACK + 1):
                votes[d] += 2 if d == day else 1
        for day in published - days:
            votes[day] += 1
            votes[day - 1] += 1
    if not votes:  # dated by weeks or months only: kept as grouped; undated: none
        return ([], members) if all(m.source == "none" for m in members) else (members, [])
    best = min(votes, key=lambda d: (-votes[d], d))
    low, high = best - CORE_SLACK, best + CORE_SLACK
    core, rest = [], []
    for _, ms in sorted(by_article.items()):
        (core if _agrees(ms, low, high) else rest).extend(ms)
    if not core:  # cannot happen with a vote, kept for safety
        return [], members
    return core, rest


def _agrees(ms: list[_Mention], low: int, high: int) -> bool:
    """Whether an article's mentions agree with an event of the days ``[low, high]``."""
    dated = False
    for m in ms:
        if m.source == "timex":
            dated = True
            if m.low <= high and low <= m.high:
                return True
        elif m.source == "publication":
            dated = True
            if low <= m.high <= high + REPORT_DAYS:
                return True
    if dated:
        return False
    published = ms[0].published
    if any(m.plan_days and _overlap(m.within, (low, high)) for m in ms):
        return True  # an old plan for the event's days names it, however long after
    if any(m.recalled for m in ms):  # a retrospective reference (_recall): after the event
        return low - SLACK_DAYS <= published
    return low - UNDATED_BEFORE_DAYS <= published <= high + UNDATED_AFTER_DAYS


def _precision(m: _Mention) -> int:
    if m.source == "publication":
        return 3
    return 0 if m.high - m.low <= 1 else (1 if m.high - m.low <= 7 else 2)


def _name_weights(mentions: list[dict], *, min_docs: int = MIN_DOCS) -> dict[str, float]:
    """Each actor and place id's rarity weight in ``[0, 1]`` (see :data:`COMMON_SHARE`); the
    corpus is taken to have ``min_docs`` articles at least."""
    articles: dict[str, set] = defaultdict(set)
    for m in mentions:
        for n in m["actor_ids"] + m["place_ids"]:
            articles[n].add(m["article_id"])
    n_docs = max(len({m["article_id"] for m in mentions}), min_docs)
    low, high = math.log(1 / COMMON_SHARE), math.log(1 / RARE_SHARE)
    return {n: min(1.0, max(0.0, (math.log(n_docs / len(a)) - low) / (high - low)))
            for n, a in articles.items()}


def _rare(names, weight: dict[str, float]) -> float:
    """The summed rarity weights of ``names`` (:func:`_name_weights`; an unknown name 1)."""
    return sum(weight.get(n, 1.0) for n in names)


def _items(mentions: list[dict], families: dict, vectors: list[dict]) -> list[_Mention]:
    items = []
    classes, lemmas = triggers.class_grouping(), triggers.lemma_grouping()
    published = _days([m["published"] for m in mentions])
    starts = _days([m["start_date"] for m in mentions])
    ends = _days([m["end_date"] for m in mentions])
    for i, (m, vector) in enumerate(zip(mentions, vectors, strict=True)):
        source, within, plan_days = m["date_source"], None, False
        if source == "timex" and m["granularity"] not in PRECISE:
            source = "none"  # a year or a season places no single event, but bounds it
            if starts[i] > -10**7 and ends[i] > -10**7:
                within = (starts[i], ends[i])
        low = high = published[i]
        if source != "none":
            low, high = starts[i], ends[i]
        if source == "timex" and m["modality"] == "planned" and high < published[i]:
            # a plan for days before its report was written: its timex was read as the last
            # Wednesday where the coming one was meant (or it tells of an old plan): no date;
            # an old plan's own days (a date, a week, a month: not a weekday of the last
            # week, which may be the coming one misread) bound the occasion it names
            if m["granularity"] in PRECISE and (m["granularity"] != "day"
                                                or high < published[i] - PLAN_DAYS):
                within, plan_days = (low, high), True
            source, low, high = "none", published[i], published[i]
        traits = classes.get(m["event_class"], frozenset())
        words = lemmas.get(m["lemma"], frozenset())
        # an address (a TV address, a government statement) is an occasion, not a speech act
        speech = "speech" in traits and "address" not in words
        # the storming of a parliament is a protest, but an occasion of its own, not the
        # protest of every Saturday
        daily = "daily" in traits and "occasion" not in words
        if source == "publication":
            # news of the days before; what someone said, of that day or the day before (the
            # remarks of the weekend and those of Monday are two statements)
            low -= 1 if speech else (DAILY_DAYS if daily else REPORT_DAYS)
        persons = frozenset(n for n in m["actor_ids"] if n.startswith("per:"))
        named = frozenset(n for n in m["actor_ids"] if n.startswith(("per:", "org:")))
        items.append(_Mention(i, families[m["event_class"]], m["lemma"], m["article_id"],
                              frozenset(m["actor_ids"] + m["place_ids"]), persons, named,
                              "generic" in traits and "occasion" not in words,
                              speech, low, high,
                              source, m["modality"] == "planned", published[i], vector,
                              happened=m["modality"] in ("asserted", "reported"),
                              within=within, daily=daily,
                              recurring="recurring" in traits,
                              personal="personal" in words,
                              definite=_definite(m), plan_days=plan_days))
    return items


#: A definite article or demonstrative (or a preposition with one) before a trigger, with at
#: most two lower-case words (adjectives) between: ``der Ausbruch``, ``beim jüngsten Gipfel``.
_DEFINITE = re.compile(r"(?<![\w-])(?:[Dd](?:er|ie|as|em|en|es)|[Dd]ies(?:e[mnrs]?)?|[Bb]eim|"
                       r"[Vv]om|[Zz]um|[Zz]ur|[Ii]m|[Aa]m)\s+(?:[a-zäöüß][\w-]*\s+){0,2}$")


def _definite(m: dict) -> bool:
    """Whether a mention's trigger follows a definite article (:data:`_DEFINITE`)."""
    if "sentence_start" not in m:
        return False
    before = m["sentence"][:max(0, m["start"] - m["sentence_start"])]
    return bool(_DEFINITE.search(before[-60:]))


def _days(values: list) -> list[int]:
    """Days since 1970-01-01; a missing day, or one pandas cannot hold, counts as far away."""
    series = pd.Series([v if isinstance(v, pd.Timestamp) and 1678 <= v.year <= 2261 else pd.NaT
                        for v in values], dtype="datetime64[ns]")
    days = series.to_numpy().astype("datetime64[D]").astype(np.int64)
    return np.where(series.isna().to_numpy(), -10**7, days).tolist()


def _keys(m: _Mention) -> list[tuple]:
    return [(m.family, "lemma", m.lemma)] + [(m.family, "name", n) for n in sorted(m.names)]


class _Index:
    """Events per key (family and lemma, or family and name), sorted by their first day."""

    def __init__(self) -> None:
        self.keys: dict[tuple, list[tuple[int, int]]] = defaultdict(list)

    def add(self, key: tuple, day: int, number: int) -> None:
        entry = (day, number)
        entries = self.keys[key]
        if entry not in entries[max(0, bisect.bisect_left(entries, entry) - 1):
                                bisect.bisect_left(entries, entry) + 1]:
            bisect.insort(entries, entry)

    def near(self, key: tuple, low: int, high: int, center: int) -> list[int]:
        """The :data:`NEAREST` events of ``key`` whose first day is nearest to ``center``
        among those of ``[low - 400, high + 40]``."""
        entries = self.keys.get(key)
        if not entries:
            return []
        first = bisect.bisect_left(entries, (low - 400, -1))
        last = bisect.bisect_right(entries, (high + 40, 1 << 62))
        window = entries[first:last]
        if len(window) > NEAREST:
            middle = bisect.bisect_left(window, (center, -1))
            window = window[max(0, middle - NEAREST // 2):middle + NEAREST // 2]
        return [number for _, number in window]


def _place(m: _Mention, events: list[_Event], index: _Index, weight: dict[str, float], *,
           dated: bool,
           create: bool = True, own: set = frozenset()) -> int:
    """The event ``m`` joins (added to it), or a new one when ``create``; -1 when none.
    ``own``: events of the mention's own article, looked at whatever their size."""
    seen, best, best_score = set(), -1, 0.0
    low, high = (m.low, m.high) if dated else (m.published - UNDATED_BACK_DAYS,
                                               m.published + PLANNED_AHEAD_DAYS)
    center = (m.low + m.high) // 2 if dated else m.published
    candidates = [number for key in _keys(m) for number in index.near(key, low, high, center)]
    for number in sorted(own) + candidates:
        if number in seen:
            continue
        seen.add(number)
        event = events[number]
        if not dated and len(event.members) < UNDATED_MIN_MEMBERS and number not in own:
            continue
        if not _compatible(m, event, dated=dated):
            continue
        score = _accept(m, event, weight, dated=dated)
        if score > best_score:
            best, best_score = number, score
    if best < 0:
        if not (dated and create):
            return -1
        best = _new(events, m.family, m.generic)
    _add(events[best], m)
    span = events[best].span()
    for key in _keys(m):
        index.add(key, span[0] if span else m.low, best)
    return best


#: A retrospective reference (``nach dem Corona-Ausbruch bei Tönnies``, ``seit dem Sturm auf
#: das Kapitol``) may refer to an event this many days before its article at most: a year (a
#: political scandal is recalled for months and at its anniversary: ``Auch ein Jahr nach der
#: AfD-gestützten Wahl von Thomas Kemmerich``).
RECALL_DAYS = 366
#: Words of the generic classes that name what happens to a person once (``grouping =
#: personal``: a death): a later report recalls the event through that person (a rare one), as
#: ``die verstorbene Richterin Ruth Bader Ginsburg`` the death. Classes of events that recur
#: between the same names (``grouping = recurring``: meetings, calls, talks): a later reference
#: names one of many, and recalls none.
#: ... to an event reported by at least this many articles (a well-known one), through one of
#: its this many most frequent names.
RECALL_MIN_ARTICLES, RECALL_NAMES = 2, 3
#: A common name of a person (the president, not the victim; not a place, nor an organisation:
#: a party stands in every election, a government decides every week) recalls an event only
#: when it is the event's most frequent person (its place may be named more often: the
#: Capitol) and the event is reported by at least this many articles: ``seit Bidens
#: Amtsantritt`` weeks later is the inauguration, one well-known occasion of that person. Not
#: for acts that recur every few days (``daily``: the demonstrations of one movement, week
#: after week).
RECALL_WELL_KNOWN = 10


def _recall(m: _Mention, events: list[_Event], index: _Index, weight: dict[str, float]) -> int:
    """The event an undated mention refers back to, or -1: a retrospective reference names the
    event by its word and a rare name (``der Ausbruch bei Tönnies``, ``die Wahl Kemmerichs``,
    ``der Sturm auf das Kapitol``), often weeks or months later and among other names (the
    minister commenting on it), so neither the nearness in time nor the other persons of
    :func:`_accept` apply. It joins the event of the same family and lemma one of whose
    :data:`RECALL_NAMES` most frequent names it shares, a name of rarity weight (``weight``,
    measured on the corpus itself, :func:`_name_weights`) :data:`UNDATED_RARE` at least, when
    the mention reports it as happened (not planned, hypothetical or negated) and its word
    names an occasion (not a kind of act that recurs: the ``generic`` classes, a decision of a
    court, but for a death through its rare person, a ``personal`` word; nor the talks of
    ``recurring`` classes, the weekly conference of a government),
    that happened before the article was published (up to :data:`RECALL_DAYS` before) and is
    reported by
    :data:`RECALL_MIN_ARTICLES` articles; of several, the most reported (then the latest)."""
    if not m.happened or m.recurring or not m.names or (m.generic and not m.personal):
        return -1
    names = {n for n in m.names if not m.generic or n in m.persons}
    rare = {n for n in names if weight.get(n, 0.0) >= UNDATED_RARE}
    best, best_key = -1, None
    for n in sorted(names):
        for number in index.near((m.family, "name", n), m.published - RECALL_DAYS, m.published,
                                 m.published):
            event = events[number]
            span = event.span()
            if span is None or event.family != m.family or not event.lemmas[m.lemma] \
                    or (m.within is not None and not _overlap(m.within, span)) \
                    or len(event.articles) < RECALL_MIN_ARTICLES \
                    or not (m.published - RECALL_DAYS <= span[0]
                            and span[1] <= m.published + SLACK_DAYS) \
                    or n not in {name for name, _ in _strongest(event.names, RECALL_NAMES)}:
                continue
            if n not in rare and (m.daily or n not in m.named or not n.startswith("per:")
                                  or len(event.articles) < RECALL_WELL_KNOWN
                                  or _strongest(event.persons, 1)[0][0] != n):
                continue  # a common name recalls only the well-known event of that person
            key = (len(event.articles), span[0], -number)
            if best_key is None or key > best_key:
                best, best_key = number, key
    if best >= 0:
        m.recalled = True
        _add(events[best], m)
    return best


#: An article's context: the names it mentions most, this many at most, each at least
#: :data:`CONTEXT_MIN` times (:func:`article_context`).
CONTEXT_NAMES, CONTEXT_MIN = 3, 2
#: A nameless follow-up report joins an event dated this many days before its publication at
#: most (:func:`_follow_up`).
FOLLOW_UP_DAYS = 10
#: ... reported by this many other articles at least, this many of whose most frequent names
#: the article's context names.
FOLLOW_UP_ARTICLES, FOLLOW_UP_SHARED = 3, 2


def article_context(names) -> dict[str, tuple]:
    """The :data:`CONTEXT_NAMES` names (entity ids) each article mentions most, each
    mentioned :data:`CONTEXT_MIN` times at least, most first (ties: the first mentioned);
    ``names``: ``(article_id, entity_id)`` pairs in text order."""
    counts: dict[str, Counter] = defaultdict(Counter)
    first: dict[str, dict] = defaultdict(dict)
    for article, name in names:
        if not isinstance(name, str) or not name:
            continue
        counts[article][name] += 1
        first[article].setdefault(name, len(first[article]))
    return {article: tuple(n for n in sorted(c, key=lambda n: (-c[n], first[article][n]))
                           if c[n] >= CONTEXT_MIN)[:CONTEXT_NAMES]
            for article, c in counts.items()}


def _follow_ups(items: list[_Mention], assigned: list[int], context: dict[str, tuple]
                ) -> list[int]:
    """The last step, once every event has its members and date: each undated mention that
    names no actor or place and is left in an event of its own article alone joins the event
    its article's context gives (:func:`_follow_up`), if any. The events are read as they are
    before any such join (the order of the mentions does not matter), and a join changes no
    other mention's event nor any event's date."""
    articles: dict[int, set] = defaultdict(set)
    for m in items:
        articles[assigned[m.i]].add(m.article)
    nameless = [m for m in items if m.source == "none" and not m.names and m.definite
                and articles[assigned[m.i]] == {m.article}]
    if not nameless:
        return assigned
    events = _rebuild(items, assigned)
    index = _reindex(events, items, assigned)
    result = list(assigned)
    for m in nameless:
        found = _follow_up(m, events, index, context.get(m.article, ()))
        if found >= 0:
            result[m.i] = found
    return result


def _follow_up(m: _Mention, events: list[_Event], index: _Index, context: tuple) -> int:
    """The event a nameless follow-up report joins, or -1: a mention whose sentence names no
    actor or place but refers to an occasion the reader knows (``der Ausbruch``, ``die
    Beschlüsse``, ``bei dieser Wahl``: :func:`_definite`), reported as happened, takes its
    article's context (the names it mentions most) to join an event of its family and word
    already reported by :data:`FOLLOW_UP_ARTICLES` other articles, dated within the
    :data:`FOLLOW_UP_DAYS` days before the article's publication, that :data:`FOLLOW_UP_SHARED`
    of the context's names are among the :data:`RECALL_NAMES` most frequent names of (a person
    or an organisation among them for the generic classes: a decision of someone else is
    another). It never starts or dates an event (an undated mention adds no date). Of several,
    the most reported (then the latest)."""
    if m.names or len(context) < FOLLOW_UP_SHARED or not m.happened or m.planned:
        return -1
    best, best_key = -1, None
    seen = set()
    for n in context:
        for number in index.near((m.family, "name", n), m.published - FOLLOW_UP_DAYS,
                                 m.published, m.published):
            if number in seen:
                continue
            seen.add(number)
            event = events[number]
            span = event.span()
            if span is None or event.family != m.family or not event.lemmas[m.lemma] \
                    or len(event.articles - {m.article}) < FOLLOW_UP_ARTICLES \
                    or (m.within is not None and not _overlap(m.within, span)) \
                    or not (m.published - FOLLOW_UP_DAYS <= span[0]
                            and span[1] <= m.published):
                continue
            shared = set(context) & {name for name, _ in _strongest(event.names, RECALL_NAMES)}
            if len(shared) < FOLLOW_UP_SHARED or (
                    m.generic and not any(n.startswith(("per:", "org:")) for n in shared)):
                continue
            key = (len(event.articles), span[0], -number)
            if best_key is None or key > best_key:
                best, best_key = number, key
    return best


def _new(events: list[_Event], family: str, generic: bool = False) -> int:
    events.append(_Event(len(events), family, generic=generic))
    return len(events) - 1


def _compatible(m: _Mention, event: _Event, *, dated: bool) -> bool:
    span = event.span()
    if span is None:
        return False
    if dated and m.planned:
        return _plan_fits(m.low, m.high, event)
    if dated and _only_planned(event) and m.source == "timex":
        return _nested((m.low, m.high), span)  # what happened on the plan's days
    if dated:
        # what was said, by the report's day: that day or the day before, no slack; what was
        # said on days of its own is no part of an act of other days (the remarks of last week
        # and the summit of this one), nor the reverse
        slack = 0 if (m.speech and m.source == "publication") or \
            (m.source == "timex" and m.speech != _spoken(event)) else SLACK_DAYS
        return m.low - slack <= span[1] and span[0] <= m.high + slack
    if m.within is not None and not _overlap(m.within, span):
        return False  # its own year or season excludes the event's days
    if m.plan_days:  # an old plan: an occasion of its days, however long before its report
        return span[1] <= m.published and m.published - RECALL_DAYS <= span[0]
    if m.planned:
        return m.published - SLACK_DAYS <= span[1] and span[0] <= m.published + \
            PLANNED_AHEAD_DAYS
    return m.published - UNDATED_BACK_DAYS <= span[1] and span[0] <= m.published + SLACK_DAYS


def _plan_fits(low: int, high: int, event: _Event) -> bool:
    """Whether a plan for the days ``[low, high]`` is one of ``event``: the event's day (of its
    reports, else of its plans) or its coarse dates lie within them, or they within its coarse
    dates (``in wenigen Tagen``, 7-14 August, is no plan of the summit of mid-August, 11-20;
    ``am Freitag`` is one of the call of that week); an event known from its reports'
    publication days only need overlap them."""
    span = event.span()
    if span is None:
        return False
    if not event.day_votes and event.first_publication is not None:
        return low <= span[1] and span[0] <= high
    return _nested((low, high), span)


def _nested(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether one of the day intervals ``a``, ``b`` lies within the other."""
    return (b[0] <= a[0] and a[1] <= b[1]) or (a[0] <= b[0] and b[1] <= a[1])


def _accept(m: _Mention, event: _Event, weight: dict[str, float], *, dated: bool) -> float:
    """A score > 0 when the mention belongs to ``event``, else 0."""
    same_article = m.article in event.articles
    if (m.generic or event.generic) and not any(event.named[n] for n in m.named) \
            and not (same_article and dated):
        return 0.0  # a criticism, a demand, a decision of someone else: another event
    common = [n for n in m.names if event.names[n] > 0]
    shared = len(common)
    same_lemma = event.lemmas[m.lemma] > 0
    sim = _cosine(m.vector, event)
    other_people = bool(m.persons) and bool(event.persons) and \
        not any(event.persons[p] for p in m.persons)
    if other_people and sim < 0.5:
        return 0.0
    if m.speech and _spoken(event) and not same_article and sim < SPEECH_SIM:
        return 0.0  # the same person saying something else (on another day): another event
    if dated:
        ok = (same_lemma and (shared >= 1 or sim >= 0.12 or same_article)) \
            or (shared >= 1 and sim >= 0.25) or sim >= 0.4
    else:
        # A large event's centroid is long, so its cosine with one sentence stays small: the
        # same word and a shared name are enough (the best such event of 90 days is taken).
        span = event.span()
        # near in time: published in the days after it, or an old plan for its very days
        near = span[0] - SLACK_DAYS <= m.published <= span[1] + NEAR_DAYS or m.plan_days
        linked = _rare(common, weight) >= UNDATED_RARE or (near and shared >= 1)
        ok = (same_lemma and (same_article or linked or sim >= 0.25)) \
            or (shared >= 2 and sim >= 0.25)
    if not ok:
        return 0.0
    return sim + 0.2 * min(shared, 3) + 0.3 * same_lemma + 0.3 * same_article + 1e-6


def _add(event: _Event, m: _Mention) -> None:
    _changed(event)
    event.members.append(m.i)
    event.lemmas[m.lemma] += 1
    event.speech += m.speech
    event.planned += m.planned
    for n in m.names:
        event.names[n] += 1
    for p in m.persons:
        event.persons[p] += 1
    for n in m.named:
        event.named[n] += 1
    new_article = m.article not in event.articles
    event.articles.add(m.article)
    if m.source == "timex" and m.low == m.high:
        if new_article:
            (event.plan_votes if m.planned else event.day_votes)[m.low] += 1
    elif m.source == "publication":
        day = m.high
        if event.first_publication is None or day < event.first_publication:
            event.first_publication = day
    elif m.source == "timex" and (event.coarse is None
                                  or m.high - m.low < event.coarse[1] - event.coarse[0]):
        event.coarse = (m.low, m.high)  # the narrowest: Mitte August, not im August
    if m.source == "timex" and 0 < m.high - m.low <= 10:
        event.weeks.add((m.low, m.high))
    for term, weight in m.vector.items():
        event.centroid[term] += weight
    if len(event.centroid) > 200:
        event.centroid = Counter(dict(_strongest(event.centroid, 100)))


def _merge(events: list[_Event], assigned: list[int], weight: dict) -> list[int]:
    """Join events of one family that met on the same day and report the same thing."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    wide: list[_Event] = []
    for event in events:
        span = event.span()
        if span is not None and span[1] - span[0] <= 7:
            days = set(range(span[0] - MERGE_SLACK, span[1] + MERGE_SLACK + 1))
            if span == event.coarse:
                # dated by weeks only: by each of them (the one of its report and the one
                # of the act it tells of)
                for low, high in event.weeks:
                    days.update(range(low - MERGE_SLACK, high + MERGE_SLACK + 1))
            for day in sorted(days):
                blocks[(event.family, day)].append(event.number)
        elif span is not None and span[1] - span[0] <= 31:
            wide.append(event)
    parent = list(range(len(events)))
    for key in sorted(blocks):
        # The largest events first: each is compared with the NEAREST next largest, so two
        # big halves of one event meet however crowded the day is.
        numbers = sorted(blocks[key], key=lambda n: (-len(events[n].articles), n))
        for k, a in enumerate(numbers):
            for b in numbers[k + 1:k + 1 + NEAREST]:
                ra, rb = _root(parent, a), _root(parent, b)
                if ra != rb and _same(events[a], events[b], weight):
                    parent[max(ra, rb)] = min(ra, rb)
    # An event dated to weeks or a month only (im Juni) joins the largest day-dated event of
    # its days with its word and main name, and only that one: it never links two of them
    # (two Bund-Länder rounds of one November stay apart); an act of that month never joins
    # what someone said in it, nor a plan outside its days.
    for event in wide:
        span, best, best_size = event.span(), -1, 0
        seen = set()
        for day in range(span[0], span[1] + 1):
            for number in blocks.get((event.family, day), [])[:NEAREST]:
                root = _root(parent, number)
                if root in seen:
                    continue
                seen.add(root)
                other = events[number]
                if _coarse_same(event, other, weight) and _apart_ok(event, other) \
                        and _spoken(event) == _spoken(other) and \
                        len(events[root].articles) > best_size:
                    best, best_size = root, len(events[root].articles)
        if best >= 0:
            parent[event.number] = best
    for event in events:
        root = _root(parent, event.number)
        if root != event.number:
            target = events[root]
            _changed(target)
            target.members += event.members
            target.lemmas.update(event.lemmas)
            target.names.update(event.names)
            target.persons.update(event.persons)
            target.named.update(event.named)
            target.generic = target.generic or event.generic
            target.speech += event.speech
            target.planned += event.planned
            target.articles |= event.articles
            target.weeks |= event.weeks
            target.day_votes.update(event.day_votes)
            target.plan_votes.update(event.plan_votes)
            target.centroid.update(event.centroid)
            if event.first_publication is not None and (
                    target.first_publication is None
                    or event.first_publication < target.first_publication):
                target.first_publication = event.first_publication
            event.members = []
    return [_root(parent, number) if number >= 0 else -1 for number in assigned]


def _strongest(counter: Counter, n: int) -> list[tuple]:
    """The ``n`` largest items of ``counter``, ties by key: unlike ``most_common``, which keeps
    insertion order on ties, independent of the order of sets of names (string hashes vary
    from process to process) and so the same in every run."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def _main_names(event: _Event) -> frozenset[str]:
    """An event's two most frequent names (ties by id; kept until the event changes)."""
    if event.main is None:
        event.main = frozenset(name for name, _ in _strongest(event.names, 2))
    return event.main


def _coarse_same(a: _Event, b: _Event, weight: dict) -> bool:
    """Whether an event dated to weeks or a month (``a``) reports ``b``, dated to a week or
    more precisely: ``b`` dated to a day with the same word and main name, or a rare name of
    both (its weight 1: the place of the summit, not the chancellor); a shared named actor
    for generic classes."""
    if (a.generic or b.generic) and not set(a.named) & set(b.named):
        return False
    main_a, main_b = _main_names(a), _main_names(b)
    if b.day_votes and set(a.lemmas) & set(b.lemmas) and main_a & main_b:
        return True
    return any(weight.get(n, 1.0) >= 1.0 for n in set(a.names) & set(b.names))


def _same_person(a: _Event, b: _Event) -> bool:
    """Whether the main person of one event is named by part of the name of the other's
    (``per:christo`` and ``per:christo_vladimirow_javacheff``: one person the linker gave two
    ids), the events sharing a name too (the place, a party)."""
    if not set(a.names) & set(b.names):
        return False
    main_a = [n for n in _main_names(a) if n.startswith("per:")]
    main_b = [n for n in _main_names(b) if n.startswith("per:")]
    for x in main_a:
        for y in main_b:
            short, long_ = sorted((x[4:].split("_"), y[4:].split("_")), key=len)
            if len(short) < len(long_) and set(short) <= set(long_):
                return True
    return False


def _spoken(event: _Event) -> bool:
    """Whether most of an event's mentions are speech acts (``speech`` classes)."""
    return 2 * event.speech > len(event.members)


def _same(a: _Event, b: _Event, weight: dict) -> bool:
    if (a.generic or b.generic) and not set(a.named) & set(b.named) \
            and not _same_person(a, b):
        return False
    if not _apart_ok(a, b):
        return False
    main_a, main_b = _main_names(a), _main_names(b)
    same_lemma = bool(set(a.lemmas) & set(b.lemmas))
    sim = _centroid_cosine(a, b)
    # One occasion, one event: what an article reports of one day and one named actor in
    # words of one family (the call, what was said in it) is one event.
    if a.articles & b.articles and set(a.named) & set(b.named) and _same_day(a, b):
        return True
    if (_spoken(a) or _spoken(b)) and sim < SPEECH_SIM:
        return False  # what one person said on one day in two articles, in other words
    if _spoken(a) and _spoken(b) and not _overlap(a.span(), b.span()):
        return False  # what one person said on two days (the weekend, then on Monday)
    # Same family, same day (the block), same word: a shared main name is enough. In other
    # words (Erstürmung, Gegenprotest): the same two main names, one of them rare (the
    # Capitol, not the president alone).
    return (same_lemma and bool(main_a & main_b)) or \
        (same_lemma and not (main_a and main_b) and sim >= 0.05) or \
        (same_lemma and sim >= 0.3) or sim >= 0.5 or \
        (len(main_a) == 2 and main_a == main_b
         and any(weight.get(n, 1.0) >= UNDATED_RARE for n in main_a))


def _only_planned(event: _Event) -> bool:
    return event.planned == len(event.members)


def _apart_ok(a: _Event, b: _Event) -> bool:
    """False when ``a`` and ``b`` must stay apart whatever their words: what was said and an act
    dated apart (no slack), or a plan and what happened outside its days."""
    if _spoken(a) != _spoken(b) and not _overlap(a.span(), b.span()):
        return False
    if _only_planned(a) != _only_planned(b):
        plan, other = (a, b) if _only_planned(a) else (b, a)
        span = plan.span()
        return _plan_fits(span[0], span[1], other)
    return True


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _same_day(a: _Event, b: _Event) -> bool:
    """Whether both events are dated to one day (within :data:`SLACK_DAYS`) by their timexes."""
    if not (a.day_votes and b.day_votes):
        return False
    return abs(a.span()[0] - b.span()[0]) <= SLACK_DAYS


def _root(parent: list[int], k: int) -> int:
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k


def _reindex(events: list[_Event], items: list[_Mention], assigned: list[int]) -> _Index:
    """The index of the events after merging, each under the keys of its mentions."""
    index = _Index()
    for m in items:
        number = assigned[m.i]
        if number >= 0:
            span = events[number].span()
            for key in _keys(m):
                index.add(key, span[0] if span else m.low, number)
    return index


def _cosine(vector: dict, event: _Event) -> float:
    """The cosine of a unit-length mention vector with the event's centroid."""
    centroid = event.centroid
    if not vector or not centroid:
        return 0.0
    dot = 0.0  # the terms the centroid lacks add nothing (weights are positive)
    for term, weight in vector.items():
        other = centroid.get(term)
        if other:
            dot += weight * other
    if dot == 0.0:
        return 0.0
    return dot / math.sqrt(_squares(event))


def _squares(event: _Event) -> float:
    """The sum of squares of the event's centroid (kept until the event changes)."""
    if event.squares is None:
        event.squares = sum(w * w for w in event.centroid.values())
    return event.squares


def _changed(event: _Event) -> None:
    """Forget what was computed from the event's mentions (its span, centroid length, names)."""
    event.cached = event.squares = event.main = None


def _centroid_cosine(a: _Event, b: _Event) -> float:
    if len(a.centroid) > len(b.centroid):
        a, b = b, a
    other = b.centroid
    dot = sum(w * other.get(t, 0.0) for t, w in a.centroid.items())
    if dot == 0.0:
        return 0.0
    return dot / math.sqrt(_squares(a) * _squares(b))


def _vectors(mentions: list[dict], titles: dict[str, str]) -> list[dict]:
    """TF-IDF vectors (unit length, the strongest :data:`_TERMS` terms) of each mention's
    sentence with its article's title; document frequencies over the mentions' sentences."""
    tokens = [_tokens(m["sentence"]) + _tokens(titles.get(m["article_id"], ""))
              for m in mentions]
    df = Counter(t for words in tokens for t in set(words))
    n = max(len(tokens), 1)
    vectors = []
    for words in tokens:
        tf = Counter(words)
        weights = {t: c * math.log(n / df[t]) for t, c in tf.items() if df[t] < n}
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        vectors.append({t: w / norm for t, w in top})
    return vectors


def _tokens(text: str) -> list[str]:
    return [w for w in (x.lower() for x in _WORD.findall(text or "")) if w not in _STOP]
