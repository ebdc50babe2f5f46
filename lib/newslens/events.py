"""Events: who met, phoned, attacked or agreed with whom, where, when, and how certain.

Two steps, each a function from tables to tables:

:func:`extract_events` turns every sentence with an **event trigger** (a German noun such as
``Treffen``, ``Gipfel``, ``Telefonat``, ``Besuch``, ``Angriff``, ``Abkommen``, ``Sanktionen`` -
also as the head of a compound: ``Gipfeltreffen``, ``Vor-Treffen``, ``Putin-Trump-Treffen``,
``Oktober-Gipfel``, ``Sechs-Augen-Gespräch`` - or a verb such as ``telefonierten``,
``angekündigt``, ``empfangen``) into one record with its actors, places, the time interval of the
temporal expression that belongs to the trigger, and its modality.

:func:`group_events` links records from different sentences and articles that report the same
event (the Alaska summit of August 2025, the planned Budapest summit) into one row per event.

Representation: ``actors`` (PER and ORG), ``persons``, ``organisations`` and ``places`` (LOC) are
canonical names, sorted, deduplicated and joined with ``" | "`` (``""`` when there are none), so
the tables round-trip through the CSV beside every chart; ``names.split(" | ")`` gives them
back and :func:`event_actors` gives the tidy long table.

How a record is built (no parser: the rules read tokens, punctuation and closed word lists, so
every decision can be checked against the sentence; the trigger lexicon and the word lists live
in :mod:`newslens._event_lexicon`):

- **Clause**: the sentence is cut at ``, ; : ( ) – —`` and spaced hyphens; a comma-bounded
  relative or subordinate clause (``Das Treffen, das Trump angekündigt hatte, findet ... statt``)
  or a dash/bracket insertion is skipped, so the clause around it is joined up again.
- **Phrase**: a trigger noun with its articles and adjectives before it and the names,
  prepositional phrases and dates after it (``Treffen mit Kremlchef Putin in Budapest``).
- **Actors**: PER and ORG mentions of the trigger's clause, without the phrases of the clause's
  other triggers and without sources (``laut Trump``, ``nach Angaben des Kremls``, ``Tass
  zufolge``). A trigger inside a topical phrase (``nach der Invasion``, ``über sein Telefonat mit
  Putin``, ``seit seinem Treffen mit Selenskyj``) takes only the names of its own phrase. A name
  inside a compound counts only as part of the trigger word (``Putin-Trump-Treffen``,
  ``Witkoff-Besuch``), not as a modifier elsewhere (``Kremlchef``, ``Ukraine-Krieg``). Without
  names, an anaphoric trigger (``das Treffen``, ``dieses Telefonat``, ``einem solchen Treffen``;
  not ``der erste Gipfel``) takes the actors and places of the last record of its class at most
  three sentences back (``antecedent_id``); otherwise the names of the sentence outside
  reporting clauses are used. ``actor_source`` says which: clause, antecedent, sentence, none.
- **Places**: LOC mentions in the same scope after a locative preposition (``in der ungarischen
  Hauptstadt Budapest``, ``im US-Staat Alaska``), and a place inside the trigger word of a
  meeting, call or visit (``Alaska-Gipfel``).
- **Time**: among the clause's temporal expressions that have an interval (durations, sets,
  vague words and ``seit ...`` spans say nothing about when the event was), the one bound to
  the trigger: inside the trigger word (``Oktober-Gipfel``), right before it (``am Donnerstag
  beginnenden Gipfel``, ``für Dienstag einen Besuch``), in its phrase (``Gipfels in Washington
  am 18. August``), or in a clause whose verb says when the event takes place (``stattfinden``,
  ``abgehalten``, ``geplant``, ``empfangen``, ``geben``); then the nearest. Not taken: a date
  of a reporting verb (``erklärte vergangene Woche``) or of an announcing participle (``das am
  Montag angekündigte Treffen``), and for a trigger in a topical phrase any date outside its
  phrase. A narrower interval nested in the chosen one wins (``am Donnerstag`` over the
  ``Oktober`` of ``Oktober-Gipfel``). None: ``NaT``.
- **Modality**, first match wins: a hypothetical attribute (``mögliches``) -> hypothetical; a
  past attribute (``letzte``) or ``seit``/``nach`` + trigger -> happened; a hypothetical cue in
  the clause (``könnte``, ``würde``, ``wäre``, ``möglicherweise``) -> hypothetical; a planning
  attribute (``geplante``, ``angekündigte``), head (``Vorbereitungen für``, ``Pläne für``) or
  cue (``soll``, ``werde``, ``will``, ``einem Treffen zugestimmt``) -> planned; the date lies
  after publication -> planned, before it -> happened; a past-tense cue (``hatte``, ``war``,
  ``stattgefunden``, ``telefonierten``) -> happened; otherwise unknown. Clause cues are not
  read for a trigger in a topical phrase (``über sein Telefonat ... sprechen werde``).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from newslens import _event_lexicon as lex

SEP = " | "
EVENT_CLASSES = ("meeting", "call", "visit", "attack", "announcement", "agreement", "sanctions",
                 "election", "other")
MODALITIES = ("happened", "planned", "hypothetical", "unknown")
ACTOR_SOURCES = ("clause", "antecedent", "sentence", "none")
#: German names of the classes, for labels and legends.
CLASS_NAMES = {"meeting": "Treffen", "call": "Telefonat", "visit": "Besuch", "attack": "Angriff",
               "announcement": "Ankündigung", "agreement": "Abkommen",
               "sanctions": "Sanktionen", "election": "Wahl", "other": "Ereignis"}
EVENT_COLUMNS = [
    "event_id", "article_id", "sentence_id", "start", "end", "trigger", "lemma", "event_class",
    "actors", "persons", "organisations", "places", "actor_source", "antecedent_id",
    "start_date", "end_date", "granularity", "timex_text", "timex_start", "timex_end",
    "modality", "published",
]
GROUP_COLUMNS = [
    "group_id", "label", "event_class", "actors", "places", "start_date", "end_date",
    "granularity", "date_basis", "modality", "n_articles", "article_ids", "n_records",
    "event_ids", "first_published", "last_published",
]
ACTOR_COLUMNS = ["event_id", "article_id", "sentence_id", "start", "end", "actor", "label"]

# -- rule parameters ---------------------------------------------------------------------------

#: Tokens: a day number with its dot (``18.``), a word with its hyphenated parts, a sign.
_TOKEN = re.compile(r"\d{1,2}\.(?=\s)|\w+(?:[-‐‑]\w+)*-?|[^\w\s]")
#: How far back (in sentences) an anaphor looks for its antecedent.
_ANAPHORA_SENTENCES = 3
#: Temporal expressions that do not place an event: how long, how often, vague, since when.
_NON_EVENT_KINDS = {"duration", "set", "vague"}
_POSTMODIFIER_WINDOW = 15

# -- extraction --------------------------------------------------------------------------------


class _Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True)
class _Sentence:
    """One sentence cut into tokens and clauses, with its mentions and temporal expressions."""

    article_id: str
    sentence_id: str
    number: int
    toks: list[_Tok]
    clause: list[int]
    attached: dict[int, list[int]]
    mentions: list[dict]
    timexes: list[dict]

    def members(self, i: int) -> list[int]:
        return [j for j, c in enumerate(self.clause) if c == self.clause[i]]


@dataclass(frozen=True)
class _Trigger:
    i: int
    lexeme: lex.Lexeme
    members: list[int]
    premod: list[int]
    governor: str | None
    phrase: tuple[int, int]

    @property
    def p(self) -> int:
        return self.members.index(self.i)

    @property
    def topical(self) -> bool:
        return self.governor in lex.TOPICAL


@dataclass
class _Record:
    article_id: str
    sentence_id: str
    sentence_number: int
    start: int
    end: int
    trigger: str
    lexeme: lex.Lexeme
    event_class: str
    own_people: dict[str, str]
    sentence_people: dict[str, str]
    places: set[str]
    topical: bool
    anaphoric: bool
    timex: dict | None
    modality: str
    published: pd.Timestamp
    people: dict[str, str] = field(default_factory=dict)
    actor_source: str = "none"
    antecedent_id: str = ""

    @property
    def event_id(self) -> str:
        return f"{self.article_id}:e{self.start:06d}-{self.end:06d}"


def extract_events(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    timexes: pd.DataFrame,
    articles: pd.DataFrame,
) -> pd.DataFrame:
    """One row per event trigger: class, actors, places, its own time interval and modality.

    ``start``/``end`` are the trigger's offsets into the article text; ``event_id`` is derived
    from them. Mentions and temporal expressions are assigned to sentences by their offsets;
    mentions without ``canonical`` (before canonicalisation) count by their text.
    Sorted by ``article_id, start``.
    """
    _require(sentences, "sentences", ("article_id", "sentence_id", "start", "end", "text"))
    _require(mentions, "mentions", ("article_id", "start", "end", "text", "label"))
    _require(timexes, "timexes", ("article_id", "start", "end", "text", "start_date",
                                  "end_date", "granularity"))
    _require(articles, "articles", ("article_id", "published"))
    published = dict(zip(articles["article_id"], articles["published"], strict=True))
    mention_index, timex_index = _by_article(mentions), _by_article(timexes)
    records: list[_Record] = []
    numbers: Counter = Counter()
    for row in sentences.sort_values(["article_id", "start"]).itertuples(index=False):
        numbers[row.article_id] += 1
        if not lex.PREFILTER.search(row.text.lower()):
            continue
        _check_sentence(row, published)
        sentence = _sentence(row, numbers[row.article_id], _within(mention_index, row),
                             _within(timex_index, row))
        records += _sentence_records(sentence, published[row.article_id])
    _resolve_actors(records)
    return _event_frame(records)


def _require(table: pd.DataFrame, name: str, columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{name} table lacks column(s) {', '.join(missing)}: expected the "
                         f"{name} table of newslens.annotate()")


def _check_sentence(row, published: dict) -> None:
    if row.article_id not in published:
        raise ValueError(f"sentences: article_id {row.article_id!r} of {row.sentence_id} is "
                         "not in the articles table")
    if len(row.text) != row.end - row.start:
        raise ValueError(f"sentences: text of {row.sentence_id} has {len(row.text)} "
                         f"characters but start/end span {row.end - row.start}")


def _by_article(table: pd.DataFrame) -> dict[str, tuple[list[int], list[dict]]]:
    """Rows per article sorted by start, with the starts for bisection."""
    index: dict[str, tuple[list[int], list[dict]]] = {}
    ordered = table.sort_values(["article_id", "start", "end"], kind="stable")
    for record in ordered.to_dict("records"):  # one conversion, not one per article: 10x faster
        starts, records = index.setdefault(record["article_id"], ([], []))
        starts.append(int(record["start"]))
        records.append(record)
    return index


def _within(index: dict, sentence) -> list[dict]:
    starts, rows = index.get(sentence.article_id, ([], []))
    first = bisect.bisect_left(starts, sentence.start)
    last = bisect.bisect_left(starts, sentence.end)
    return [r for r in rows[first:last] if int(r["end"]) <= sentence.end]


def _sentence(row, number: int, mentions: list[dict], timexes: list[dict]) -> _Sentence:
    toks = [_Tok(m.group(), m.group().lower(), row.start + m.start(), row.start + m.end())
            for m in _TOKEN.finditer(row.text)]
    clause, attached = _clauses(toks)
    return _Sentence(row.article_id, row.sentence_id, number, toks, clause, attached,
                     mentions, timexes)


def _clauses(toks: list[_Tok]) -> tuple[list[int], dict[int, list[int]]]:
    """Clause number per token (-1 for boundary punctuation), with insertions skipped, and the
    relative clause attached to a segment's last token (``dem Dreiertreffen, das Trump ...``)."""
    segments, delimiters, current = [], [None], []
    for i, tok in enumerate(toks):
        if tok.text in lex.BOUNDARIES:
            segments.append(current)
            delimiters.append(tok.text)
            current = []
        else:
            current.append(i)
    segments.append(current)
    delimiters.append(None)
    parent, attached = list(range(len(segments))), {}
    for k in range(1, len(segments) - 1):
        left, right = delimiters[k], delimiters[k + 1]
        first = [toks[i].low for i in segments[k][:2]]
        embedded = left == "," and bool(first) and (
            first[0] in lex.EMBEDDED or (first[0] in lex.PREPOSITIONS and first[1:] != []
                                         and first[1] in lex.EMBEDDED))
        if embedded and segments[k - 1]:
            attached[segments[k - 1][-1]] = segments[k]
        if (left, right) in lex.INSERTION_PAIRS or (embedded and right == ","):
            parent[_root(parent, k + 1)] = _root(parent, k - 1)
    clause = [-1] * len(toks)
    for k, segment in enumerate(segments):
        for i in segment:
            clause[i] = _root(parent, k)
    return clause, attached


