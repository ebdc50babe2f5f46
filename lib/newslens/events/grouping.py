"""Grouping event mentions into events: one event for all its reports, across articles.

An online clustering in date order (as news event detection does it), bounded by blocking:

1. Dated mentions are taken in order of their date. Each looks for candidate events only
   among those of its class family (``event_classes.csv``: an attack and the deaths it caused
   are one happening) that share its trigger lemma (``Wahlnacht`` ~ ``US-Wahl`` ~
   ``Präsidentschaftswahl``: lemma ``Wahl``) or one of its actors or places, via an inverted
   index that keeps the :data:`RECENT` latest events per key: no comparison of all pairs.
2. A candidate must be compatible in time: its anchor day (the most reported day of its
   timex-dated mentions, else its first publication-dated day) lies in the mention's interval,
   widened by :data:`SLACK_DAYS`; a publication-dated mention may report an event of the
   :data:`REPORT_DAYS` days before. Two meetings of the same actors a month apart stay apart.
3. Among compatible candidates the mention joins the most similar one when the evidence is
   enough: TF-IDF cosine of the mention's sentence (and its article's title) with the event's
   centroid, shared actors and places, the same lemma, the same article (see :func:`_accept`).
   Otherwise it starts an event of its own.
4. Undated mentions then join the most similar dated event reported around their article's
   publication (stricter thresholds), else stay events of their own per article and lemma.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd

SLACK_DAYS = 1
REPORT_DAYS = 4
#: How far back an undated report may refer (days before its article's publication).
UNDATED_BACK_DAYS = 45
RECENT = 40
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
class _Event:
    number: int
    family: str
    anchor_votes: Counter = field(default_factory=Counter)
    first_publication: pd.Timestamp | None = None
    lemmas: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    articles: set = field(default_factory=set)
    centroid: Counter = field(default_factory=Counter)
    members: list = field(default_factory=list)

    def anchor(self) -> pd.Timestamp | None:
        if self.anchor_votes:
            return min(self.anchor_votes, key=lambda d: (-self.anchor_votes[d], d))
        return self.first_publication


def group(mentions: list[dict], families: dict[str, str], titles: dict[str, str]) -> list[int]:
    """The event number of every mention (same order as ``mentions``)."""
    vectors = _vectors(mentions, titles)
    events: list[_Event] = []
    index: dict[tuple, list[int]] = defaultdict(list)
    assigned = [-1] * len(mentions)
    dated = sorted((i for i, m in enumerate(mentions) if m["date_source"] != "none"),
                   key=lambda i: (mentions[i]["start_date"], mentions[i]["article_id"],
                                  mentions[i]["start"]))
    undated = sorted((i for i, m in enumerate(mentions) if m["date_source"] == "none"),
                     key=lambda i: (mentions[i]["published"], mentions[i]["article_id"],
                                    mentions[i]["start"]))
    for i in dated:
        assigned[i] = _place(i, mentions[i], vectors[i], families, events, index, dated=True)
    leftovers: dict[tuple, int] = {}
    for i in undated:
        m = mentions[i]
        found = _place(i, m, vectors[i], families, events, index, dated=False)
        if found >= 0:
            assigned[i] = found
            continue
        key = (m["article_id"], families[m["event_class"]], m["lemma"])
        if key not in leftovers:
            leftovers[key] = _new(events, families[m["event_class"]])
        assigned[i] = leftovers[key]
        _add(events[assigned[i]], i, m, vectors[i])
    return assigned


def _place(i: int, m: dict, vector: dict, families: dict, events: list[_Event],
           index: dict, *, dated: bool) -> int:
    family = families[m["event_class"]]
    keys = [(family, "lemma", m["lemma"])] + [(family, "name", n)
                                              for n in m["actor_ids"] + m["place_ids"]]
    seen, best, best_score = set(), -1, 0.0
    for key in keys:
        for number in index.get(key, [])[-RECENT:]:
            if number in seen:
                continue
            seen.add(number)
            event = events[number]
            if not _compatible(m, event, dated=dated):
                continue
            score = _accept(m, vector, event, dated=dated)
            if score > best_score or (score == best_score and score > 0 and number < best):
                best, best_score = number, score
    if best < 0:
        if not dated:
            return -1
        best = _new(events, family)
    _add(events[best], i, m, vector)
    for key in keys:
        if not index[key] or index[key][-1] != best:
            if best in index[key][-RECENT:]:
                index[key].remove(best)
            index[key].append(best)
    return best


def _new(events: list[_Event], family: str) -> int:
    events.append(_Event(len(events), family))
    return len(events) - 1


def _compatible(m: dict, event: _Event, *, dated: bool) -> bool:
    anchor = event.anchor()
    if anchor is None:
        return False
    published = pd.Timestamp(m["published"]).normalize()
    slack = pd.Timedelta(days=SLACK_DAYS)
    if not dated:
        if m["modality"] == "planned":
            return published - slack <= anchor <= published + pd.Timedelta(days=120)
        return published - pd.Timedelta(days=UNDATED_BACK_DAYS) <= anchor <= published + slack
    low, high = m["start_date"], m["end_date"]
    if m["date_source"] == "publication":
        low = low - pd.Timedelta(days=REPORT_DAYS)
    return low - slack <= anchor <= high + slack


def _accept(m: dict, vector: dict, event: _Event, *, dated: bool) -> float:
    """A score > 0 when the mention belongs to ``event``, else 0."""
    names = set(m["actor_ids"] + m["place_ids"])
    shared = sum(1 for n in names if event.names[n] > 0)
    same_lemma = event.lemmas[m["lemma"]] > 0
    same_article = m["article_id"] in event.articles
    sim = _cosine(vector, event.centroid)
    if same_article and same_lemma:
        ok = True
    elif dated:
        ok = (same_lemma and (shared >= 1 or sim >= 0.15)) or (shared >= 1 and sim >= 0.2) \
            or sim >= 0.35
    else:
        ok = (same_lemma and shared >= 1 and sim >= 0.15) or (same_lemma and sim >= 0.3) \
            or (shared >= 2 and sim >= 0.25)
    if not ok:
        return 0.0
    return sim + 0.2 * min(shared, 3) + 0.3 * same_lemma + 0.3 * same_article + 1e-6


def _add(event: _Event, i: int, m: dict, vector: dict) -> None:
    event.members.append(i)
    event.lemmas[m["lemma"]] += 1
    for n in set(m["actor_ids"] + m["place_ids"]):
        event.names[n] += 1
    if m["article_id"] not in event.articles:
        event.articles.add(m["article_id"])
        if m["date_source"] == "timex" and m["granularity"] in ("day", "weekend"):
            event.anchor_votes[m["start_date"]] += 1
        elif m["date_source"] == "publication":
            day = m["start_date"]
            if event.first_publication is None or day < event.first_publication:
                event.first_publication = day
        if not event.anchor_votes and event.first_publication is None \
                and m["date_source"] == "timex":
            event.first_publication = m["start_date"]  # a coarse date anchors its start
    for term, weight in vector.items():
        event.centroid[term] += weight
    if len(event.centroid) > 200:
        event.centroid = Counter(dict(event.centroid.most_common(100)))


def _cosine(vector: dict, centroid: Counter) -> float:
    if not vector or not centroid:
        return 0.0
    dot = sum(weight * centroid.get(term, 0.0) for term, weight in vector.items())
    if dot == 0.0:
        return 0.0
    return dot / math.sqrt(sum(w * w for w in centroid.values()))


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
