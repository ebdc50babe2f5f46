"""Finding quotations in one article: direct, indirect, reported and free indirect speech.

Works on the article text, its sentences and its entity mentions (no parse is needed: the
shipped pipeline has none). Direct quotations are the spans between quotation marks that read
as speech (long enough, or framed by a cue); a quotation split by its frame (``„A“, sagte
er, „B“``) is joined into one with two parts. Indirect quotations are the clauses a cue
introduces (``X sagte, dass ...``, ``..., sagte X``, ``Wie X mitteilte, ...``, ``laut X``,
``X zufolge``, ``nach Angaben von X``). A sentence in the subjunctive without a cue that
follows a quotation continues it (free indirect speech); a sentence whose subject is a named
speaker and whose verb is a speech act (``X forderte den Rücktritt``) reports one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain, repeat
from operator import itemgetter
from typing import NamedTuple

import pandas as pd

from newslens import config
from newslens.quotes import cues as cue_lexicon

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_OPENERS = {"„": '“”"', "»": "«", "«": "»", "“": "”", '"': '"', "‚": "‘’", "›": "‹"}
_QUOTE_MARK = re.compile(r"[„“”»«\"]")
_TERMINAL = set(".!?…")
_AUX = {
    "hat",
    "hatte",
    "haben",
    "hatten",
    "habe",
    "hätte",
    "hätten",
    "wurde",
    "wurden",
    "wird",
    "werden",
    "worden",
    "sei",
    "ist",
    "war",
    "waren",
    "sind",
}
#: Finite verb forms of the subjunctive I (and the unambiguous II) that mark reported speech.
SUBJUNCTIVE = frozenset(
    [
        "sei",
        "seien",
        "habe",
        "hätten",
        "hätte",
        "werde",
        "würden",
        "würde",
        "könne",
        "müsse",
        "solle",
        "wolle",
        "dürfe",
        "wäre",
        "wären",
        "gebe",
        "gehe",
        "komme",
        "stehe",
        "liege",
        "bleibe",
        "lasse",
        "sehe",
        "wisse",
        "brauche",
        "bestehe",
        "handele",
        "handle",
        "gelte",
        "laufe",
        "fehle",
        "trage",
        "mache",
    ]
)
_CLAUSE_WORDS = {
    "dass",
    "daß",
    "ob",
    "wonach",
    "wie",
    "weil",
    "warum",
    "wann",
    "wer",
    "was",
    "wo",
    "damit",
}
_PRONOUNS = {"er", "sie", "es", "man", "ich", "wir", "ihr"}
_ADVERBIAL = frozenset(
    [
        "wobei",
        "wenn",
        "als",
        "weil",
        "nachdem",
        "obwohl",
        "da",
        "sodass",
        "während",
        "bevor",
        "falls",
        "sofern",
        "um",
    ]
)
_RELATIVE = {"der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches"}
#: Direct quotations of at least this many words need no cue in their sentence.
LONG_QUOTE_WORDS = 8
#: An indirect quotation has at least this many words outside quotation marks.
MIN_FREE_WORDS = 2
#: A free indirect sentence continues a quotation at most this many sentences back.
CARRY_SENTENCES = 2


@dataclass
class Quote:
    """One quotation found in an article; offsets into the article text."""

    parts: list[tuple[int, int]]
    kind: str
    sentence: int  # index of the sentence where it begins
    cue: tuple[str, int, int] | None = None
    frame: tuple[int, int] | None = None  # where to look for the speaker
    speaker_after: bool = False  # the speaker follows the cue (inverted frame)
    carried: bool = False  # free indirect: the speaker is the previous quotation's
    source: tuple[int, int] | None = None  # the speaker's phrase of laut X, X zufolge, so X
    judgement: bool = False  # direct: a cue verb's judgement (nannte es einen „Fehler“)
    relay: bool = False  # the second row of a quotation a medium relays (zitiert X Y)
    nested: bool = False  # direct: a phrase quoted inside a sentence, without a frame
    speaker: dict = field(default_factory=dict)
    addressee: tuple[str, int, int] | None = None  # as written, start, end

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


class Token(NamedTuple):
    """A word or punctuation mark of a sentence, with offsets into the article text."""

    text: str
    lower: str
    start: int
    end: int
    quoted: bool = False  # inside quotation marks


class _Tokens:
    """The tokens of an article's sentences, a list per sentence, each read when first asked
    for: most sentences hold no cue, and a look at their words (:meth:`words`) spares reading
    them."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], marks: list[tuple[int, int]]):
        self.text, self.sentences, self.marks = text, sentences, marks
        self.mark_starts = [a for a, _ in marks]
        self._read: list[list[Token] | None] = [None] * len(sentences)
        self._words: list[set[str] | None] = [None] * len(sentences)

    def __len__(self) -> int:
        return len(self._read)

    def __getitem__(self, index: int) -> list[Token]:
        toks = self._read[index]
        if toks is None:
            start, end = self.sentences[index]
            toks = _tokens(self.text, start, end, self.marks, self.mark_starts)
            self._read[index] = toks
        return toks

    def sentence(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]

    def words(self, index: int) -> set[str]:
        """The runs of word characters of the sentence, lower case: a token that is a word
        is one of them, and every word token ends in one."""
        words = self._words[index]
        if words is None:
            words = self._words[index] = set(map(str.lower, self.runs(index)))
        return words

    def runs(self, index: int) -> list[str]:
        """The runs of word characters of the sentence, as written."""
        start, end = self.sentences[index]
        return _WORD_RUN.findall(self.text, start, end)


_WORD_RUN = re.compile(r"\w+")


def find_quotes(text: str, sentences: list[tuple[int, int]]) -> list[Quote]:
    """The quotations of one article (sentences as ``(start, end)``, in order)."""
    lex = cue_lexicon.lexicon()
    marks = quoted_spans(text)
    tokens = _Tokens(text, sentences, marks)
    quotes = _direct(text, sentences, tokens, marks, lex)
    judged = {q.sentence for q in quotes if q.judgement}  # the judgement is the statement
    covered: set[int] = set()
    cue_words = _cue_words(lex)
    for index in range(len(tokens)):
        if not _may_hold_quote(tokens, index, cue_words):
            continue
        toks = tokens[index]
        if not toks:
            continue
        sentence = text[toks[0].start : toks[-1].end]  # skip rules whose words it lacks
        found = (
            _anaphoric(tokens, index, lex)
            or _reported_source(toks, lex, index)
            or _indirect(toks, lex, index)
            or (_WEAK_WORDS.search(sentence) and _reported_source(toks, lex, index, True))
            or ("," in sentence and _noun_clause(toks, index))
            or (None if index in judged else _reported(toks, lex, index))
        )
        if found:
            quotes.append(found)
    quotes += [_relayed(q) for q in quotes if relayed_cue(q, lex)]
    quotes.sort(key=lambda q: (q.start, q.end, q.relay))
    quotes += _free_indirect(text, tokens, quotes, lex, covered)
    quotes.sort(key=lambda q: (q.start, q.end, q.relay))
    return [q for q in quotes if not _term(text, q, quotes, tokens)]


#: A phrase of at most this many words quoted without a frame needs reported speech around it.
TERM_WORDS = 2


def _term(text: str, quote: Quote, quotes: list[Quote], tokens: _Tokens) -> bool:
    """A short phrase in quotation marks without a frame, in a sentence that reports no
    speech (no subjunctive, inside no other quotation): a term or a name the writer marks
    (``mit einer „virtuellen Bombe“``, ``im „historischen Saal“``), not someone's words;
    in reported speech the same phrase is the speaker's own (``sei ein „natürlicher
    Vorgang“``)."""
    if quote.kind != "direct" or not quote.nested:
        return False
    if len(text[quote.start + 1 : quote.end - 1].split()) > TERM_WORDS:
        return False
    if _subjunctive(tokens[quote.sentence]):
        return False
    return not any(
        q.kind != "direct" and any(s <= quote.start and quote.end <= e for s, e in q.parts)
        for q in quotes
    )


def relayed_cue(quote: Quote, lex=None) -> bool:
    """The quotation's cue is ``zitieren``: a medium relays what someone said (``Die Zeitung
    zitiert den Minister mit den Worten``, ``X wird von der Zeitung zitiert``); both speak."""
    if quote.cue is None or quote.kind not in {"direct", "indirect"}:
        return False
    lex = lex or cue_lexicon.lexicon()
    word = quote.cue[0].split()[0].lower()
    return any(f.lemma == "zitieren" for f in lex.forms.get(word, ()))


def _relayed(quote: Quote) -> Quote:
    """The medium's row of a relayed quotation: the same parts, cue and frame."""
    return Quote(
        list(quote.parts),
        quote.kind,
        quote.sentence,
        cue=quote.cue,
        frame=quote.frame,
        speaker_after=quote.speaker_after,
        relay=True,
    )


# -- quotation marks ---------------------------------------------------------------------------


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans between matching quotation marks (marks included), within one line."""
    spans, position = [], 0
    while True:
        m = _QUOTE_MARK.search(text, position)
        if m is None:
            return spans
        opener = m.group()
        closers = _OPENERS.get(opener)
        if closers is None:  # a closing mark without opener
            position = m.end()
            continue
        if opener in '"“' and text[m.end() : m.end() + 1] in {"", " ", ",", ".", ";", ":", "\n"}:
            position = m.end()  # a straight or English mark that closes: out of step
            continue
        end = _closing(text, m.end(), closers, opener if opener in "„»" else "")
        if end is None:
            position = m.end()
            continue
        spans.append((m.start(), end))
        position = end


def _closing(text: str, start: int, closers: str, opener: str = "") -> int | None:
    """Where the quotation opened before ``start`` closes (after its closing mark), within
    the line; a German quotation inside another (``„... „Name“ ...“``) is skipped over
    when the line closes both."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    depth, first = 0, None
    for i in range(start, line_end):
        if opener and text[i] == opener:
            depth += 1
        elif text[i] in closers:
            if first is None:
                first = i + 1
            if depth == 0:
                return i + 1
            depth -= 1
    if first is None and opener:
        return _closing_later(text, line_end, closers, opener)
    return first


#: A quotation of several paragraphs runs over at most this many lines.
PARAGRAPH_LINES = 6