def _root(parent: list[int], k: int) -> int:
    while parent[k] != k:
        k = parent[k]
    return k


def _sentence_records(s: _Sentence, published: pd.Timestamp) -> list[_Record]:
    triggers = [t for i in range(len(s.toks)) if s.clause[i] >= 0
                for t in [_trigger(s, i)] if t is not None]
    return [_record(s, t, [u for u in triggers if u is not t], published) for t in triggers]


def _trigger(s: _Sentence, i: int) -> _Trigger | None:
    toks, members = s.toks, s.members(i)
    lexeme = _match(toks, i, {toks[j].low for j in members},
                    [toks[j].low for j in members if j > i])
    if lexeme is None:
        return None
    p = members.index(i)
    if lexeme.lemma[0].islower():  # a verb: no noun phrase of its own
        return _Trigger(i, lexeme, members, [], None, (i, i))
    premod = _premodifiers(toks, members, p)
    before = p - len(premod) - 1
    governor = toks[members[before]].low if before >= 0 else None
    last = p
    while last + 1 < len(members) and last - p < _POSTMODIFIER_WINDOW \
            and _in_noun_phrase(toks, members, last + 1):
        last += 1
    return _Trigger(i, lexeme, members, premod,
                    governor if governor in lex.PREPOSITIONS else None,
                    (premod[-1] if premod else i, members[last]))


