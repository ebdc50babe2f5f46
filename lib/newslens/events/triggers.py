"""Event triggers: the lexicon of German event words and the matcher that finds them.

The lexicon is data, one reviewable row per word or word family:

- ``data/event_classes.csv``: ``event_class, cameo_code, family, label_de, grouping,
  description``. The
  twenty CAMEO root categories (the event coding of GDELT, ICEWS and Phoenix; ``cameo_code``
  01-20, so rows join GDELT data) and the classes news needs that CAMEO lacks (election,
  decision, approval, outbreak, disaster, death, arrest, trial, resignation_appointment; no
  code). ``family`` joins classes that report one happening in different words (an attack
  and the deaths it caused; a decision and an approval) for grouping. ``grouping`` names how
  the class's mentions group (space-separated, :data:`CLASS_GROUPING`): ``generic`` a kind of
  act, not an occasion (a criticism, a demand, a decision: reports join only through a shared
  named actor); ``speech`` a speech act (one person says many things on many days);
  ``recurring`` acts that recur between the same names (meetings, calls: a later reference
  names one of many); ``daily`` acts that recur every few days in many places (a
  demonstration each Saturday: news of the day is of that day or the two before).
- ``data/event_triggers.csv``: ``pattern, lemma, pos, event_class, context, requires, grouping,
  notes``.
  ``pattern`` is a regular expression over the word (case-insensitive) with its inflections;
  ``pos`` says how it matches: ``noun`` the whole word or its last part after a hyphen
  (``Corona-Lockdown``), capitalised; ``head`` also the end of a compound (``Präsidentschafts|
  wahl``, ``Corona-Gipfel``, ``Brandkatastrophe`` has its own row), capitalised; ``verb`` the
  whole word in lower case (or first in the sentence); ``stop`` a word that ends like a trigger
  but is none (``Auswahl``). The longest matching word wins; rows sharing a pattern are tried
  in file order and ``context`` (a regular expression the sentence must contain) picks among
  them (``verurteilt`` with ``Haft`` is a verdict, without it a condemnation). Patterns list
  finitely many forms (no ``*`` or ``+``), so they compile into one trie-shaped expression.
  ``lemma`` names
  what the word reports, so different words of one event meet in grouping (``Wahlnacht``,
  ``US-Wahl`` and ``Präsidentschaftswahl`` all have the lemma ``Wahl``). ``requires`` is empty
  or names what the mention needs besides the word, one or more of (space-separated; checked in
  :mod:`~newslens.events.mentions`):
  ``change``: a word for a state (``Lockdown``, ``Sanktionen``, ``Waffenruhe``) is an event only
  with a verb of change in its clause (``verhängt``, ``beschlossen``, ``in Kraft getreten``:
  cues of kind ``change``); ``actor``: a speech act (``sagte``, ``schrieb``) is an event only with
  a named person or organisation in its clause (``sagte Merkel``, not ``sagte er``); ``lead``:
  a present-tense form (``tritt ... zurück``, ``stirbt``, ``gewinnt``) is a trigger only in an
  article's lead, where the present tense tells the news of the day (elsewhere it is as often
  a habit, a plan or a story told in the present); ``state``: a participle used as an adjective
  names the result of an event (``der vergiftete Kremlkritiker``, ``das abgebrannte Lager``,
  ``die verstorbene Richterin``): a report of that event, but of a day before, so it never
  takes the publication day (its own timex still dates it). ``grouping`` is empty or names
  what the lemma reports, the same on every row of a lemma (:data:`LEMMA_GROUPING`):
  ``occasion`` a word of a generic class that names an occasion its actor has once (a company
  files for insolvency once, a state leaves a union once: it groups as the other classes'
  words do), or of a ``daily`` class that names an occasion, not the act of every few days
  (the storming of a parliament, among the protests); ``personal`` a word of a generic class
  that names what happens to a person once (a death: a later report recalls it through that
  person); ``address`` a word of a speech class that names an address as an occasion, not a
  speech act (a TV address, a government statement: its speaker gives it once that day, so its
  reports join without alike words).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import pandas as pd

from newslens import config

TRIGGERS_FILE = "event_triggers.csv"
CLASSES_FILE = "event_classes.csv"
POS = ("noun", "head", "verb", "stop")
REQUIRES = ("", "change", "actor", "lead", "state")
#: Values of the ``grouping`` columns of the class file and of the trigger file.
CLASS_GROUPING = ("generic", "speech", "recurring", "daily")
LEMMA_GROUPING = ("occasion", "personal", "address")


@dataclass(frozen=True)
class Entry:
    """One row of the trigger lexicon."""

    lemma: str
    pos: str
    event_class: str
    context: re.Pattern | None
    requires: str = ""


@dataclass(frozen=True)
class Trigger:
    """A trigger found in a text: offsets into it, the word, and its lexicon entry."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    event_class: str
    requires: str = ""

    def needs(self, what: str) -> bool:
        """The lexicon row requires ``what`` (``change``, ``actor``, ``lead``)."""
        return what in self.requires.split()