def _closing_later(text: str, position: int, closers: str, opener: str) -> int | None:
    """A German quotation left open at the end of its line (a statute or a verdict quoted
    over paragraphs) closes at the first unmatched closing mark of the next lines; not when
    a line in between opens a quotation of its own at its start, nor beyond
    ``PARAGRAPH_LINES`` lines."""
    for _ in range(PARAGRAPH_LINES):
        if position >= len(text):
            return None
        start = position + 1
        position = text.find("\n", start)
        position = len(text) if position < 0 else position
        line = text[start:position]
        if line.lstrip()[:1] in _OPENERS:
            return None
        depth = 0
        for i, char in enumerate(line):
            if char == opener:
                depth += 1
            elif char in closers:
                if depth == 0:
                    return start + i + 1
                depth -= 1
    return None


_PIECE = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")  # the space before a token, the token
_new_tuple = tuple.__new__
_second = itemgetter(1)


def _tokens(
    text: str, start: int, end: int, marks: list[tuple[int, int]], mark_starts: list[int]
) -> list[Token]:
    """The tokens of ``text[start:end]`` (as ``_TOKEN`` finds them: only spaces lie between),
    built without a Python call per token."""
    pieces = _PIECE.findall(text, start, end)
    if not pieces:
        return []
    words = list(map(_second, pieces))
    offsets = list(accumulate(map(len, chain.from_iterable(pieces)), initial=start))
    starts, ends = offsets[1::2], offsets[2::2]
    k = bisect.bisect_left(mark_starts, end)  # the marks that open before the end
    if k == 0 or marks[k - 1][1] <= start:  # marks neither overlap nor nest
        quoted = repeat(False)
    else:
        quoted = []
        for s in starts:
            k = bisect.bisect_right(mark_starts, s) - 1
            quoted.append(k >= 0 and s < marks[k][1])
    fields = zip(words, map(str.lower, words), starts, ends, quoted, strict=False)
    return list(map(_new_tuple, repeat(Token), fields))


@dataclass(frozen=True)
class _CueWords:
    """The words (lower case) that the rules of the sentence loop of :func:`find_quotes`
    start from: a verb form of the lexicon that needs no particle, one that needs its
    particle (``teilte`` ... ``mit``), the source words (``laut``, ``zufolge``)."""

    free: frozenset[str]
    particles: dict[str, frozenset[str]]
    #: The source nouns, for :func:`_is_source` (``str.endswith``).
    sources: tuple[str, ...]


def _cue_words(lex) -> _CueWords:
    found = _CUE_WORDS.get(id(lex))
    if found is None or found[0] is not lex:
        free, particles = set(), {}
        for word, forms in lex.forms.items():
            for form in forms:
                if form.kind == "verb" and form.particle:
                    particles.setdefault(word, set()).add(form.particle)
                elif form.kind != "so":  # so: searched after a comma
                    free.add(word)
        frozen = {w: frozenset(p) for w, p in particles.items() if w not in free}
        sources = tuple(sorted(lex.sources))
        found = _CUE_WORDS[id(lex)] = (lex, _CueWords(frozenset(free), frozen, sources))
    return found[1]


_CUE_WORDS: dict[int, tuple] = {}
_SO_AFTER_COMMA = re.compile(r",\s*so\b", re.IGNORECASE)


def _may_hold_quote(tokens: _Tokens, index: int, cues: _CueWords) -> bool:
    """A rule of the sentence loop may find a quotation in the sentence: it holds a cue
    verb (with its particle, if it has one) or source word, ``nach`` with a source noun
    (``nach Angaben``) or a relative pronoun (``nach denen``), ``aus Sicht``, ``, so``,
    or a comma and a speech noun (``die Forderung, ...``). Without these no rule can (each
    needs one of them as a token, and every token that is a word is one of the sentence's
    word runs), and its tokens need not be read."""
    words = tokens.words(index)
    if not cues.free.isdisjoint(words):
        return True
    for word in cues.particles.keys() & words:
        if not cues.particles[word].isdisjoint(words):
            return True
    if "nach" in words and (
        not _RELATIVE_SOURCE.isdisjoint(words) or any(_ends_in(w, cues.sources) for w in words)
    ):
        return True
    if "aus" in words and "sicht" in words:
        return True
    plain = tokens.sentence(index)
    if "," not in plain:
        return False
    if "so" in words and _SO_AFTER_COMMA.search(plain):
        return True
    return any(w.endswith(SPEECH_NOUNS) for w in words)


def _ends_in(word: str, nouns: tuple[str, ...]) -> bool:
    """:func:`_source_word` of a word run: it, it without an ``s``, or without two letters,
    ends in a noun (a token accepted there ends in such a run)."""
    return (
        word.endswith(nouns)
        or word[:-2].endswith(nouns)
        or (word.endswith("s") and word[:-1].endswith(nouns))
    )


# -- cues --------------------------------------------------------------------------------------


def find_cue(
    tokens: list[Token], lex, *, lo: int = 0, hi: int | None = None, need: str | None = None
):
    """The first reporting verb (or cue word) outside quotation marks in ``tokens[lo:hi]``:
    ``(index, form, cue text, start, end)``; a separable verb needs its particle later in the
    clause, which joins the cue. ``need="clause"`` or ``"alone"`` keeps only the verbs that
    introduce an indirect quotation, or report a statement alone (the lexicon's columns)."""
    hi = len(tokens) if hi is None else hi
    for i in range(lo, hi):
        tok = tokens[i]
        if tok.quoted:
            continue
        for form in lex.forms.get(tok.lower, ()):
            if form.kind != "verb" or (need and not getattr(form, need)):
                continue
            if form.particle:
                j = _particle(tokens, i, form.particle)
                if j is None:
                    continue
                if j < i:
                    return i, form, f"{tokens[j].text} {tok.text}", tokens[j].start, tok.end
                return i, form, f"{tok.text} {tokens[j].text}", tok.start, tokens[j].end
            if tok.text[0].isupper() and i > 0 and not form.participle:
                continue  # a noun (Sagen, Melden) inside the sentence
            return i, form, tok.text, tok.start, tok.end
    return None


def _particle(tokens: list[Token], i: int, particle: str) -> int | None:
    if i > 0 and tokens[i - 1].lower == particle:  # verb-final: ``wie er bekannt gab``
        return i - 1
    for j in range(i + 1, min(len(tokens), i + 15)):
        if tokens[j].text in {",", ";", ":"} or tokens[j].text in _TERMINAL:
            return j if tokens[j - 1].lower == particle and j - 1 > i else None
        if tokens[j].lower == particle and (
            j + 1 == len(tokens) or not tokens[j + 1].text[0].isalnum()
        ):
            return j
    return None


# -- direct ------------------------------------------------------------------------------------


class _Mark(NamedTuple):
    """What the direct-quotation rules read around one pair of quotation marks."""

    a: int
    b: int
    index: int  # the sentence where it begins
    last: int  # the sentence where it ends
    words: int
    cue: tuple | None
    colon: int | None
    after: tuple | None
    judged: bool
    characterised: bool
    speechlike: bool
    agent: tuple[int, int] | None  # who judges in the passive (``von X als „...“ bezeichnet``)


def _direct(text, sentences, tokens, marks, lex) -> list[Quote]:
    starts = [s for s, _ in sentences]
    listed = _enumerated(text, marks)
    read: dict[tuple[int, int], tuple[str, _Mark]] = {}
    for a, b in marks:
        if _compound(text, b):
            continue  # ``die „engine cutoff“-Sensoren``: part of a word
        mark = _read_mark(text, starts, tokens, a, b, lex)
        if (a, b) in listed and not mark.judged:
            continue  # ``Themen wie „A“, „B“ oder „C“``: titles listed
        read[(a, b)] = (_verdict(text, tokens[mark.index], mark, lex), mark)
    _pair_verdicts(text, read)
    quotes = [
        _direct_quote(text, sentences, tokens, mark)
        for verdict, mark in read.values()
        if verdict == "quote"
    ]
    return _join_split(text, quotes, starts)


def _read_mark(text, starts, tokens, a: int, b: int, lex) -> _Mark:
    index = _sentence_of(starts, a)
    toks = tokens[index]
    words = len(text[a + 1 : b - 1].split())
    colon = _colon_before(text, a)
    if colon is not None and _title_colon(toks, colon):
        colon = None  # ``Der Titel: „...“``: a title, the colon no frame
    cue = _nearest_cue(toks, lex, a) if colon is not None else find_cue(toks, lex)
    if colon is not None and not (cue or words >= 5 or _ends_sentence(text[a + 1 : b - 1])):
        colon = None  # ``stellte die neue CD vor: „Have a nice day“``: a title
    last = _sentence_of(starts, b - 1)  # a quotation of several sentences ends in this one
    speechlike = _speechlike(text[a + 1 : b - 1])
    judged = (cue is not None and _judgement(toks, lex, a, b)) or _slogan(toks, a)
    # a term given in the passive (``von Fachleuten als „Tuff“ bezeichnet``) is no judgement
    agent = _agent(toks, lex, a, b) if speechlike or words >= 3 else None
    return _Mark(
        a,
        b,
        index,
        last,
        words,
        cue,
        colon,
        _cue_after(text, b, tokens[last], lex),
        judged or agent is not None,
        _characterisation(text[a + 1 : b - 1], toks, a),
        speechlike,
        agent,
    )


def _nearest_cue(toks: list[Token], lex, a: int):
    """The cue of a quotation after a colon at ``a``: the last one before it in its sentence
    (``X wies das zurück, Y erklärte: „...“``), else the first."""
    cue = later = find_cue(toks, lex)
    while later is not None and later[4] <= a:
        if toks[later[0] - 1].lower not in _COORDINATING:  # ``X behauptete ... und forderte:
            cue = later  # „...“``: the first verb's subject speaks, the first verb is the cue
        later = find_cue(toks, lex, lo=later[0] + 1)
    return cue


_COORDINATING = frozenset(["und", "oder", "sowie"])