def _match(toks: list[_Tok], i: int, clause_low: set[str], after: list[str]) -> lex.Lexeme | None:
    """The lexicon entry the token ``i`` triggers, if any."""
    tok = toks[i]
    verb = lex.VERB_FORMS.get(tok.low)
    if verb is not None and tok.text[0].islower():
        if verb.condition == "sich" and "sich" not in clause_low:
            return None
        if verb.condition == "an" and "an" not in after:
            return None
        return verb
    head = tok.text.rsplit("-", 1)[-1]
    if not tok.text[0].isupper() or not head[:1].isupper():
        return None
    low = head.lower()
    before = toks[i - 1].low if i > 0 else ""
    following = toks[i + 1].low if i + 1 < len(toks) else ""
    if low in lex.NOUN_EXCEPTIONS or any(
            tok.low == word and (before in left or following in right)
            for word, left, right in lex.IDIOMS):
        return None
    for n in lex.NOUN_LENGTHS:
        lexeme = lex.NOUN_FORMS.get(low[-n:]) if len(low) >= n else None
        if lexeme is not None and (len(low) == n or len(low) - n >= 3):
            return lexeme
    return None


def _is_adjective(tok: _Tok) -> bool:
    return (tok.text[0].islower() and tok.low.endswith(("e", "en", "er", "es", "em"))
            and tok.low not in lex.VERBISH and tok.low not in lex.PREPOSITIONS
            and tok.low not in lex.CONJUNCTIONS)


