"""Whom a quotation is addressed to, where the text names it (the ``addressee`` columns).

Read in the clause of the quotation's cue (outside the quoted words), in this order:

- the object of a cue verb that addresses someone (``warf der Regierung vor``, ``forderte die
  SPD auf``, ``hat Lenz gebeten``, ``empfahl dem Gericht``), also in the passive, where it is
  the subject (``Ihm wird vorgeworfen``, ``Darin wird der König aufgefordert``);
- a dative right after ``sagen``, ``erklären``, ``mitteilen`` and the like (``sagte der
  Zeitung``, ``sagte Reportern``, ``erklärte einem Angestellten``);
- a prepositional phrase naming an audience: ``gegenüber X`` (not ``Toleranz gegenüber X``),
  ``im Interview mit X``, ``in einem Brief an X``, ``appellierte an X``, ``vor Journalisten``.

No parser: the noun phrase is the determiner, adjectives and capitalised words that follow.
Measured by ``benchmarks/quotes_eval.py`` (the dataset annotates addressees).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newslens.quotes import cues as cue_lexicon
from newslens.quotes.extract import ARTICLE_FORMS, SENTENCE_ADVERBS, Quote

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_CUT = frozenset([",", ";", ":", "(", ")", "–", ".", "!", "?"])
_MARKS = frozenset(["„", "“", "”", "»", "«", '"'])
#: Cue verbs whose object is the one addressed (accusative or dative).
OBJECT_VERBS = frozenset(
    [
        "vorwerfen",
        "auffordern",
        "aufrufen",
        "bitten",
        "warnen",
        "empfehlen",
        "raten",
        "vorschlagen",
        "zusichern",
        "versichern",
        "beschuldigen",
        "anweisen",
        "nachsagen",
        "fragen",
        "ermahnen",
        "drängen",
        "ersuchen",
        "beauftragen",
        "anklagen",
        "drohen",
        "danken",
        "versprechen",
        "zusagen",
        "anbieten",
    ]
)
#: Those of them whose addressee is a dative (the accusative is the thing: ``empfahl dem
#: Gericht die Klage``).
DATIVE_OBJECT_VERBS = frozenset(
    [
        "vorwerfen",
        "empfehlen",
        "raten",
        "vorschlagen",
        "zusichern",
        "versichern",
        "nachsagen",
        "drohen",
        "danken",
        "versprechen",
        "zusagen",
        "anbieten",
    ]
)
#: Cue verbs with an optional dative of the one told (``sagte der Zeitung``).
DATIVE_VERBS = frozenset(
    [
        "sagen",
        "erklären",
        "mitteilen",
        "bestätigen",
        "berichten",
        "erzählen",
        "schreiben",
        "versichern",
        "ankündigen",
        "antworten",
    ]
)
_PASSIVE = frozenset(["wird", "wurde", "werden", "wurden", "worden"])
_DATIVE_START = frozenset(["dem", "einem", "der", "einer", "ihm", "ihr", "ihnen", "uns"])
_OBJECT_START = _DATIVE_START | frozenset(["den", "die", "das", "einen", "eine", "ihn", "sie"])
#: Capitalised words opening a clause that are no noun (``Darin wird X aufgefordert``).
_NOT_NAMES = frozenset(
    [
        "darin",
        "dabei",
        "inzwischen",
        "als",
        "dort",
        "damals",
        "nun",
        "deshalb",
        "daher",
        "dennoch",
        "zudem",
        "außerdem",
        "auch",
        "zuvor",
        "später",
        "danach",
        "hier",
        "so",
        "wegen",
        "in",
        "im",
        "bei",
        "nach",
        "seit",
        "mit",
        "von",
        "vom",
        "am",
        "an",
        "zum",
        "zur",
        "zu",
        "auf",
        "aus",
        "für",
        "über",
        "unter",
        "durch",
        "weiter",
        "wenige",
        "passend",
        "stellvertretend",
        "des",
        "gegenüber",
        "laut",
        "während",
        "nachdem",
        "wie",
        "gleichzeitig",
        "bereits",
        "gegenwärtig",
        "hierzu",
        "dazu",
        "damit",
        "zunächst",
        "anschließend",
        "ebenfalls",
        "jetzt",
        "heute",
        "gestern",
        "morgen",
        "erst",
        "schon",
        "derzeit",
        "zugleich",
        "insbesondere",
        "allerdings",
        "jedoch",
        "aber",
        "trotzdem",
        "darüber",
        "hinaus",
        "zuletzt",
    ]
)
_PRONOUN_OBJECTS = frozenset(["ihm", "ihr", "ihnen", "ihn", "uns", "sie"])
#: Nouns of a message sent to someone (``in einem Brief an X``).
_MESSAGE = re.compile(
    r"(?:brief|schreiben|appell|botschaft|mail|nachricht|rede|aufruf|erklärung|schreibens"
    r"|briefs|briefes|botschaften)$",
    re.IGNORECASE,
)
_TALK = re.compile(r"(?:interview|gespräch|telefonat|telefongespräch|unterredung)s?$", re.I)
#: Words that open no addressee after ``gegenüber`` (a comparison: ``gegenüber dem Vorjahr``).
_NOT_AUDIENCE = re.compile(r"(?:vorjahr|vormonat|vorwoche|vortag|vorquartal|jahr|zeit)\w*$", re.I)
_AUDIENCE = re.compile(
    r"(?:journalist|reporter|presse|medien|anhänger|abgeordnete|delegierte|parlament|zuhörer"
    r"|publikum|gästen|teilnehmer|mitarbeiter|studenten|soldaten|unterstützer|versammlung)",
    re.IGNORECASE,
)
#: Words one of which a clause naming an audience holds (a cheap test before reading it).
_TRIGGER = re.compile(
    "|".join(
        ["gegenüber", "appellier", "wandte", "wendet", _AUDIENCE.pattern]
        + [_TALK.pattern.removesuffix("s?$"), _MESSAGE.pattern.removesuffix("$")]
    )
)  # searched in lower-cased text
_SKIP = SENTENCE_ADVERBS | {
    "gestern", "heute", "direkt", "ausdrücklich", "eindringlich", "dringend", "wiederholt",
    "mehrfach", "seinerseits", "ihrerseits", "offen", "sogar", "anschließend", "zuletzt",
}


def addressee(
    text: str,
    quote: Quote,
    sentences: list[tuple[int, int]] | None = None,
    named: list[tuple[int, int]] = (),
) -> tuple[str, int, int] | None:
    """``(as written, start, end)`` of the one the quotation is addressed to, or None.
    ``sentences`` are the article's ``(start, end)``; ``named`` the spans of the persons and
    organisations named in it (``sagte zur Sportschau``, not ``sagte zur Lage``)."""
    region = _region(quote, sentences)
    if region is None or not (
        quote.cue and _may_address(quote.cue[0]) or _TRIGGER.search(text[slice(*region)].lower())
    ):
        return None  # most quotations: no addressing cue, no audience named
    clause, cue_at = _cue_clause(text, quote, region)
    if not clause:
        return None
    speaker = quote.speaker or {}
    taken = (speaker.get("start"), speaker.get("end"))
    found = None
    if cue_at is not None:
        lemmas = _lemmas(quote.cue[0], [w[0].lower() for w in clause[cue_at:]])
        after_quote = any(
            0 <= clause[0][1] - e <= 3
            or (clause[0][1] > e and not text[e : clause[0][1]].strip(",( "))
            for _, e in quote.parts
        )
        if lemmas & OBJECT_VERBS:
            dative = bool(lemmas & DATIVE_OBJECT_VERBS)
            found = _object(clause, cue_at, taken, False, after_quote, dative)
        elif lemmas & DATIVE_VERBS:
            found = _object(clause, cue_at, taken, True, after_quote) or _told_to(
                clause, cue_at, taken, named
            )
    found = found or _prepositional(clause, taken)
    if found is None:
        return None
    start, end = found
    return text[start:end], start, end


def _region(quote: Quote, sentences) -> tuple[int, int] | None:
    """From the sentence where the quotation begins to the end of the one with its cue."""
    if not sentences:
        return quote.frame
    lo = sentences[quote.sentence][0]
    last = max(quote.cue[2] if quote.cue else 0, quote.frame[1] if quote.frame else 0)
    hi = sentences[quote.sentence][1]
    for start, end in sentences[quote.sentence :]:
        if start >= last:
            break
        hi = max(hi, end)
    return lo, hi


def _cue_clause(text: str, quote: Quote, region) -> tuple[list, int | None]:
    """The words of the cue's clause outside the quotation, and the cue's index among them."""
    if region is None:
        return [], None
    lo, hi = region
    parts = () if quote.kind == "reported" else quote.parts  # its frame is inside it
    cue = quote.cue
    if cue is None or cue[0] == ":":
        if quote.frame is None:
            return [], None
        f_lo, f_hi = quote.frame
        words = _outside(text, max(lo, f_lo), min(hi, f_hi), parts)
        return [w for w in words if w[0] not in _CUT], None
    if any(s <= cue[1] < e for s, e in parts):
        return [], None
    # a clause is seldom longer than this either side of its cue
    words = _outside(text, max(lo, cue[1] - CLAUSE_CHARS), min(hi, cue[2] + CLAUSE_CHARS), parts)
    at = next((k for k, w in enumerate(words) if w[1] <= cue[1] < w[2]), None)
    if at is None:
        return [], None
    first = at
    while first > 0 and words[first - 1][0] not in _CUT and not _gap(words, first, quote):
        first -= 1
    last = at
    while (
        last + 1 < len(words)
        and words[last + 1][0] not in _CUT
        and not _gap(words, last + 1, quote)
    ):
        last += 1
    return words[first : last + 1], at - first


#: Characters read either side of the cue for its clause.
CLAUSE_CHARS = 120


def _outside(text: str, lo: int, hi: int, parts) -> list[tuple[str, int, int]]:
    """The words of ``text[lo:hi]`` outside the quotation's parts."""
    inside = [(s, e) for s, e in parts if s < hi and e > lo]
    if not inside:
        return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, lo, hi)]
    if len(inside) == 1:
        (s, e), out = inside[0], []
        for m in _WORD.finditer(text, lo, hi):
            if not s <= m.start() < e:
                out.append((m.group(), m.start(), m.end()))
        return out
    return [
        (m.group(), m.start(), m.end())
        for m in _WORD.finditer(text, lo, hi)
        if not any(s <= m.start() < e for s, e in inside)
    ]