def _verdict(text: str, toks: list[Token], m: _Mark, lex) -> str:
    """``quote``; ``weak``: speech too short for a quotation without a cue or reported
    speech around it; ``name``: a name, title or term in quotation marks."""
    a, b, words, content = m.a, m.b, m.words, text[m.a + 1 : m.b - 1]
    framed = bool(m.after or m.colon or m.judged)
    if not (
        words >= LONG_QUOTE_WORDS
        or m.after
        or m.judged
        or m.characterised
        or (m.colon and words >= 2)
        # one word needs a cue, or reported speech around it (``sei „unbezahlbar“``)
        or (m.speechlike and (m.cue or words >= 2 or _subjunctive(toks)))
    ):
        return "weak" if m.speechlike else "name"  # ``in „Nackt unter Wölfen“``
    if not framed and (
        (words < LONG_QUOTE_WORDS and _appellation(toks, a)) or _named_after(toks, a, b)
    ):
        return "name"
    reported = m.cue is not None or _subjunctive(toks)
    if not (framed or m.characterised) and _named(content, toks, a, reported=reported):
        return "name"
    if _source_name(toks, a, b, lex) and not _ends_sentence(content):
        return "name"  # ``Wie „heise online“ berichtet``, ``laut „Reuters“``
    if (m.after or m.colon) and _short_name(content, toks, a):
        return "name"  # ``der Chefredakteur der „New York Times“, bekräftigt``
    if (not m.speechlike and _bracketed(text, a, b)) or _gloss(text, a, b):
        return "name"
    if not framed and _attributive(text, a, b):
        return "name"  # ``der „drastischen“ Erhöhung``: the writer's distance
    return "quote"


#: Two quotations side by side: ``„A“ und „B“``, ``„A“, „B“``, ``„A“ oder „B“``.
_PAIR_GLUE = re.compile(r"[ \t]*,?[ \t]*(?:(?:und|oder|sowie|bzw\.)[ \t]+)?")


def _pair_verdicts(text: str, read: dict) -> None:
    """Two phrases quoted side by side are both quotations or neither (``„weniger gut“ oder
    „schlecht“``, ``in „A“ oder „B“``): a partner too short to stand alone follows the
    quotation, a partner without a frame follows the name or title."""
    keys = list(read)
    for first, second in zip(keys, keys[1:], strict=False):
        if not _PAIR_GLUE.fullmatch(text, first[1], second[0]):
            continue
        (v1, m1), (v2, m2) = read[first], read[second]
        if _ends_sentence(text[m1.a + 1 : m1.b - 1]) or {v1, v2} == {"quote"}:
            continue
        for (v, m), (w, n), key in (((v1, m1), (v2, m2), second), ((v2, m2), (v1, m1), first)):
            if v == "quote" and w == "weak" and n.index == m.index:
                read[key] = ("quote", n)
            elif v == "name" and w == "quote" and not (n.cue or n.after or n.colon or n.judged):
                read[key] = ("name", n)


def _direct_quote(text, sentences, tokens, m: _Mark) -> Quote:
    """The direct quotation of one pair of marks, with its cue and frame."""
    a, b, index, words, judged = m.a, m.b, m.index, m.words, m.judged
    cue, colon, after, characterised = m.cue, m.colon, m.after, m.characterised
    toks = tokens[index]
    quote = Quote([(a, b)], "direct", index, judgement=judged, source=m.agent)
    quote.nested = not (cue or after or colon or judged) and (
        characterised or (words < LONG_QUOTE_WORDS and not _ends_sentence(text[a + 1 : b - 1]))
    )
    if after:
        quote.cue, quote.speaker_after = after[1:], True
        inverted = text[b : after[2]].lstrip()[:1] in {",", "("}
        quote.frame = (after[2] if inverted else b, _clause_end(tokens[m.last], after[0]))
    elif cue:
        quote.cue = cue[2:]
        quote.frame = (sentences[index][0], sentences[index][1])
    elif colon:
        quote.cue = (":", colon, colon + 1)
        quote.frame = (sentences[index][0], colon)
    elif index and text[sentences[index - 1][1] - 1 : sentences[index - 1][1]] == ":":
        previous = sentences[index - 1]
        quote.cue = (":", previous[1] - 1, previous[1])
        quote.frame = previous
    else:  # no cue: the speaker is named in the sentence around it, or spoke before
        quote.frame = (sentences[index][0], sentences[index][1])
        found = _parenthetical_source(toks, a)
        if found:  # ``Das sei, in Steinmeiers Worten, „...“``
            quote.cue, quote.source = found  # the sentence may still be reported speech
        else:  # a phrase in reported speech going on: the words of the speaker before
            quote.carried = quote.nested and _subjunctive(toks)
    return quote


_SOURCE_IN = frozenset(["in", "nach", "so"])


def _parenthetical_source(toks: list[Token], a: int):
    """``..., in Steinmeiers Worten, „...“``, ``..., nach Ansicht Eva Langs, „...“``, ``...,
    so der Minister, „...“``: who speaks, set off by commas right before the quotation (a
    source noun owned by a name, or the phrase after ``so``): the cue and the speaker's
    phrase."""
    at = next((k for k, t in enumerate(toks) if t.start >= a), len(toks))
    if at < 4 or toks[at - 1].text != "," or toks[at - 1].quoted:
        return None
    comma = next((k for k in range(at - 2, max(-1, at - 8), -1) if toks[k].text == ","), None)
    if comma is None or toks[comma + 1].lower not in _SOURCE_IN:
        return None
    prep, inner = toks[comma + 1], toks[comma + 2 : at - 1]
    if prep.lower == "so":  # ``so Eva Lang``, ``so der Minister``
        if not inner or not inner[0].text[:1].isupper() and inner[0].lower not in ARTICLE_FORMS:
            return None
        if all(t.text.replace("-", "").isalpha() for t in inner):
            return (prep.text, prep.start, prep.end), (inner[0].start, inner[-1].end)
        return None
    if not 2 <= len(inner) <= 4 or not all(t.text[:1].isupper() for t in inner):
        return None
    lex = cue_lexicon.lexicon()
    if _is_source(inner[-1].lower, lex) and inner[-2].text.endswith(("s", "'", "’")):
        name = inner[:-1]  # ``in Steinmeiers Worten``
    elif _is_source(inner[0].lower, lex):
        name = inner[1:]  # ``nach Ansicht Steinmeiers``
    else:
        return None
    prep = toks[comma + 1]
    return (prep.text, prep.start, prep.end), (name[0].start, name[-1].end)


_LIST_GLUE = re.compile(r",?\s*(?:(?:oder|und|sowie|bzw\.)\s+(?:beispielsweise\s+)?)?")