def _premodifiers(toks, members, p) -> list[int]:
    """Determiners, adjectives and adverbs right before the trigger (nearest first)."""
    out = []
    for j in reversed(members[:p]):
        tok = toks[j]
        if tok.low in lex.DETERMINERS or _is_adjective(tok) or tok.low in lex.ADVERBS \
                or tok.text[0].isdigit() or tok.text in lex.QUOTES:
            out.append(j)
        else:
            break
    return out


def _in_noun_phrase(toks: list[_Tok], members: list[int], k: int) -> bool:
    """True if the word at clause position ``k`` continues a noun phrase after its head:
    names, articles, prepositions, ``und``, numbers, and adjectives before a noun (so the verb
    in ``Nach der Invasion im Februar 2022 herrschte ...`` ends the phrase)."""
    tok, previous = toks[members[k]], toks[members[k - 1]]
    if tok.low in lex.VERBISH:
        return False
    if tok.low in lex.DETERMINERS and previous.text[0].isupper() and tok.low not in lex.GENITIVE:
        return False  # Telefonat mit Rubio | einem Treffen: a new phrase begins
    if _is_adjective(tok):
        following = toks[members[k + 1]] if k + 1 < len(members) else None
        return following is not None and (following.text[0].isupper()
                                          or _is_adjective(following))
    return (tok.low in lex.DETERMINERS or tok.low in lex.PREPOSITIONS or tok.low in lex.CONJUNCTIONS
            or tok.text[0].isupper() or tok.text[0].isdigit() or tok.text.endswith("-"))


def _record(s: _Sentence, t: _Trigger, others: list[_Trigger],
            published: pd.Timestamp) -> _Record:
    toks, tok = s.toks, s.toks[t.i]
    event_class = t.lexeme.event_class
    if t.lexeme.lemma == "Gespräch" and any(
            toks[j].low.startswith(("telefon", "anruf")) for j in t.members if j != t.i):
        event_class = "call"
    timex = _attach_timex(s, t)
    scope = _scope(s, t, others)
    return _Record(
        article_id=s.article_id, sentence_id=s.sentence_id, sentence_number=s.number,
        start=tok.start, end=tok.end, trigger=tok.text, lexeme=t.lexeme,
        event_class=event_class, own_people=_people(s, scope, tok),
        sentence_people=_people(s, _sentence_scope(s), tok),
        places=_places(s, scope, tok, event_class), topical=t.topical,
        anaphoric=_is_anaphoric(toks, t), timex=timex,
        modality=_modality(toks, t, timex, published), published=published,
    )


def _scope(s: _Sentence, t: _Trigger, others: list[_Trigger]) -> set[int]:
    """Tokens whose names belong to the trigger: its phrase if it sits in a topical phrase
    (``nach der Invasion``, ``über sein Telefonat mit Putin``), else its clause (and a relative
    clause attached to it) without the phrases of the clause's other triggers."""
    lo, hi = t.phrase
    phrase = set(range(lo, hi + 1)) | set(s.attached.get(hi, []))
    if t.topical:
        return phrase
    scope = set(t.members) | phrase
    for u in others:
        if u.members == t.members:
            scope -= set(range(u.phrase[0], u.phrase[1] + 1)) - phrase
    return scope


def _sentence_scope(s: _Sentence) -> set[int]:
    """Tokens outside reporting clauses (``wie NBC News berichtete``)."""
    reporting = {s.clause[j] for j, tok in enumerate(s.toks) if tok.low in lex.REPORTING}
    return {j for j, c in enumerate(s.clause) if c >= 0 and c not in reporting}


def _token_of(toks: list[_Tok], start: int) -> int:
    return max(bisect.bisect_right([t.start for t in toks], start) - 1, 0)


def _is_modifier(mention: dict) -> bool:
    value = mention.get("compound", False)
    return False if value is None or pd.isna(value) else bool(value)


def _inside(mention: dict, tok: _Tok) -> bool:
    return tok.start <= int(mention["start"]) and int(mention["end"]) <= tok.end


def _canonical(mention: dict) -> str:
    value = mention.get("canonical")
    return str(mention["text"]) if value is None or pd.isna(value) else str(value)


def _is_source(s: _Sentence, j: int) -> bool:
    """``laut Trump``, ``nach Angaben des Kremls``, ``Tass zufolge``: who reports, not who acts."""
    near = [s.toks[k].low for k in s.members(j) if j - 4 < k < j]
    after = [s.toks[k].low for k in s.members(j) if j < k < j + 4]
    return "laut" in near or "angaben" in near or "zufolge" in after


def _people(s: _Sentence, scope: set[int], trigger: _Tok) -> dict[str, str]:
    """Canonical name -> label of the PER and ORG participants within ``scope``."""
    people = {}
    for m in s.mentions:
        j = _token_of(s.toks, int(m["start"]))
        if str(m["label"]) in ("PER", "ORG") and j in scope and not _is_source(s, j) \
                and (not _is_modifier(m) or _inside(m, trigger)):
            people[_canonical(m)] = str(m["label"])
    return people