def _gap(words, k: int, quote: Quote) -> bool:
    """A part of the quotation lies between word ``k - 1`` and word ``k``."""
    return any(words[k - 1][2] <= s < words[k][1] for s, _ in quote.parts)


@lru_cache(maxsize=4096)
def _may_address(cue: str) -> bool:
    """The cue can be a verb with an addressee (its particle not checked)."""
    lex = cue_lexicon.lexicon()
    return any(
        f.lemma in OBJECT_VERBS or f.lemma in DATIVE_VERBS
        for word in cue.lower().split()
        for f in lex.forms.get(word, ())
    )


def _lemmas(cue: str, after: list[str]) -> set[str]:
    """The lemmas the cue can be: a particle verb only with its particle (``sicherte zu``,
    ``rief die Armee auf``)."""
    lex = cue_lexicon.lexicon()
    words = cue.lower().split()
    return {
        f.lemma
        for word in words
        for f in lex.forms.get(word, ())
        if f.kind == "verb"
        and (not f.particle or f.particle in words or f.participle or f.particle in after[1:])
    }


def _object(
    clause,
    cue_at: int,
    taken,
    dative_only: bool,
    after_quote: bool = False,
    dative_object: bool = False,
) -> tuple[int, int] | None:
    """The object of the cue verb. Active: after the finite verb (in the perfect between the
    auxiliary and the participle), past the subject when the subject follows the verb, or
    opening the clause when the subject follows (``Den Flüchtlingen sicherte X zu``).
    Passive: the subject (``Ihm wird vorgeworfen``, ``X wurde vom Verband aufgefordert``)."""
    lowered = [w[0].lower() for w in clause]
    passive = any(w in _PASSIVE for w in lowered) and not dative_only
    if passive:
        aux = next(k for k, w in enumerate(lowered) if w in _PASSIVE)
        for k in (0, aux + 1):
            while k < len(clause) and lowered[k] in _SKIP:
                k += 1
            if k < len(clause) and lowered[k] in _NOT_NAMES:
                continue
            found = _phrase(clause, k, _OBJECT_START | {"der"}, allow_names=True)
            if found:
                return found
        return None
    starts = _DATIVE_START if dative_only else _OBJECT_START
    if not dative_only and cue_at > 0 and lowered[0] in {"dem", "den", "einem"}:
        found = _phrase(clause, 0, starts, allow_names=False)
        if found and not _overlaps(found, taken):
            return found
    finite, stop = cue_at, len(clause)
    have = [j for j in range(cue_at) if lowered[j] in _HAVE]
    if have:  # ``hatte Lenz gestern aufgefordert``
        finite, stop = have[-1], cue_at
    subject_before = _subject_before(clause, finite, taken, after_quote)
    if (
        not dative_only
        and finite > 0
        and taken[0] is not None
        and clause[finite][2] <= taken[0] <= clause[finite][2] + 1
        and finite + 1 < len(clause)
        and clause[finite + 1][0].lower() in {"er", "sie", "wir", "ich"}
        and lowered[0] not in _NOT_NAMES
    ):  # ``Die Bürger forderte er auf``: the object before the verb, the subject after
        found = _phrase(clause[:finite], 0, _OBJECT_START | ARTICLE_FORMS, allow_names=True)
        if found:
            return found
    k = finite + 1
    while k < stop and lowered[k] in _SKIP:
        k += 1
    k = _past_phrases(clause, lowered, k, stop)
    if not subject_before:  # ``warf der ai-Bericht den Behörden vor``: past the subject
        subject = _phrase(clause, k, _OBJECT_START | ARTICLE_FORMS, allow_names=True)
        if subject is None or k < stop and lowered[k] in _OBLIQUE:
            return None
        while k < stop and clause[k][1] < subject[1]:
            k += 1
        if k < stop and lowered[k] in {"der", "des"}:  # ``ein Sprecher der Downing Street``
            genitive = _phrase(clause[:stop], k, ARTICLE_FORMS, allow_names=False)
            while genitive and k < stop and clause[k][1] < genitive[1]:
                k += 1
        k = _past_phrases(clause, lowered, k, stop)
    if k >= stop:
        return None
    found = _phrase(clause[:stop], k, starts, allow_names=not dative_only)
    if (
        found
        and dative_object
        and lowered[k] in {"den", "die", "das", "einen", "eine", "ihn", "sie"}
    ):
        last = [w[0] for w in clause if w[1] < found[1]][-1]
        if lowered[k] != "den" or not last.endswith("n"):
            return None  # ``empfahl den Umstieg``: the thing, not the one told
    if found is None and dative_only and _AUDIENCE.match(clause[k][0]):
        found = clause[k][1], clause[k][2]  # ``sagte Reportern``
    if found is None:
        return None
    return found