def _enumerated(text: str, marks: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Quotations listed three or more in a row (``„A“, „B“ oder „C“``) without sentence
    punctuation at their ends: titles or names enumerated, not statements."""
    out: set[tuple[int, int]] = set()
    run: list[tuple[int, int]] = []
    for mark in [*marks, None]:
        if mark is not None and (not run or _LIST_GLUE.fullmatch(text, run[-1][1], mark[0])):
            run.append(mark)
            continue
        if len(run) >= 3 and not any(_ends_sentence(text[a + 1 : b - 1]) for a, b in run):
            out.update(run)
        run = [mark] if mark is not None else []
    return out


def _source_name(tokens: list[Token], a: int, b: int, lex) -> bool:
    """The quotation stands where the source of a report is named: ``Wie „X“ berichtet``
    (``wie`` opening the clause, a cue verb right after), ``laut „X“``, ``„X“ zufolge``."""
    i, j = bisect.bisect_left(tokens, a, key=_start), bisect.bisect_left(tokens, b, key=_start)
    before, after = tokens[max(0, i - 2) : i], tokens[j : j + 3]
    if before and before[-1].lower == "laut" or after and after[0].lower == "zufolge":
        return True
    if not before or before[-1].lower != "wie" or (len(before) > 1 and before[-2].text != ","):
        return False
    return any(
        f.kind == "verb" for t in after[:3] for f in lex.forms.get(t.lower, ())
    )


def _start(token: Token) -> int:
    return token.start


def _compound(text: str, end: int) -> bool:
    """The closing mark is followed by a hyphen and a word (``„X“-Sensoren``)."""
    return text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha()


def _ends_sentence(content: str) -> bool:
    return content.rstrip()[-1:] in {".", "!", "?", "…"}


ARTICLE_FORMS = frozenset(
    {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem"}
)
"""The forms of the German definite and indefinite article (without ``einen``)."""

SENTENCE_ADVERBS = frozenset({
    "sich", "auch", "jedoch", "aber", "nun", "dann", "noch", "bereits", "zudem", "außerdem",
    "erneut", "daraufhin", "nochmals",
})
"""Words that stand between a verb of saying and its subject or object without being either
(``sagte jedoch der Minister``, ``warf ihm erneut vor``): skipped by the speaker and the
addressee readers alike."""

_FUNCTION_WORDS = ARTICLE_FORMS | {
    "und", "oder", "für", "von", "vom", "zu", "zum", "zur", "im", "in", "am", "an", "auf",
    "aus", "bei", "mit", "nach", "über", "unter", "vor", "als", "ohne", "gegen", "statt",
    "durch",
}


_PREPOSITIONS = _FUNCTION_WORDS - ARTICLE_FORMS - {"und", "oder"}
#: The writer's marks in a quotation adapted to the sentence: ``zentralisierte[n]``, ``[...]``.
_EDITORIAL = re.compile(r"\[[^\]\n]{0,40}\]|\((?:…|\.{2,3})\)")


def _speechlike(content: str) -> bool:
    """Reads as speech rather than a name or title: a lower-case content word (``ein gutes
    Ereignis``, ``übertrieben``), sentence punctuation at the end, a first word that is an
    indefinite article or a preposition (``„ein Kartenspieler ohne Talent“``, ``„zur
    Kenntnis“``: a name takes its article outside the marks) or the writer's brackets."""
    if content.rstrip()[-1:] in {".", "!", "?", "…", ","}:
        return True
    first = content.split()[:1]
    if first and (first[0] in _INDEFINITE or first[0] in _PREPOSITIONS):
        return True
    if _EDITORIAL.search(content):
        return True
    return any(
        w[:1].islower() and w.isalpha() and w not in _FUNCTION_WORDS for w in content.split()
    )


LANGUAGES_FILE = "quote_languages.csv"
TITLES_FILE = "quote_titles.csv"


@lru_cache(maxsize=1)
def _language_words() -> dict[str, frozenset[str]]:
    """The words of ``data/quote_languages.csv`` by language: ``foreign`` (function words of
    other languages) and ``german`` (German function words)."""
    table = pd.read_csv(config.DATA_DIR / LANGUAGES_FILE, dtype=str, keep_default_na=False)
    return {
        language: frozenset(group["word"].str.lower())
        for language, group in table.groupby("language")
    }


def _foreign(content: str) -> bool:
    """The quotation holds a function word of another language (``„in dubio pro reo“``,
    ``„United Front for Democracy“``: a name or title) and no German one: ``„zehn Euro pro
    Kopf und Tag“``, ``„was du heute kannst ...“`` are German speech."""
    words = _language_words()
    if words["foreign"].isdisjoint(w.lower() for w in content.split()):
        return False
    return words["german"].isdisjoint(w.lower() for w in _WORD_RUN.findall(content))


def _short_name(content: str, tokens: list[Token], start: int) -> bool:
    """A name of up to four capitalised words after an article or a title noun, whatever
    follows it."""
    before = [t for t in tokens if t.end <= start][-1:]
    words = content.split()
    return (
        bool(before)
        and before[-1].text[0].isalpha()
        and len(words) <= 4
        and all(w[:1].isupper() or w.lower() in _FUNCTION_WORDS for w in words)
        and content.rstrip()[-1:] not in {".", "!", "?", ",", "…"}
        and (before[-1].lower in _GENITIVE or _title_noun(before[-1].lower))
    )


@lru_cache(maxsize=2)
def _title_nouns(colon: bool = False) -> tuple[str, ...]:
    """The nouns of ``data/quote_titles.csv`` (lower case), which introduce a title or name in
    quotation marks (``das Motto „...“``, ``im Fachmagazin „...“``); with ``colon``, those
    that still do with a colon between (``Der Titel: „...“``)."""
    table = pd.read_csv(config.DATA_DIR / TITLES_FILE, dtype=str, keep_default_na=False)
    if colon:
        table = table[table["colon"] == "yes"]
    return tuple(table["word"].str.lower())


def _title_colon(tokens: list[Token], colon: int) -> bool:
    """The colon at ``colon`` follows a noun that introduces a title even so (``Der Titel:
    „...“``, ``nach dem Motto: „...“``, not ``Die Zeitung: „...“``)."""
    i = bisect.bisect_left(tokens, colon, key=_start)
    if i == 0 or i >= len(tokens) or tokens[i].start != colon:
        return False
    word = tokens[i - 1].lower
    return word.isalpha() and word.endswith(_title_nouns(colon=True))


@lru_cache(maxsize=65536)
def _title_noun(word: str) -> bool:
    """``Magazin``, ``Fachmagazins``, ``Rubrik``: a noun that introduces a name or title (a
    word of ``data/quote_titles.csv``, or a compound ending in one)."""
    stems = (
        word,
        word[:-1] if word.endswith("s") else word,
        word[:-2] if word.endswith("es") else word,
    )
    nouns = _title_nouns()
    return any(w.endswith(nouns) for w in stems)


def _named(content: str, tokens: list[Token], start: int, *, reported: bool = False) -> bool:
    """A title or a name in quotation marks rather than speech. In reported speech (a cue
    or a subjunctive in the sentence) words that begin in lower case after a title noun are
    the speaker's (``ihr Verein werde „bald wieder oben mitspielen“``, ``er habe aus der
    Konferenz „wenig gelernt“``), not a title."""
    prior = tokens[: bisect.bisect_left(tokens, start, key=_start)]
    before = [t for t in prior if t.text[0].isalpha()]
    last = prior[-1:]
    if last and last[0].text == ":" and _title_colon(prior, last[0].start):
        return True
    if last and last[0].text[0].isalpha() and _title_noun(last[0].lower):
        return not (reported and content[:1].islower() and _speechlike(content))
    words = content.split()
    if _BRAND.match(content) or _naming([t.lower for t in prior[-4:]]):
        return True  # ``der „iPod nano“``, ``nennt sich „documenta 12“``
    if _BINOMIAL.fullmatch(content.strip()):
        return True  # ``die Meeresschnecke „Chelidonura hirundinina“``: a species
    if (
        before
        and before[-1].lower in _ARTICLES
        and not (before[-1].lower in _INDEFINITE and _speechlike(content))
        and content[:1].isupper()
        and content.rstrip()[-1:] not in {".", "!", "?", ","}
        and (len(words) < 8 or _name_like(words))
    ):
        return True  # der „Rat für nationale Sicherheit“: a name after its article
    return (
        len(words) < 12
        and content.rstrip()[-1:] not in {".", "!", "?"}
        and _foreign(content)
    )


def _name_like(words: list[str]) -> bool:
    """Every lower-case word is a function word or an adjective before a capitalised noun
    (``Preis der schwedischen Reichsbank für ...``): the words of a name, however long."""
    for k, word in enumerate(words):
        if not word[:1].islower() or word in _FUNCTION_WORDS:
            continue
        following = words[k + 1] if k + 1 < len(words) else ""
        if not (word.endswith(("e", "en", "er", "es", "em")) and following[:1].isupper()):
            return False
    return True


_GELTEN = frozenset(["gilt", "gelten", "galt", "galten", "gegolten"])


def _appellation(tokens: list[Token], start: int) -> bool:
    """``galt als „Pitbull des Vatikans“``: what someone is held to be, by no one in
    particular; a reputation, not a quotation."""
    prior = tokens[: bisect.bisect_left(tokens, start, key=_start)]
    if not prior or prior[-1].lower != "als":
        return False
    for tok in reversed(prior[:-1]):
        if tok.text in _CLAUSE_MARKS or tok.quoted:
            return False
        if tok.lower in _GELTEN:
            return True
    return False


_CALLED = frozenset(["heißt", "hieß", "heißen", "hießen"])


def _named_after(tokens: list[Token], start: int, end: int) -> bool:
    """A verb-final clause names what stands in quotation marks: ``die sich selbst „X“
    nennt``, ``ein Programm, das „X“ heißt``."""
    i = bisect.bisect_left(tokens, end, key=_start)
    if i >= len(tokens):
        return False
    word = tokens[i].lower
    if word in _CALLED:
        return True
    prior = tokens[max(0, bisect.bisect_left(tokens, start, key=_start) - 3) :]
    return word in _NAMING_VERBS and any(t.lower == "sich" and t.end <= start for t in prior)


def _characterisation(content: str, tokens: list[Token], start: int) -> bool:
    """A noun phrase in quotation marks after an indefinite article, in a sentence of
    reported speech (a verb in the subjunctive): the speaker's own characterisation (``sei
    ein „Opfer des Terrorismus“``, ``habe einen „Ruck“ bekommen``); a name takes the
    definite article."""
    prior = tokens[: bisect.bisect_left(tokens, start, key=_start)]
    return (
        bool(prior)
        and prior[-1].lower in _INDEFINITE
        and content[:1].isupper()
        and not _BRAND.match(content)
        and not _foreign(content)
        and _subjunctive(tokens)
    )


#: A word with a capital after its first lower-case letters: a brand (``iPod``, ``eBay``).
_BRAND = re.compile(r"[a-zäöü]{1,3}[A-ZÄÖÜ]")
#: A genus and a Latin epithet: the scientific name of a species.
_BINOMIAL = re.compile(r"[A-Z][a-z]+ [a-z]{2,}(?:a|ae|us|um|is|ii|i|ensis|oides)")
_NAMING_VERBS = frozenset(["nennt", "nannte", "nennen", "nannten"])


def _naming(before: list[str]) -> bool:
    """``nennt sich „X“``, ``der Name lautet „X“``: what follows is a name."""
    if before and before[-1] == "sich" and any(w in _NAMING_VERBS for w in before[-3:-1]):
        return True
    return any(w in {"lautet", "lautete"} for w in before[-2:]) and any(
        w in {"name", "titel"} for w in before[-4:]
    )


_ABBREVIATION = re.compile(r"\s*\(\s*[A-ZÄÖÜ][A-ZÄÖÜ0-9-]+\s*\)")


def _bracketed(text: str, a: int, b: int) -> bool:
    """``(etwa: „Partei der Volksmacht“)``, ``„United Front“ (UDD)``: a name with its
    translation or abbreviation, not a quotation."""
    before = text[max(0, a - 8) : a].rstrip()
    return before.lower().endswith(("(", "etwa:", "deutsch:")) or bool(_ABBREVIATION.match(text, b))


_ATTRIBUTE_AFTER = re.compile(r"[ \t]+[A-ZÄÖÜ]")
_ATTRIBUTE_BEFORE = re.compile(r"[“”\"»«]\s*,?\s*(?:und|oder|sowie)?\s*$")


def _attributive(text: str, a: int, b: int) -> bool:
    """One adjective in quotation marks before its noun (``mit „fremden“ Männern``, ``der
    „drastischen“ Erhöhung``): a scare quote that keeps its distance from the word, not
    someone's words; unless it is paired with another quoted one (``aus „repressiven“ und
    „präventiven“ Maßnahmen``)."""
    content = text[a + 1 : b - 1]
    return (
        content.isalpha()
        and content.islower()
        and content.endswith(("e", "en", "er", "es", "em"))
        and bool(_ATTRIBUTE_AFTER.match(text, b))
        and not _ATTRIBUTE_BEFORE.search(text[max(0, a - 12) : a])
    )


_GLOSS_BEFORE = re.compile(r"(?:[“”\"»«]|\b[A-ZÄÖÜ][\w-]*)\s*\(\s*$")


def _gloss(text: str, a: int, b: int) -> bool:
    """``Jobbik („Bewegung für ein besseres Ungarn“)``, ``„Cast Lead“ („gegossenes
    Blei“)``: a translation in brackets right after a name, not a quotation."""
    return (
        text[b : b + 1] == ")"
        and not _ends_sentence(text[a + 1 : b - 1])
        and bool(_GLOSS_BEFORE.search(text[max(0, a - 60) : a]))
    )


#: Cue verbs whose object complement is a judgement (``nannte den Plan einen „Fehler“``).
_NAMING = frozenset(["nennen", "bezeichnen"])
#: Cue verbs that judge something ``als`` what the quotation says.
_JUDGING = _NAMING | frozenset(
    [
        "zurückweisen",
        "beschreiben",
        "sehen",
        "kritisieren",
        "verurteilen",
        "loben",
        "beurteilen",
        "einschätzen",
        "begrüßen",
        "ablehnen",
        "urteilen",
        "anprangern",
        "bemängeln",
        "werten",
        "würdigen",
        "bewerten",
        "einstufen",
    ]
)
_PASSIVE = frozenset(["wird", "werden", "wurde", "wurden"])
_INDEFINITE = frozenset(["ein", "eine", "einen", "einem", "einer", "eines"])
_CLAUSE_MARKS = frozenset([",", ";", ":", "(", ")"])


def _judgement(tokens: list[Token], lex, start: int, end: int) -> bool:
    """A speaker's judgement in quotation marks, whatever its length or case: after ``als``
    with a cue verb of the same clause (``bezeichnete den Plan als „Unsinn“``, ``wies das
    als „Unverschämtheit“ zurück``), or the complement of a finite ``nennen``/``bezeichnen``
    a few words before it, after its object and an indefinite article or adjective
    (``nannte die Reform einen „Fehler“``). Not where something is named: by ``man`` (``das
    nennt man einen „Aktiensplit“``), a participle (``genannt „X“``) or the passive (``als
    „Sonnenwind“ bezeichnet wird``)."""
    before = [t for t in tokens if t.end <= start]
    if not before or before[-1].quoted or any(t.lower == "man" for t in tokens):
        return False
    found = find_cue(tokens, lex, need=None)
    while found is not None:
        i, form = found[0], found[1]
        passive = _passive(tokens, lex, i, form)
        if (
            form.lemma in _JUDGING
            and not form.participle
            and not passive
            and _same_clause(tokens, i, start, end)
        ):
            if before[-1].lower == "als":
                return True
            gap = [t for t in tokens[i + 1 :] if t.end <= start]
            if (
                form.lemma in _NAMING
                and tokens[i].end <= start
                and 2 <= len(gap) <= 6
                and (before[-1].lower in _INDEFINITE or _adjective(before[-1]))
            ):
                return True
        found = find_cue(tokens, lex, lo=i + 1)
    return False


_SLOGAN_NOUNS = (
    "parole",
    "parolen",
    "spruch",
    "sprüche",
    "sprüchen",
    "aufschrift",
    "slogan",
    "slogans",
    "sprechchöre",
    "sprechchören",
    "rufe",
    "rufen",
)


def _slogan(tokens: list[Token], start: int) -> bool:
    """``Parolen wie „X“``, ``mit der Aufschrift „X“``: words shouted or written by
    protesters are quoted, whatever their form."""
    before = [t for t in tokens if t.end <= start][-4:]
    words = [t.lower for t in before if t.text[0].isalpha()]
    while words and words[-1] in {"wie", "etwa", "beispiel", "zum"}:
        words.pop()
    return bool(words) and words[-1] in _SLOGAN_NOUNS and not before[-1].quoted


def _adjective(tok: Token) -> bool:
    return (
        tok.text[0].islower()
        and tok.lower.endswith(("e", "en", "er", "es", "em"))
        and tok.lower not in _FUNCTION_WORDS
    )


_AGENT = frozenset(["von", "vom"])


def _agent(tokens: list[Token], lex, start: int, end: int) -> tuple[int, int] | None:
    """A judgement in the passive with its agent: ``wird vom Wetterdienst als „sehr hoch“
    eingestuft``, ``werden von Kennern als „Meilensteine der Musik“ bezeichnet``: the
    agent's words (its offsets), as in the active voice; None without an agent."""
    i = bisect.bisect_left(tokens, start, key=_start)
    if i == 0 or tokens[i - 1].lower != "als":
        return None
    found = find_cue(tokens, lex, lo=i)
    while found is not None and not (
        found[1].lemma in _JUDGING and _same_clause(tokens, found[0], start, end)
    ):
        found = find_cue(tokens, lex, lo=found[0] + 1)
    if found is None:
        return None
    if not _passive(tokens, lex, found[0], found[1]):
        return None
    lo = max((k + 1 for k in range(i) if tokens[k].text in _CLAUSE_MARKS), default=0)
    von = [k for k in range(lo, i - 1) if tokens[k].lower in _AGENT]
    first = k = von[-1] + 1 if von else i
    while k < i - 1 and tokens[k].text[0].islower() and tokens[k].text.isalpha():
        k += 1  # its article and adjectives
    name = k
    while name < i - 1 and (tokens[name].text[0].isupper() or "." in tokens[name].text[1:-1]):
        name += 1  # a name, or a web address (``von ndr.de``)
    return (tokens[first].start, tokens[name - 1].end) if name > k else None


def _passive(tokens: list[Token], lex, i: int, form) -> bool:
    """The cue verb at ``i`` is in the passive: a form of ``werden`` right after it (``als
    „X“ bezeichnet wird``), or it is a participle and one stands before it in its clause
    (``wird von X als „Y“ bezeichnet``)."""
    if i + 1 < len(tokens) and (tokens[i + 1].lower in _PASSIVE or tokens[i + 1].lower == "worden"):
        return True
    if not any(f.participle and f.lemma == form.lemma for f in lex.forms.get(tokens[i].lower, ())):
        return False
    for tok in reversed(tokens[:i]):
        if tok.text in _CLAUSE_MARKS:
            return False
        if tok.lower in _PASSIVE:
            return True
    return False


def _same_clause(tokens: list[Token], i: int, start: int, end: int) -> bool:
    """No comma, colon or bracket between token ``i`` and the span ``start:end``."""
    lo, hi = (tokens[i].end, start) if tokens[i].end <= start else (end, tokens[i].start)
    return not any(t.text in _CLAUSE_MARKS for t in tokens if lo <= t.start and t.end <= hi)


def _colon_before(text: str, start: int) -> int | None:
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j if j >= 0 and text[j] == ":" else None


def _cue_after(text: str, end: int, tokens: list[Token], lex):
    """``„...“, sagte X`` / ``„...“, so X`` / ``„...“ (sagte X)``: the cue right after."""
    rest = [t for t in tokens if t.start >= end]
    if len(rest) >= 2 and rest[0].lower in {"wird", "wurde"}:  # ``„...“ wird X zitiert``
        found = find_cue(
            tokens, lex, lo=tokens.index(rest[1]), hi=min(len(tokens), tokens.index(rest[0]) + 20)
        )
        if found and found[1].lemma == "zitieren":
            return found[0], *found[2:]
    if len(rest) < 2 or rest[0].text not in {",", "("}:
        return None
    i = tokens.index(rest[1])
    word = rest[1].lower
    if word == "so" and _correlative_so(rest[2:5]):
        return None
    if word == "so" or word == "heißt" or word == "hieß":
        return i, rest[1].text, rest[1].start, rest[1].end
    if word in {"wie", "erklärte", "sagte"} or word in lex.forms:
        hi = _wie_clause_end(tokens, i) if word == "wie" else min(len(tokens), i + 3)
        found = find_cue(tokens, lex, lo=i, hi=hi)
        if found and word == "wie" and _naming_clause(tokens[i:hi], found[1]):
            return None
        if found:
            return found[0], *found[2:]
    return None


#: The most tokens a ``wie`` clause after a quotation runs to its verb.
WIE_CLAUSE_TOKENS = 10


_NAMING_LEMMAS = frozenset(["heißen", "nennen"])


def _naming_clause(clause: list[Token], form) -> bool:
    """``wie der Hund heißt``, ``wie sich der Verein nennt``, ``wie sie im Dorf genannt
    wird``: the clause gives a name, not a speaker; ``wie es im Rathaus heißt``, ``wie
    Ärzte es nennen`` quote a word someone uses."""
    return form.lemma in _NAMING_LEMMAS and all(t.lower != "es" for t in clause)


def _wie_clause_end(tokens: list[Token], i: int) -> int:
    """The end of the clause ``wie`` opens at ``i`` (``„...“, wie die Bürgermeisterin von
    Neustadt sagt``): its verb stands last, before the next comma or the sentence's end."""
    hi = min(len(tokens), i + 1 + WIE_CLAUSE_TOKENS)
    for j in range(i + 1, hi):
        if tokens[j].quoted or tokens[j].text in {",", ";", ":"} or tokens[j].text in _TERMINAL:
            return j
    return hi


def _correlative_so(after: list[Token]) -> bool:
    """``„...“, so wurde ...``, ``„...“, so lautet der Titel``: ``so`` before a finite verb
    that is no verb of saying opens a clause of its own (the frame ``so X`` names its source
    right after it: ``so der Minister``)."""
    if not after:
        return False
    if after[0].lower in _AUX:
        return True
    return after[0].lower in {"lautet", "lautete"} and any(
        t.text[0].isalpha() and _title_noun(t.lower) for t in after[1:]
    )


def _clause_end(tokens: list[Token], i: int) -> int:
    for tok in tokens[i + 1 :]:
        if tok.quoted or tok.text in {",", ";"} or tok.text in _TERMINAL:
            return tok.start
    return tokens[-1].end


_AND_GLUE = re.compile(r"\s+(?:und|sowie)\s+")
_WIE_GLUE = re.compile(r"\s*,\s*wie\b")


def _join_split(text: str, quotes: list[Quote], starts: list[int]) -> list[Quote]:
    """``„A“, sagte er, „B“``: one quotation with two parts; so are ``„A“ und „B“, sagte
    er``, two statements that share the frame after them. Not across a sentence's end
    (``„A“, sagte er. Das sei, so X, „B“``: ``starts`` of the sentences)."""
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and q.speaker_after
            and prev.kind == q.kind == "direct"
            and prev.cue in (None, q.cue)  # no cue of its own, or the one after both
            and not (prev.judgement or q.judgement)
            and _AND_GLUE.fullmatch(text, prev.end, q.start)
            and len(text[prev.start : prev.end].split()) >= LONG_QUOTE_WORDS
        ):
            q.parts[:0] = prev.parts
            out[-1] = q
            continue
        if (
            prev is not None
            and prev.speaker_after
            and prev.kind == "direct"
            and q.start - prev.end < 80
            and "\n" not in text[prev.end : q.start]
            and text[prev.end : q.start].rstrip().endswith((",", ":"))
            and not _WIE_GLUE.match(text, prev.end)  # ``„A“, wie X sagt: „B“``: two
            and text[prev.end - 2] not in _TERMINAL
            and _sentence_of(starts, q.start) == _sentence_of(starts, prev.end - 1)
        ):
            prev.parts.extend(q.parts)
            continue
        out.append(q)
    return out


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