def _places(s: _Sentence, scope: set[int], trigger: _Tok, event_class: str) -> set[str]:
    """LOC names after a locative preposition within ``scope`` (``in der ungarischen
    Hauptstadt Budapest``), and a place inside the trigger word of a meeting, call or visit."""
    places = set()
    for m in s.mentions:
        if str(m["label"]) != "LOC":
            continue
        if _inside(m, trigger):
            if event_class in ("meeting", "call", "visit"):
                places.add(_canonical(m))
            continue
        j = _token_of(s.toks, int(m["start"]))
        if _is_modifier(m) or j not in scope:
            continue
        members = s.members(j)
        for k in reversed(members[max(0, members.index(j) - 4):members.index(j)]):
            word = s.toks[k].low
            if word in lex.PREPOSITIONS or word in lex.VERBISH or word in lex.CONJUNCTIONS:
                if word in lex.LOCATIVE:
                    places.add(_canonical(m))
                break
    return places


def _is_anaphoric(toks: list[_Tok], t: _Trigger) -> bool:
    """``das Treffen``, ``dieses Telefonat``, ``einem solchen Treffen``, ``die in Budapest
    geplante Begegnung``; not ``der erste Gipfel``, ``des anschließenden Gipfels``, ``ein
    Treffen``."""
    if not t.lexeme.lemma[0].isupper():
        return False
    words = [toks[j].low for j in t.premod]
    if any(w.startswith("solch") for w in words):
        return True
    if any(w.startswith(lex.CONTRASTIVE) for w in words):
        return False
    determiners = [w for w in words if w in lex.DETERMINERS]
    if determiners:
        return determiners[-1] in lex.DEFINITE
    return _attribute_determiner(toks, t) in lex.DEFINITE


def _attribute_determiner(toks: list[_Tok], t: _Trigger) -> str | None:
    """The article before an extended attribute: ``die`` in ``die in der ungarischen
    Hauptstadt Budapest geplante Begegnung``."""
    start = t.members.index(t.premod[-1] if t.premod else t.i)
    seen_noun = False
    for k in range(start - 1, max(start - 8, 0) - 1, -1):
        word = toks[t.members[k]]
        if word.low in lex.PREPOSITIONS and seen_noun and k > 0:
            before = toks[t.members[k - 1]].low
            return before if before in lex.DETERMINERS else None
        if not (word.text[0].isupper() or word.low in lex.DETERMINERS or _is_adjective(word)):
            return None
        seen_noun = seen_noun or word.text[0].isupper()
    return None


# -- the time of the trigger -------------------------------------------------------------------


def _attach_timex(s: _Sentence, t: _Trigger) -> dict | None:
    """The temporal expression that belongs to the trigger (see the module docstring)."""
    toks, members, p = s.toks, t.members, t.p
    is_verb = not t.lexeme.lemma[0].isupper()
    predicate = any(toks[j].low in lex.EVENT_PREDICATES for j in members if j != t.i)
    candidates = []
    for x in s.timexes:
        first = _token_of(toks, int(x["start"]))
        last = _token_of(toks, int(x["end"]) - 1)
        if not _dates_event(x) or first not in members or last not in members:
            continue
        a, b = members.index(first), members.index(last)
        lead = _lead_preposition(toks, members, a)
        if lead == "seit" or str(x["text"]).lower().startswith("seit"):
            continue
        if t.lexeme.event_class == "announcement" and lead == "für":
            continue  # kündigte für Dienstag einen Besuch an: the date of the visit
        if a <= p <= b:
            bond, distance = 0, 0
        elif b < p:
            gap = members[b + 1:p]
            if lead != "für" and t.lexeme.event_class != "announcement" and any(
                    toks[j].low.startswith(lex.ANNOUNCING_ATTRIBUTES) for j in gap):
                continue  # das am Montag angekündigte Treffen
            bond, distance = (0 if all(j in t.premod for j in gap) else 1), len(gap)
        else:
            gap = members[p + 1:a]
            bond, distance = (0 if members[a - 1] <= t.phrase[1] or not gap else 1), len(gap)
        if bond and not is_verb:
            if t.topical or (lead != "für" and _reported(toks, members, a, b)):
                continue
            bond = 0 if predicate else 1
        candidates.append(((bond, distance, int(x["start"])), x))
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0])
    best = candidates[0][1]
    for _, x in candidates:
        if _narrower(x, best):
            best = x
    return best


def _dates_event(x: dict) -> bool:
    """True for expressions with an interval that can date an event (not vague, not a
    duration or a set)."""
    if pd.isna(x["start_date"]) or pd.isna(x["end_date"]):
        return False
    vague = x.get("vague", False)
    if vague is not None and not pd.isna(vague) and bool(vague):
        return False
    kind = x.get("kind")
    return not (isinstance(kind, str) and kind in _NON_EVENT_KINDS)


def _lead_preposition(toks, members, a) -> str | None:
    """The preposition that introduces the expression at clause position ``a`` (``für die
    kommende Woche`` -> ``für``), if any."""
    for j in reversed(members[max(0, a - 3):a]):
        if toks[j].low in lex.PREPOSITIONS:
            return toks[j].low
        if toks[j].low not in lex.DETERMINERS:
            return None
    return None


def _reported(toks, members, a, b) -> bool:
    """True if a reporting verb stands right before or after the expression (``erklärte
    vergangene Woche``, ``sagte er am Montag``)."""
    near = members[max(0, a - 3):a] + members[b + 1:b + 3]
    return any(toks[j].low in lex.REPORTING for j in near)


