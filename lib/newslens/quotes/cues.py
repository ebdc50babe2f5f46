"""The cue lexicon (``data/quote_cues.csv``): reporting verbs and the words of reported speech.

One reviewable row per lemma: ``kind`` is ``verb`` (with its present and past third person
singular, participle and separable particle), ``prep`` (``laut X``), ``postp`` (``X
zufolge``), ``so`` (``..., so X.``), ``adverb`` (``demnach``) or ``source`` (the noun of
``nach Angaben von X``). A verb's ``clause`` says whether it introduces an indirect quotation
(``sagte, dass ...``: yes; ``nannte``: only a direct one), ``alone`` whether a sentence with
it reports a statement without any clause (``forderte den Rücktritt``: yes; ``sagte``: no).
:func:`lexicon` expands the verbs into the finite forms a news text uses (plural and
subjunctive included) and indexes every form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from newslens import config

CUES_FILE = "quote_cues.csv"
CUE_COLUMNS = (
    "lemma",
    "kind",
    "present",
    "past",
    "participle",
    "particle",
    "clause",
    "alone",
    "note",
)
CUE_KINDS = ("verb", "prep", "postp", "so", "adverb", "source")


@dataclass(frozen=True)
class Form:
    """A word form of a cue: its lemma, the kind of cue, and the separable particle (``mit``
    of ``teilte ... mit``) a finite form needs later in its clause."""

    lemma: str
    kind: str
    particle: str = ""
    participle: bool = False
    clause: bool = True  # introduces an indirect quotation
    alone: bool = False  # reports a statement without a clause


@dataclass(frozen=True)
class Lexicon:
    forms: dict[str, tuple[Form, ...]]
    sources: frozenset[str]
    #: The cue words that are not verbs (laut, zufolge, so, demnach) -> their kinds.
    words: dict[str, frozenset[str]]


def read_cues(path=None) -> pd.DataFrame:
    """The cue table, checked: known columns and kinds, no duplicate (lemma, kind)."""
    path = path or config.DATA_DIR / CUES_FILE
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in CUE_COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    bad = table.loc[~table["kind"].isin(CUE_KINDS), "kind"]
    if len(bad):
        raise ValueError(f"{path}: unknown cue kind {bad.iloc[0]!r}; expected {CUE_KINDS}")
    verbs = table[table["kind"] == "verb"]
    for column in ("clause", "alone"):
        bad = verbs.loc[~verbs[column].isin(["yes", "no"]), "lemma"]
        if len(bad):
            raise ValueError(f"{path}: {column} of verb {bad.iloc[0]!r} must be yes or no")
    dup = table[table.duplicated(["lemma", "kind"])]
    if len(dup):
        raise ValueError(f"{path}: duplicate cue {dup['lemma'].iloc[0]!r}")
    return table


@lru_cache(maxsize=2)
def lexicon(path=None) -> Lexicon:
    """Every form of every cue (lower case) -> its :class:`Form` entries."""
    forms: dict[str, list[Form]] = {}
    table = read_cues(path)
    for row in table.itertuples(index=False):
        if row.kind == "source":
            continue
        if row.kind != "verb":
            forms.setdefault(row.lemma.lower(), []).append(Form(row.lemma, row.kind))
            continue
        for word, participle in _verb_forms(row):
            forms.setdefault(word, []).append(
                Form(
                    row.lemma,
                    "verb",
                    "" if participle is not False else row.particle,
                    bool(participle),
                    clause=row.clause == "yes",
                    alone=row.alone == "yes",
                )
            )
    sources = frozenset(table.loc[table["kind"] == "source", "lemma"].str.lower())
    words = {
        k: frozenset(f.kind for f in v)
        for k, v in forms.items()
        if any(f.kind != "verb" for f in v)
    }
    return Lexicon({k: tuple(dict.fromkeys(v)) for k, v in forms.items()}, sources, words)


def _verb_forms(row) -> list[tuple[str, bool | None]]:
    """Finite forms (3rd person singular and plural, present and past, subjunctive I and II
    as far as regular), of a separable verb also with the particle joined as at the end of a
    subordinate clause (``mitteilte``; flagged None: finite, needing no particle), and the
    participle (also with ``zu``: ``mitzuteilen``)."""
    infinitive = row.lemma.split()[-1]
    if row.particle and infinitive.startswith(row.particle):
        infinitive = infinitive[len(row.particle) :]
    stem = infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]
    present, past = row.present.lower(), row.past.lower()
    past_plural = past + ("n" if past.endswith("e") else "en")
    finite = {
        present,
        past,
        past_plural,
        infinitive,
        stem + "e",
        stem + "en",
        stem + "et" if stem.endswith(("t", "d")) else stem + "t",
    }
    if not past.endswith("e"):  # strong verbs: subjunctive II (schriebe, spräche) stays out
        finite.add(past + "st")
    words: list[tuple[str, bool | None]] = [(w, False) for w in sorted(finite) if w]
    if row.particle:  # verb-final, particle joined: ``wie die Polizei mitteilte``
        joined = {present, past, past_plural, stem + "e"}  # not the infinitive
        words += [(row.particle + w, None) for w in sorted(joined) if w]
    participle = row.participle.lower()
    if participle:
        words.append((participle, True))
        if row.particle:
            words.append((f"{row.particle}zu{infinitive}", True))
    return words