# -- indirect ----------------------------------------------------------------------------------


def _indirect(tokens: list[Token], lex, index: int) -> Quote | None:
    """``X sagte, (dass) ...`` / ``..., sagte X.`` / ``Wie X sagte, ...``."""
    cue = find_cue(tokens, lex, need="clause")
    while cue is not None:
        i = cue[0]
        found = (
            _wie_frame(tokens, cue, index)
            or _clause_after(tokens, cue, index)
            or _clause_before(tokens, cue, index)
        )
        if found:
            return found
        cue = find_cue(tokens, lex, lo=i + 1, need="clause")
    return None


#: Nouns of speech acts and attitudes whose content a ``dass``, ``ob`` or ``zu`` clause
#: after a comma gives (``die Forderung, die Steuern zu senken``).
SPEECH_NOUNS = (
    "forderung",
    "forderungen",
    "behauptung",
    "behauptungen",
    "zweifel",
    "meinung",
    "theorie",
    "hoffnung",
    "befehl",
    "erlaubnis",
    "ankündigung",
    "aufforderung",
    "vorwurf",
    "vorwürfe",
    "vorwürfen",
    "warnung",
    "bitte",
    "appell",
    "vorschlag",
    "zusage",
    "versprechen",
    "ansicht",
    "auffassung",
    "überzeugung",
    "befürchtung",
    "befürchtungen",
    "erwartung",
    "bedingung",
    "beschluss",
    "anweisung",
    "auftrag",
    "empfehlung",
    "hinweis",
    "hinweise",
    "gerücht",
    "gerüchte",
    "verdacht",
    "plan",
    "pläne",
    "absicht",
    "idee",
    "wunsch",
    "angst",
    "sorge",
    "kritik",
    "bericht",
    "berichte",
    "erklärung",
    "mitteilung",
    "aussage",
    "aussagen",
    "darstellung",
    "begründung",
)
_CLAUSE_GOES_ON = (
    _RELATIVE | _ADVERBIAL | {"und", "oder", "aber", "sondern", "dass", "daß", "ob", "wie"}
)