def _narrower(x: dict, best: dict) -> bool:
    xs, xe = pd.Timestamp(x["start_date"]), pd.Timestamp(x["end_date"])
    bs, be = pd.Timestamp(best["start_date"]), pd.Timestamp(best["end_date"])
    return bs <= xs and xe <= be and xe - xs < be - bs


def _modality(toks, t: _Trigger, timex: dict | None, published: pd.Timestamp) -> str:
    """Cues of the trigger's own phrase first, then of its clause, then its date."""
    attributes = [toks[j].low for j in t.premod]
    if any(w.startswith(lex.HYPOTHETICAL_ATTRIBUTES) for w in attributes):
        return "hypothetical"
    if any(w.startswith(lex.PAST_ATTRIBUTES) for w in attributes) or t.governor in ("seit", "nach"):
        return "happened"
    words = set() if t.topical else {toks[j].low for j in t.members if j != t.i}
    if words & lex.HYPOTHETICAL:
        return "hypothetical"
    commits = t.lexeme.event_class not in ("announcement", "agreement")
    if any(w.startswith(lex.PLANNED_ATTRIBUTES) for w in attributes) or _planning_head(toks, t) \
            or words & lex.PLANNED or (commits and words & lex.COMMITTING):
        return "planned"
    if timex is not None:
        day = pd.Timestamp(published).normalize()
        start, end = pd.Timestamp(timex["start_date"]), pd.Timestamp(timex["end_date"])
        if start >= day and end > day:
            return "planned"
        if start < day and end <= day:
            return "happened"
    if words & lex.PAST or t.lexeme.past:
        return "happened"
    return "unknown"


def _planning_head(toks, t: _Trigger) -> bool:
    """``Vorbereitungen für das Treffen``, ``Pläne für ein solches Treffen``."""
    start = t.members.index(t.premod[-1] if t.premod else t.i)
    before = [toks[t.members[k]].low for k in range(max(start - 2, 0), start)][::-1]
    if before and before[0] in lex.PREPOSITIONS:
        before = before[1:]
    return bool(before) and before[0].startswith(lex.PLANNING_HEADS)


# -- actors across sentences -------------------------------------------------------------------


def _resolve_actors(records: list[_Record]) -> None:
    """The trigger's own names; else an anaphor's antecedent (same class, at most
    ``_ANAPHORA_SENTENCES`` sentences back); else the sentence's names (not for a trigger in a
    topical phrase). Sets ``people``, ``actor_source`` and ``antecedent_id`` in place."""
    antecedents: dict[tuple[str, str], _Record] = {}
    last_talk: dict[str, _Record] = {}  # the latest meeting or call per article
    for record in records:
        if record.lexeme.lemma == "Gespräch" and record.anaphoric \
                and _near(record, last_talk.get(record.article_id)) \
                and last_talk[record.article_id].event_class == "call":
            record.event_class = "call"  # das Gespräch right after a call is that call
        antecedent = antecedents.get((record.article_id, record.event_class))
        if record.own_people:
            record.people, record.actor_source = record.own_people, "clause"
        elif record.anaphoric and _near(record, antecedent):
            record.people, record.actor_source = antecedent.people, "antecedent"
            record.antecedent_id = antecedent.event_id
            record.places = record.places or set(antecedent.places)
        elif record.sentence_people and not record.topical:
            record.people, record.actor_source = record.sentence_people, "sentence"
        if record.actor_source in ("clause", "antecedent"):
            antecedents[(record.article_id, record.event_class)] = record
        if record.event_class in ("meeting", "call"):
            last_talk[record.article_id] = record


def _near(record: _Record, earlier: _Record | None) -> bool:
    return earlier is not None and \
        record.sentence_number - earlier.sentence_number <= _ANAPHORA_SENTENCES


def _join(names: Iterable[str]) -> str:
    return SEP.join(sorted(set(names)))


def _event_frame(records: list[_Record]) -> pd.DataFrame:
    rows = []
    for r in records:
        x = r.timex or {}
        rows.append({
            "event_id": r.event_id, "article_id": r.article_id, "sentence_id": r.sentence_id,
            "start": r.start, "end": r.end, "trigger": r.trigger, "lemma": r.lexeme.lemma,
            "event_class": r.event_class, "actors": _join(r.people),
            "persons": _join(n for n, label in r.people.items() if label == "PER"),
            "organisations": _join(n for n, label in r.people.items() if label == "ORG"),
            "places": _join(r.places), "actor_source": r.actor_source,
            "antecedent_id": r.antecedent_id,
            "start_date": x.get("start_date"), "end_date": x.get("end_date"),
            "granularity": x.get("granularity"), "timex_text": x.get("text"),
            "timex_start": x.get("start"), "timex_end": x.get("end"),
            "modality": r.modality, "published": r.published,
        })
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    frame = frame.astype({"start": "int64", "end": "int64", "timex_start": "Int64",
                          "timex_end": "Int64", "granularity": "object",
                          "timex_text": "object"})
    for column in ("start_date", "end_date", "published"):
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    frame["event_class"] = pd.Categorical(frame["event_class"], categories=EVENT_CLASSES)
    frame["modality"] = pd.Categorical(frame["modality"], categories=MODALITIES)
    frame["actor_source"] = pd.Categorical(frame["actor_source"], categories=ACTOR_SOURCES)
    return frame.sort_values(["article_id", "start", "end"], ignore_index=True)


