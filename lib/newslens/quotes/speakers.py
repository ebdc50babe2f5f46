"""Who said it: the speaker of a quotation as written, and the entity it refers to.

The speaker is looked for in the quotation's frame (the clause of its cue): a person or
organisation the NER found there, nearest to the cue; else a pronoun (``er``, ``sie``) or a
noun phrase (``ein Sprecher``, ``die Ministerin``, ``der Sprecher des Kremls``). Pronouns
refer back to the most recent speaker or person; a role noun to the most recent person
introduced with that role (``Bundesinnenministerin Nancy Faeser`` ... ``die Ministerin``), or
to the named organisation it belongs to (``des Kremls`` -> Kreml). A quotation without a frame
(free indirect speech, a long quotation standing alone) keeps the previous speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from newslens import kb
from newslens.quotes import cues as cue_lexicon
from newslens.quotes.extract import (
    ARTICLE_FORMS,
    SENTENCE_ADVERBS,
    SPEECH_NOUNS,
    Quote,
    relayed_cue,
)

SPEAKER_LABELS = ("PER", "ORG")
_PRONOUNS = {"er": "PER", "sie": "PER", "dieser": "PER"}
_DETERMINERS = ARTICLE_FORMS | {"einen"}
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
#: Capitalised words that open a sentence without being its subject (adverbs, prepositions).
_NOT_SPEAKER = frozenset(
    [
        "Sie",
        "Es",
        "Man",
        "Das",
        "Dies",
        "Dieser",
        "Diese",
        "Wie",
        "Laut",
        "Nach",
        "Auch",
        "Doch",
        "Aber",
        "Und",
        "Zudem",
        "Außerdem",
        "Im",
        "In",
        "Am",
        "An",
        "Auf",
        "Bei",
        "Mit",
        "Zur",
        "Zum",
        "Vor",
        "Seit",
        "Dabei",
        "Dazu",
        "So",
        "Zu",
        "Als",
        "Weiter",
        "Weiterhin",
        "Ferner",
        "Ebenso",
        "Ebenfalls",
        "Zugleich",
        "Gleichzeitig",
        "Später",
        "Zuvor",
        "Bisher",
        "Gestern",
        "Heute",
        "Morgen",
        "Damals",
        "Jetzt",
        "Nun",
        "Dennoch",
        "Trotzdem",
        "Allerdings",
        "Jedoch",
        "Deshalb",
        "Daher",
        "Darum",
        "Danach",
        "Demnach",
        "Damit",
        "Dagegen",
        "Hingegen",
        "Zuletzt",
        "Zunächst",
        "Erst",
        "Schon",
        "Bereits",
        "Inzwischen",
        "Mittlerweile",
        "Unterdessen",
        "Indes",
        "Dort",
        "Hier",
        "Gegenüber",
        "Für",
        "Gegen",
        "Über",
        "Unter",
        "Aus",
        "Von",
        "Vom",
        "Durch",
        "Ohne",
        "Um",
        "Nachdem",
        "Während",
        "Wegen",
        "Trotz",
        "Angesichts",
        "Bezüglich",
        "Hinsichtlich",
        "Einem",
        "Einer",
        "Eines",
        "Beim",
        "Ins",
        "Vorher",
        "Anschließend",
        "Offenbar",
        "Offensichtlich",
        "Angeblich",
        "Vermutlich",
        "Wahrscheinlich",
        "Immerhin",
        "Insgesamt",
        "Konkret",
        "Schließlich",
        "Besonders",
        "Vor",
        "Allem",
    ]
)
#: How far back (characters) a pronoun or role noun looks for its referent.
RESOLVE_WINDOW = 3000


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str
    entity_id: str | None
    canonical: str | None
    text: str


def attribute(
    text: str,
    quotes: list[Quote],
    mentions: list[Mention],
    sentences: list[tuple[int, int]] | None = None,
) -> None:
    """Fill ``quote.speaker`` for every quotation (in order): ``text``, ``start``, ``end``,
    ``entity_id``, ``canonical`` (the last two None when unresolved)."""
    starts = [m.start for m in mentions]
    previous: dict = {}
    for quote in quotes:
        found = _relay_speaker(text, quote, mentions, starts, previous)
        if quote.relay:
            quote.speaker = found  # without a medium the relay row is dropped
            continue
        if not found and not quote.carried:
            found = _in_frame(text, quote, mentions, starts, previous)
        if not found and quote.carried:
            found = _subject_before(quote, sentences, mentions, starts, previous) or _latest(
                quote.start, mentions, starts, previous
            )
        if not found and quote.kind == "direct" and previous:
            found = dict(previous)
        quote.speaker = found
        if found:
            previous = found
    _inside_reported(quotes)


def _inside_reported(quotes: list[Quote]) -> None:
    """A phrase quoted without a cue inside reported speech (``Nacke zufolge soll er
    „unangemessene Fragen“ gestellt haben``) is the words of that speech's speaker, not of a
    name nearby."""
    around = [q for q in quotes if q.kind != "direct" and not q.relay and q.speaker]
    for quote in quotes:
        if quote.kind != "direct" or quote.cue is not None or quote.carried:
            continue
        host = next(
            (
                q
                for q in around
                if any(s <= quote.start and quote.end <= e for s, e in q.parts)
            ),
            None,
        )
        if host is not None:
            quote.speaker = dict(host.speaker)


#: A quotation without frame keeps the previous speaker when it was named this close before.
CARRY_CHARS = 300
_MEDIUM_PREPOSITIONS = frozenset(["von", "vom", "in", "im", "auf", "bei", "beim"])


def _relay_speaker(text: str, quote: Quote, mentions, starts, previous) -> dict:
    """The speakers of a relayed quotation (cue ``zitieren``): the person quoted for the
    quotation's own row, the medium for its relay row. Active: the subject relays, its object
    is quoted (``Die Zeitung zitiert den Minister``, ``„...“, zitiert die Zeitung den
    Minister``); passive: the subject is quoted, ``von``/``in`` X relays (``Der Minister wird
    von der Zeitung zitiert``, ``wie X von Y zitiert wird``). Empty when not read."""
    if quote.frame is None or quote.cue is None or not relayed_cue(quote):
        return {}
    marks = {"„", "“", "”", "»", "«", '"', "‚", "‘"}
    words = [w for w in _words(text, *quote.frame, quote.parts) if w[0] not in marks]
    cue = quote.cue[1]
    at = next((k for k, w in enumerate(words) if w[1] == cue), None)
    if at is None:
        return {}
    cuts = {",", ":", ";", "(", ")"}
    lo = max((k + 1 for k, w in enumerate(words[:at]) if w[0] in cuts), default=0)
    hi = next((k for k in range(at + 1, len(words)) if words[k][0] in cuts), len(words))
    clause = words[lo:hi]
    k = at - lo
    passive = any(w[0].lower() in _PASSIVE_AUX for w in clause)
    if passive:
        pp = next((j for j, w in enumerate(clause) if w[0].lower() in _MEDIUM_PREPOSITIONS), None)
        pp_words = clause[pp + 1 :] if pp is not None else []
        while (
            len(pp_words) > 1
            and pp_words[0][0].islower()
            and pp_words[0][0] not in _DETERMINERS
            and pp_words[1][0][:1].isupper()
        ):
            pp_words = pp_words[1:]  # ``im italienischen Fachblatt``
        medium = _phrase_from(pp_words) if pp is not None else None
        aux = next(j for j, w in enumerate(clause) if w[0].lower() in _PASSIVE_AUX)
        if clause[0][0].lower() == "wie":
            person = _phrase_from(clause[1:])
        elif aux == 0 and (len(clause) < 2 or clause[1][0].lower() in _MEDIUM_PREPOSITIONS):
            person = _phrase_from(words[:at])  # ``Der Chef, X, wird von der Zeitung zitiert``
        elif aux == 0:  # ``„...“, wird die Ministerin von der Zeitung zitiert``
            person = _phrase_from(clause[1:])
        elif _opens_noun_phrase(clause[:aux]):
            person = (clause[0][1], clause[aux - 1][2])
        else:
            person = _phrase_from(clause[aux + 1 :])
        if person and pp and person[0] < clause[pp][1] < person[1]:  # not ``X von der Zeitung``
            person = (person[0], clause[pp - 1][2])
    elif k == 0:  # ``„...“, zitiert die Zeitung den Minister``
        medium = _phrase_from(clause[1:])
        rest = [w for w in clause[1:] if medium and w[1] >= medium[1]]
        person = _phrase_from(rest)
    else:  # ``Die Zeitung zitiert den Minister mit den Worten``
        medium = (clause[0][1], clause[k - 1][2]) if _opens_noun_phrase(clause[:k]) else None
        person = _phrase_from(clause[k + 1 :])
    if medium is not None and person is None:  # ``zitiert die Zeitung X Lynch``: two names
        named = [
            m
            for m in mentions
            if medium[0] <= m.start and m.end <= medium[1] and m.label in SPEAKER_LABELS
        ]
        if len(named) >= 2:
            medium, person = (medium[0], named[0].end), (named[-1].start, named[-1].end)
    if medium is None or person is None:
        return {}  # one of the two is not named: an ordinary quotation
    span = medium if quote.relay else person
    inside = [m for m in mentions[bisect.bisect_left(starts, span[0]) :] if m.start < span[1]]
    return _resolve_subject(text, span, inside, mentions, starts, quote, previous)


def _subject_before(
    quote: Quote, sentences, mentions: list[Mention], starts: list[int], previous: dict
) -> dict:
    """``Der Iran streitet dies ab. Sein Programm diene ...``: a person or organisation
    opening the sentence before, when the last speaker was named before that sentence."""
    if not sentences or quote.sentence == 0:
        return {}
    lo, hi = sentences[quote.sentence - 1]
    if previous and previous["end"] > lo:
        return {}
    opening = min(hi, lo + 60)  # the subject stands at the start
    for m in mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, opening)]:
        if m.label in SPEAKER_LABELS and m.entity_id:
            return _from_mention(m)
    return {}


def _latest(offset: int, mentions: list[Mention], starts: list[int], previous: dict) -> dict:
    """The speaker of a quotation without frame: the previous speaker if recent, else the
    person or organisation named last before it (if after the previous speaker)."""
    if previous and offset - previous["end"] <= CARRY_CHARS:
        return dict(previous)
    i = bisect.bisect_left(starts, offset)
    for m in reversed(mentions[max(0, i - 30) : i]):
        if previous and m.start <= previous["start"]:
            break
        if m.label in SPEAKER_LABELS and m.entity_id and offset - m.end <= RESOLVE_WINDOW:
            return _from_mention(m)
    return dict(previous)


def _in_frame(
    text: str, quote: Quote, mentions: list[Mention], starts: list[int], previous: dict
) -> dict:
    if quote.source is not None:
        found = _source_phrase(text, quote.source, mentions, starts)
        if (
            found["entity_id"] is None
            and previous.get("entity_id")
            and text[slice(*quote.source)].lower() == "demnach"
        ):
            found.update(entity_id=previous["entity_id"], canonical=previous["canonical"])
        return found
    if quote.frame is None:
        return {}
    lo, hi = quote.frame
    # A reported statement's speaker is inside it (the subject of the sentence).
    parts = () if quote.kind == "reported" else quote.parts
    inside = [
        m
        for m in mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        if m.end <= hi and not _in_parts(m.start, parts)
    ]
    cue = quote.cue[1] if quote.cue else lo
    people = [m for m in inside if m.label in SPEAKER_LABELS and not _addressed(text, m, lo)]
    words = _words(text, lo, hi, parts)
    after = quote.speaker_after or _subject_follows(words, cue, mentions, starts)
    pronoun = _pronoun(words, cue, after)
    following = _right_after(words, quote.cue[2] if quote.cue else cue)
    if following is not None:  # ``bezeichnete er``: the pronoun after the verb is its subject
        pronoun, people = following, []
    if quote.cue and quote.cue[0] == ":":
        subject = _colon_subject(words, cue, {m.start for m in people})
        found = subject and _resolve_subject(text, subject, inside, mentions, starts, quote, {})
        if found:
            return found
    relative = _relative_subject(text, words, quote) if quote.cue else None
    if relative is not None:  # ``eines Jungen, der angab, ...``: the antecedent speaks
        return _relative_speaker(text, relative, inside)
    opening = _opening_subject(words, cue, people) if not quote.speaker_after else None
    if opening is not None:  # ``Albrecht Conze, der Direktor der Mission, bezeichnete``
        return _from_mention(opening)
    subject = None
    if quote.cue and quote.cue[0] != ":" and not quote.speaker_after and following is None:
        named = {m.start for m in people}
        subject = _clause_subject(
            words, cue, quote.cue[2], named, quote.parts, quote.cue[0].lower()
        )
    if subject is not None:
        found = _resolve_subject(text, subject, inside, mentions, starts, quote, previous)
        if found:
            return found
    if people and quote.speaker_after and following is None and quote.cue:
        subject = _inverted_subject(words, quote.cue[2], people)
        if subject is not None:  # ``„...“, schrieb die Polizei auf Twitter``
            return _resolve_subject(text, subject, inside, mentions, starts, quote, previous)
    owners = [m for m in people if _possessor(text, m, lo)]  # ``die DNA Kachelmanns``
    named = [m for m in people if m not in owners]
    if named:
        best = min(named, key=lambda m: _distance(m, cue, after))
        if pronoun is None or _distance(best, cue, after) <= abs(pronoun[1] - cue):
            return _from_mention(best, _owner_start(text, best, lo), text)
    if pronoun is not None:
        ref = _antecedent(quote.start, mentions, starts, previous)
        return {"text": pronoun[0], "start": pronoun[1], "end": pronoun[2], **ref}
    phrase = _noun_phrase(words, cue, after)
    if phrase is not None:
        return {
            "text": text[phrase[0] : phrase[1]],
            "start": phrase[0],
            "end": phrase[1],
            **_role_referent(text, phrase, mentions, starts),
        }
    if owners:
        best = min(owners, key=lambda m: _distance(m, cue, after))
        return _from_mention(best, _owner_start(text, best, lo), text)
    others = [m for m in inside if m.label == "LOC"]
    if others:
        return _from_mention(min(others, key=lambda m: _distance(m, cue, quote.speaker_after)))
    return {}


_FOCUS = {"auch", "nur", "selbst", "sogar", "aber", "und", "doch", "denn", "jedoch"}
_SUBJECT_START = _DETERMINERS | {
    "er",
    "sie",
    "man",
    "dieser",
    "diese",
    "beide",
    "mehrere",
    "viele",
    "einige",
    "zahlreiche",
    "alle",
    "sein",
    "seine",
    "ihr",
    "ihre",
    "unser",
}


#: Finite auxiliaries and modals: in a main clause the one after the first constituent is
#: the verb-second of a cue in the participle or infinitive (``X hat Y gebeten``).
_FINITE_AUX = frozenset(
    [
        "hat",
        "hatte",
        "haben",
        "hatten",
        "ist",
        "war",
        "sind",
        "waren",
        "wird",
        "wurde",
        "werden",
        "wurden",
        "soll",
        "sollen",
        "sollte",
        "sollten",
        "will",
        "wollen",
        "wollte",
        "wollten",
        "kann",
        "können",
        "konnte",
        "konnten",
        "muss",
        "müssen",
        "musste",
        "mussten",
        "darf",
        "durfte",
        "möchte",
        "habe",
        "sei",
        "hätte",
        "wäre",
    ]
)
_CLAUSE_CUT = frozenset([",", ":", ";", "(", ")", "–", "-", "„", "“", "»", "«", '"'])
_SKIP_AFTER_VERB = SENTENCE_ADVERBS | {
    "ebenfalls", "dabei", "inzwischen", "allerdings", "schließlich", "wiederum",
}


_PASSIVE_AUX = frozenset(["wird", "wurde", "werden", "wurden"])
_HEISST = frozenset(["heißt", "hieß", "geheißen", "hieße", "heiße"])
_SOURCE_PREPOSITIONS = frozenset(
    ["in", "im", "auf", "aus", "bei", "beim", "von", "vom", "zur", "zum", "am", "an"]
)


def _clause_subject(
    words, cue: int, cue_end: int, named: set[int], parts=(), cue_word: str = ""
) -> tuple[int, int] | None:
    """The subject of the cue's main clause by German verb-second, as character offsets:
    the first constituent when it is a noun phrase (``Der Sprecher der Polizei teilte mit``,
    ``Die Ministerin hat die Länder gebeten``), else the noun phrase right after the finite
    verb (``Am Montag sagte der Minister``, ``Offiziell geht die Regierung davon aus``); a
    person or pronoun right after the verb when the first constituent names none (``Eine
    Verschiebung bezeichnete Conze als fatal``). ``named``: where person and organisation
    mentions begin. None for clauses this cannot read (a comma before the cue, a subordinate
    clause)."""
    opened = max(  # a quotation ends before (not one inside the clause: ``als „...“ sah``)
        (e for s, e in parts if e <= cue and not _embedded(words, s, e)), default=-1
    )
    before = [w for w in words if w[2] <= cue and w[1] >= opened]
    stop = max((i for i, w in enumerate(before) if w[0] in {".", "!", "?"}), default=-1)
    clause = before[stop + 1 :]
    if len(clause) > 1 and clause[0][0].lower() == "wie":  # ``Wie die Polizei mitteilte, ...``
        if clause[-1][0].lower() in _PASSIVE_AUX:
            return None
        return _phrase_from(clause[1:]) or (clause[1][1], clause[-1][2])
    if not clause or any(w[0] in _CLAUSE_CUT for w in clause):
        return None
    while clause and clause[0][0].lower() in _FOCUS:
        clause = clause[1:]
    if not clause or clause[0][0].lower() in _CLAUSE_WORDS:
        return None
    fin = next(
        (i for i, w in enumerate(clause) if i > 0 and w[0].lower() in _FINITE_AUX), len(clause)
    )
    following = next((w[0].lower() for w in words if w[1] >= cue_end), "")
    if fin < len(clause) and (
        clause[fin][0].lower() in _PASSIVE_AUX
        or (clause[fin][0].lower() in _SEIN and following == "worden")
    ):  # the passive's subject is not the speaker (``wurde ... aufgefordert``): its agent is
        return _passive_source(clause)
    first = clause[:fin]
    if cue_word in _HEISST:  # ``In dem Bericht heißt es``: the source is the speaker
        source = first and first[0][0].lower() in _SOURCE_PREPOSITIONS
        return (first[0][1], first[-1][2]) if source else None
    rest = clause[fin + 1 :] if fin < len(clause) else [w for w in words if w[1] > cue]
    after = _phrase_from(rest)
    if first and (first[0][1] in named or _opens_noun_phrase(first)):
        if any(w[1] in named or w[0].lower() in _PRONOUNS for w in first):
            return first[0][1], first[-1][2]
        if after is not None and (
            any(after[0] <= n < after[1] for n in named) or _is_pronoun(rest, after)
        ):
            return after  # the first constituent is the object
        return first[0][1], first[-1][2]
    return after


_RELATIVE = frozenset(["der", "die", "das", "welcher", "welche", "welches"])


def _relative_subject(text: str, words, quote: Quote):
    """The relative pronoun opening the clause that ends in the cue verb, right before the
    quotation (``eines Jungen, der angab, ...``, ``Ärzte, die sagen: „...“``, ``Ägypten, das
    vorschlug, ...``), with the comma before it; None when the cue is not the last verb of a
    relative clause, or another clause stands between it and the quotation."""
    cue, cue_end = quote.cue[1], quote.cue[2]
    before = [k for k, w in enumerate(words) if w[2] <= cue]
    if not before or quote.cue[0].lower() in _HEISST:  # ``, das heißt, ...``
        return None
    if quote.cue[0].split()[-1].lower() in _particles():
        return None  # ``, die teilte mit``: the particle apart, a main clause
    comma = next((k for k in reversed(before) if words[k][0] in _CLAUSE_CUT), None)
    if comma is None or comma == 0 or words[comma][0] != "," or comma + 1 > before[-1]:
        return None
    pronoun, nxt = words[comma + 1], words[comma + 2] if comma + 2 < len(words) else None
    if pronoun[0] not in _RELATIVE or nxt is None or not _relative_goes_on(nxt[0]):
        return None
    end = _RELATIVE_END.match(text, cue_end)
    if end is None or not any(0 <= s - end.end() <= 1 for s, _ in quote.parts):
        return None  # the cue is not the clause's last word, or no quotation follows it
    return pronoun, words[comma]


def _relative_goes_on(word: str) -> bool:
    """The word after ``der``/``die``/``das`` lets it be a relative pronoun that is the
    subject: not a noun (``, die Polizei teilte mit``), not a finite verb in second place
    (``, das hat X behauptet``), not an article of another subject (``, die die Partei
    ankündigt``)."""
    low = word.lower()
    return not (word[:1].isupper() or low in _FINITE_AUX or low in _NOMINATIVE_ARTICLES)


_NOMINATIVE_ARTICLES = frozenset(["der", "die", "das", "ein", "eine"])


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """The separable particles of the cue verbs (``mit`` of ``teilte mit``)."""
    forms = cue_lexicon.lexicon().forms.values()
    return frozenset(f.particle for group in forms for f in group if f.particle)


#: After the verb of a relative clause: an auxiliary or two, the comma or colon, a space.
_RELATIVE_END = re.compile(
    r"(?:\s+(?:" + "|".join(sorted(_FINITE_AUX)) + r")\b){0,2}\s*[,:]\s*"
)


#: The antecedent of a relative pronoun ends at most this far before its comma, only lower-case
#: words between (``Ramsey Clark anwesend, der``).
ANTECEDENT_CHARS = 12


def _relative_speaker(text: str, relative, inside: list[Mention]) -> dict:
    """The relative pronoun as written; its entity the person or organisation named right
    before the comma (the antecedent)."""
    pronoun, comma = relative
    near = [
        m
        for m in inside
        if m.label in SPEAKER_LABELS
        and m.end <= comma[1]
        and comma[1] - m.end <= ANTECEDENT_CHARS
        and not any(not w[:1].islower() for w in text[m.end : comma[1]].split())
    ]
    ref = near[-1] if near else None
    return {
        "text": pronoun[0],
        "start": pronoun[1],
        "end": pronoun[2],
        "entity_id": ref.entity_id if ref else None,
        "canonical": ref.canonical if ref else None,
    }


_SEIN = frozenset(["ist", "war", "sind", "waren", "sei", "wäre"])
_AGENT_PREPOSITIONS = frozenset(["von", "vom", "durch"])
_DOCUMENT_PREPOSITIONS = frozenset(["in", "im"])


def _passive_source(clause) -> tuple[int, int] | None:
    """Who speaks in the passive: the agent (``Von den Behörden wird angenommen``), else the
    document the words stand in (``So wird in einer Pressemitteilung gefordert``, ``Im
    Bericht war festgestellt worden``)."""
    k = next((i for i, w in enumerate(clause) if w[0].lower() in _AGENT_PREPOSITIONS), None)
    if k is not None:
        return _phrase_from(clause[k + 1 :])
    k = next((i for i, w in enumerate(clause) if w[0].lower() in _DOCUMENT_PREPOSITIONS), None)
    phrase = _phrase_from(clause[k + 1 :]) if k is not None else None
    if phrase is None:
        return None
    nouns = [w[0] for w in clause[k + 1 :] if w[1] < phrase[1] and w[0][:1].isupper()]
    return phrase if nouns and _document(nouns[0]) else None


def _document(word: str) -> bool:
    """A noun of a statement or document, also in a compound (``Pressemitteilung``,
    ``Bericht``, ``Jahresbericht``)."""
    return _said(word) or word.lower().endswith(_sources())


@lru_cache(maxsize=1)
def _sources() -> tuple[str, ...]:
    return tuple(sorted(cue_lexicon.lexicon().sources))


_OPENING_PREPOSITIONS = _SOURCE_PREPOSITIONS | {
    "mit", "nach", "vor", "über", "unter", "für", "gegen", "seit", "während", "zu",
}
_OBJECT_ARTICLES = frozenset(["den", "dem", "einen", "einem"])
_OPENING_ARTICLES = _DETERMINERS | _OBJECT_ARTICLES | {"sein", "seine", "ihr", "ihre"}
_SENTENCE_STOPS = frozenset([".", "!", "?", "“", "”", "«", '"'])


def _colon_subject(words, colon: int, named: set[int]) -> tuple[int, int] | None:
    """The subject of the main clause before a colon, by verb-second: the noun phrase opening
    it (``Der Student hatte gefragt:``), or the one after the finite verb when an adverb, a
    prepositional phrase or an object opens it (``Hier sparte der Präsident nicht mit
    Kritik:``, ``In einer Nachricht würdigte er den Toten:``, ``Den Unmut brachte die
    Sprecherin zum Ausdruck:``), not the object nearest to the colon. An opening phrase
    without a name is the object when a person or organisation (``named``: where their
    mentions begin) follows the verb (``Die Anwendung stellte der Vorsitzende X in Frage:``)."""
    clause = [w for w in words if w[2] <= colon]
    stop = max((i for i, w in enumerate(clause) if w[0] in _SENTENCE_STOPS), default=-1)
    clause = clause[stop + 1 :]
    while clause and clause[0][0].lower() in _FOCUS:
        clause = clause[1:]
    if len(clause) < 3:
        return None
    first = clause[0][0].lower()
    if first in _PRONOUNS:
        return clause[0][1], clause[0][2]
    phrase = _phrase_from(clause) if first in _OPENING_ARTICLES else None
    if phrase is not None:
        j = _past_attachments(
            clause, next((k for k, w in enumerate(clause) if w[1] >= phrase[1]), len(clause))
        )
        opening = _opening_phrase(clause, phrase, j) if first not in _OBJECT_ARTICLES else None
        if opening is not None and any(opening[0] <= n < opening[1] for n in named):
            return opening
        following = _with_apposition(clause, _phrase_from(clause[j + 1 :]))
        if following is not None and any(following[0] <= n < following[1] for n in named):
            return following
        if opening is not None or first not in _OBJECT_ARTICLES:
            return opening
    elif first in _OPENING_PREPOSITIONS:
        j = 1
        while j < len(clause) and clause[j][0][:1].islower() and clause[j][0].isalpha():
            j += 1  # its article and adjectives
        if j >= len(clause) or not clause[j][0][:1].isupper():
            return None
        j += 1  # its noun
    elif clause[0][0] in _NOT_SPEAKER and first not in _CLAUSE_WORDS:
        j = 1  # an adverb
    else:
        return None
    verb = clause[j][0].lower() if j < len(clause) else ""
    if not verb.isalpha() or verb[:1] != clause[j][0][:1] or verb in _OPENING_ARTICLES:
        return None  # no lower-case verb in second place
    if verb in _OPENING_PREPOSITIONS:
        return None
    return _with_apposition(clause, _phrase_from(clause[j + 1 :]))


_GENITIVE_ARTICLES = frozenset(["des", "der", "eines", "einer"])


def _possessor(text: str, m: Mention, lo: int) -> bool:
    """A name in the genitive (``Obamas``, ``des Verfassungsschutzes``: its entity's name
    lacks the ending) that names a possessor (``die DNA Kachelmanns``, ``Obamas Einsatz``),
    not who speaks; the owner of a role speaks for it (``der Sprecher des Kremls``, ``ein
    Sprecher Koch-Mehrins``), and so does a source (``Angaben des Ministeriums``)."""
    if not _genitive(m.text, m.canonical or "") or _owner_start(text, m, lo) is not None:
        return False
    before = text[max(lo, m.start - 40) : m.start].split()
    if before and before[-1].lower() in _GENITIVE_ARTICLES:
        return False  # ``Angaben des Ministeriums``: the source
    after = text[m.end : m.end + 40].split()[:1]
    if after and (after[0].startswith(":") or _said(after[0])) or before and _said(before[-1]):
        return False  # ``in Steinmeiers Worten``, ``die Aussage Schäubles``, ``Salvinis:``
    return not (before and before[-1].strip(",") in _roles())


_GENITIVE_ENDINGS = ("s", "es", "'", "’", "'s", "’s")


def _genitive(written: str, name: str) -> bool:
    """The mention's last word is a word of its entity's name with a genitive ending
    (``Obamas``, ``Herthas`` of Hertha BSC, ``Verfassungsschutzes``), not a name that ends
    in ``s`` itself (``Brüder Italiens``, of Fratelli d'Italia; ``Hans Weiss``)."""
    words = written.split()
    if not words or not name:
        return False
    last, own = words[-1].lower(), {w.lower() for w in name.split()}
    return last not in own and any(
        last.endswith(e) and last[: -len(e)] in own for e in _GENITIVE_ENDINGS
    )


def _said(word: str) -> bool:
    """A noun of what someone says or holds (``Worten``, ``Aussage``, ``Ansicht``)."""
    word = word.strip(",.:;").lower()
    return word.endswith(SPEECH_NOUNS) or word in cue_lexicon.lexicon().sources


def _inverted_subject(words, cue_end: int, people: list[Mention]) -> tuple[int, int] | None:
    """The noun phrase right after the cue of an inverted frame (``„...“, schrieb die
    Polizei auf Twitter``) when it names no one and a preposition follows it: the subject,
    not the medium or place named after it."""
    seq = [w for w in words if w[1] >= cue_end]
    phrase = _phrase_from(seq)
    if phrase is None or not any(w[1] == phrase[0] and w[0].lower() in _DETERMINERS for w in seq):
        return None
    if any(m.start < phrase[1] for m in people if m.start >= cue_end):
        return None  # a name in it or before it
    nxt = next((w[0].lower() for w in seq if w[1] >= phrase[1]), "")
    return phrase if nxt in _OPENING_PREPOSITIONS or nxt == "gegenüber" else None


def _past_attachments(clause, j: int) -> int:
    """Past the genitives and prepositional phrases after a noun phrase (``der Partei über
    Karl Steins Worte``): where the finite verb should stand."""
    while j < len(clause) and (
        clause[j][0] in _DETERMINERS or clause[j][0] in _OPENING_PREPOSITIONS
    ):
        j += 1
        while j < len(clause) and clause[j][0][:1].islower() and clause[j][0].isalpha():
            j += 1  # an article and adjectives
        while j < len(clause) and clause[j][0][:1].isupper():
            j += 1  # the noun or name
    return j


def _opening_phrase(clause, phrase: tuple[int, int], j: int) -> tuple[int, int] | None:
    """The noun phrase opening the clause when a verb or a comma follows it."""
    nxt = clause[j][0] if j < len(clause) else ""
    if nxt == "," or (nxt[:1].islower() and nxt.isalpha()):
        return _with_apposition(clause, phrase)
    return None


def _with_apposition(clause, phrase: tuple[int, int] | None) -> tuple[int, int] | None:
    """The phrase and a name in apposition after it (``Der Experte, Jan Ott,``)."""
    if phrase is None:
        return None
    j = next((k for k, w in enumerate(clause) if w[1] >= phrase[1]), len(clause))
    if j >= len(clause) or clause[j][0] != ",":
        return phrase
    close = next((k for k in range(j + 1, len(clause)) if clause[k][0] == ","), None)
    name = clause[j + 1 : close] if close else []
    if name and all(w[0][:1].isupper() for w in name):
        return phrase[0], name[-1][2]
    return phrase


def _embedded(words, start: int, end: int) -> bool:
    """A quotation inside its clause, a word right before and after it (``hatte den Bericht
    als „falsch“ zurückgewiesen``): it does not open the cue's clause."""
    before = next((w for w in reversed(words) if w[2] <= start), None)
    after = next((w for w in words if w[1] >= end), None)
    return (
        before is not None
        and after is not None
        and before[0][:1].isalpha()
        and after[0][:1].isalpha()
    )


def _is_pronoun(seq, span) -> bool:
    return any(w[1] == span[0] and w[0].lower() in _PRONOUNS for w in seq)


#: Capitalised words that open a clause as an adverbial: time nouns, and the endings of
#: adverbs and adjectives (``Offiziell``, ``Sinngemäß``, ``Gegenwärtig``, ``Relativierend``).
_TIME_NOUNS = frozenset(
    [
        "Ende",
        "Anfang",
        "Mitte",
        "Beginn",
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
        "Des",
        "Zuletzt",
        "Vergangene",
        "Vergangenen",
        "Letzte",
        "Letzten",
        "Kommende",
        "Kommenden",
    ]
)
_ADVERB_ENDINGS = ("lich", "ig", "isch", "ell", "end", "weise", "gemäß", "mäßig", "falls", "ens")


def _opens_noun_phrase(first) -> bool:
    word = first[0][0]
    low = word.lower()
    if low in _DETERMINERS or low in _PRONOUNS or low in _SUBJECT_START:
        return True
    if not word[:1].isupper() or word in _NOT_SPEAKER or word in _TIME_NOUNS:
        return False
    adverbial = low.endswith(_ADVERB_ENDINGS) and (len(first) == 1 or not first[1][0][:1].isupper())
    return not adverbial


_CLAUSE_WORDS = frozenset(
    [
        "dass",
        "daß",
        "ob",
        "wie",
        "wenn",
        "weil",
        "als",
        "nachdem",
        "obwohl",
        "da",
        "während",
        "bevor",
        "damit",
        "indem",
        "wonach",
        "deren",
        "dessen",
        "welche",
        "welcher",
        "welches",
        "was",
        "wer",
        "wo",
    ]
)


_WEB_NAME = re.compile(r"[\w-]+\.(?:de|com|net|org|at|ch|eu|fr|uk)")


def _phrase_from(seq) -> tuple[int, int] | None:
    """The noun phrase opening ``seq`` (after a reflexive or an adverb or two): a pronoun, or
    a determiner, adjectives, capitalised words and a genitive attachment."""
    k = 0
    while k < len(seq) and k < 3 and seq[k][0].lower() in _SKIP_AFTER_VERB:
        k += 1
    if k >= len(seq):
        return None
    word = seq[k][0]
    if word.lower() == "man":
        return None  # nobody in particular
    if word.lower() in _PRONOUNS or _WEB_NAME.fullmatch(word):  # ``er``, ``ndr.de``
        return seq[k][1], seq[k][2]
    j = k
    if word.lower() in _DETERMINERS or word.lower() in _SUBJECT_START:
        j = k + 1
        while j < len(seq) and seq[j][0][:1].islower() and seq[j][0].isalpha() and j - k < 4:
            j += 1  # adjectives
    end = j
    while end < len(seq) and seq[end][0][:1].isupper() and seq[end][0] not in _NOT_SPEAKER:
        end += 1
    if end == j:
        return None
    if end + 1 < len(seq) and seq[end][0] in {"des", "der", "von", "vom"}:
        g = end + 1
        while g < len(seq) and seq[g][0][:1].islower() and seq[g][0].isalpha() and g - end < 3:
            g += 1
        h = g
        while h < len(seq) and seq[h][0][:1].isupper():
            h += 1
        if h > g:
            end = h
    return seq[k][1], seq[end - 1][2]


def _resolve_subject(text, span, inside, mentions, starts, quote, previous) -> dict:
    """The speaker of a subject span: the person (else organisation) named in it, else a
    pronoun's antecedent, else a role noun's referent."""
    lo, hi = span
    named = [m for m in inside if lo <= m.start and m.end <= hi and m.label in SPEAKER_LABELS]
    if named:
        best = min(named, key=lambda m: (m.label != "PER", m.start))
        return {
            "text": text[lo:hi],
            "start": lo,
            "end": hi,
            "entity_id": best.entity_id,
            "canonical": best.canonical,
        }
    phrase = text[lo:hi]
    head = phrase.split()[0] if phrase.split() else ""
    if head.lower() in _PRONOUNS:  # ``er``, ``Er sowie Giesel``
        ref = _antecedent(quote.start, mentions, starts, previous)
        return {"text": head, "start": lo, "end": lo + len(head), **ref}
    if len(phrase) < 3:
        return {}
    return {"text": phrase, "start": lo, "end": hi, **_role_referent(text, span, mentions, starts)}


def _opening_subject(words, cue: int, people: list[Mention]) -> Mention | None:
    """The person or organisation opening the sentence, when an apposition or relative
    clause set off by commas stands between it and the cue (``X, der ..., sagte``)."""
    before = [w for w in words if w[2] <= cue]
    if len(before) < 4 or before[-1][0] != "," or not people:
        return None
    first = min(people, key=lambda m: m.start)
    if first.start != before[0][1] and not (
        before[0][0].lower() in _DETERMINERS and first.start <= before[2][1]
    ):
        return None
    comma = next((w for w in before if w[0] == ","), None)
    return first if comma is not None and first.end <= comma[1] else None


def _subject_follows(words, cue: int, mentions: list[Mention], starts: list[int]) -> bool:
    """German verb-second: the subject stands before the cue verb when the clause opens with
    it (``Die Polizei teilte mit``), after it when an adverbial opens the clause (``Am Montag
    sagte der Minister``) or the cue opens it (``..., sagte er``)."""
    before = [w for w in words if w[2] <= cue]
    cut = max(
        (i for i, w in enumerate(before) if w[0] in {",", ":", ";", "(", "–", "-"}), default=-1
    )
    clause = before[cut + 1 :]
    while clause and clause[0][0].lower() in _FOCUS:
        clause = clause[1:]
    if not clause:
        return True
    first = clause[0]
    if first[0].lower() in _SUBJECT_START:
        return False
    i = bisect.bisect_left(starts, first[1])
    if i < len(mentions) and mentions[i].start == first[1]:
        return False
    return not (first[0][:1].isupper() and first[0] not in _NOT_SPEAKER)


def _source_phrase(
    text: str, span: tuple[int, int], mentions: list[Mention], starts: list[int]
) -> dict:
    """``laut Polizei``, ``Angaben des Ministeriums zufolge``: the phrase is the speaker; its
    entity is the first person or organisation named in it (else a place)."""
    lo, hi = span
    inside = [
        m
        for m in mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        if m.end <= hi and m.entity_id
    ]
    inside.sort(key=lambda m: (m.label not in SPEAKER_LABELS, m.start))
    ref = inside[0] if inside else None
    return {
        "text": text[lo:hi],
        "start": lo,
        "end": hi,
        "entity_id": ref.entity_id if ref else None,
        "canonical": ref.canonical if ref else None,
    }


_ADDRESSED = re.compile(
    r"\b(?:gegenüber|im Gespräch mit|im Interview mit|"
    r"gegenüber de[mnr]|gegenüber der)\s+(?:\w+\s+){0,3}$"
)


def _addressed(text: str, m: Mention, lo: int) -> bool:
    """The mention is the addressee (``gegenüber dem Hamburger Abendblatt``), not the
    speaker."""
    return bool(_ADDRESSED.search(text[max(lo, m.start - 50) : m.start]))


def _right_after(words, cue_end: int):
    """``er``/``sie`` as the first word after the cue verb."""
    nxt = next((w for w in words if w[1] >= cue_end), None)
    if nxt is not None and nxt[0].lower() in _PRONOUNS and nxt[1] - cue_end <= 1:
        return nxt
    return None


def _in_parts(offset: int, parts) -> bool:
    return any(s <= offset < e for s, e in parts)


def _distance(m: Mention, cue: int, after: bool) -> int:
    gap = m.start - cue if m.start >= cue else cue - m.end
    return gap if (m.start >= cue) == after else gap + 50


def _from_mention(m: Mention, start: int | None = None, text: str | None = None) -> dict:
    if start is not None and start < m.start and text is not None:
        return {
            "text": text[start : m.end],
            "start": start,
            "end": m.end,
            "entity_id": m.entity_id,
            "canonical": m.canonical,
        }
    return {
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "entity_id": m.entity_id,
        "canonical": m.canonical,
    }


_OWNER = re.compile(
    r"(?:\b(?:[Dd]er|[Dd]ie|[Ee]ine?|[Dd]as)\s+)(?:[a-zäöü]\w*e[nrms]?\s+)?"
    r"[A-ZÄÖÜ][\w-]*\s+(?:des|der|von|vom)\s+(?:[a-zäöü]\w*\s+)?$"
)


def _owner_start(text: str, m: Mention, lo: int) -> int | None:
    """Where ``der Sprecher des`` before an organisation begins: the speaker as written is
    the whole phrase, the entity the organisation."""
    window = text[max(lo, m.start - 60) : m.start]
    found = _OWNER.search(window)
    return m.start - len(window) + found.start() if found else None


def _words(text: str, lo: int, hi: int, parts) -> list[tuple[str, int, int]]:
    inside = [(s, e) for s, e in parts if s < hi and e > lo]  # the parts that can hold one
    found = _WORD.finditer(text, lo, hi)
    if not inside:
        return [(m.group(), *m.span()) for m in found]
    return [(m.group(), *m.span()) for m in found if not _in_parts(m.start(), inside)]


def _pronoun(words, cue: int, after: bool):
    """``er``/``sie`` next to the cue: right after it, or the subject before it."""
    near = [w for w in words if w[0].lower() in _PRONOUNS and abs(w[1] - cue) < 40]
    if not near:
        return None
    if after:
        following = [w for w in near if w[1] > cue]
        return following[0] if following else None
    return min(near, key=lambda w: abs(w[1] - cue))


def _antecedent(offset: int, mentions: list[Mention], starts: list[int], previous: dict) -> dict:
    """The most recent person before ``offset`` (or the last speaker when nearer)."""
    i = bisect.bisect_left(starts, offset)
    for m in reversed(mentions[max(0, i - 40) : i]):
        if offset - m.end > RESOLVE_WINDOW:
            break
        if m.label == "PER" and m.entity_id:
            if previous.get("entity_id") and previous.get("start", -1) > m.start:
                break
            return {"entity_id": m.entity_id, "canonical": m.canonical}
    if previous.get("entity_id"):
        return {"entity_id": previous["entity_id"], "canonical": previous["canonical"]}
    return {"entity_id": None, "canonical": None}


def _noun_phrase(words, cue: int, after: bool):
    """A determiner and capitalised noun(s) next to the cue: ``ein Sprecher``, ``die
    Polizei``, ``der Sprecher des Kremls``; offsets or None."""
    if after:
        seq = [w for w in words if w[1] > cue]
    else:
        seq = [w for w in words if w[2] <= cue]
        cut = max((i for i, w in enumerate(seq) if w[0] in {",", ":", ";"}), default=-1)
        if any(w[0].lower() in _DETERMINERS for w in seq[cut + 1 :]):
            seq = seq[cut + 1 :]  # the subject opens the cue's own clause
    for i, w in enumerate(seq):
        if w[0].lower() not in _DETERMINERS:
            continue
        j = i + 1
        while (
            j < len(seq)
            and seq[j][0][:1].islower()
            and seq[j][0].isalpha()
            and seq[j][0].lower() not in _DETERMINERS
            and j - i < 3
        ):
            j += 1
        if j < len(seq) and seq[j][0][:1].isupper() and seq[j][0] not in _NOT_SPEAKER:
            end = j + 1
            if (
                end + 1 < len(seq)
                and seq[end][0] in {"des", "der"}
                and seq[end + 1][0][:1].isupper()
            ):
                end += 2
            return seq[i][1], seq[end - 1][2]
        if after:
            break
    return _bare_noun_phrase(seq, after)


def _bare_noun_phrase(seq, after: bool):
    """A subject without article (``Beobachter``, ``Internationale Wahlbeobachter``,
    ``Ärzte ohne Grenzen``): capitalised words opening the clause before the cue, or right
    after it."""
    if after:
        words = [w for w in seq[:4] if w[0] not in {",", "(", ")"}]
        while words and words[0][0][:1].islower() and len(words) > 1:
            words = words[1:]
    else:
        cut = max(
            (i for i, w in enumerate(seq) if w[0] in {",", ":", ";", "(", ")", "–"}), default=-1
        )
        words = seq[cut + 1 :]
        while words and words[0][0].lower() in _FOCUS:
            words = words[1:]
    run = []
    for w in words:
        if (
            w[0][:1].isupper()
            and w[0] not in _NOT_SPEAKER
            and w[0].isalpha()
            or run
            and w[0][:1].isupper()
            and "-" in w[0]
        ):
            run.append(w)
        elif (
            not run
            and w[0][:1].islower()
            and w[0].endswith(("e", "en", "er"))
            and w[0].lower() not in _SUBJECT_START
            and w[0].isalpha()
            and not after
        ):
            continue  # internationale Beobachter (mid-sentence adjective)
        else:
            break
    if not run:
        return None
    return run[0][1], run[-1][2]


def _role_referent(text: str, phrase, mentions: list[Mention], starts: list[int]) -> dict:
    """A role noun phrase's entity: a named organisation inside it (``des Kremls``), else the
    most recent person introduced with a title ending in its noun (``Ministerin``)."""
    lo, hi = phrase
    for m in mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]:
        if m.end <= hi and m.entity_id and m.label in ("ORG", "LOC", "PER"):
            return {"entity_id": m.entity_id, "canonical": m.canonical}
    words = text[lo:hi].split()
    noun = next((w for w in words[1:] if w[:1].isupper()), "")
    if len(noun) < 4:
        return {"entity_id": None, "canonical": None}
    stem = noun.lower().rstrip("s")
    i = bisect.bisect_left(starts, lo)
    for m in reversed(mentions[max(0, i - 60) : i]):
        if lo - m.end > RESOLVE_WINDOW:
            break
        if m.label != "PER" or not m.entity_id:
            continue
        before = text[max(0, m.start - 40) : m.start].split()
        if before and before[-1].lower().rstrip(",").endswith(stem):
            return {"entity_id": m.entity_id, "canonical": m.canonical}
    if text[lo:hi].split()[0].lower() in {"der", "die"} and noun in _offices():
        for m in reversed(mentions[max(0, i - 60) : i]):
            if lo - m.end > RESOLVE_WINDOW:
                break
            if m.label == "PER" and m.entity_id:
                return {"entity_id": m.entity_id, "canonical": m.canonical}
    return {"entity_id": None, "canonical": None}


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    """Every role noun of ``data/roles.csv`` (``Sprecher``, ``Minister``, ``Anwalt``)."""
    return frozenset(kb.load_roles()["role"])


@lru_cache(maxsize=1)
def _offices() -> frozenset[str]:
    """Role nouns of an office held by one person (``Ministerin``, ``Kanzler``): with a
    definite article they refer back to the most recent person."""
    roles = kb.load_roles()
    return frozenset(roles.loc[roles["kind"] == "office", "role"])


def speaker_of_span(
    text: str, span: tuple[int, int], mentions: list[Mention], quote: Quote
) -> dict:
    """The speaker written at ``span`` (a subject found otherwise), resolved as in the frame."""
    starts = [m.start for m in mentions]
    inside = [m for m in mentions[bisect.bisect_left(starts, span[0]) :] if m.start < span[1]]
    return _resolve_subject(text, span, inside, mentions, starts, quote, {})