_POSSESSIVE = frozenset(
    [
        "sein",
        "seine",
        "seiner",
        "seinem",
        "seinen",
        "seines",
        "ihr",
        "ihre",
        "ihrer",
        "ihrem",
        "ihren",
        "ihres",
        "unser",
        "unsere",
        "unserer",
        "unserem",
        "einer",
        "eines",
        "dieser",
        "diesem",
        "diesen",
    ]
)
_OBLIQUE = frozenset(["dem", "den", "einem", "ihm", "ihnen", "ihn"])
_PREPOSITIONS = frozenset(
    [
        "in",
        "im",
        "am",
        "an",
        "auf",
        "bei",
        "beim",
        "mit",
        "nach",
        "vor",
        "aus",
        "über",
        "seit",
        "während",
        "zur",
        "zum",
        "von",
        "vom",
        "unter",
        "durch",
        "für",
    ]
)


def _past_phrases(clause, lowered, k: int, stop: int) -> int:
    """Past adverbs and prepositional phrases (``am Samstag in ihrer Videobotschaft``)."""
    while k < stop:
        if lowered[k] in _SKIP:
            k += 1
        elif lowered[k] in _PREPOSITIONS:
            phrase = _phrase(
                clause[:stop], k + 1, _OBJECT_START | ARTICLE_FORMS | _POSSESSIVE, True
            )
            if phrase is None:
                return k
            while k < stop and clause[k][1] < phrase[1]:
                k += 1
        else:
            return k
    return k


