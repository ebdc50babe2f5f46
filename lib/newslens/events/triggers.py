"""Event triggers: the lexicon of German event words and the matcher that finds them.

The lexicon is data, one reviewable row per word or word family:

- ``data/event_classes.csv``: ``event_class, cameo_code, family, label_de, description``. The
  twenty CAMEO root categories (the event coding of GDELT, ICEWS and Phoenix; ``cameo_code``
  01-20, so rows join GDELT data) and the classes news needs that CAMEO lacks (election,
  decision, approval, outbreak, disaster, death, arrest, trial, resignation_appointment; no
  code). ``family`` joins classes that report one happening in different words (an attack
  and the deaths it caused; a decision and an approval) for grouping.
- ``data/event_triggers.csv``: ``pattern, lemma, pos, event_class, context, notes``.
  ``pattern`` is a regular expression over the word (case-insensitive) with its inflections;
  ``pos`` says how it matches: ``noun`` the whole word or its last part after a hyphen
  (``Corona-Lockdown``), capitalised; ``head`` also the end of a compound (``Präsidentschafts|
  wahl``, ``Corona-Gipfel``, ``Brandkatastrophe`` has its own row), capitalised; ``verb`` the
  whole word in lower case (or first in the sentence); ``stop`` a word that ends like a trigger
  but is none (``Auswahl``). The longest matching word wins; rows sharing a pattern are tried
  in file order and ``context`` (a regular expression the sentence must contain) picks among
  them (``verurteilt`` with ``Haft`` is a verdict, without it a condemnation). ``lemma`` names
  what the word reports, so different words of one event meet in grouping (``Wahlnacht``,
  ``US-Wahl`` and ``Präsidentschaftswahl`` all have the lemma ``Wahl``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

from newslens import config

TRIGGERS_FILE = "event_triggers.csv"
CLASSES_FILE = "event_classes.csv"
POS = ("noun", "head", "verb", "stop")


@dataclass(frozen=True)
class Entry:
    """One row of the trigger lexicon."""

    lemma: str
    pos: str
    event_class: str
    context: re.Pattern | None


@dataclass(frozen=True)
class Trigger:
    """A trigger found in a text: offsets into it, the word, and its lexicon entry."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    event_class: str


@functools.cache
def event_classes() -> pd.DataFrame:
    """The event classes with their CAMEO code, family and German label (file order)."""
    table = pd.read_csv(config.DATA_DIR / CLASSES_FILE, dtype=str, keep_default_na=False)
    if table["event_class"].duplicated().any():
        raise ValueError(f"{CLASSES_FILE}: duplicate event_class")
    return table


class Lexicon:
    """The trigger lexicon compiled into three regular expressions (whole words with a
    hyphenated prefix, compound heads, lower-case verbs and stop words)."""

    def __init__(self, rows: pd.DataFrame, classes: set[str]) -> None:
        self.entries: dict[str, list[Entry]] = {}
        patterns: dict[str, dict[str, str]] = {pos: {} for pos in ("noun", "head", "word")}
        for number, row in enumerate(rows.itertuples(index=False), start=2):
            if row.pos not in POS or (row.pos != "stop" and row.event_class not in classes):
                raise ValueError(f"{TRIGGERS_FILE} line {number}: pos {row.pos!r} or "
                                 f"event_class {row.event_class!r} unknown")
            re.compile(row.pattern)  # a broken pattern names its line
            kind = "word" if row.pos in ("verb", "stop") else row.pos
            name = patterns[kind].setdefault(row.pattern, f"g{len(self.entries)}")
            context = re.compile(row.context, re.IGNORECASE) if row.context else None
            self.entries.setdefault(name, []).append(
                Entry(row.lemma, row.pos, row.event_class, context))
        self._word = _alternation(r"(?<![\w-])", patterns["word"], r"(?![\w-])")
        self._noun = _alternation(r"(?<![\w-])(?:\w+-)*", patterns["noun"], r"(?![\w-])")
        self._head = _alternation(r"\b[\w-]*?", patterns["head"], r"(?![\w-])")
        self._any = re.compile("|".join(f"(?:{p})" for kind in patterns.values()
                                        for p in kind), re.IGNORECASE)

    def find(self, text: str) -> list[Trigger]:
        """The triggers of a sentence, longest first where two overlap, in text order."""
        if not self._any.search(text):
            return []
        found = []
        for rank, regex in enumerate((self._word, self._noun, self._head)):
            for m in regex.finditer(text):
                found.append((m.start(), -(m.end() - m.start()), rank, m.lastgroup, m.group()))
        chosen, taken = [], -1
        for start, negative, _, name, word in sorted(found):  # stop words and verbs first
            if start < taken:
                continue
            taken = start - negative
            entry = self._entry(name, text, start, word)
            if entry is not None:
                chosen.append(Trigger(start, taken, word, entry.lemma, entry.pos,
                                      entry.event_class))
        return chosen

    def _entry(self, name: str, text: str, start: int, word: str) -> Entry | None:
        for entry in self.entries[name]:
            if entry.pos == "stop":
                return None
            if entry.pos == "verb":
                if word[0].isupper() and text[:start].strip(" \"'„“»«([") != "":
                    continue
            elif not word[0].isupper():
                continue
            if entry.context is None or entry.context.search(text):
                return entry
        return None


def _alternation(before: str, patterns: dict[str, str], after: str) -> re.Pattern:
    # Longer patterns first, so a word with two readings takes the more specific one.
    ordered = sorted(patterns.items(), key=lambda item: (-len(item[0]), item[0]))
    body = "|".join(f"(?P<{name}>{pattern})" for pattern, name in ordered) or "(?!)"
    return re.compile(f"{before}(?:{body}){after}", re.IGNORECASE)


@functools.cache
def lexicon() -> Lexicon:
    """The shipped trigger lexicon (``data/event_triggers.csv``), compiled once."""
    rows = pd.read_csv(config.DATA_DIR / TRIGGERS_FILE, dtype=str, keep_default_na=False)
    return Lexicon(rows, set(event_classes()["event_class"]))