_WEAK_WORDS = re.compile(r"\b(?:[Nn]ach|[Aa]us)\b")
_FUSED_ZU = re.compile(r"[a-zäöü]{2,}zu[a-zäöü]{2,}en$")  # ``abzuschaffen``, ``einzuführen``


@lru_cache(maxsize=65536)
def _speech_noun(word: str) -> bool:
    return word.endswith(SPEECH_NOUNS)


def _noun_clause(tokens: list[Token], index: int) -> Quote | None:
    """``die Forderung des Ministers, die Steuern zu senken``, ``Zweifel daran, ob ...``, ``der
    Meinung, dass ...``: the clause after a speech noun (``darauf``/``daran`` may stand
    between) is what was said."""
    if not any(t.text == "," for t in tokens):
        return None
    for k in [k for k, t in enumerate(tokens[:-3]) if t.text == ","]:
        tok = tokens[k]
        if tokens[k + 1].quoted:
            continue
        j = k - 1
        if j > 0 and tokens[j].lower in {"daran", "darauf", "darüber", "davon", "dafür"}:
            j -= 1
        noun = tokens[j] if j >= 0 else None
        if noun is None or not noun.text[:1].isupper() or not _speech_noun(noun.lower):
            noun = _owned_by_speech_noun(tokens, k)
            if noun is None:
                continue
        start = k + 1
        opener = tokens[start].lower
        end = _clause_close(tokens, start)
        words = [t for t in tokens[start:end] if t.text[0].isalpha()]
        ends_in_zu = len(words) > 1 and (
            words[-2].lower == "zu" or bool(_FUSED_ZU.match(words[-1].text))
        )  # a relative clause (``die ...``) ends in a finite verb instead
        infinitive = ends_in_zu or (opener not in _RELATIVE and any(t.lower == "zu" for t in words))
        if opener not in {"dass", "daß", "ob"} and not infinitive:
            continue
        if _subjunctive(tokens[:k] + tokens[end:]):
            return None  # the sentence itself reports speech: free indirect as a whole
        span = _unquoted_span(tokens, start, end)
        if span:
            return Quote(
                [span],
                "indirect",
                index,
                cue=(noun.text, noun.start, noun.end),
                frame=(tokens[0].start, tok.start),
            )
    return None


def _owned_by_speech_noun(tokens: list[Token], k: int) -> Token | None:
    """``die Forderung des CSU-Vorsitzenden Edmund Stoiber, ...``: the speech noun before a
    genitive (an article and capitalised words) that ends at the comma."""
    j = k - 1
    while j > 0 and tokens[j].text[:1].isupper() and not tokens[j].quoted:
        j -= 1
    if j < 1 or tokens[j].lower not in {"des", "der", "seiner", "ihrer", "ihres", "seines"}:
        return None
    noun = tokens[j - 1]
    speech = noun.text[:1].isupper() and _speech_noun(noun.lower) and j < k - 1
    return noun if speech else None


def _clause_close(tokens: list[Token], start: int) -> int:
    """Where a subordinate clause from ``start`` ends: at the sentence end or at a comma
    after which the main clause goes on (a lower-case word that does not continue it)."""
    for k in range(start + 1, len(tokens) - 1):
        if tokens[k].text in {";", ":"}:
            return k
        if tokens[k].text == "," and not tokens[k + 1].quoted:
            nxt = tokens[k + 1]
            if nxt.text[:1].islower() and nxt.lower not in _CLAUSE_GOES_ON:
                return k
    return len(tokens)