_HAVE = frozenset(["hat", "hatte", "haben", "hatten", "habe", "hätte", "hätten"])
_NOMINATIVE = frozenset(["der", "die", "das", "ein", "eine", "er", "sie", "wir", "ich", "es"])


def _subject_before(clause, finite: int, taken, after_quote: bool) -> bool:
    """The subject stands before the finite verb: the speaker found there; or a noun phrase
    opening the clause (``Die Behörden werfen``, ``Kritiker werfen``, not ``Im Interview
    erklärte``); or the clause opens with the verb after an apposition (``X, Sprecher der
    Partei, warf``), not after the quotation (``„...“, sagte X``)."""
    if finite == 1 and clause[0][0].lower() in {"das", "dies", "es"}:
        return False  # ``Das bestätigte der Präsident``: the object opens the clause
    if taken[1] is not None and taken[1] <= clause[finite][1]:
        return True
    if finite == 0:
        return not after_quote
    prefield = clause[:finite]
    first = prefield[0][0]
    if len(prefield) > 6:
        return False
    if first.lower() in _NOMINATIVE:
        return True
    return all(w[0][:1].isupper() and w[0].lower() not in _NOT_NAMES for w in prefield)


#: Nouns of a medium or its people, told something (``sagte zur Nachrichtenagentur dpa``).
_MEDIUM = re.compile(
    r"(?:agentur|zeitung|blatt|sender|fernsehen|radio|magazin|reporter|journalist|sportschau"
    r"|tagesschau|presse|portal|nachrichten)",
    re.IGNORECASE,
)