@functools.cache
def event_classes() -> pd.DataFrame:
    """The event classes with their CAMEO code, family and German label (file order)."""
    table = pd.read_csv(config.DATA_DIR / CLASSES_FILE, dtype=str, keep_default_na=False)
    if table["event_class"].duplicated().any():
        raise ValueError(f"{CLASSES_FILE}: duplicate event_class")
    for number, value in enumerate(table["grouping"], start=2):
        if not set(value.split()) <= set(CLASS_GROUPING):
            raise ValueError(f"{CLASSES_FILE} line {number}: grouping {value!r} not of "
                             f"{', '.join(CLASS_GROUPING)}")
    return table


@functools.cache
def class_grouping() -> dict[str, frozenset]:
    """Each event class's ``grouping`` values (``event_classes.csv``)."""
    table = event_classes()
    return {c: frozenset(v.split()) for c, v in zip(table["event_class"], table["grouping"],
                                                     strict=True)}


@functools.cache
def lemma_grouping() -> dict[str, frozenset]:
    """The ``grouping`` values of each lemma that has some (``event_triggers.csv``)."""
    return _lemma_grouping(_trigger_rows())


def _lemma_grouping(rows: pd.DataFrame) -> dict[str, frozenset]:
    out: dict[str, frozenset] = {}
    for number, (lemma, value) in enumerate(zip(rows["lemma"], rows["grouping"], strict=True),
                                            start=2):
        values = frozenset(value.split())
        if not values <= set(LEMMA_GROUPING):
            raise ValueError(f"{TRIGGERS_FILE} line {number}: grouping {value!r} not of "
                             f"{', '.join(LEMMA_GROUPING)}")
        if out.setdefault(lemma, values) != values:
            raise ValueError(f"{TRIGGERS_FILE} line {number}: grouping {value!r} of lemma "
                             f"{lemma!r} differs from an earlier row of that lemma")
    return {lemma: values for lemma, values in out.items() if values}