def event_actors(events: pd.DataFrame) -> pd.DataFrame:
    """The long table of ``events``: one row per event and actor, with its label (PER, ORG)."""
    rows = [(e.event_id, e.article_id, e.sentence_id, e.start, e.end, name, label)
            for e in events.itertuples(index=False)
            for label, column in (("PER", e.persons), ("ORG", e.organisations))
            for name in split_names(column)]
    frame = pd.DataFrame(rows, columns=ACTOR_COLUMNS).astype({"start": "int64", "end": "int64"})
    frame["label"] = pd.Categorical(frame["label"], categories=["PER", "ORG"])
    return frame.sort_values(["event_id", "label", "actor"], ignore_index=True)


def event_summary(events: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """A small table of counts: records (dated, with actors), events, events reported by
    several articles, dated events, and records and events per class."""
    rows = [
        ("records", len(events)),
        ("records_dated", int(events["start_date"].notna().sum())),
        ("records_with_actors", int((events["actors"] != "").sum())),
        ("events", len(groups)),
        ("events_in_several_articles", int((groups["n_articles"] > 1).sum())),
        ("events_dated", int(groups["start_date"].notna().sum())),
    ]
    for name in EVENT_CLASSES:
        n_records = int((events["event_class"].astype(str) == name).sum())
        if n_records:
            n_events = int((groups["event_class"].astype(str) == name).sum())
            rows.append((f"{name}", f"{n_records} records, {n_events} events"))
    return pd.DataFrame(rows, columns=["metric", "value"]).astype({"value": str})


def split_names(value) -> list[str]:
    """``"A | B"`` -> ``["A", "B"]``; empty or missing -> ``[]``."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return []
    return str(value).split(SEP)


# -- grouping across articles ------------------------------------------------------------------


class _Item(NamedTuple):
    event_id: str
    event_class: str
    actors: frozenset[str]
    places: frozenset[str]
    dated: bool
    start: pd.Timestamp
    end: pd.Timestamp


def assign_groups(events: pd.DataFrame, *, window_days: int = 7) -> pd.DataFrame:
    """``events`` with a ``group_id`` column: records that report the same event share it.

    Every record has an interval: its own dates, or for an undated record the news cycle of
    its article, ``published`` +- ``window_days``. Two records are linked when they have the
    same ``event_class``, their intervals overlap, they do not name different places, and
    they share 2 actors, or 1 actor and a place, or - both dated, one naming no actor - a place
    (``Der erste Gipfel hatte im August im US-Bundesstaat Alaska stattgefunden``).
    Links are taken strongest first (shared actors, shared place, both dated, then ids; a
    union-find over sorted keys), and two groups are joined only if no pair across them
    conflicts (different places, or intervals that do not overlap), so one vague record cannot
    chain two summits together. ``group_id`` is a hash of the member ``event_id``s.
    """
    _require(events, "events", ("event_id", "event_class", "actors", "places", "start_date",
                                "end_date", "published"))
    window = pd.Timedelta(days=window_days)
    items = sorted((_item(e, window) for e in events.itertuples(index=False)),
                   key=lambda i: i.event_id)
    links = sorted(link for link in _candidate_links(items) if link is not None)
    parent = {item.event_id: item.event_id for item in items}
    members = {item.event_id: [item] for item in items}
    for *_, a, b in links:
        ra, rb = _find(parent, a), _find(parent, b)
        if ra == rb or any(_conflict(x, y) for x in members[ra] for y in members[rb]):
            continue
        keep, drop = sorted((ra, rb))
        parent[drop] = keep
        members[keep] += members.pop(drop)
    group_of = {}
    for group in members.values():
        digest = hashlib.sha1(" ".join(sorted(i.event_id for i in group)).encode()).hexdigest()
        for item in group:
            group_of[item.event_id] = f"g{digest[:10]}"
    out = events.copy()
    out["group_id"] = out["event_id"].map(group_of).astype("str")
    return out.sort_values(["article_id", "start", "end"], ignore_index=True)


def _item(e, window: pd.Timedelta) -> _Item:
    dated = not pd.isna(e.start_date) and not pd.isna(e.end_date)
    day = pd.Timestamp(e.published).normalize()
    return _Item(e.event_id, str(e.event_class), frozenset(split_names(e.actors)),
                 frozenset(split_names(e.places)), dated,
                 pd.Timestamp(e.start_date) if dated else day - window,
                 pd.Timestamp(e.end_date) if dated else day + window)


def _candidate_links(items: list[_Item]):
    """Links between records of one class sharing an actor or a place (inverted index)."""
    by_key = defaultdict(list)
    for item in items:
        for name in sorted(item.actors | item.places):
            by_key[(item.event_class, name)].append(item)
    seen = set()
    for group in by_key.values():
        for k, a in enumerate(group):
            for b in group[k + 1:]:
                if (a.event_id, b.event_id) not in seen:
                    seen.add((a.event_id, b.event_id))
                    yield _link(a, b)


def _link(a: _Item, b: _Item) -> tuple | None:
    if _conflict(a, b):
        return None
    shared, same_place = len(a.actors & b.actors), bool(a.places & b.places)
    both_dated = a.dated and b.dated
    ok = shared >= 2 or (shared >= 1 and same_place) or (
        same_place and both_dated and not (a.actors and b.actors))
    return (-shared, -same_place, -both_dated, a.event_id, b.event_id) if ok else None


def _conflict(a: _Item, b: _Item) -> bool:
    if a.places and b.places and not a.places & b.places:
        return True
    return a.end < b.start or b.end < a.start


def _find(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def group_events(events: pd.DataFrame, *, window_days: int = 7) -> pd.DataFrame:
    """One row per event reported by one or more records (see :func:`assign_groups`).

    ``start_date``/``end_date`` are the consensus interval (the intersection of the members'
    intervals, ``date_basis="consensus"``) or, where the members disagree, their span
    (``"span"``); dates reported for the event as happened take precedence over earlier plans.
    ``modality`` is the majority of the latest reports that have one (a summit first planned
    and later reported as held has happened). Sorted by date, first report, ``group_id``.
    Records that already carry a ``group_id`` (from :func:`assign_groups`) keep it.
    """
    grouped = (events if "group_id" in events.columns
               else assign_groups(events, window_days=window_days))
    members = defaultdict(list)
    for record in grouped.to_dict("records"):
        members[record["group_id"]].append(record)
    rows = [_group_row(group_id, members[group_id]) for group_id in sorted(members)]
    frame = pd.DataFrame(rows, columns=GROUP_COLUMNS)
    frame = frame.astype({"n_articles": "int64", "n_records": "int64",
                          "granularity": "object"})
    for column in ("start_date", "end_date", "first_published", "last_published"):
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    frame["event_class"] = pd.Categorical(frame["event_class"], categories=EVENT_CLASSES)
    frame["modality"] = pd.Categorical(frame["modality"], categories=MODALITIES)
    frame["date_basis"] = pd.Categorical(frame["date_basis"],
                                         categories=["consensus", "span", "none"])
    return frame.sort_values(["start_date", "end_date", "first_published", "group_id"],
                             na_position="last", ignore_index=True)


def _group_row(group_id: str, members: list[dict]) -> dict:
    start, end, granularity, basis = _consensus(members)
    support = Counter(name for m in members for name in split_names(m["actors"]))
    persons = {name for m in members for name in split_names(m["persons"])}
    places = Counter(name for m in members for name in split_names(m["places"]))
    event_class = str(members[0]["event_class"])
    published = [pd.Timestamp(m["published"]) for m in members]
    return {
        "group_id": group_id,
        "label": _label(event_class, support, persons, places),
        "event_class": event_class, "actors": _join(support), "places": _join(places),
        "start_date": start, "end_date": end, "granularity": granularity, "date_basis": basis,
        "modality": _latest_modality(members),
        "n_articles": len({m["article_id"] for m in members}),
        "article_ids": _join(m["article_id"] for m in members), "n_records": len(members),
        "event_ids": _join(m["event_id"] for m in members),
        "first_published": min(published), "last_published": max(published),
    }


def _consensus(members: list[dict]) -> tuple:
    """(start, end, granularity, basis) of a group, from the reports of it as happened if any
    are dated (a summit planned "in wenigen Tagen" took place later), else from all."""
    dated = [m for m in members if not pd.isna(m["start_date"]) and not pd.isna(m["end_date"])]
    happened = [m for m in dated if str(m["modality"]) == "happened"]
    dated = happened or dated
    if not dated:
        return pd.NaT, pd.NaT, None, "none"
    start = max(pd.Timestamp(m["start_date"]) for m in dated)
    end = min(pd.Timestamp(m["end_date"]) for m in dated)
    if start > end:
        return (min(pd.Timestamp(m["start_date"]) for m in dated),
                max(pd.Timestamp(m["end_date"]) for m in dated), "range", "span")
    exact = sorted(str(m["granularity"]) for m in dated
                   if pd.Timestamp(m["start_date"]) == start and pd.Timestamp(m["end_date"]) == end)
    return start, end, exact[0] if exact else "range", "consensus"


def _latest_modality(members: list[dict]) -> str:
    """The most frequent modality among the reports of the latest publication day that
    have one (ties: happened, planned, hypothetical)."""
    known = [m for m in members if str(m["modality"]) != "unknown"]
    if not known:
        return "unknown"
    last = max(pd.Timestamp(m["published"]) for m in known)
    latest = Counter(str(m["modality"]) for m in known if pd.Timestamp(m["published"]) == last)
    return min(latest, key=lambda m: (-latest[m], MODALITIES.index(m)))


def _label(event_class: str, support: Counter, persons: set[str], places: Counter) -> str:
    """``Treffen Putin/Trump, Alaska``: class, the two most cited actors (persons first, by
    surname), the most cited place."""
    top = sorted(support, key=lambda name: (-support[name], name not in persons, name))[:2]
    names = sorted(_surname(name) if name in persons else name for name in top)
    label = CLASS_NAMES[event_class] + (" " + "/".join(names) if names else "")
    if places:
        label += ", " + sorted(places, key=lambda name: (-places[name], name))[0]
    return label


def _surname(name: str) -> str:
    """``Donald Trump`` -> ``Trump``; ``Ursula von der Leyen`` -> ``von der Leyen``."""
    words = name.split()
    k = len(words) - 1
    while k > 1 and words[k - 1][:1].islower():
        k -= 1
    return " ".join(words[k:])