def _told_to(clause, cue_at: int, taken, named) -> tuple[int, int] | None:
    """``sagte zur Sportschau``, ``sagte Tuchel zur Nachrichtenagentur dpa``: ``zu`` before a
    medium, a person or an organisation in the clause of a verb of saying."""
    for k in range(len(clause) - 1):
        if clause[k][0].lower() not in {"zu", "zum", "zur"}:
            continue
        found = _phrase(clause, k + 1, _OBJECT_START | ARTICLE_FORMS, allow_names=True)
        if found is None or _overlaps(found, taken):
            continue
        words = [w[0] for w in clause if found[0] <= w[1] < found[1]]
        if any(_MEDIUM.search(w) for w in words) or any(
            found[0] <= s and e <= found[1] for s, e in named
        ):
            return found
    return None


def _prepositional(clause, taken) -> tuple[int, int] | None:
    lowered = [w[0].lower() for w in clause]
    for k, word in enumerate(lowered[:-1]):
        if word == "gegenüber":
            before = clause[k - 1][0] if k else ""
            if k and before[:1].isupper() and not _overlaps(clause[k - 1][1:], taken):
                continue  # ``Toleranz gegenüber X``: whom an attitude concerns
            if _NOT_AUDIENCE.search(clause[k + 1][0]) or (
                k + 2 < len(clause) and _NOT_AUDIENCE.search(clause[k + 2][0])
            ):
                continue
        elif not _audience_follows(clause, lowered, k):
            continue
        target = k + 1
        found = _phrase(clause, target, _OBJECT_START | ARTICLE_FORMS, allow_names=True)
        if found:  # the preposition marks it, whatever was taken for the speaker
            return found
    return None