class Lexicon:
    """The trigger lexicon compiled for speed: every pattern is expanded into its finite set of
    word forms, and all forms go into one regular expression shaped like a trie (a few
    characters tried per position, not every pattern), so a corpus is scanned in C."""

    def __init__(self, rows: pd.DataFrame, classes: set[str]) -> None:
        self.forms: dict[str, list[Entry]] = {}
        for number, row in enumerate(rows.itertuples(index=False), start=2):
            if row.pos not in POS or (row.pos != "stop" and row.event_class not in classes) \
                    or not set(row.requires.split()) <= set(REQUIRES):
                raise ValueError(f"{TRIGGERS_FILE} line {number}: pos {row.pos!r}, event_class "
                                 f"{row.event_class!r} or requires {row.requires!r} unknown")
            try:
                forms = _expand(row.pattern)
            except ValueError as err:
                raise ValueError(f"{TRIGGERS_FILE} line {number}: {err}") from err
            context = re.compile(row.context, re.IGNORECASE) if row.context else None
            entry = Entry(row.lemma, row.pos, row.event_class, context, row.requires)
            for form in forms:
                self.forms.setdefault(form, []).append(entry)
        body = "(?:" + _trie(sorted(self.forms)) + r")(?![\w-])"
        self._lower = re.compile(body)  # on lower-cased text: 5x faster than IGNORECASE
        self._any_case = re.compile(body, re.IGNORECASE)

    def find_many(self, texts: list[str]) -> dict[int, list[Trigger]]:
        """The triggers of many sentences (position in ``texts`` -> triggers), scanned as one
        text so the expression runs once in C for a whole corpus."""
        joined = "\n".join(texts)
        low = joined.replace("İ", "I").lower()  # the one letter whose lower case is longer
        if len(low) != len(joined):  # another such character: one sentence at a time
            found = {k: self.find(text) for k, text in enumerate(texts)}
            return {k: v for k, v in found.items() if v}
        starts, position = [], 0
        for text in texts:
            starts.append(position)
            position += len(text) + 1
        hits: dict[int, list] = {}
        for m in self._lower.finditer(low):
            k = bisect.bisect_right(starts, m.start()) - 1
            hits.setdefault(k, []).append(m)
        out = {}
        for k, matches in hits.items():
            chosen = [t for m in matches
                      for t in [self._trigger(texts[k], m.start() - starts[k], m.end() - starts[k],
                                              m.group())] if t is not None]
            if chosen:
                out[k] = chosen
        return out

    def find(self, text: str) -> list[Trigger]:
        """The triggers of a sentence, in text order; a word matches at most once, by its
        longest known ending."""
        chosen = []
        low = text.replace("İ", "I").lower()
        matches = (self._lower.finditer(low) if len(low) == len(text)
                   else self._any_case.finditer(text))
        for m in matches:
            trigger = self._trigger(text, m.start(), m.end(), m.group())
            if trigger is not None:
                chosen.append(trigger)
        return chosen

    def _trigger(self, text: str, start: int, end: int, form: str) -> Trigger | None:
        word_start = start
        while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] in "-_"):
            word_start -= 1
        entry = self._entry(form.lower(), text, word_start, start)
        if entry is None:
            return None
        return Trigger(word_start, end, text[word_start:end], entry.lemma, entry.pos,
                       entry.event_class, entry.requires)

    def _entry(self, form: str, text: str, word_start: int, start: int) -> Entry | None:
        word = text[word_start:]
        for entry in self.forms[form]:
            if entry.pos == "stop":
                if word_start == start:
                    return None
                continue
            if start != word_start and not (
                    entry.pos == "head" or (entry.pos == "noun" and text[start - 1] == "-")):
                continue
            if entry.pos == "verb":
                if word[0].isupper() and text[:word_start].strip(" \"'„“»«([") != "":
                    continue
            elif not word[0].isupper():
                continue
            around = text[:word_start] + " " + text[start + len(form):]
            if entry.context is None or entry.context.search(around):
                return entry  # the context is sought around the word, not in it
        return None


def _trie(words: list[str]) -> str:
    """A regular expression matching exactly ``words``, shaped like their trie."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_body(tree)


def _trie_body(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_body(child)
                for char, child in sorted(node.items()) if char != ""]
    if not branches:
        return ""
    # Longer continuations first; the word may also end here.
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        body = "(?:" + body + ")?"
    return body


def _expand(pattern: str) -> set[str]:
    """Every lower-case string a lexicon pattern matches (literals, groups, alternatives,
    ``?``, small character classes); a pattern matching infinitely many is refused."""
    from re import _constants as c
    from re import _parser

    def walk(items) -> list[str]:
        out = [""]
        for op, av in items:
            if op is c.LITERAL:
                options = [chr(av)]
            elif op is c.SUBPATTERN:
                options = walk(av[-1])
            elif op is c.BRANCH:
                options = [x for branch in av[1] for x in walk(branch)]
            elif op is c.IN:
                options = [chr(v) for kind, v in av if kind is c.LITERAL]
                if len(options) != len(av):
                    raise ValueError(f"pattern {pattern!r}: only listed characters in [...]")
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                low, high, inner = av
                if high > 3:
                    raise ValueError(f"pattern {pattern!r} matches too many words")
                once = walk(inner)
                options = [""] if low == 0 else []
                for k in range(max(low, 1), high + 1):
                    options += ["".join(p) for p in _product(once, k)]
            else:
                raise ValueError(f"pattern {pattern!r}: unsupported {op}")
            out = [a + b for a in out for b in options]
        return out

    return {form.lower() for form in walk(_parser.parse(pattern))}


def _product(options: list[str], k: int):
    if k == 0:
        yield ()
        return
    for first in options:
        for rest in _product(options, k - 1):
            yield (first, *rest)


@functools.cache
def lexicon() -> Lexicon:
    """The shipped trigger lexicon (``data/event_triggers.csv``), compiled once."""
    return Lexicon(_trigger_rows(), set(event_classes()["event_class"]))


@functools.cache
def _trigger_rows() -> pd.DataFrame:
    return pd.read_csv(config.DATA_DIR / TRIGGERS_FILE, dtype=str, keep_default_na=False)