def _unquoted_span(tokens: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """Offsets of ``tokens[lo:hi]`` without trailing punctuation; None when mostly quoted."""
    while hi > lo and not tokens[hi - 1].text[0].isalnum() and not tokens[hi - 1].quoted:
        hi -= 1
    if hi - lo < 3:
        return None
    free = sum(1 for t in tokens[lo:hi] if not t.quoted and t.text[0].isalnum())
    if free < MIN_FREE_WORDS:
        return None  # a direct quotation with its frame, not an indirect one
    return tokens[lo].start, tokens[hi - 1].end


def _wie_frame(tokens, cue, index) -> Quote | None:
    i = cue[0]
    if tokens[0].lower != "wie" or i > 25:
        return None
    comma = next((j for j in range(i + 1, min(len(tokens), i + 4)) if tokens[j].text == ","), None)
    if comma is None:
        return None
    span = _unquoted_span(tokens, comma + 1, len(tokens))
    if span is None:
        return None
    return Quote(
        [span], "indirect", index, cue=cue[2:], frame=(tokens[0].start, tokens[comma].start)
    )


def _clause_after(tokens, cue, index) -> Quote | None:
    """The cue's clause ends in a comma (or ``dass``) and the quotation follows."""
    end = cue[4]
    j = next((k for k, t in enumerate(tokens) if t.start >= end), len(tokens))
    limit = min(len(tokens), j + 12)
    for k in range(j, limit):
        tok = tokens[k]
        if tok.quoted:
            if k == j or tokens[k - 1].text == ":":
                return None  # the cue introduces a direct quotation
            continue  # a name in quotation marks: sagte der „Berliner Zeitung“, dass ...
        if tok.text in _TERMINAL or tok.text == ";":
            return None
        if tok.text in {",", ":"} and k + 1 < len(tokens):
            nxt = tokens[k + 1]
            if nxt.lower in _RELATIVE and k > j and not _clause_has_subjunctive(tokens, k + 1):
                return None  # a relative clause on a noun, not the quotation
            if nxt.lower in _ADVERBIAL:
                return None  # wenn, weil, wobei ...: a circumstance, not what was said
            if _inverted(tokens, cue[0]) and _apposition_rest(tokens, k + 1):
                return None  # ``„...“, sagte X, Sprecher des Amtes, am Montag``
            span = _unquoted_span(tokens, k + 1, len(tokens))
            if span is None:
                return None
            return Quote([span], "indirect", index, cue=cue[2:], frame=(tokens[0].start, tok.start))
        if tok.lower in {"dass", "daß", "ob", "wonach"} and k > j:
            span = _unquoted_span(tokens, k, len(tokens))
            return (
                Quote([span], "indirect", index, cue=cue[2:], frame=(tokens[0].start, tok.start))
                if span
                else None
            )
    return None


def _inverted(tokens: list[Token], i: int) -> bool:
    """The cue follows a comma or a quotation: its speaker comes after it."""
    return i > 0 and (tokens[i - 1].text == "," or tokens[i - 1].quoted)


def _apposition_rest(tokens: list[Token], lo: int) -> bool:
    """What follows the speaker's comma is short and not reported speech (no subjunctive):
    an apposition or an adverbial, not the quotation."""
    rest = [t for t in tokens[lo:] if t.text[0].isalnum()]
    return len(rest) <= 10 and not _clause_has_subjunctive(tokens, lo)


def _clause_before(tokens, cue, index) -> Quote | None:
    """``Der Plan sei gescheitert, sagte X.``: a comma right before the cue; not a subject
    with its relative clause (``Anna Berg, die das Amt leitet, sagte``) nor a clause of
    reason or time (``Da der Zug ausfiel, entschied sich X``)."""
    i = cue[0]
    if i < 4 or tokens[i - 1].text != ",":
        return None
    span = _unquoted_span(tokens, 0, i - 1)
    if span is None or _apposition(tokens[: i - 1]) or _subject_with_clause(tokens[: i - 1]):
        return None
    return Quote(
        [span],
        "indirect",
        index,
        cue=cue[2:],
        speaker_after=True,
        frame=(tokens[i].start, tokens[-1].end),
    )


def _subject_with_clause(tokens: list[Token]) -> bool:
    commas = [k for k, t in enumerate(tokens) if t.text == "," and not t.quoted]
    if not commas:
        return tokens[0].lower in _ADVERBIAL and tokens[0].lower != "um"
    last = tokens[commas[-1] + 1] if commas[-1] + 1 < len(tokens) else None
    return last is not None and last.lower in _RELATIVE and not _subjunctive(tokens)


def _apposition(tokens: list[Token]) -> bool:
    """``Erik Schweickert, der Sprecher der FDP-Fraktion, äußerte``: the subject with its
    apposition before the cue, not a quotation (a comma inside, a noun at the end)."""
    words = [t for t in tokens if not t.quoted]
    return bool(words) and words[-1].text[0].isupper() and any(t.text == "," for t in words)


def _clause_has_subjunctive(tokens: list[Token], lo: int) -> bool:
    for tok in tokens[lo : lo + 12]:
        if tok.text == ",":
            break
        if tok.lower in SUBJUNCTIVE:
            return True
    return False


def _reported_source(tokens: list[Token], lex, index: int, weak: bool = False) -> Quote | None:
    """``laut X``, ``X zufolge``, ``nach Angaben von X``, ``..., so X.``, ``demnach``; with
    ``weak`` the frames that a cue verb of the sentence takes precedence over (``seiner
    Meinung nach``, ``aus Sicht von X``, ``Umfragen, nach denen ...``)."""
    if weak:
        return _weak_source(tokens, lex, index)
    for i, tok in enumerate(tokens):
        low = tok.lower
        if tok.quoted or (low not in lex.words and low not in {"nach", "aus"}):
            continue
        kinds = lex.words.get(low, frozenset())
        cue = (tok.text, tok.start, tok.end)
        if "prep" in kinds or (low == "nach" and _source_noun(tokens, i + 1, lex)):
            a, b = i, _noun_phrase_end(tokens, i + 1)
            return _around(tokens, a, b, index, cue, after=True)
        if "postp" in kinds:
            a = _noun_phrase_start(tokens, i)
            return _around(tokens, a, i + 1, index, (tok.text, tok.start, tok.end), after=False)
        if (
            "so" in kinds
            and i > 3
            and tokens[i - 1].text == ","
            and _ends_soon(tokens, i)
            and i + 1 < len(tokens)
            and tokens[i + 1].text[0].isalnum()
        ):
            span = _unquoted_span(tokens, 0, i - 1)
            if span:
                return Quote(
                    [span],
                    "indirect",
                    index,
                    cue=(tok.text, tok.start, tok.end),
                    speaker_after=True,
                    frame=(tok.end, tokens[-1].end),
                    source=(tokens[i + 1].start, _last_word(tokens).end),
                )
        if "adverb" in kinds and low in {"demnach"}:
            span = _unquoted_span(tokens, 0, len(tokens))
            if span:
                return Quote(
                    [span],
                    "indirect",
                    index,
                    cue=(tok.text, tok.start, tok.end),
                    source=(tok.start, tok.end),
                )
    return None


def _weak_source(tokens: list[Token], lex, index: int) -> Quote | None:
    if tokens[-1].text == "?":
        return None  # a question (an interviewer's ``Ihrer Meinung nach``) reports nothing
    for i, tok in enumerate(tokens):
        if tok.quoted or tok.lower not in {"nach", "aus"}:
            continue
        cue = (tok.text, tok.start, tok.end)
        if (
            tok.lower == "aus"
            and tokens[i + 1 : i + 2]
            and tokens[i + 1].lower not in _POSSESSIVE
            and _source_noun(tokens, i + 1, lex, sicht=True)
        ):
            return _around(tokens, i, _noun_phrase_end(tokens, i + 1), index, cue, after=True)
        if tok.lower == "nach" and _source_before(tokens, i, lex):  # ``seiner Meinung nach``
            return _around(tokens, i - 2, i + 1, index, cue, after=False)
        if tok.lower == "nach" and _relative_source(tokens, i):  # ``Gerüchte, nach denen``
            return _relative_clause(tokens, i, index, cue)
    return None


def _source_noun(tokens: list[Token], i: int, lex, sicht: bool = False) -> bool:
    """``nach Angaben``, ``nach den Angaben``, ``nach offiziellen Angaben``, ``nach einer
    Stellungnahme``, ``nach Expertenmeinung``, ``nach dem Grundgesetz``, ``nach Grupps
    Meinung``: a source noun (or a compound ending in one, also in the genitive) within
    three words, after a name in the genitive; ``aus Sicht`` (``sicht``) only that noun."""
    named = False
    for tok in tokens[i : i + 3]:
        if not tok.text.replace("-", "").isalpha():
            return False
        if tok.text[0].isupper():
            if sicht:
                return tok.lower == "sicht"
            if _is_source(tok.lower, lex):
                return True
            if named or not tok.lower.endswith("s"):
                return False
            named = True  # a name in the genitive right before the noun: ``Grupps``
        elif named:
            return False
    return False


def _is_source(word: str, lex) -> bool:
    return _source_word(word, lex.sources)


@lru_cache(maxsize=65536)
def _source_word(word: str, sources: frozenset[str]) -> bool:
    stems = {word, word[:-1] if word.endswith("s") else word, word[:-2]}
    return any(w.endswith(noun) for noun in sources for w in stems if len(w) > 2)


_POSSESSIVE = frozenset(
    ["seiner", "ihrer", "dem", "deren", "dessen", "unserer", "meiner", "eigener", "allgemeiner"]
)


def _source_before(tokens: list[Token], i: int, lex) -> bool:
    """``seiner Meinung nach``, ``dem Vernehmen nach``: a source noun before ``nach``."""
    return (
        i >= 2
        and tokens[i - 1].text[:1].isupper()
        and _is_source(tokens[i - 1].lower, lex)
        and tokens[i - 2].lower in _POSSESSIVE
        and i + 1 < len(tokens)
        and tokens[i + 1].text[0].isalnum()
    )


_RELATIVE_SOURCE = frozenset(["denen", "welchem", "welcher", "welchen"])


def _relative_source(tokens: list[Token], i: int) -> bool:
    return (
        0 < i < len(tokens) - 3
        and tokens[i - 1].text == ","
        and tokens[i + 1].lower in _RELATIVE_SOURCE
        and not tokens[i + 1].quoted
    )


def _relative_clause(tokens: list[Token], i: int, index: int, cue) -> Quote | None:
    """``Umfragen, nach denen 72 Prozent ... ablehnen``: the relative clause is what the
    noun before it says, the relative pronoun its speaker."""
    end = next((k for k in range(i + 2, len(tokens)) if tokens[k].text in {",", ";"}), len(tokens))
    span = _unquoted_span(tokens, i + 2, end)
    if span is None:
        return None
    pronoun = tokens[i + 1]
    return Quote(
        [span],
        "indirect",
        index,
        cue=cue,
        frame=(tokens[i].start, pronoun.end),
        source=(pronoun.start, pronoun.end),
    )


def _ends_soon(tokens: list[Token], i: int) -> bool:
    """``..., so X.``: ``so`` and a noun phrase end the sentence (``so der Sprecher``, ``so
    Anna Berg, die Leiterin des Amtes``, ``so das Ergebnis einer Studie``); not ``so dass``,
    ``so könnte``."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or nxt.lower in {"dass", "daß"} or nxt.lower in _CLAUSE_WORDS:
        return False
    if all(t.text != "," for t in tokens[i + 1 : i + 6]) and len(tokens) - i <= 12:
        return True  # short: ``so der Sprecher``, ``so bestätigt das Gericht``
    if not (nxt.lower in _ARTICLES or nxt.text[:1].isupper()):
        return False
    j = _noun_phrase_end(tokens, i + 1)
    rest = tokens[j:]
    if all(not t.text[0].isalnum() for t in rest) or rest[0].text == ":":
        return True
    # an apposition to the end: ``so Anna Berg, die Leiterin des Amtes``
    return (
        rest[0].text == ","
        and len(rest) > 1
        and (rest[1].lower in _ARTICLES or rest[1].text[:1].isupper())
        and not any(t.text == "," for t in rest[1:])
    )


def _noun_phrase_end(tokens: list[Token], i: int) -> int:
    """The end (exclusive) of the noun phrase from ``i``: an article, adjectives, the noun or
    name (several capitalised words), then genitive or ``von`` attachments (``Angaben des
    Innenministeriums``, ``Angaben von Augenzeugen``)."""
    n = len(tokens)
    j = i
    while j < n and j - i < 14:
        k = j
        if (
            k < n
            and tokens[k].lower in _ARTICLES
            and (k == i or tokens[k].lower in _GENITIVE)
            or k > i
            and tokens[k].lower in {"von", "vom"}
        ):
            k += 1
        elif k > i:
            break
        while (
            k < n
            and tokens[k].text[0].islower()
            and tokens[k].text.isalpha()
            and tokens[k].lower not in _ARTICLES
            and k + 1 < n
            and tokens[k].lower.endswith(("en", "er", "es", "e", "em"))
        ):
            k += 1  # adjectives before the noun
        if k >= n or not tokens[k].text[0].isupper():
            break
        while k < n and tokens[k].text[0].isupper() and not tokens[k].quoted:
            k += 1
        j = k
    return max(j, i + 1)


_ARTICLES = ARTICLE_FORMS | {"seines", "seiner", "ihres", "ihrer", "eigenen", "eigener"}
_NOUN_PHRASE_WORDS = ARTICLE_FORMS | {"von", "vom"}
_GENITIVE = {"des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer"}


def _noun_phrase_start(tokens: list[Token], i: int) -> int:
    """Where the noun phrase before ``tokens[i]`` begins (``Angaben des Ministeriums
    zufolge``): capitalised words, articles, adjectives before a noun, and names written
    otherwise (``dem „Figaro“``, ``dem Sender al-Dschasira``, ``des Verbandes (VDR)``)."""
    j = i
    while j > 0 and i - j < 8:
        tok = tokens[j - 1]
        if tok.text == ")" and j >= 3 and tokens[j - 3].text == "(":
            j -= 3  # ``(VDR)``
            continue
        if tok.text in {",", ".", ":", ";", ")", "("}:
            break
        if tok.lower in _DATIVE_ARTICLES:  # the phrase's own case: ``hob X dem „Figaro“ zufolge``
            return j - 1
        if tok.text[0].isupper() or tok.lower in _NOUN_PHRASE_WORDS or _name_like_token(tok):
            j -= 1
            continue
        if (
            tok.text[0].islower()
            and tok.lower.endswith(("en", "er", "es", "e", "em"))
            and tokens[j].text[0].isupper()
        ):
            j -= 1
            continue
        break
    return j


def _name_like_token(tok: Token) -> bool:
    """A quotation mark or a word of a name that does not begin with a capital
    (``al-Dschasira``, ``worldreferee.com``, ``iPhone``)."""
    text = tok.text
    return text in _QUOTE_MARKS or (
        text[0].islower() and (any(c.isupper() for c in text) or "." in text)
    )


_QUOTE_MARKS = frozenset('„“”»«"')
_DATIVE_ARTICLES = frozenset(["dem", "den", "einem"])


def _around(tokens, a: int, b: int, index: int, cue, *, after: bool) -> Quote | None:
    """The sentence without the frame ``tokens[a:b]`` (one or two parts)."""
    parts = []
    first = _unquoted_span(tokens, 0, a) if a > 0 else None
    if first and tokens[a - 1].text != ",":
        parts.append(first)
    elif first:
        parts.append((first[0], tokens[a - 2].end if a >= 2 else first[1]))
    rest_start = b + 1 if b < len(tokens) and tokens[b].text == "," else b
    second = _unquoted_span(tokens, rest_start, len(tokens))
    if second:
        parts.append(second)
    if not parts or sum(e - s for s, e in parts) < 20:
        return None
    b = min(b, len(tokens))
    lo, hi = (a + 1, b) if after else (a, b - 1)
    source = (tokens[lo].start, tokens[hi - 1].end) if hi > lo else None
    return Quote(
        parts,
        "indirect",
        index,
        cue=cue,
        speaker_after=after,
        frame=(tokens[a].start, tokens[b - 1].end),
        source=source,
    )


def _last_word(tokens: list[Token]) -> Token:
    return next(t for t in reversed(tokens) if t.text[0].isalnum())


_ANAPHORS = {"das", "dies", "dieses", "diese"}


def _anaphoric(tokens: list[list[Token]], index: int, lex) -> Quote | None:
    """``Die Firma hat Insolvenz angemeldet. Das teilte ein Sprecher mit.``: the previous
    sentence is the quotation, with the pronoun that refers to it."""
    toks = tokens[index]
    if index == 0 or len(toks) < 3 or len(toks) > 25 or toks[0].lower not in _ANAPHORS:
        return None
    cue = find_cue(toks, lex, lo=1, hi=2, need="clause")
    previous = tokens[index - 1]
    if cue is None or not previous or previous[0].quoted or any(t.quoted for t in previous[-2:]):
        return None
    return Quote(
        [(previous[0].start, previous[-1].end), (toks[0].start, toks[0].end)],
        "indirect",
        index - 1,
        cue=cue[2:],
        speaker_after=True,
        frame=(toks[0].start, toks[-1].end),
    )


def _reported(tokens: list[Token], lex, index: int) -> Quote | None:
    """A speech act without a clause (``Die Partei forderte den Rücktritt des Ministers.``):
    the whole sentence reports a statement."""
    cue = find_cue(tokens, lex, need="alone")
    while cue is not None and not _main_clause_act(tokens, cue):
        cue = find_cue(tokens, lex, lo=cue[0] + 1, need="alone")
    if cue is None or tokens[0].quoted:
        return None
    if _particle_is_prefix(tokens, cue):
        return None
    if sum(1 for t in tokens if t.quoted) > len(tokens) // 2:
        return None
    last = _last_word(tokens)
    end = tokens[-1].end if tokens[-1].text in _TERMINAL else last.end
    return Quote(
        [(tokens[0].start, end)],
        "reported",
        index,
        cue=cue[2:],
        frame=(tokens[0].start, tokens[-1].end),
    )


_SUBORDINATE = _RELATIVE | _ADVERBIAL | {"dass", "daß", "ob", "wie", "wo", "welches", "womit"}
_PERFECT = frozenset(["hat", "hatte", "haben", "hatten", "habe", "hätte", "hätten"])
_CASUALTIES = ("tote", "todesopfer", "opfer", "menschenleben", "leben", "verletzte")


def _main_clause_act(tokens: list[Token], cue) -> bool:
    """The cue reports a statement of the sentence's main clause: not in a subordinate or
    relative clause (``..., die 73 Todesopfer forderte``, ``Wenn Berlin geklagt hätte``), not
    in brackets (``(Wikinews berichtete)``), not a participle that names or is passive
    without its agent (``auch X genannt``, ``wird ... gefordert``), not ``fordern`` of lives
    (``das Beben forderte 20 Tote``)."""
    i, form = cue[0], cue[1]
    before = tokens[:i]
    cut = max((k for k, t in enumerate(before) if t.text in {",", ";", ":", "–", "-"}), default=-1)
    opener = before[cut + 1].lower if cut + 1 < len(before) else ""
    if opener in _SUBORDINATE and not (cut == -1 and opener in _RELATIVE):
        return False
    opened = max((k for k, t in enumerate(before) if t.text == "("), default=-1)
    if opened >= 0 and not any(t.text == ")" for t in before[opened:]):
        return False
    if form.participle:
        words = {t.lower for t in tokens if not t.quoted}
        if not words & _PERFECT and not words & {"von", "vom"}:
            return False
    lives = any(t.lower.endswith(_CASUALTIES) for t in tokens[i + 1 : i + 6])
    return not (form.lemma == "fordern" and lives)


def _particle_is_prefix(tokens: list[Token], cue) -> bool:
    """``sprachen ihn ... frei``: a particle at the clause end that is not the cue's."""
    last = _last_word(tokens)
    return (
        last.text[0].islower()
        and len(last.text) <= 5
        and last.end > cue[4]
        and not cue[1].particle
        and last.lower
        in {"frei", "zu", "ab", "an", "auf", "aus", "ein", "los", "mit", "vor", "weg"}
    )


# -- free indirect -----------------------------------------------------------------------------


def _free_indirect(text: str, tokens, quotes: list[Quote], lex, covered: set[int]) -> list[Quote]:
    """Sentences in the subjunctive without a cue that follow a quotation (within
    :data:`CARRY_SENTENCES`), or any in the subjunctive I; each continues the chain, and
    consecutive ones in a paragraph are one quotation."""
    anchors = {q.sentence for q in quotes} | covered
    taken = {q.sentence for q in quotes if not _phrase_inside(q)} | covered
    out, recent, last = [], None, None
    for index in range(len(tokens)):
        if index in taken:
            recent = index
            continue
        if index in anchors:
            recent = index  # a phrase quoted inside: the sentence may still go on reporting
        near = recent is not None and index - recent <= CARRY_SENTENCES
        right_after = recent is not None and index - recent == 1
        if not _may_report(tokens, index, near):
            continue
        toks = tokens[index]
        if not toks or toks[0].quoted:
            continue
        if (
            (near and (_subjunctive(toks) or _hearsay(toks) or _verb_second_subjunctive(toks)))
            or (right_after and _modal_hearsay(toks))
            or _subjunctive_i(toks)
        ):
            span = _unquoted_span(toks, 0, len(toks))
            if not span:
                continue
            if last == index - 1 and "\n" not in text[out[-1].end : span[0]]:
                out[-1].parts[-1] = (out[-1].parts[-1][0], toks[-1].end)  # it goes on
            else:
                out.append(Quote([(span[0], toks[-1].end)], "free indirect", index, carried=True))
            recent = last = index
    return out


def _may_report(tokens: _Tokens, index: int, near: bool) -> bool:
    """The sentence has a word the tests of free indirect speech look for (near a quotation:
    a subjunctive, ``soll``, a word that may be a verb in the subjunctive I in second place;
    else a subjunctive I). Without one its tokens need not be read."""
    words = tokens.words(index)
    if not _STRICT_SUBJUNCTIVE.isdisjoint(words):
        return True
    if not near:
        return False
    return not _NEAR_WORDS.isdisjoint(words) or any(map(_second_verb, tokens.runs(index)))


def _phrase_inside(quote: Quote) -> bool:
    """A phrase quoted inside a sentence without a frame (``Dies sei ein „Rückschritt“
    gewesen``): the sentence around it can still be free indirect speech."""
    return quote.kind == "direct" and quote.nested


#: Lower-case words ending in -e that are not verbs in the subjunctive I.
_NOT_VERBS = frozenset(
    [
        "ohne",
        "gerne",
        "gern",
        "bitte",
        "alle",
        "diese",
        "jede",
        "keine",
        "seine",
        "ihre",
        "eine",
        "welche",
        "solche",
        "beide",
        "einige",
        "viele",
        "wenige",
        "andere",
        "mehrere",
        "meine",
        "deine",
        "unsere",
        "eure",
        "jene",
        "manche",
        "sämtliche",
        "dieselbe",
        "derselbe",
        "gleiche",
        "ganze",
        "halbe",
        "erste",
        "zweite",
        "dritte",
        "letzte",
        "nächste",
        "neue",
        "alte",
        "große",
        "kleine",
        "gute",
        "lange",
        "hohe",
        "volle",
        "gesamte",
        "weitere",
        "eigene",
        "ende",
        "wie",
        "sowie",
        "heute",
        "gestern",
        "ebenfalls",
        "bereits",
        "gerade",
        "lediglich",
        "zunächst",
        "ferner",
        "nahe",
        "jüngste",
        "beste",
    ]
)


def _second_verb(w: str) -> bool:
    """A word :func:`_verb_second_subjunctive` may take for a verb in the subjunctive I."""
    return (
        w.islower()
        and w.isalpha()
        and len(w) >= 4
        and w.endswith("e")
        and not w.endswith(("te", "de"))
        and w not in _NOT_VERBS
    )


def _verb_second_subjunctive(tokens: list[Token]) -> bool:
    """``Das Amt halte den Weg für schnell``, ``Jedoch ruhe die Mitgliedschaft``: a verb in
    the subjunctive I (``-e``, not the past ``-te``/``-de``) in second place, after the first
    constituent and before a lower-case word."""
    words = [t for t in tokens if not t.quoted]
    for i in range(1, min(len(words) - 1, 8)):
        w = words[i].text
        if not _second_verb(w):
            continue
        before, after = words[i - 1].text, words[i + 1].text
        if (before[:1].isupper() or before.lower() in {"er", "sie", "es", "man"}) and (
            after.islower() or after in {",", "."}
        ):
            return True
    return False


def _modal_hearsay(tokens: list[Token]) -> bool:
    """``soll``/``sollen`` right after a quotation: what was said goes on."""
    return any(t.lower in {"soll", "sollen"} for t in tokens if not t.quoted)


#: Subjunctive II forms that, after a quotation, mostly go on reporting it.
SUBJUNCTIVE_II = frozenset(
    ["könnten", "müssten", "sollten", "würden", "dürften", "gäbe", "gäben", "hätte", "wäre"]
)


def _subjunctive(tokens: list[Token]) -> bool:
    words = [t.lower for t in tokens if not t.quoted]
    if len(words) > 1 and words[0] == "sie" and words[1] == "sei":  # the imperative-like form
        return False
    return any(w in SUBJUNCTIVE or w in SUBJUNCTIVE_II for w in words)


def _subjunctive_i(tokens: list[Token]) -> bool:
    """A sentence whose verb is in the subjunctive I (``sei``, ``habe``, ``werde``): reported
    speech wherever it stands."""
    words = [t.lower for t in tokens if not t.quoted]
    if len(words) > 1 and words[0] == "sie" and words[1] == "sei":
        return False
    return any(w in _STRICT_SUBJUNCTIVE for w in words)


_STRICT_SUBJUNCTIVE = frozenset(
    ["sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe"]
)
#: The words of the tests of free indirect speech near a quotation (besides the verbs
#: :func:`_second_verb` accepts).
_NEAR_WORDS = SUBJUNCTIVE | SUBJUNCTIVE_II | {"soll", "sollen"}


def _hearsay(tokens: list[Token]) -> bool:
    """``X soll ... getan haben``: the modal of hearsay."""
    words = [t.lower for t in tokens if t.text[0].isalnum()]
    return (
        any(w in {"soll", "sollen"} for w in words)
        and bool(words)
        and words[-1] in {"haben", "sein", "werden"}
    )