def _audience_follows(clause, lowered, k: int) -> bool:
    """``im Interview mit X``, ``in einem Brief an X``, ``appellierte an X``, ``vor
    Journalisten``: the word at ``k`` opens the phrase of whom the speech is for."""
    word = lowered[k]
    if word == "mit":
        return bool(k and _TALK.search(lowered[k - 1]))
    if word == "an":
        return bool(k and _MESSAGE.search(lowered[k - 1]) or _APPEAL & set(lowered))
    if word == "vor":
        head = k + 1 + (lowered[k + 1] in ARTICLE_FORMS)
        return head < len(clause) and bool(_AUDIENCE.match(clause[head][0]))
    return False


_APPEAL = frozenset(["appellierte", "appelliert", "appellierten", "wandte", "wandten", "wendet"])


def _phrase(clause, k: int, starts, allow_names: bool) -> tuple[int, int] | None:
    """The noun phrase at ``clause[k]``: a pronoun, or a determiner from ``starts``, lower-case
    adjectives and capitalised words (or capitalised words alone when ``allow_names``)."""
    if k >= len(clause):
        return None
    word = clause[k][0]
    if word.lower() in _PRONOUN_OBJECTS and word.lower() in starts:
        return clause[k][1], clause[k][2]
    j = k
    if word.lower() in starts:
        j = k + 1
        while j < len(clause) and clause[j][0][:1].islower() and clause[j][0].isalpha():
            j += 1
            if j - k > 4:
                return None
    elif not (allow_names and (word[:1].isupper() or word in _MARKS)):
        return None
    end = j
    while end < len(clause) and (
        clause[end][0][:1].isupper() or clause[end][0] in _MARKS and end + 1 < len(clause)
    ):
        end += 1
    while end > j and clause[end - 1][0] in _MARKS - {"“", "”", "«"}:
        end -= 1  # an opening mark left at the end
    if end == j or all(w[0] in _MARKS for w in clause[j:end]):
        return None
    return clause[k][1], clause[end - 1][2]


def _overlaps(span, taken) -> bool:
    return taken[0] is not None and span[0] < taken[1] and taken[0] < span[1]


def subject_span(
    text: str, quote: Quote, sentences: list[tuple[int, int]] | None = None
) -> tuple[int, int] | None:
    """Where the subject of the cue's clause stands, for a speaker that turned out to be the
    addressee: the words before the finite verb (``Die Behörden werfen Luna ... vor``), or
    the opening of the sentence when the clause starts with the verb after an apposition
    (``Der Vorsitzende, Wolfgang Jüttner, hatte Lenz aufgefordert``); None in the passive,
    after an adverb or a prepositional phrase, or when the quotation stands in between."""
    region = _region(quote, sentences)
    if region is None or quote.cue is None:
        return None
    clause, cue_at = _cue_clause(text, quote, region)
    if cue_at is None:
        return None
    lowered = [w[0].lower() for w in clause]
    if any(w in _PASSIVE for w in lowered):
        return None
    have = [j for j in range(cue_at) if lowered[j] in _HAVE]
    finite = have[-1] if have else cue_at
    if finite > 0:
        if lowered[0] in _NOT_NAMES or lowered[0] in _SKIP or lowered[0] in _OBLIQUE:
            return None
        return clause[0][1], clause[finite - 1][2]
    if not sentences:
        return None
    lo = next(s for s, e in sentences if s <= clause[0][1] < e or s >= clause[0][1])
    hi = clause[0][1]
    opening = text[lo:hi]
    if any(lo <= s < hi for s, _ in quote.parts) or not opening.strip():
        return None
    stripped = opening.rstrip().rstrip(",").rstrip()
    start = lo + len(opening) - len(opening.lstrip())
    if len(stripped.split()) > 12 or stripped.split()[0].lower() in _NOT_NAMES:
        return None
    return start, lo + len(stripped)
