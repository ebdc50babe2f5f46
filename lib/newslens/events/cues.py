"""Cue words for modality, tense and background reading (``data/event_cues.csv``).

One row per cue list: ``cue`` (alternatives of whole words, case-insensitive), ``kind`` and
``scope``. Kinds: ``negated``, ``hypothetical``, ``planned``, ``reported`` (modalities), ``past``
(auxiliaries of past and perfect tense), ``background`` (a preposition that makes the event a
reference point of another report: ``nach dem Anschlag``, ``seit der Wahl``) and
``preposition`` (any preposition: a noun in a prepositional phrase is not the news of the
day, so it never takes the publication day) and ``count`` (a number or a count noun: deaths
and infections counted by the hundred are a statistic, not an event) and ``happening`` (a verb
saying that a noun trigger took place) and ``change`` (a verb or noun of change that makes a
state an event: ``ein Lockdown wurde verhängt``, ``Sanktionen beschlossen``) and
``anniversary`` (a commemoration: ``zum Jahrestag der Morde am 19. Februar`` dates the
remembrance, not the event) and ``remote`` (a time far from the day of the report: ``damals``,
``vor Jahren``, ``kurz darauf``: the sentence tells a story, not the news of the day) and
``present`` (present-tense verbs saying a noun trigger happens: ``bricht aus``, ``meldet ... an``;
read only in an article's lead) and ``during`` (a preposition of simultaneity: ``während des
Gipfels``, ``beim Treffen``: what else the sentence tells happened at that noun's time) and
``digest`` (words of an article's title that make it a news digest, ``Nachrichten am Morgen -
die Übersicht für Eilige``: a list of the day's news, each item told as a lead tells it) and
``request`` (an application: ``Antrag auf Zulassung``, ``beantragt``: an approval word in its
clause names what was applied for). Scopes:
``near`` (five words before the trigger), ``before`` (the words just before the trigger's phrase),
``clause`` (the trigger's clause), ``sentence``, ``title`` (the article's title).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

from newslens import config

CUES_FILE = "event_cues.csv"
KINDS = ("negated", "hypothetical", "planned", "reported", "past", "background", "preposition",
         "count", "happening", "change", "anniversary", "remote", "present", "during",
         "digest", "request")
#: Modality of a mention, strongest first: the first whose cue is present wins.
MODALITIES = ("negated", "hypothetical", "planned", "reported", "asserted")
#: Clause boundaries: punctuation and spaced dashes (not brackets: ``schrieb Wadephul (CDU) am
#: Dienstag`` is one clause).
CLAUSE_BREAK = re.compile(r"[,;:?!]|\s[-–—]\s|[–—]")
#: A participle-like word (gewählt, festgenommen, angekündigt, beschlossen, verabschiedet).
PARTICIPLE = re.compile(r"\b(?:\w{0,8}ge\w{2,}(?:t|en)|\w*(?:iert|ert|ent|nnt|sst|ßt))\b")
#: Infinitive-like word ending a future with wird/werden (wird ... stattfinden).
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Cues:
    negated_near: re.Pattern
    negated_clause: re.Pattern
    hypothetical: re.Pattern
    planned: re.Pattern
    reported: re.Pattern
    past: re.Pattern
    background: re.Pattern
    preposition: re.Pattern
    count: re.Pattern
    happening: re.Pattern
    change: re.Pattern
    anniversary: re.Pattern
    remote: re.Pattern
    present: re.Pattern
    during: re.Pattern
    digest: re.Pattern
    request: re.Pattern


@functools.cache
def cues() -> Cues:
    """The cue lists of ``data/event_cues.csv``, compiled once."""
    table = pd.read_csv(config.DATA_DIR / CUES_FILE, dtype=str, keep_default_na=False)
    found: dict[str, list[str]] = {}
    for number, row in enumerate(table.itertuples(index=False), start=2):
        if row.kind not in KINDS:
            raise ValueError(f"{CUES_FILE} line {number}: unknown kind {row.kind!r}")
        key = "negated_near" if (row.kind, row.scope) == ("negated", "near") else (
            "negated_clause" if row.kind == "negated" else row.kind)
        found.setdefault(key, []).append(row.cue)
    return Cues(**{key: re.compile(r"(?<!\w)(?:" + "|".join(found.get(key, ["(?!)"]))
                                   + r")(?!\w)", re.IGNORECASE)
                   for key in Cues.__dataclass_fields__})


def is_digest(title: str) -> bool:
    """The article is a news digest by its title (cues of kind ``digest``): every sentence of
    it may be an item's lead."""
    return bool(cues().digest.search(title))


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence ``text`` around ``[start, end)``."""
    left = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in CLAUSE_BREAK.finditer(text, end)), len(text))
    return left, right


def modality(text: str, start: int, end: int, clause: tuple[int, int], verb: bool) -> str:
    """asserted, negated, planned, hypothetical or reported: the cues around a trigger."""
    c = cues()
    left, right = clause
    word = text[start:end]
    text = text[:start] + " " * (end - start) + text[end:]  # the trigger is no cue of itself
    near = text[max(left, start - 45):start]
    if c.negated_near.search(near) and len(_WORD.findall(near)) <= 8:
        return "negated"
    if verb and c.negated_near.search(text, end, right):
        return "negated"
    in_clause = text[left:right]
    if c.negated_clause.search(in_clause):
        return "negated"
    # A finite past verb stands second in its clause: a subjunctive or a word of possibility
    # after it belongs to its object (deutete eine mögliche Gegenreaktion an, warnte vor
    # einem möglichen Lockdown), not to the act it reports.
    finite = verb and _finite_past(word)
    if c.hypothetical.search(text, left, start if finite else right):
        return "hypothetical"
    if c.planned.search(in_clause) and not _passive_or_perfect(in_clause):
        return "planned"
    if c.reported.search(text):
        return "reported"
    return "asserted"


def _finite_past(word: str) -> bool:
    """A verb in the simple past (``warnte``, ``deutete``, ``sprach``), not a participle."""
    low = word.lower()
    return low in _PRETERITE or (bool(_WEAK_PRETERITE.search(low))
                                 and not PARTICIPLE.fullmatch(low))


def _passive_or_perfect(clause: str) -> bool:
    """``wird ... beschlossen``, ``soll ... festgenommen worden sein``: a participle makes the
    future auxiliary a passive or a report (only ``geplant``-words stay plans)."""
    words = [w.lower() for w in _WORD.findall(clause)]
    if {"geplant", "geplante", "geplanten", "angekündigt", "angekündigte", "angekündigten",
        "plant", "planen", "kommende", "kommenden", "nächste", "nächsten"} & set(words):
        return False
    return "worden" in words or ("soll" in words and "haben" in words)


def _pluperfect(clause: str, words: set[str]) -> bool:
    """Whether a clause (its lower-cased ``words``) is in the pluperfect: ``hatte ...
    stattgefunden``, ``war ... gestorben``, an event told as before the news."""
    return bool(words & {"hatte", "hatten"}
                or (words & {"war", "waren"} and PARTICIPLE.search(clause)))


def is_past(text: str, clause: tuple[int, int], trigger: str, verb: bool) -> bool:
    """News in the past or perfect tense around the trigger: a verb trigger in a past form
    (``telefonierten``, ``festgenommen``, ``starb``), or a past auxiliary or a frequent past
    verb in its clause (``hat``, ``ist``, ``sind`` only with a participle), for a noun trigger
    only with a verb of happening (``happening`` cues: ``fand statt``, ``wurde``). The pluperfect
    (``hatte ... stattgefunden``) tells of an event before the news, and is not counted."""
    left, right = clause
    in_clause = text[left:right]
    words = {w.lower() for w in _WORD.findall(in_clause)}
    if _pluperfect(in_clause, words):
        return False
    low = trigger.lower()
    if verb and (low in _PRETERITE or (_WEAK_PRETERITE.search(low)
                                       and not PARTICIPLE.fullmatch(low))):
        return True
    if verb and PARTICIPLE.fullmatch(low):
        # a participle is past with a perfect or past auxiliary (hat gewählt, wurde gewählt),
        # not in the present passive (wird gewählt, muss genehmigt werden)
        return bool(words & _PERFECT_AUXILIARIES) and not (
            words & {"wird", "werden", "werde"} and "worden" not in words)
    if not verb and not cues().happening.search(in_clause):
        return False  # a noun needs a verb saying it happened (fand statt, wurde verhängt)
    for m in cues().past.finditer(in_clause):
        if m.group().lower() not in _PRESENT_AUXILIARIES or PARTICIPLE.search(in_clause):
            return True
    return False


#: A weak preterite ending (forderte, telefonierten, warnten, deutete), not an infinitive
#: (beraten, treten).
_WEAK_PRETERITE = re.compile(r"(?:[^aeiouäöü]|[dt]e)ten?$")
#: Auxiliaries that make a participle trigger past: perfect and past passive.
_PERFECT_AUXILIARIES = {"hat", "haben", "habe", "hätten", "ist", "sind", "sei", "seien",
                        "wurde", "wurden", "worden"}
#: Present-tense auxiliaries: past only together with a participle (hat ... gewählt).
_PRESENT_AUXILIARIES = {"hat", "haben", "ist", "sind", "habe", "sei", "seien"}
_PRETERITE = {"starb", "starben", "traf", "trafen", "beschloss", "entschied", "trat", "traten",
              "gewann", "gewannen", "einigten", "einigte", "berieten", "beriet", "lehnte",
              "lehnten", "stürmten", "stürmte", "brannte", "brannten", "schrieb", "schrieben",
              "sprach", "sprachen", "rief", "riefen", "wies", "wiesen", "bot", "boten",
              "bestritt", "bestritten", "warf", "warfen", "empfing", "empfingen", "verstarb",
              "verstarben", "brach", "brachen", "verlor", "verloren", "hob", "hoben"}


def is_lead_news(text: str, clause: tuple[int, int], trigger: str, verb: bool) -> bool:
    """The news of a lead in the present, perfect or simple past (``Hertz meldet Insolvenz
    an``, ``Der Minister tritt zurück``, ``In der Fabrik bricht ein Brand aus``): a verb
    trigger in any finite or participle form, a noun trigger with a verb of happening (past
    or ``present`` cues) in its clause; not the pluperfect (before the news), not a future or
    a present passive with ``wird`` (still to come), not a clause in the first or second
    person (an interview's, a commentary's voice)."""
    left, right = clause
    in_clause = text[left:right]
    words = {w.lower() for w in _WORD.findall(in_clause)}
    if _pluperfect(in_clause, words):
        return False
    if words & {"wird", "werden", "werde", "würde", "würden"} and "worden" not in words:
        return False
    if words & (_FIRST_SECOND_PERSON | _MODALS):
        return False
    if verb:
        return True
    return bool(cues().happening.search(in_clause) or cues().present.search(in_clause))


def has_modal(text: str, clause: tuple[int, int]) -> bool:
    """A modal verb in the clause (``gewinnen könne``, ``muss ... beschließen``): what it
    tells is possible, required or wanted, not news of the day."""
    return bool(_MODALS & {w.lower() for w in _WORD.findall(text, clause[0], clause[1])})


_MODALS = {"kann", "könne", "können", "könnte", "könnten", "muss", "müsse", "müssen", "darf",
           "dürfe", "dürfen", "soll", "solle", "sollen", "sollte", "sollten", "will", "wolle",
           "wollen", "möchte", "möchten"}
_FIRST_SECOND_PERSON = {"ich", "wir", "du", "mir", "mich", "uns", "unser", "unsere", "dich",
                        "dir"}


def is_background(text: str, start: int, clause: tuple[int, int]) -> bool:
    """The trigger's phrase follows a background preposition (``nach der Wahl``, ``seit dem
    ersten Anschlag``): at most three lower-case words (article, adjectives) between them; or
    its clause is a temporal subordinate clause (``seit Bolsonaro den Minister entlassen hat``,
    ``nachdem ...``, ``als ...``)."""
    return bool(_background().search(text, clause[0], start)
                or _TEMPORAL_CLAUSE.match(text, clause[0]))


def is_temporal_clause(text: str, clause: tuple[int, int]) -> bool:
    """The clause is a temporal subordinate clause opened by a conjunction (``als er am
    5. Februar gewählt wurde``, ``nachdem ...``, ``bevor ...``; not ``seit``, a preposition as
    often: ``Seit eineinhalb Wochen ist der Flughafen eröffnet``)."""
    return bool(_CONJUNCTION_CLAUSE.match(text, clause[0]))


def is_when_clause(text: str, clause: tuple[int, int]) -> bool:
    """The clause is an ``als`` clause right after the comma that ends the clause before it
    (``Es war der 5. Februar, gegen 13.30 Uhr, als ... gewählt ist``: the ``als`` clause tells
    what happened at the time named just before it)."""
    return bool(_WHEN_CLAUSE.match(text, clause[0])) and text[:clause[0]].rstrip().endswith(",")


#: A temporal subordinate clause: what it tells came before the news.
_TEMPORAL_CLAUSE = re.compile(r"\s*(?:[Ss]eit|[Ss]eitdem|[Nn]achdem|[Aa]ls|[Bb]evor|[Ee]he)\s")
_WHEN_CLAUSE = re.compile(r"\s*als\s")
_CONJUNCTION_CLAUSE = re.compile(r"\s*(?:[Ss]eitdem|[Nn]achdem|[Aa]ls|[Bb]evor|[Ee]he)\s")


def in_quotation(text: str, start: int) -> bool:
    """The trigger stands inside a quotation (more opening than closing marks before it):
    the speaker's words, not the report's narration of the day."""
    before = text[:start]
    opened = before.count("„") + before.count("»")
    closed = before.count("“") + before.count("«")
    if opened or closed:
        return opened > closed
    return before.count('"') % 2 == 1


def in_phrase(text: str, start: int, clause: tuple[int, int]) -> bool:
    """The trigger is the head of a prepositional phrase (``zu dem Treffen``, ``bei dem
    Anschlag``): at most three lower-case words after any preposition."""
    return bool(_phrase("preposition").search(text, clause[0], start))


def is_during(text: str, start: int, clause: tuple[int, int]) -> bool:
    """The noun trigger at ``start`` heads a phrase of simultaneity (``während des
    anschließenden US-europäischen Gipfels``, ``beim Treffen``): at most three words between
    the preposition and it."""
    return bool(_during_phrase().search(text, clause[0], start))


@functools.cache
def _during_phrase() -> re.Pattern:  # noqa: N802 - a compiled constant, built on first use
    return re.compile(r"(?i:" + cues().during.pattern + r")(?:\s+[\w.-]+){0,3}\s*$")


def _background():
    return _phrase("background")


@functools.cache
def _phrase(kind: str) -> re.Pattern:
    cue = getattr(cues(), kind).pattern
    return re.compile(r"(?i:" + cue + r")(?:\s+[a-zäöüß][\w.-]*){0,3}\s*$")


def has_change(text: str, clause: tuple[int, int]) -> bool:
    """A verb or noun of change in the clause (``verhängt``, ``beschlossen``, ``in Kraft``,
    ``Verlängerung``): a state word (``Lockdown``) reports an event only with one."""
    return bool(cues().change.search(text, clause[0], clause[1]))


def is_request(text: str, clause: tuple[int, int]) -> bool:
    """The clause applies for what its trigger names (``Antrag auf Zulassung``, ``die
    Zulassung beantragt``): cues of kind ``request``."""
    return bool(cues().request.search(text, clause[0], clause[1]))


def is_anniversary(text: str, clause: tuple[int, int]) -> bool:
    """The clause commemorates the event (``Jahrestag``, ``jährt sich``, ``Gedenken``): its
    dates are those of the remembrance."""
    return bool(cues().anniversary.search(text, clause[0], clause[1]))


def is_remote(text: str) -> bool:
    """The sentence names a time far from the day of the report (``damals``, ``einst``)."""
    return bool(cues().remote.search(text))


def is_count(text: str, clause: tuple[int, int]) -> bool:
    """A number or a count noun in the clause (``mehr als 900 Menschen sind gestorben``)."""
    return bool(cues().count.search(text, clause[0], clause[1]))
