"""Word lists, the one combined pattern, tense cues and calendar arithmetic behind `timex`.

Everything here is compiled once: at import, or for the combined pattern ``MASTER`` on first
use. ``MASTER`` has one named group per kind of expression (``range``, ``date``, ``weekday``
...), tried in that order at each word start; `newslens.timex` dispatches on
``match.lastgroup``. Rules follow tests/gold/TIMEX_GUIDELINES.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

# -- words ---------------------------------------------------------------------------------

MONTHS = {
    "Januar": 1, "Jänner": 1, "Februar": 2, "Feber": 2, "März": 3, "April": 4, "Mai": 5,
    "Juni": 6, "Juli": 7, "August": 8, "September": 9, "Oktober": 10, "November": 11,
    "Dezember": 12,
}
MONTH_ABBREVIATIONS = {
    "Jan.": 1, "Feb.": 2, "Mär.": 3, "Mrz.": 3, "Apr.": 4, "Jun.": 6, "Jul.": 7, "Aug.": 8,
    "Sep.": 9, "Sept.": 9, "Okt.": 10, "Nov.": 11, "Dez.": 12,
}
WEEKDAYS = {
    "Montag": 0, "Dienstag": 1, "Mittwoch": 2, "Donnerstag": 3, "Freitag": 4, "Samstag": 5,
    "Sonnabend": 5, "Sonntag": 6,
}
#: Day parts as TIMEX3 suffixes (``2025-10-21TEV``).
DAY_PARTS = {
    "morgen": "MO", "früh": "MO", "vormittag": "MO", "mittag": "MI", "nachmittag": "AF",
    "abend": "EV", "nacht": "NI",
}
SEASONS = {
    "Frühling": ("SP", "none"), "Frühjahr": ("SP", "none"), "Sommer": ("SU", "none"),
    "Herbst": ("FA", "none"), "Winter": ("WI", "none"), "Frühsommer": ("SU", "early"),
    "Hochsommer": ("SU", "mid"), "Spätsommer": ("SU", "late"), "Frühherbst": ("FA", "early"),
    "Spätherbst": ("FA", "late"), "Spätwinter": ("WI", "late"),
}
NUMBERS = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
    "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
    "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30,
    "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
    "hundert": 100, "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5,
    "dreieinhalb": 3.5, "viereinhalb": 4.5, "fünfeinhalb": 5.5, "sechseinhalb": 6.5,
    "siebeneinhalb": 7.5, "achteinhalb": 8.5, "neuneinhalb": 9.5, "zehneinhalb": 10.5,
}
#: "a few" of a unit, as used for ``vor wenigen Tagen`` and ``in den vergangenen Wochen``.
FEW_WORDS = ("wenige", "einige", "ein paar", "mehrere", "ein, zwei", "viele")
ORDINAL_WORDS = {
    "ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "fünften": 5,
    "sechsten": 6, "siebten": 7, "achten": 8, "neunten": 9, "zehnten": 10, "elften": 11,
    "zwölften": 12, "dreizehnten": 13, "vierzehnten": 14, "fünfzehnten": 15,
    "sechzehnten": 16, "siebzehnten": 17, "achtzehnten": 18, "neunzehnten": 19,
    "zwanzigsten": 20, "einundzwanzigsten": 21,
}
DECADE_WORDS = {
    "Zwanziger": 2, "Dreißiger": 3, "Vierziger": 4, "Fünfziger": 5, "Sechziger": 6,
    "Siebziger": 7, "Achtziger": 8, "Neunziger": 9, "Nuller": 0,
}
APPROXIMATORS = {
    "rund": "approximate", "etwa": "approximate", "fast": "approximate",
    "knapp": "approximate", "gut": "approximate", "gute": "approximate",
    "guten": "approximate", "ungefähr": "approximate",
    "circa": "approximate", "ca.": "approximate", "beinahe": "approximate",
    "nahezu": "approximate", "annähernd": "approximate", "mehr als": "more_than",
    "über": "more_than", "mindestens": "more_than", "länger als": "more_than",
    "weniger als": "less_than", "höchstens": "less_than", "kürzer als": "less_than",
    "bis zu": "less_than",
}
#: Particles inside an offset frame only (vor genau einer Woche, vor bald zwei Jahren, vor nicht
#: einmal 20 Jahren) -> modifier; elsewhere they stay out of the span.
OFFSET_PARTICLES = {"genau": "none", "bald": "approximate", "nicht einmal": "after",
                    "noch nicht einmal": "after", "knapp über": "more_than"}
#: Anfang/Mitte/Ende and friends -> modifier.
PART_MODIFIERS = {"Anfang": "early", "Beginn": "early", "Mitte": "mid", "Ende": "late"}
#: Relative words before a unit or weekday -> step in units (0 = the anchor's own).
RELATIVE_STEPS = {
    "vergangen": -1, "letzt": -1, "vorig": -1, "vorvergangen": -2, "vorletzt": -2,
    "kommend": 1, "nächst": 1, "übernächst": 2, "dies": 0, "laufend": 0, "heutig": 0,
    "gestrig": -1, "morgig": 1, "folgend": 1,
}
#: Vague adverbs and their TIMEX3 reference value: the present, some time before or after it.
VAGUE_REFS = {
    "derzeit": "PRESENT_REF", "mittlerweile": "PRESENT_REF", "vorerst": "PRESENT_REF",
    "momentan": "PRESENT_REF", "jetzt": "PRESENT_REF", "nun": "PRESENT_REF",
    "inzwischen": "PRESENT_REF", "gegenwärtig": "PRESENT_REF", "heutzutage": "PRESENT_REF",
    "zurzeit": "PRESENT_REF", "zunächst": "PRESENT_REF", "aktuell": "PRESENT_REF",
    "damals": "PAST_REF", "kürzlich": "PAST_REF", "zuletzt": "PAST_REF", "bisher": "PAST_REF",
    "bislang": "PAST_REF", "neulich": "PAST_REF", "einst": "PAST_REF", "seinerzeit": "PAST_REF",
    "vorhin": "PAST_REF", "jüngst": "PAST_REF", "früher": "PAST_REF",
    "bald": "FUTURE_REF", "künftig": "FUTURE_REF", "zukünftig": "FUTURE_REF",
    "demnächst": "FUTURE_REF", "dereinst": "FUTURE_REF", "zeitnah": "FUTURE_REF",
    "baldmöglichst": "FUTURE_REF", "später": "FUTURE_REF",
}
VAGUE_WORDS = tuple(w for w in VAGUE_REFS if w != "später")
#: Plural units that, bare after "über" (accusative) or "nach" (dative), are a length of
#: unknown count: "über Jahrhunderte", "nach Monaten" (PXCE, PXM).
BARE_UNITS_ACCUSATIVE = ("Tage", "Wochen", "Monate", "Jahre", "Jahrzehnte", "Jahrhunderte")
BARE_UNITS_DATIVE = ("Tagen", "Wochen", "Monaten", "Jahren", "Jahrzehnten", "Jahrhunderten")
#: "früher" as a comparative (earlier), not "formerly": "früher als", "früher oder später",
#: "noch früher", "deutlich früher", "eine Stunde früher".
COMPARATIVE_AFTER = re.compile(r"\s+(?:als|oder|und\s+später)\b")
COMPARATIVE_BEFORE = re.compile(
    r"\b(?:noch|viel|etwas|deutlich|immer|umso|desto|je|zu|so|weit|wesentlich|wenig|"
    r"Sekunden?|Minuten?|Stunden?|Tage?n?|Wochen?|Monate?n?|Jahre?n?|Jahrzehnte?n?)\s+$")
VAGUE_PHRASES = (
    r"zu einem (?:späteren|früheren|anderen) Zeitpunkt", r"zum (?:jetzigen|gegenwärtigen|"
    r"derzeitigen|aktuellen) Zeitpunkt", r"in Kürze", r"vor [Kk]urzem", r"seit [Kk]urzem",
    r"vor langer Zeit", r"seit langer Zeit", r"bis auf [Ww]eiteres",  # not seit langem
    r"in (?:naher |ferner )?Zukunft", r"in absehbarer Zeit", r"in der Vergangenheit",
    r"zur Zeit", r"im Moment", r"dieser Tage", r"in diesen Tagen", r"eines Tages",
    r"bis dato", r"seit (?:Tagen|Wochen|Monaten|Jahren|Jahrzehnten)",
    r"vor (?:Tagen|Wochen|Monaten|Jahren|Jahrzehnten)",
    # unspecified times before now: in früheren Jahren, die Vorjahre, in der jüngeren Vergangenheit
    r"früheren (?:Jahren|Jahrzehnten|Zeiten)", r"Vorjahren", r"(?:jüngeren|jüngsten) Vergangenheit",
)
#: The reference value of a vague phrase, by its first word(s); the present where none fits.
VAGUE_PHRASE_REFS = (
    ("zu einem späteren", "FUTURE_REF"), ("zu einem früheren", "PAST_REF"),
    ("in kürze", "FUTURE_REF"), ("in naher", "FUTURE_REF"), ("in ferner", "FUTURE_REF"),
    ("in zukunft", "FUTURE_REF"), ("in absehbarer", "FUTURE_REF"), ("eines tages", "FUTURE_REF"),
    ("vor", "PAST_REF"), ("seit", "PAST_REF"), ("in der vergangenheit", "PAST_REF"),
    ("bis dato", "PAST_REF"), ("früheren", "PAST_REF"), ("vorjahren", "PAST_REF"),
    ("jüngere", "PAST_REF"), ("jüngste", "PAST_REF"),
)


def vague_ref(words: str) -> str:
    """PRESENT_REF, PAST_REF or FUTURE_REF for a vague adverb or phrase."""
    low = " ".join(words.lower().split())
    if low in VAGUE_REFS:
        return VAGUE_REFS[low]
    return next((ref for head, ref in VAGUE_PHRASE_REFS if low.startswith(head)), "PRESENT_REF")
#: Sets (``täglich``) -> TIMEX3 period and granularity.
#: Habitual parts of the day (sets of any day): morgens, abends, tagsüber.
HABITUAL_PARTS = {"morgens": "MO", "vormittags": "MO", "mittags": "MI", "nachmittags": "AF",
                  "abends": "EV", "nachts": "NI", "tagsüber": "DT"}
SET_WORDS = {
    "täglich": ("P1D", "day"), "tagtäglich": ("P1D", "day"), "wöchentlich": ("P1W", "week"),
    "monatlich": ("P1M", "month"), "jährlich": ("P1Y", "year"),
    "alljährlich": ("P1Y", "year"), "halbjährlich": ("P6M", "month"),
    "vierteljährlich": ("P3M", "quarter"),
}
#: Holidays -> (first, last) day as offsets: ("easter", d) from Easter Sunday, else (month, day)
#: pairs; a last day in January after a first in December lies in the next year.
HOLIDAYS = {
    "Weihnachten": ((12, 24), (12, 26)), "Heiligabend": ((12, 24), (12, 24)),
    "Weihnachtsfeiertage": ((12, 25), (12, 26)), "Weihnachtsfeiertagen": ((12, 25), (12, 26)),
    "Silvester": ((12, 31), (12, 31)), "Neujahr": ((1, 1), (1, 1)),
    "Jahreswechsel": ((12, 31), (1, 1)), "Allerheiligen": ((11, 1), (11, 1)),
    "Tag der Deutschen Einheit": ((10, 3), (10, 3)),
    "Ostern": (("easter", -2), ("easter", 1)), "Osterwochenende": (("easter", -2), ("easter", 1)),
    "Osterfeiertage": (("easter", -2), ("easter", 1)),
    "Osterfeiertagen": (("easter", -2), ("easter", 1)),
    "Gründonnerstag": (("easter", -3), ("easter", -3)),
    "Karfreitag": (("easter", -2), ("easter", -2)), "Ostersonntag": (("easter", 0), ("easter", 0)),
    "Ostermontag": (("easter", 1), ("easter", 1)),
    "Rosenmontag": (("easter", -48), ("easter", -48)),
    "Silvesternacht": ((12, 31), (12, 31)), "Silvesterabend": ((12, 31), (12, 31)),
    "Christi Himmelfahrt": (("easter", 39), ("easter", 39)),
    "Himmelfahrt": (("easter", 39), ("easter", 39)),
    "Pfingsten": (("easter", 49), ("easter", 50)),
    "Pfingstwochenende": (("easter", 48), ("easter", 50)),
    "Pfingstsonntag": (("easter", 49), ("easter", 49)),
    "Pfingstmontag": (("easter", 50), ("easter", 50)),
    "Fronleichnam": (("easter", 60), ("easter", 60)),
}
#: Holidays of a single day, which can bound a range of days (von Karfreitag bis Ostermontag).
DAY_HOLIDAYS = [name for name, (first, last) in HOLIDAYS.items() if first == last]
UNIT_GRANULARITY = {
    "D": "day", "W": "week", "M": "month", "Y": "year", "DE": "decade", "CE": "century",
    "H": "day", "Q": "quarter",
}
GRANULARITIES = ("day", "weekend", "week", "month", "quarter", "season", "year", "decade",
                 "century")
MODIFIERS = ("early", "mid", "late", "approximate", "more_than", "less_than", "before", "after",
             "none")
KINDS = ("date", "span", "duration", "set", "vague")
TENSES = ("past", "present", "future")


def unit_of(word: str) -> str:
    """TIMEX3 unit code of a German unit word in any case form (``Jahren`` -> ``Y``)."""
    for prefix, code in (("Jahrhundert", "CE"), ("Jahrzehnt", "DE"), ("Jahr", "Y"),
                         ("Monat", "M"), ("Woche", "W"), ("Tag", "D"), ("Stunde", "H"),
                         ("Quartal", "Q")):
        if word.startswith(prefix):
            return code
    raise ValueError(f"not a unit word: {word!r}")


def number_of(words: str) -> float | None:
    """The value of a cardinal (``drei``, ``14``, ``2,5``, ``ein halbes``); None for "a few"."""
    words = " ".join(words.lower().split())
    if any(words.startswith(few) for few in FEW_WORDS):
        return None
    if "halb" in words and words.split()[-1].startswith("halb"):
        return 0.5
    if words[0].isdigit():
        return float(words.replace(",", "."))
    return float(NUMBERS[words])


def step_of(word: str) -> int:
    """Step of a relative word in any inflection (``vergangenen`` -> -1, ``kommende`` -> 1)."""
    stem = word.lower()
    for ending in ("en", "er", "es", "em", "e", "n"):
        if stem.endswith(ending) and stem[: -len(ending)] in RELATIVE_STEPS:
            return RELATIVE_STEPS[stem[: -len(ending)]]
    return RELATIVE_STEPS[stem]


# -- pattern pieces ------------------------------------------------------------------------


def _cap(word: str) -> str:
    """A lower-case word that may also open a sentence: ``vor`` -> ``[Vv]or``."""
    return f"[{word[0].upper()}{word[0]}]{word[1:]}" if word[0].islower() else word


def _alt(patterns, *, cap: bool = False) -> str:
    """Alternation of regex snippets, longest first."""
    ordered = sorted(patterns, key=len, reverse=True)
    return "(?:" + "|".join(_cap(p) if cap else p for p in ordered) + ")"


def _words(words, *, cap: bool = False) -> str:
    """Literal words (a space stands for any run of blanks) as one prefix-factored pattern, so
    that the regex engine decides on a character at a time instead of trying word after word."""
    trie: dict = {}
    for word in words:
        for variant in {word, word[0].upper() + word[1:]} if cap else {word}:
            node = trie
            for char in variant:
                node = node.setdefault(char, {})
            node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    leaves, branches = [], []
    for char in sorted(c for c in node if c):
        child = node[char]
        piece = _S if char == " " else re.escape(char)
        if list(child) == [""] and char != " ":
            leaves.append(piece)
        else:
            branches.append(piece + _trie_pattern(child))
    if leaves:
        branches.append(leaves[0] if len(leaves) == 1 else "[" + "".join(leaves) + "]")
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return (body if len(branches) == 1 and len(body) == 1 else f"(?:{body})") + "?"
    return body


_E = r"(?![\w-])"  # word end (no hyphenated compound either)
#: Blanks inside an expression: spaces, and at most one line break (hard-wrapped texts break
#: lines mid-sentence, "Anfang\nApril"), never a blank line.
_S = r"(?:[ \t\u00a0\u2009\u202f]+(?:\n[ \t\u00a0]*)?|\n[ \t\u00a0]*)"
#: Words that bound a limit: "bis mindestens Ende Juni", "bis voraussichtlich zum 10. Januar".
_BOUND = r"(?:mindestens|höchstens|längstens|voraussichtlich|vorerst|vorläufig)"
MONTH = _words(MONTHS)
MONTH_ABBR = _words(MONTH_ABBREVIATIONS)
WEEKDAY = _words(WEEKDAYS)
YEAR = r"(?:1[0-9]|20)\d{2}"
DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"
NUM = (r"(?:\d{1,3}(?:,5)?|" + _words(NUMBERS, cap=True)
       + r"|(?:[Ee]ine[mnrs]?" + _S + r")?halbe[nms]?)")
FEW = _words(["wenigen", "einigen", "ein paar", "mehreren", "vielen"])
FEW_ANY = (r"(?:(?:(?<=binnen )|(?<=innerhalb )|(?<=während )|(?<=Laufe ))(?:weniger|einiger|"
           r"mehrerer)|"  # the genitive after a preposition: binnen weniger Stunden
           + _words(["wenigen", "einigen", "ein paar", "mehreren", "wenige", "einige", "mehrere"],
                    cap=True) + ")")
#: Words after a quantity of time that count it from an earlier date of the text.
_LATER = r"(?:später|danach|darauf|zuvor|vorher|davor)"
_HOUR = (r"(?:[01]?\d|2[0-4]|" + _words(["ein", "eins", "zwei", "drei", "vier", "fünf", "sechs",
                                         "sieben", "acht", "neun", "zehn", "elf", "zwölf"],
                                        cap=True) + r")")
#: Spoken clock times: "halb zehn" (9.30), "Viertel vor acht" (7.45), "dreiviertel acht".
_SPOKEN_HOUR = _words(["eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
                       "zehn", "elf", "zwölf"])
_QUARTER = r"(?:[Vv]iertel" + _S + r"(?:vor|nach)|[Hh]alb|[Dd]reiviertel)"
SPOKEN_MINUTES = {"viertel vor": (-1, 45), "viertel nach": (0, 15), "halb": (-1, 30),
                  "dreiviertel": (-1, 45)}
#: Units of a length in two parts (Jahre und Tage, Minuten und Sekunden).
_LENGTH_UNIT = (r"(?:Jahre?n?|Monate?n?|Wochen?|Tage?n?|Stunden?|Minuten?|Sekunden?)")
#: Words of a habit in a sentence: its weekdays are any such day.
HABITUAL_CUES = re.compile(
    r"\b(?:[Üü]blicherweise|[Nn]ormalerweise|[Gg]ewöhnlich|[Ii]n[ \t]+der[ \t]+Regel|"
    r"[Gg]rundsätzlich|[Jj]eweils|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonnabend|sonntag)s)\b"
    # "immer" of a habit (Wir bilden im Frühjahr immer Rücklagen), not of a change or a state
    # that lasts (immer mehr, immer größer, die immer neuen Pläne, immer noch, noch immer,
    # immer wieder, für immer)
    r"|(?<![Nn]och )(?<![Ff]ür )(?<![Ss]eit )\b[Ii]mmer\b(?![ \t]+(?:noch|wieder|mehr|weniger|"
    r"[a-zäöüß]\w*(?:e[nmrs]?)\b))")
#: The pluperfect of a modal verb with its "Ersatzinfinitiv": hatte ... testen lassen.
PLUPERFECT_MODAL = re.compile(r"\bhatten?\b[^,;.]*?\b[a-zäöüß]+en[ \t]+(?:lassen|können|müssen|"
                              r"wollen|dürfen|sollen)\b")
#: A sentence end even after a number (bei 157,8. Ihr Höchststand ...).
SENTENCE_END_LOOSE = re.compile(r"[.!?][ \t]+[A-ZÄÖÜ]")
#: A capitalised word right before a weekday in mid-sentence: a first name (Richard Freitag).
NAME_BEFORE = re.compile(r"(?<=[\w,;] )(?P<first>[A-ZÄÖÜ][a-zäöüß]+) $")
#: Capitalised words that stand before a weekday without being a first name.
NOT_FIRST_NAMES = {"Stand", "Ende", "Anfang", "Mitte", "Heute", "Gestern", "Morgen", "Bis", "Ab",
                   "Seit", "Am", "Vom", "Zum", "Jeden", "Ostern", "Pfingsten", "Weihnachten",
                   "Woche", "Wochenende", "Uhr", "Ortszeit", "Dienstagabend", "Nacht"}
#: An indefinite article before a weekday: any such day (an einem Samstagabend).
INDEFINITE_BEFORE = re.compile(r"\b(?:[Aa]n[ \t]+)?einem[ \t]+$")
#: Habitual parts of the day before a clock time: von morgens 4 Uhr bis abends 21 Uhr.
_HABITUAL = r"(?:morgens|vormittags|mittags|nachmittags|abends|nachts|früh)"
#: Before a clock time: a habit (wie immer morgens um sechs Uhr, nur morgens von 6 bis 9 Uhr,
#: täglich ab 10 Uhr), so the time of a day in general.
HABITUAL_BEFORE_CLOCK = re.compile(
    r"(?:\b(?:morgens|vormittags|mittags|nachmittags|abends|nachts|täglich|werktags|"
    r"wochentags|sonntags|samstags|montags|dienstags|mittwochs|donnerstags|freitags)|"
    r"\b[Jj]eden[ \t]+(?:Tag|Morgen|Abend))[ \t]+(?:um|von|ab|bis|gegen|zwischen|jeweils)?"
    r"[ \t]*$")
#: Separators of a list of dates: 22., 23. und 25. August.
_LIST = r"(?:\s*,\s*|" + _S + r"(?:und|oder|sowie|und" + _S + r"am|oder" + _S + r"am)" + _S + r")"
APPROX = _words(APPROXIMATORS, cap=True)
UNIT = (r"(?:Jahrzehnte?n?s?|Jahrhunderte?n?s?|Jahre?n?s?|Monate?n?s?|Wochen?|Tage?n?s?|"
        r"Stunden?|Quartale?n?s?)")
#: Number words that begin adjectives of length (zweitägig, dreiwöchig).
_LENGTH_NUMBERS = ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
                   "zehn", "elf", "zwölf", "vierzehn", "zwanzig", "dreißig")
PART = _words(PART_MODIFIERS)
#: A plain adjective between a number and its unit (not an ordinal or a word of direction,
#: which make other expressions: "die nächsten zwei Wochen", "am zweiten Tag").
_DU_ADJECTIVE = (r"(?!(?:erste|zweite|dritte|vierte|fünfte|letzte|nächste|kommende|vergangene|"
                 r"folgende|darauffolgende|selbe|gleiche|vorige|jeweilige|halbe|bestimmte|"
                 r"gewisse|andere|einzige)[nmrs]?\b)"
                 r"[a-zäöüß]{3,}e[nmrs]?")
_REL_STEMS = ("vorvergangene", "vergangene", "letzte", "vorletzte", "vorige", "kommende",
              "nächste", "übernächste", "diese", "laufende")
REL = _words([stem + ending for stem in _REL_STEMS for ending in ("", "n", "r", "s", "m")],
             cap=True)
ERA = r"(?:v\.\s?Chr\.|vor" + _S + r"Christus|vor" + _S + r"Christi" + _S + r"Geburt|" \
      r"n\.\s?Chr\.|nach" + _S + r"Christus|nach" + _S + r"Christi" + _S + r"Geburt)"
ORTSZEIT = r"(?P<{}>" + _S + r"\(Ortszeit\))?"
#: After a month or season: of a named year or of the year the text is in (``Juli des Jahres
#: 1944``, ``Mai desselben Jahres``, ``Sommer des folgenden Jahres``); ``p`` the group prefix.
def _of_year(p: str) -> str:
    return (r"(?:" + _S + r"des" + _S + r"Jahres" + _S + rf"(?P<{p}_ry>" + YEAR + r")" + _E
            + r"|" + _S + r"(?:des" + _S + rf"(?P<{p}_nar>selben|gleichen|folgenden|"
            r"darauffolgenden)|desselben)" + _S + r"Jahres" + _E + r")")


def _branch(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


_BRANCHES = [
    # 1 ranges: vom 1. bis 5. März, 18./19. August, zwischen Mai und Juli, von 2014 bis 2016
    # (bis mindestens zum 10. Januar: a bound word between "bis" and the day)
    _branch("range", (
        r"(?:(?P<ra_zw>[Zz]wischen" + _S + r"(?:dem" + _S + r")?)|[Vv]om" + _S + r")?"
        r"(?P<ra_d1>" + DAY
        + r")\.\s*(?:/|-|–|bis(?:" + _S + r"zum)?|(?(ra_zw)und(?:" + _S + r"dem)?|(?!)))\s*"
        r"(?P<ra_d2>" + DAY
        + r")\." + _S + r"(?P<ra_m>" + MONTH + r")(?:" + _S + r"(?P<ra_y>" + YEAR + r"))?" + _E
        # vom 9. Juni bis zum 14. November 2019, zwischen dem 1. Mai und dem 3. Juni
        # with weekdays in apposition: Freitag, 26. Februar, bis Sonntag, 7. März
        + r"|(?:(?:[Vv]om|(?P<rd_zw>[Zz]wischen)" + _S + r"dem)" + _S + r")?(?:" + WEEKDAY + r",?"
        + _S
        + r")?(?P<rd_d1>" + DAY + r")\.\s*"
        r"(?P<rd_m1>" + MONTH + r")(?:" + _S + r"(?P<rd_y1>" + YEAR + r"))?,?\s*(?:bis(?:" + _S
        + _BOUND + r")?(?:" + _S + r"(?:zum|einschließlich))?|und" + _S + r"dem"
        + r"|(?(rd_zw)und|(?!))|[-–])\s*(?:"
        + WEEKDAY + r",?" + _S
        + r")?(?P<rd_d2>" + DAY + r")\.\s*"
        r"(?P<rd_m2>" + MONTH + r")(?:" + _S + r"(?P<rd_y2>" + YEAR + r"))?" + _E
        # numeric: vom 2.10.2020 – 20.3.2022, 1.3. bis 15.3.2021
        # (a day alone before a whole date: 25. bis 27.9.)
        + r"|(?:[Vv]om" + _S + r")?(?<![\d.])(?P<rn_d1>" + DAY + r")\."
        r"(?:(?P<rn_m1>0?[1-9]|1[0-2])\.(?P<rn_y1>" + YEAR + r")?)?\s*(?:bis(?:" + _S
        + r"zum)?|[-–])\s*(?P<rn_d2>" + DAY
        + r")\.(?P<rn_m2>0?[1-9]|1[0-2])\.(?P<rn_y2>" + YEAR + r")?(?![\d])"
        # zwischen Mai und Juli, von Anfang März bis Ende Mai 2020, März bis Mai, 2014 bis 2016
        + r"|(?:(?P<ra_z>[Zz]wischen)" + _S + r"|[Vv]on" + _S + r")?(?:(?P<ra_amod>" + PART
        + r")" + _S + r")?(?P<ra_a>(?:" + MONTH + r")(?:" + _S + YEAR + r")?|" + YEAR + r")"
        + _S + r"(?(ra_z)und|bis)" + _S + r"(?:(?P<ra_bmod>" + PART + r")" + _S + r")?"
        r"(?P<ra_b>(?:" + MONTH + r")(?:" + _S + YEAR + r")?|" + YEAR + r")" + _E
        # 2020/21, 2014-2016, in den Jahren 2014 bis 2016 (in den Jahren 2014 und 2015 is a
        # coordination of two years, like 1990 und 2000)
        + r"|(?:(?P<ra_j>Jahren?|Zeitraum)" + _S + r")?(?P<ra_y1>" + YEAR + r")(?:/|-|–|" + _S
        + r"bis" + _S + r")(?P<ra_y2>\d{2}|" + YEAR + r")(?![\w-]|[.,]\d)"
    )),
    # 1b up to today: zwischen 1966 und heute, vom 16. Jahrhundert bis heute, von 2010 bis heute,
    # von März bis jetzt
    _branch("tilltoday", (
        r"(?:(?P<tt_zw>[Zz]wischen)|[Vv]o[mn])" + _S + r"(?:(?P<tt_y>" + YEAR + r")|(?P<tt_c>"
        r"\d{1,2})\." + _S + r"Jahrhundert(?:s)?|(?P<tt_mo>" + MONTH + r")(?:" + _S
        + r"(?P<tt_my>" + YEAR + r"))?)" + _S + r"(?(tt_zw)und|bis)" + _S + r"(?:heute|jetzt)"
        + _E
    )),
    # 2 years of an era: 44 v. Chr., im Jahr 800 n. Chr.
    _branch("era", r"(?:Jahre?s?" + _S + r")?(?P<er_y>\d{1,4})" + _S + r"(?P<er_e>" + ERA
            + r")"),
    # 3 centuries: 19. Jahrhundert, Ende des 19. Jahrhunderts, im 5. Jahrhundert v. Chr.
    _branch("century", (
        r"(?:(?P<ce_mod>" + PART + r")" + _S + r"des" + _S + r")?(?:(?P<ce_n>\d{1,2})\.|"
        r"(?P<ce_w>" + _words(ORDINAL_WORDS) + r"))" + _S + r"Jahrhunderts?"
        + r"(?:" + _S + r"(?P<ce_e>" + ERA + r"))?" + _E
    )),
    # 4 decades: 1990er Jahre, 90er-Jahre, Neunzigerjahre, Mitte der 80er
    _branch("decade", (
        r"(?:(?P<de_mod>" + PART + r")" + _S + r"der" + _S + r")?(?:(?P<de_n>(?:1[0-9]|20)?"
        r"[0-9]0)er(?:(?:-|" + _S + r")Jahren?|n|" + _E + r")|(?P<de_w>"
        + _words([w.lower() for w in DECADE_WORDS], cap=True) + r")(?:(?:-|" + _S
        + r")?[Jj]ahren?|n|(?(de_mod)|(?!)))" + r")" + _E  # Anfang der Neunziger
    )),
    # 5 calendar dates: 18. August 2025, Montag, 18. August, 18.08.2025, 2025-08-18
    _branch("date", (
        # a day coordinated with a later date shares its month (and year): 22. und 25. August
        r"(?P<co_d>" + DAY + r")\.(?=(?:" + _LIST + DAY + r"\.)*" + _LIST + DAY + r"\.\s*"
        r"(?P<co_m>" + MONTH + r")" + _E + r"(?:" + _S + r"(?P<co_y>" + YEAR + r")" + _E + r")?)"
        + r"|(?:(?P<da_wd>" + WEEKDAY + r"),?" + _S + r"(?:(?:den|dem)" + _S + r")?)?"
        r"(?P<da_d>" + DAY + r")\.\s*(?:(?P<da_m>" + MONTH + r")" + _E + r"|(?P<da_a>"
        + MONTH_ABBR + r"))(?:" + _S + r"(?P<da_y>" + YEAR + r")" + _E + r"|" + _S + r"(?:des"
        + _S + r")?(?P<da_rel>" + REL + r")" + _S + r"Jahres" + _E
        # or with a later date that has the year: 30. April und 1. Mai 1915
        + r"|(?=(?:" + _LIST + r"(?:(?:den|dem)" + _S + r")?" + DAY + r"\.\s*" + MONTH + _E
        + r")+" + _S + r"(?P<da_cy>" + YEAR + r")" + _E + r"))?"
        + r"(?:,?" + _S + r"(?P<da_ch>" + _HOUR + r")[.:](?P<da_cm>[0-5]\d)" + _S + r"Uhr" + _E
        # a whole hour after a comma: (Datenstand 26. August, 0 Uhr)
        + r"|," + _S + r"(?P<da_ch0>[01]?\d|2[0-4])" + _S + r"Uhr" + _E + r")?"
        + ORTSZEIT.format("da_oz")
        + r"|(?<!\.)(?P<dn_d>" + DAY + r")\.(?P<dn_m>0?[1-9]|1[0-2])\.(?P<dn_y>" + YEAR
        + r"|\d{2}(?!\d))?(?!\d)" + ORTSZEIT.format("dn_oz")
        + r"|(?P<di_y>" + YEAR + r")-(?P<di_m>0[1-9]|1[0-2])-(?P<di_d>[0-3]\d)(?!\d)"
    )),
    # 5b ranges of named days: von Mittwoch auf Donnerstag, von Montag bis Freitag, von
    # Karfreitag bis Ostermontag; the night between two weekdays: in der Nacht von Montag auf
    # Dienstag (the night of the first)
    _branch("dayrange", (
        r"(?:(?:(?P<dy_night>Nacht)" + _S + r")?[Vv]on" + _S + r")?(?P<dy_a>" + WEEKDAY + r"|"
        + _words(DAY_HOLIDAYS) + r")" + _S + r"(?P<dy_sep>auf|bis)" + _S
        + r"(?:(?:den|zum)" + _S + r")?(?P<dy_b>" + WEEKDAY + r"|" + _words(DAY_HOLIDAYS)
        + r")" + _E
    )),
    # 6 the night before a weekday: in der Nacht zum Montag
    _branch("night", r"Nacht" + _S + r"(?:zum|zu|auf" + _S + r"den|auf)" + _S + r"(?P<ni_wd>"
            + WEEKDAY + r")" + _E),
    # 6a the night between two days and a part of a named day: in der Nacht vom 9. auf den 10.
    # November 1938, in der Nacht zum 1. Mai, am Morgen des 6. Juni 1944
    _branch("daypart", (
        r"(?P<dp_part>Nacht)" + _S + r"(?:vom" + _S + r"(?P<dp_d1>" + DAY + r")\." + _S
        + r"(?:(?P<dp_m1>" + MONTH + r")" + _S + r")?auf" + _S + r"den|zum)" + _S
        + r"(?P<dp_d>" + DAY + r")\.\s*(?P<dp_m>" + MONTH + r")(?:" + _S + r"(?P<dp_y>" + YEAR
        + r"))?" + _E
        + r"|(?P<dp_part3>Nacht)" + _S + r"zum" + _S + r"(?P<dp_nd>" + DAY + r")\."
        r"(?P<dp_nm>0?[1-9]|1[0-2])\.(?P<dp_ny>" + YEAR + r"(?!\d))?"  # Nacht zum 11.03.
        + r"|(?P<dp_part2>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)" + _S + r"des" + _S
        + r"(?P<dp_d2>" + DAY + r")\.\s*(?P<dp_m2>" + MONTH + r")(?:" + _S + r"(?P<dp_y2>"
        + YEAR + r"))?" + _E
    )),
    # 6a2 a part of the day, a day, month or year the text has just named: am Abend, in der
    # Nacht, an dem Tag, an diesem Abend, in dem Jahr, in derselben Nacht
    _branch("anaphor", (
        r"(?<=[Aa]m )(?P<an_part>Morgen|Vormittag|Mittag|Nachmittag|Abend)" + _E
        + r"(?!" + _S + _LATER + r")"  # am Abend vorher: an expression of its own
        + r"|(?<=[Ii]n der )(?P<an_night>Nacht)" + _E
        + r"|(?<=[IiAa]n )(?:(?:dem|demselben|jenem)" + _S + r"(?P<an_unit>Tag|Abend|Morgen|"
        r"Nachmittag|Vormittag|Monat|Jahr)|diesem" + _S + r"(?P<an_unit2>Tag|Abend|Morgen|"
        r"Nachmittag|Vormittag))" + _E
        + r"|(?<=[Ii]n )(?:derselben|jener|dieser)" + _S + r"(?P<an_unit3>Nacht)" + _E
        # zu diesem Zeitpunkt, zu jenem Zeitpunkt: the reference time itself
        + r"|(?<=[Zz]u )(?:diesem|jenem|dem|demselben)" + _S + r"(?P<an_point>Zeitpunkt)" + _E
        # im Laufe des Nachmittags, während des Abends: a part of that day, no habit
        + r"|(?<=des )(?P<an_gen>Morgen|Vormittag|Mittag|Nachmittag|Abend)s" + _E
        # im Laufe des Tages: that day
        + r"|(?<=Laufe des )(?P<an_day>Tag)es" + _E
    )),
    # 6b relative to an earlier date: zwei Tage später, einen Monat zuvor, am folgenden Tag,
    # im Jahr darauf, tags darauf, am selben Tag; kurz danach (vague)
    _branch("later", (
        r"(?:(?P<la_apx>" + APPROX + r")" + _S + r")?(?:(?P<la_num>" + NUM + r"|" + FEW_ANY
        + r")" + _S + r")?(?P<la_unit>" + UNIT + r")" + _S + r"(?P<la_dir>" + _LATER + r")" + _E
        + r"|(?P<fo_rel>folgenden|nächsten|darauffolgenden|darauf" + _S + r"folgenden|selben|"
        r"gleichen)" + _S + r"(?P<fo_unit>Tag|Woche|Monat|Jahr|Morgen|Abend|Nacht)" + _E
        + r"|(?P<fo_unit2>Tag|Woche|Monat|Jahr|Morgen|Abend|Nacht)" + _S + r"(?P<fo_dir>danach|"
        r"darauf|zuvor|davor|vorher)" + _E
        + r"|(?P<fo_tags>[Tt]ags)" + _S + r"(?P<fo_dir2>darauf|danach|zuvor|davor)" + _E
        + r"|(?P<fo_comp>Vortag|Folgetag|Vorabend)(?:e?s)?" + _E
        + r"|(?P<fo_vague>[Kk]urz|[Ww]enig|[Bb]ald|[Uu]nmittelbar|[Kk]urze" + _S + r"Zeit)" + _S
        + r"(?P<fo_dir3>danach|darauf|später|zuvor|davor|vorher)" + _E
    )),
    # 7 spans: in den nächsten zwei Wochen, in den vergangenen Wochen
    _branch("span", (
        r"(?:[Ii]n" + _S + r"den" + _S + r")?(?P<sp_dir>nächsten|kommenden|vergangenen|"
        r"letzten|zurückliegenden|vorigen|folgenden)" + _S + r"(?:(?P<sp_apx>" + APPROX + r")"
        + _S + r")?(?:(?P<sp_num>" + NUM + r")" + _S + r")?(?P<sp_unit>Tagen?|Wochen|Monaten?|"
        r"Monate|Jahren?|Jahre|Jahrzehnten?|Jahrzehnte|Stunden)" + _E
    )),
    # 8 since a quantity: seit mehr als vier Jahren
    _branch("since", r"[Ss]eit" + _S + r"(?:(?P<si_apx>" + APPROX + r")" + _S + r")?(?P<si_num>"
            + NUM + r"|" + _words(["vielen", "einigen", "wenigen", "mehreren"]) + r")" + _S
            + r"(?P<si_unit>" + UNIT + r")" + _E),
    # 9 offsets: vor drei Tagen, in wenigen Tagen (rund zwei Monate zurück: see duration)
    _branch("offset", (
        r"(?:(?P<of_today>[Hh]eute)" + _S + r"(?=vor" + _S + r"(?:\d|"
        + _words(NUMBERS) + r")))?"  # Heute vor 20 Jahren: this day 20 years ago
        r"(?P<of_dir>[Vv]or|[Ii]n)" + _S + r"(?:(?P<of_apx>" + APPROX + r"|"
        + _words(OFFSET_PARTICLES) + r")" + _S + r")?"
        r"(?P<of_num>" + NUM + r"|" + FEW + r")" + _S + r"(?P<of_unit>" + UNIT + r")" + _E
    )),
    # 10 fixed vague phrases: zu einem späteren Zeitpunkt, seit Jahren
    _branch("vaguephrase", _alt([p.replace(" ", _S) for p in VAGUE_PHRASES], cap=True) + _E),
    # 10b no dates: von heute auf morgen (overnight), nicht zuletzt (not least), names
    _branch("idiom", r"(?:[Vv]on" + _S + r"heute" + _S + r"auf" + _S + r"morgen|[Nn]icht" + _S
            + r"zuletzt|(?:Bild|Welt)" + _S + r"am" + _S + r"Sonntag|Straße" + _S + r"des" + _S
            + r"17\." + _S + r"Juni)" + _E),
    # 11 quarters: im dritten Quartal 2020
    _branch("quarter", (
        r"(?P<qu_n>ersten|zweiten|dritten|vierten)" + _S + r"Quartals?"
        r"(?:" + _S + r"(?P<qu_y>" + YEAR + r")" + _E + r"|" + _S + r"(?:des" + _S + r")?"
        r"(?P<qu_rel>" + REL + r")" + _S + r"Jahres)?" + _E
    )),
    # 11b the first months or weeks of a year, its halves: in den ersten drei Monaten des
    # Jahres 2019, die ersten acht Wochen des Jahres 2020, im ersten Halbjahr (2022), in der
    # zweiten Jahreshälfte
    _branch("firstpart", (
        r"(?:(?P<fp_ord>ersten)" + _S + r"(?P<fp_num>" + NUM + r")" + _S
        + r"(?P<fp_unit>Monaten?|Monate|Wochen)|(?P<fp_half>ersten|zweiten)" + _S
        + r"(?:Halbjahr(?:es)?|Jahreshälfte))"
        + r"(?:" + _S + r"des" + _S + r"Jahres(?:" + _S + r"(?P<fp_y1>" + YEAR + r"))?"
        + r"|" + _S + r"(?:im" + _S + r"Jahr" + _S + r")?(?P<fp_y2>" + YEAR + r")"
        + r"|" + _S + r"(?:des" + _S + r")?(?P<fp_rel>" + REL + r")" + _S + r"Jahres"
        + r"|(?<=Halbjahr)|(?<=Halbjahres)|(?<=Jahreshälfte))" + _E  # a half alone (a year
        # told): "im ersten Halbjahr"
    )),
    # 12 seasons: im Herbst 2024, Ende des Sommers, im vergangenen Winter, Winter 2020/21
    _branch("season", (
        r"(?:(?P<se_mod>" + PART + r")" + _S + r"(?:des" + _S + r")?)?(?:(?P<se_rel>" + REL
        + r")" + _S + r")?(?P<se_name>" + _words(SEASONS) + r")s?(?:" + _S + r"(?P<se_y>" + YEAR
        + r")(?:/(?:\d{2}|" + YEAR + r"))?)?" + _E + r"(?:" + _of_year("se") + r")?"
    )),
    # 12b holidays: Weihnachten, Ostern 2021, Silvester, Tag der Deutschen Einheit
    _branch("holiday", r"(?P<ho_name>" + _words(HOLIDAYS) + r")(?:" + _S + r"(?P<ho_y>" + YEAR
            + r"))?" + _E),
    # 13 relative units: vergangene Woche, Ende des Monats, Vorjahr, heuer, am Wochenende
    _branch("relunit", (
        r"(?:(?P<ru_mod>" + PART + r")" + _S + r"(?:(?:des|der)" + _S + r")?)?(?P<ru_rel>" + REL
        + r")" + _S + r"(?P<ru_unit>Wochenendes?|Woche|Monats?|Jahres|Jahr|Jahrzehnts?|"
        r"Jahrhunderts?|Quartals?|Schuljahr(?:es)?)" + _E
        # in diesem und im kommenden Jahr: the first of two sharing the unit
        + r"|(?P<re_rel>" + REL + r")(?=" + _S + r"(?:und|oder|bis)" + _S + r"(?:(?:im|in"
        + _S + r"der|am|ins|das|die|der|den|dem)" + _S + r")?" + REL + _S + r"(?P<re_unit>"
        r"Woche|Monats?|Jahres|Jahr|Jahrzehnts?|Quartals?)" + _E + r")"
        + r"|(?P<rc_mod>" + PART + r")" + _S + r"(?:des|der)" + _S + r"(?P<rc_unit>Woche|"
        r"Monats|Jahres)" + _E
        + r"|(?P<rv_word>Vorjahr|Vorjahres|Vormonat|Vormonats|Vorwoche|[Hh]euer|Jahresende|"
        r"Jahresanfang|Jahresbeginn|Jahresmitte|Monatsende|Monatsanfang|Monatsmitte|"
        r"Wochenbeginn|Wochenanfang|Wochenmitte)" + _E
        + r"(?:" + _S + r"(?P<rv_y>" + YEAR + r")" + _E + r")?"  # Jahresende 2020
        + r"|(?P<rw_pre>(?:[Aa]m|[Üü]bers|[Ff]ürs|[Zz]um|[Vv]om|(?:[Üü]ber|[Ff]ür)" + _S
        + r"das|(?:[Nn]ach|[Vv]or|[Ss]eit)" + _S + r"dem)" + _S
        + r")(?P<rw_word>Wochenende)" + _E
        # das neue Jahr, im neuen Jahr, Anfang des neuen Jahres
        + r"|(?:(?P<rn_mod>" + PART + r")" + _S + r"des" + _S + r")?(?P<rn_new>neue[nms]?)"
        + _S + r"Jahr(?:es)?" + _E
    )),
    # 14 months: August, Mitte August, Februar 2022, März dieses Jahres, vergangenen Juli,
    # Oktober-Gipfel
    # 14a a week of a month: in der ersten Novemberwoche, der letzten Juni-Woche
    _branch("monthweek", (
        r"(?P<mw_ord>[Ee]rste|[Zz]weite|[Dd]ritte|[Vv]ierte|[Ll]etzte)[nrs]?" + _S
        + r"(?P<mw_month>" + MONTH + r")-?[Ww]oche" + _E
    )),
    _branch("month", (
        r"(?:(?P<mo_mod>" + PART + r")" + _S + r")?(?:(?P<mo_step>" + REL + r")" + _S + r")?"
        r"(?P<mo_name>" + MONTH + r")(?:(?:" + _S
        + r"(?P<mo_y>" + YEAR + r")" + _E + r")|(?=(?:" + _LIST + MONTH + _E + r")+" + _S
        + r"(?P<mo_cy>" + YEAR + r")" + _E + r")|(?:" + _S + r"(?:des" + _S + r")?(?P<mo_rel>"
        + REL + r")" + _S + r"Jahres)|" + _of_year("mo")
        # (not a first name in a name compound: August-Bebel-Straße, August-Everding-Akademie)
        + r"|(?P<mo_comp>(?=-[A-ZÄÖÜ])(?!-[A-ZÄÖÜ][a-zäöüß]+-[A-ZÄÖÜ]))|" + _E + r")"
        + r"|(?P<mn_m>0?[1-9]|1[0-2])/(?P<mn_y>" + YEAR + r")(?![\w/-])"
    )),
    # 15 years: Jahr 2014, Ende 2020, bare 2014 (checked in context)
    _branch("year", (
        r"(?:(?P<ye_jahr>Jahre?[ns]?)|(?P<ye_mod>" + PART + r"))" + _S + r"(?P<ye_n>" + YEAR
        + r"|(?(ye_jahr)[1-9]\d{2}|(?!)))(?![\w-]|[.,]\d)|(?P<yb_n>" + YEAR
        + r")(?!\w|-(?![A-ZÄÖÜ])|[.,:]\d)"
    )),
    # (a year before a hyphen and a noun: the 2030-Ziel, 2014-Weltmeister)
    # 15b3 lengths in two units (3 Minuten und 45 Sekunden, 39 Jahre und 14 Tage) and written
    # as a clock reading (2:12:50 Stunden, 27:36 Minuten)
    _branch("ducomp", (
        r"(?:(?P<dk_apx>" + APPROX + r")" + _S + r")?(?P<dk_a>" + NUM + r")" + _S
        + r"(?P<dk_ua>" + _LENGTH_UNIT + r")" + _S + r"und" + _S
        + r"(?P<dk_b>" + NUM + r")" + _S + r"(?P<dk_ub>" + _LENGTH_UNIT + r")" + _E
        + r"|(?<![\d:.])(?P<dk_clock>\d{1,2}:[0-5]\d(?::[0-5]\d)?)" + _S
        + r"(?P<dk_cu>Stunden|Std\.|Minuten|Min\.)(?!\w)"
    )),
    # 15b clock times: 20 Uhr, 8.30 Uhr, 20:15 Uhr
    _branch("clock", (
        r"(?:(?P<cr_zw>[Zz]wischen" + _S + r")|[Vv]on" + _S + r"(?:(?P<cr_p1>" + _HABITUAL
        + r")" + _S + r")?)?(?P<cr_h>" + _HOUR + r")(?:[.:]"
        r"(?P<cr_m>[0-5]\d))?(?:" + _S + r"Uhr)?\s*(?:(?(cr_zw)und|(?:-|–|bis)))\s*(?:(?P<cr_p2>"
        + _HABITUAL + r")" + _S + r")?(?P<cr_h2>"
        + _HOUR + r")(?:[.:](?P<cr_m2>[0-5]\d))?" + _S + r"Uhr" + _E
        + r"|(?P<cl_mid>Mitternacht)" + _E
        # spoken clock times: halb zwölf, Viertel vor acht, dreiviertel acht (halb zehn bis zehn)
        + r"|(?P<cw_q>" + _QUARTER + r")" + _S + r"(?P<cw_h>" + _SPOKEN_HOUR + r")" + _E
        + r"(?:" + _S + r"bis" + _S + r"(?:(?P<cw_q2>" + _QUARTER + r")" + _S + r")?(?P<cw_h2>"
        + _SPOKEN_HOUR + r")" + _E + r")?(?:" + _S + r"Uhr" + _E + r")?"
        + r"|(?P<cl_h>" + _HOUR + r")(?:[.:](?P<cl_m>[0-5]\d))?" + _S + r"Uhr" + _E
        + r"(?:" + _S + r"(?:(?P<cl_pm>nachmittags|abends|nachts)|morgens|früh|vormittags)"
        + _E + r")?")),
    # 15b2 minutes and seconds (7 Minuten: PT7M), and every N units (alle 10 Minuten: a set)
    _branch("short", r"(?:(?P<sh_all>[Aa]lle)" + _S + r")?(?:(?P<sh_apx>" + APPROX + r")" + _S
            + r")?(?P<sh_num>" + NUM + r"|(?(sh_all)(?!)|(?<![Vv]or )(?<![Ii]n )" + FEW_ANY
            + r"))" + _S + r"(?P<sh_unit>Minuten?|Sekunden?|"
            r"(?(sh_all)(?:Stunden|Tage|Wochen|Monate|Jahre)|(?!)))" + _E
            + r"(?!" + _S + _LATER + r")"),  # (wenige Minuten später: counted from a time)
    # 15c ranges of lengths: zwei bis drei Monate, 10 bis 14 Tage, drei, vier Jahre (two
    # numerals side by side: "three or four"); zwischen 50 und 69 Jahren: ages between; 13
    # oder 14 Tage is a coordination of two, and so is a list (zwölf, 13 oder 14 Tage)
    _branch("durange", r"(?:(?P<dr_pre>[Ii]n|[Vv]or)" + _S + r"|(?P<dr_zw>[Zz]wischen)" + _S
            + r")?(?P<dr_a>" + NUM + r")(?:" + _S + r"(?(dr_zw)und|bis)|(?<=[a-zäöüß]),)" + _S
            + r"(?P<dr_b>" + NUM
            + r")" + _S + r"(?P<dr_unit>" + UNIT + r")" + _E
            + r"|(?P<dc_num>" + NUM + r")(?=" + _S + r"oder" + _S + NUM + _S
            + r"(?P<dc_unit>" + UNIT + r")" + _E + r")"),
    # 16 durations: zwei Jahren, einen Tag, fast dreieinhalb Jahre; with zurück/her an offset
    # (an adjective between: 22 turbulenten Stunden, zwei weiteren Tagen, einen ganzen Tag)
    _branch("duration", r"(?:(?P<du_apx>" + APPROX + r")" + _S + r")?(?P<du_num>" + NUM + r"|"
            + FEW_ANY + r"|[Vv]iele[n]?)"
            + _S + r"(?:(?P<du_adj>" + _DU_ADJECTIVE + r")" + _S + r")?(?P<du_unit>" + UNIT + r")"
            + _E + r"(?:" + _S
            + r"(?P<du_back>zurück|her)" + _E + r")?"),
    # 17 weekdays: Montag, vergangenen Donnerstag, Dienstagabend, Montag (Ortszeit)
    _branch("weekday", (
        r"(?:(?P<wd_rel>(?:[Vv]ergangene|[Ll]etzte|[Vv]orige|[Kk]ommende|[Nn]ächste|[Dd]iese|"
        r"[Hh]eutige|[Gg]estrige|[Mm]orgige)[nrsm]?)" + _S + r")?(?P<wd_name>" + WEEKDAY + r")"
        r"(?P<wd_part>morgen|früh|vormittag|mittag|nachmittag|abend|nacht)?"
        r"(?:" + _S + r"(?P<wd_part2>früh|[Mm]orgen|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|"
        r"[Aa]bend|[Nn]acht)(?![\w-]))?(?:" + _S + r"(?P<wd_week>vergangener|letzter|voriger|"
        r"kommender|nächster|dieser)" + _S + r"Woche|" + _S + r"vor" + _S + r"(?P<wd_ago>einer|"
        + NUM + r")" + _S + r"Wochen?)?" + _E
        # a weekday in a third of a month: (einen) Mittwoch Anfang März
        + r"(?:" + _S + r"(?P<wd_pmod>" + PART + r")" + _S + r"(?P<wd_pmon>" + MONTH + r")" + _E
        + r")?"
        # a day of the month without the month: Freitag, den 13.
        + r"(?:,?" + _S + r"den" + _S + r"(?P<wd_day>" + DAY + r")\.(?!" + _S + r"(?:" + MONTH
        + r"|" + MONTH_ABBR + r"|\d))(?![\w.]))?"
        # a time stamp after a comma: (Stand: Mittwoch, 14 Uhr)
        + r"(?:," + _S + r"(?P<wd_ch>" + _HOUR + r")(?:[.:](?P<wd_cm>[0-5]\d))?" + _S + r"Uhr"
        + _E + r")?" + ORTSZEIT.format("wd_oz")
        + r"|(?<=des )(?P<wd_gen>" + WEEKDAY + r")s" + _E  # im Laufe des Samstags
    )),
    # 18 days relative to the anchor: gestern, heute Morgen, übermorgen, gestrigen
    _branch("relday", (
        r"(?P<rd_word>[Vv]orgestern|[Gg]estern|[Hh]eute|[Üü]bermorgen|[Mm]orgen)"
        r"(?:" + _S + r"(?P<rd_part>früh|[Mm]orgen|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|"
        r"[Aa]bend|[Nn]acht)(?![\w-]))?" + _E
        + r"|(?P<rd_adj>[Vv]orgestrige|[Gg]estrige|[Mm]orgige|[Üü]bermorgige)[nrsm]?" + _E
    )),
    # 19 sets: täglich, jedes Jahr, pro Tag, montags
    _branch("set", (
        r"(?P<st_word>" + _words(SET_WORDS, cap=True) + r")(?:e[nrsm]?)?" + _E
        + r"|(?P<st_each>[Jj]ede[ns]?|[Pp]ro|[Jj]e)" + _S + r"(?P<st_unit>Tag|Woche|Monat|Jahr)"
        + _E
        # jeden Mittwoch, jeden Morgen, jedes Wochenende: that day or part of any week or day
        + r"|[Jj]ede[ns]?" + _S + r"(?:(?P<st_ewd>" + WEEKDAY + r")|(?P<st_epart>Morgen|"
        r"Vormittag|Mittag|Nachmittag|Abend)|(?P<st_ewe>Wochenende))" + _E
        # an Wochenenden, an Sonntagen: the plural names any such day
        + r"|(?<=[Aa]n )(?:(?P<st_pwe>Wochenenden)|(?P<st_pwd>" + WEEKDAY + r")en)" + _E
        + r"|(?P<st_times>" + _words(["einmal", "zweimal", "dreimal", "viermal", "fünfmal",
                                        "sechsmal", "siebenmal", "mehrmals"], cap=True) + r")" + _S
        + r"(?:im|pro|je|am|die|in" + _S + r"der)" + _S + r"(?P<st_unit2>Tag|Woche|Monat|Jahr)"
        + _E + r"|(?P<st_wd>" + _words([w.lower() + "s" for w in WEEKDAYS], cap=True) + r")"
        + _E
        # habitual parts of the day: morgens, abends, tagsüber; Tag für Tag
        + r"|(?P<st_part>" + _words(HABITUAL_PARTS, cap=True) + r")" + _E
        + r"|(?P<st_tft>Tag" + _S + r"für" + _S + r"Tag|Jahr" + _S + r"für" + _S + r"Jahr)" + _E
        # per unit after a count: 10 000 Anrufe am Tag, 40 Millionen Touristen im Jahr
        + r"|(?:(?<=[Ii]m )(?P<st_per>Monat|Jahr)|(?<=[Aa]m )(?P<st_perd>Tag))" + _E
        + r"(?!" + _S + r"(?:\d|" + _LATER + r"|nach|vor|de[rs]|"
        r"zuvor)\b)"
    )),
    # 20 vague adverbs: derzeit, nun, bald, bisher
    # 19b how long, unquantified: jahrelang, wochenlangen, stundenlang
    _branch("lasting", r"(?P<ln_unit>[Jj]ahrzehnte|[Jj]ahre|[Mm]onate|[Ww]ochen|[Tt]age|[Ss]tunden|"
            r"[Nn]ächte)lang(?:e[nmrs]?)?" + _E
            # adjectives of a length: zweitägigen, dreiwöchige, 24-stündige (not ages: -jährig)
            + r"|(?P<lg_num>\d{1,3}-|" + _words(_LENGTH_NUMBERS) + r")(?P<lg_unit>tägig|wöchig|"
            r"monatig|stündig)(?:e[nmrs]?)?" + _E),
    # a bare plural unit after über (for) or nach (after): über Monate, nach Jahren (PXM, PXY)
    _branch("bareunit", r"(?:(?<=[Üü]ber )(?P<bu_acc>" + _words(BARE_UNITS_ACCUSATIVE) + r")"
            + r"|(?<=[Nn]ach )(?P<bu_dat>" + _words(BARE_UNITS_DATIVE) + r"))" + _E
            + r"(?!" + _S + r"(?:" + NUM + r"|hinaus|zuvor|später|danach|darauf)" + _E + r")"),
    _branch("vague", r"(?P<va_word>" + _words(VAGUE_WORDS, cap=True) + r")" + _E),
]

#: First words of every branch: a word start that begins with none of them (most do not) is
#: given up after a character or two instead of being tried against every branch.
_PREFIXES = [
    *WEEKDAYS, *SEASONS, *DECADE_WORDS, *(w.lower() for w in DECADE_WORDS), *SET_WORDS,
    *_REL_STEMS, "heutig", "gestrig", "morgig", "vorgestrig", "übermorgig", "Jahr", "Monats",
    "Vorjahr", "Vormonat", "Vorwoche", "halbe", "Weihnachtsfeiertage", "Osterfeiertage",
    "Vortag", "Folgetag", "Vorabend", "jahrelang", "jahrzehntelang", "monatelang", "wochenlang",
    "tagelang", "stundenlang", "nächtelang", "Mitternacht", "früheren", "jüngeren", "jüngsten",
    *(n + u for n in _LENGTH_NUMBERS for u in ("tägig", "wöchig", "monatig", "stündig")),
    "erste", "zweite", "dritte", "vierte",
]
_WHOLE_WORDS = [
    *MONTHS, *PART_MODIFIERS, *ORDINAL_WORDS, *VAGUE_WORDS, "heuer", "montags", "dienstags",
    "mittwochs", "donnerstags", "freitags", "samstags", "sonnabends", "sonntags", "vorgestern",
    "gestern", "heute", "übermorgen", "morgen", "nächsten", *HOLIDAYS, "Christi", "einmal",
    "zweimal", "dreimal", "viermal", "fünfmal", "sechsmal", "siebenmal", "mehrmals",
    "kommenden", "vergangenen", "letzten", "zurückliegenden", "vorigen", "folgenden",
    "Vormittag", "Mittag", "Nachmittag", "Abend", "Nacht", *HABITUAL_PARTS, "Monat", "Tag",
    "Wochenenden", "Wochenbeginn", "Wochenanfang", "Wochenmitte",
]
_NUMBER_LIKE = (r"(?:\d|" + _words([*NUMBERS, "wenigen", "einigen", "mehreren", "halbe"], cap=True)
                + r"|" + APPROX + r")")
_UNIT_START = r"(?:Tag|Woche|Monat|Jahr|Stunde|Minute|Sekunde|Quartal|halb|paar)"
_VAGUE_AFTER = r"(?:[Kk]urzem|langer|Tagen|Wochen|Monaten|Jahren|Jahrzehnten)"
#: Frequent short words that start a branch only before certain words: the guard looks at the
#: next word too, so that "in der Stadt" or "zu sehen" is given up at once.
_FOLLOWED_BY = {
    ("in",): r"(?:den|der|diesen|naher|ferner|Zukunft|Kürze|absehbarer|" + _NUMBER_LIKE + r")",
    ("zu", "zum", "zur"): r"(?:einem|jetzigen|gegenwärtigen|derzeitigen|aktuellen|Zeit|"
                          r"Wochenende|diesem|jenem|dem|demselben)",
    ("von",): r"(?:\d|heute|" + MONTH + r"|" + PART + r"|" + WEEKDAY + r"|"
               + _words(DAY_HOLIDAYS) + r"|" + _HABITUAL + r")",
    ("vom",): r"(?:\d|Wochenende)",
    ("zwischen",): r"(?:dem|\d|" + MONTH + r"|" + PART + r")",
    ("am", "übers", "fürs"): r"Wochenende",
    ("für",): r"das" + _S + r"Wochenende",
    ("nach", "vor", "seit"): r"dem" + _S + r"Wochenende",
    ("im",): r"Moment",
    ("vor", "seit"): (r"(?:" + _NUMBER_LIKE + r"|" + _VAGUE_AFTER
                      + r"|genau|bald|nicht|noch|vielen)"),
    ("über",): r"(?:das|" + _NUMBER_LIKE + r")",
    ("mehr", "weniger", "länger", "kürzer"): r"als",
    ("bis",): r"(?:zu|auf|dato)",
    ("dieser",): r"Tage",
    ("eines",): r"(?:Tages|" + _NUMBER_LIKE + r"|" + _UNIT_START + r")",
    ("je", "pro", "jede", "jeden", "jedes"): (r"(?:Tag|Woche|Monat|Jahr|Morgen|Vormittag|"
                                             r"Mittag|Nachmittag|Abend|" + WEEKDAY + r")"),
    ("nicht",): r"zuletzt",
    ("Tag",): r"(?:der|danach|darauf|zuvor|davor|vorher)",
    ("Woche", "Monat", "Abend", "Nacht"): r"(?:danach|darauf|zuvor|davor|vorher)",
    ("neue", "neuen", "neues", "neuem"): r"Jahr",
    ("dem", "demselben", "jenem", "diesem"): r"(?:Tag|Abend|Morgen|Nachmittag|Vormittag|Monat|"
                                             r"Jahr|Zeitpunkt)",
    ("derselben", "jener", "dieser"): r"Nacht",
    ("Morgen", "Vormittag", "Mittag", "Nachmittag", "Abend", "Nacht"): r"des",
    ("tags",): r"(?:darauf|danach|zuvor|davor)",
    ("kurz", "wenig", "bald", "unmittelbar"): r"(?:danach|darauf|später|zuvor|davor|vorher)",
    ("kurze",): r"Zeit",
    ("Tage", "Tagen", "Wochen", "Monate", "Monaten", "Stunden", "Jahrzehnte"): _LATER,
    ("wenige", "einige", "mehrere", "weniger", "einiger", "mehrerer", "darauf"):
        r"(?:" + _UNIT_START + r"|folgenden)",
    ("viele", "vielen", "wenigen", "einigen", "mehreren"): _UNIT_START,
    ("selben", "gleichen", "darauffolgenden"): r"(?:Tag|Woche|Monat|Jahr|Morgen|Abend|Nacht)",
    ("halb", "dreiviertel"): _SPOKEN_HOUR,
    ("viertel",): r"(?:vor|nach)" + _S + _SPOKEN_HOUR,
    ("Bild", "Welt"): r"am",
    ("Straße",): r"des",
    ("Nacht",): r"(?:zu|auf|vom|von)",
    tuple(NUMBERS): (r"(?:" + _UNIT_START + r"|bis|oder|Uhr|Minute|Sekunde|" + _NUMBER_LIKE
                     + r"|[a-zäöüß]{3,}e[nmrs]?" + _S + _UNIT_START + r")"),
    ("alle",): r"(?:\d|" + _NUMBER_LIKE + r")",
    tuple(a.split()[0] for a in APPROXIMATORS
          if a.split()[0] not in ("mehr", "weniger", "länger", "kürzer", "bis", "über")):
        _NUMBER_LIKE,
}


def _guard(prefixes, whole_words, followed_by) -> str:
    """One prefix tree over all first words (capitalised too): a prefix passes with whatever
    follows, a whole word only at a word end, a word of ``followed_by`` only before one of its
    followers."""
    trie: dict = {}
    entries = [(w, "*", None) for w in prefixes] + [(w, "$", None) for w in whole_words] + [
        (w, "+", follower) for words, follower in followed_by.items() for w in words]
    for word, mark, follower in entries:
        for variant in (word, word[0].upper() + word[1:]):
            node = trie
            for char in variant:
                node = node.setdefault(char, {})
            node.setdefault(mark, []).append(follower)
    return _guard_pattern(trie)


def _guard_pattern(node: dict) -> str:
    if "*" in node:
        return ""  # a prefix ends here: anything may follow
    branches = [re.escape(c) + _guard_pattern(child) for c, child in sorted(node.items())
                if c not in ("$", "+")]
    if "$" in node:
        branches.append(r"(?!\w)")
    elif "+" in node:
        branches.append(",?" + _S + "(?:" + "|".join(sorted(set(node["+"]))) + ")")  # (a
        # comma: "drei, vier Jahre")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_GUARD = (r"(?=\d|" + _guard(_PREFIXES, _WHOLE_WORDS, _FOLLOWED_BY)
          + r"|(?<=[Üü]ber |[Nn]ach )" + _words(set(BARE_UNITS_ACCUSATIVE + BARE_UNITS_DATIVE))
          + r"|(?<=Laufe des )Tages)")

#: The one pattern every text is scanned with (``MASTER``): quote marks (for reported speech)
#: and, at each word start that passes the guard, the branches above in order.
_MASTER_SOURCE = (
    r"(?P<quote>[„“”\"»«])|(?<![\w-])(?<!\d[.,])" + _GUARD + r"(?:" + "|".join(_BRANCHES) + r")"
)


def __getattr__(name: str):
    """``MASTER``, compiled on first use: compiling it takes a third of a second, which every
    notebook kernel paid on ``import newslens`` even when the tables came from the cache."""
    if name == "MASTER":
        compiled = globals()["MASTER"] = re.compile(_MASTER_SOURCE)
        return compiled
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# -- context patterns (used on short windows around a match) ---------------------------------

#: Words before a bare month that make it a date (im August, seit Mai, Ende Mai is in MASTER).
MONTH_CONTEXT = re.compile(
    r"(?:\b(?:[Ii]m|[Ii]n|[Ss]eit|[Bb]is|[Aa]b|[Vv]om|[Vv]on|[Zz]um|[Nn]ach|[Vv]or|[Dd]en|[Dd]em|"
    r"[Dd]es|[Dd]er|[Dd]iese[nmrs]?|[Jj]ene[nmrs]?|[Ff]ür|[Ss]päte(?:stens|r)|[Ff]rühestens|"
    r"[Uu]m|[Ww]ährend|[Aa]nfang|[Aa]uf|[Üü]ber|\w*[Mm]onate?n?s?|[Gg]anzen|vergangenen|"
    r"letzten|kommenden|nächsten|vorigen)\s+|[(]\s*)$"
)
#: Words before a bare season that make it a date (im Herbst, seit dem Sommer).
SEASON_CONTEXT = re.compile(
    r"\b(?:[Ii]m|[Ii]n|[Ss]eit|[Bb]is|[Aa]b|[Vv]om|[Zz]um|[Dd]en|[Dd]em|[Dd]es|[Dd]er|[Üü]ber|"
    r"[Ff]ür|[Ww]ährend|[Dd]iese[nmrs]?|[Gg]anzen)\s+$"
)
#: Between two coordinated seasons (im Winter und Frühjahr).
SEASON_COORDINATION = re.compile(r"\s+(?:und|oder|bis)\s+")
#: Strong year context before a bare four-digit number (seit 2014, im Jahr, Invasion 2022 is
#: accepted separately).
YEAR_CONTEXT = re.compile(
    r"\b(?:[Ii]m|[Ii]n|[Ss]eit|[Bb]is|[Aa]b|[Vv]on|[Vv]om|[Zz]wischen|[Uu]nd|[Oo]der|[Uu]m|"
    r"[Nn]ach|[Vv]or|[Ff]ür|[Ss]tand|[Ee]twa|[Ss]chon|[Bb]ereits|[Ee]rst|[Zz]uletzt|"
    r"[Ss]pätestens|[Ff]rühestens|[Jj]ahr|[Jj]ahres|[Ss]aison|[Ss]pielzeit|[Aa]nno)\s+$|[(]$"
)
#: What before a four-digit number says it is not a year (Nr. 2014, Paragraf 1906, 3 2020).
def _title_cues(position: str) -> list[str]:
    """Words of ``data/title_cues.csv`` that mark a quotation as a title (of a book, an
    exhibition, a chapter) when they stand ``before`` or ``after`` it."""
    import csv
    from pathlib import Path

    path = Path(__file__).parent / "data" / "title_cues.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return sorted({row["word"] for row in csv.DictReader(f) if row["position"] == position},
                      key=len, reverse=True)


#: A quotation after one of these (within a few words) or before a verb of naming is a title:
#: the years inside it are no dates of the text (``Kapitel heißt „Tempelhof 1935-1939“``).
TITLE_BEFORE = re.compile(r"\b(?:" + "|".join(_title_cues("before")) + r")\w{0,2}"
                          r"(?:\s+[\w.-]+){0,3}\s*[:,]?\s*$")
TITLE_AFTER = re.compile(r"\s*,?\s*(?:" + "|".join(_title_cues("after")) + r")\b")
TITLE_LENGTH = 120  # characters: a longer quotation is speech, not a title
#: Vague words of the recent past: a year-less date after them counts from publication.
RECENTLY = re.compile(r"(?i)zuletzt|kürzlich|jüngst|unlängst")
#: An open editor's box in square brackets before a match, in its paragraph ("[Liebermann-
#: Villa am Wannsee, bis 11. Januar ...]", "[Mit dem Newsletter ...]").
BOX_BEFORE = re.compile(r"(?m)^\s*\[[^\]\n]*$")
#: A sentence counted up to now (bisher, bislang): its year-less dates are the publication's.
UP_TO_NOW = re.compile(r"\b(?:[Bb]isher|[Bb]islang)\b")
#: Between a week and a weekday in apposition to it: "Vor einer Woche, am Freitag".
WEEK_APPOSITION = re.compile(r",\s*(?:am|an\s+dem|und\s+zwar\s+am)\s+")
NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:Nr\.|Nummer|Paragra(?:f|ph)|§|Art\.|Artikel|Tel\.|Telefon|Fax|PLZ|Seite|S\.|"
    r"Platz|Zimmer|Flug|Linie|Bus|Tempo|Kilometer|km|Höhe|rund|etwa|knapp|über|fast|circa|"
    r"ca\.|[Mm]ehr als|[Ww]eniger als|bis zu|insgesamt|weitere|mindestens|nur|exakt|genau|gut|"
    r"[A-Z]{2}\d\d)\s*|"
    r"[\d+\-−–/]|\d\s?[\-−–]\s|(?<!\b(?:1\d|20)\d)\d[.,]\s?|\d[.,])$"
)
#: What after a four-digit number says it is a quantity (2000 Euro, 1500 Menschen, 2020 Uhr).
#: A count compared with a year: "23 mehr als 2018.", "39 Prozent weniger als 2010,", "fast
#: 23 000 Leistungsempfänger weniger als 2020." (not "auf mehr als 2000 Menschen").
COUNT_COMPARED_BEFORE = re.compile(
    r"\d(?:[\d.,]|\s\d{3})*\s+(?:[A-Za-zÄÖÜäöüß-]+\s+){0,2}(?:mehr|weniger)\s+als\s+$")
CLAUSE_END_AFTER = re.compile(r"\s*(?:[.;:,)]|$)")
#: A number alone on its line: the year heading an entry of a chronology ("\n1748\nÜber den
#: Menschen ..."); all 19 such lines of the 10,000 bench articles are years.
LINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*$")
LINE_AFTER = re.compile(r"[ \t]*(?:\n|$)")
NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|‰|€|\$|Prozent|Promille|Euro|Dollar|Franken|Pfund|Yen|Rubel|Mal|Meter|Kilo|"
    r"km|m\b|Tonnen|Stück|Uhr|Einwohner|Menschen|Personen|Leute|Fälle|Tote|Todesfälle|"
    r"Infizierte|Neuinfektionen|Infektionen|Mitarbeiter|Soldaten|Stimmen|Punkte|Kilometer|"
    r"Quadratmeter|Betten|Tests|Patienten|Schüler|Studenten|Teilnehmer|Besucher|Zuschauer|"
    r"[A-ZÄÖÜ]\w*(?:fälle|infektionen|infizierte|tote)|weitere\w*|neue\w*|zusätzliche\w*|mehr|"
    r"weniger|bis\s+\d)\b"
)
#: A capitalised word right after the number, as in "2000 Neuinfektionen" (a quantity).
CAPITALISED_NEXT = re.compile(r"[ \t\u00a0]+[A-ZÄÖÜ][a-zäöüß]")
#: innerhalb/binnen before "eines Tages": a length (one day), not "some day".
WITHIN_BEFORE = re.compile(r"\b(?:[Ii]nnerhalb|[Bb]innen|[Ww]ährend|[Ll]aufe)\s+$")
#: seit Jahren, seit Wochen ...: an unknown duration up to now (PXY, PXW).
#: "Es war ein Jahr, in dem ...": a copula before "ein Jahr" and a relative clause after it
#: make the unit a predicate noun (what kind of year), not a length.
COPULA_BEFORE = re.compile(
    r"\b(?:war|ist|wird|wurde|sei|wäre|bleibt|blieb)\b(?:\s+\w+){0,2}\s+$")
RELATIVE_AFTER = re.compile(
    r",\s*(?:(?:in|an|nach|mit|für|während)\s+)?(?:dem|der|das|die|den|denen)\b")
SINCE_UNITS = re.compile(r"[Ss]eit (?P<unit>Tagen|Wochen|Monaten|Jahren|Jahrzehnten)")
#: Words before a date that make it a point of comparison, not the time the text moves to:
#: "weniger als 2012", "gegenüber Mai 2019", "im Vergleich zum Mai 2019".
COMPARISON_BEFORE = re.compile(
    r"\b(?:als|[Gg]egenüber|[Vv]ergleich(?:\s+zu[mr]?)?|verglichen\s+mit)"
    r"(?:\s+(?:de[mnrs]|im|zum|Jahr|Jahre[ns]?|Monat|[A-ZÄÖÜ][a-zäöü]+))?\s+$"
)
#: A month or season as the standard of a comparison (``weniger Beschränkungen als im
#: Frühjahr``, ``Ausgangsbeschränkungen wie im Frühjahr``): an occurrence already known.
COMPARED_WITH_BEFORE = re.compile(r"\b(?:als|wie)\s+(?:im|am|in\s+der)\s+$")
#: Between two coordinated times: "abends und sogar am Wochenende", "werktags oder am".
COORDINATION_GAP = re.compile(r"\s*,?\s*(?:und|oder|sowie)(?:\s+(?:auch|sogar|nur|teils))*"
                              r"\s+(?:(?:am|an|den|die|der)\s+)?")
#: Between a set and the time that narrows it: "von Montag bis Samstag zwischen 8 und 20 Uhr",
#: "sonntags, 10 Uhr", "täglich um 9 Uhr".
#: Between two entries of a listing without a verb (opening hours): "17 Uhr, Samstag".
LISTING_GAP = re.compile(r"\s*[,;]\s*")
ADJACENT_GAP = re.compile(r"\s*,?\s*(?:(?:um|ab|von|gegen|jeweils)\s+)?")
#: A rate right before "in sieben Tagen": "pro 100.000 Einwohner", "je 100 000 Einwohnern".
RATE_BEFORE = re.compile(r"\b(?:pro|je)\s+[\d.,\u202f ]*\d(?:\s+[A-ZÄÖÜ]\w*)?\s+$")
#: Words before a bare year that make it an attribute or a limit: "Nachwirkungen bis 2018",
#: "ein Thriller von 1981", "die Finanzkrise 2008/2009".
ATTRIBUTE_BEFORE = re.compile(
    r"(?:\b(?:[Bb]is|[Vv]on|[Aa]us)|\w[a-zäöüß]\s+[A-ZÄÖÜ][a-zäöüß]+-?)\s+$"
)
#: "als" after "zwei Jahre später": a comparison of lengths, not a date.
COMPARISON_AFTER = re.compile(r"[ \t\u00a0]+als\b")
#: After an old bare year: words that make it a count (1613 minus 1270, 1674 abgebrannter).
COUNT_NEXT = re.compile(r"[ \t\u00a0]+(?:minus|plus|mal|bis|und|oder|gleich|\w+er)\b")
#: Before an old bare year: a lower-case word that is no preposition (wurde 1881, starb 1892).
VERB_BEFORE = re.compile(
    r"(?<![\w-])(?!(?:auf|mit|von|wegen|für|über|unter|bei|zu|nach|gegen|ohne|durch|an|aus|"
    r"rund|etwa|nur|noch|insgesamt|gut|knapp|fast|über|bis|je|minus|plus|gleich|und|oder|"
    r"als|sind|waren|gelten)\s)[a-zäöüß]{2,}\s+$")
#: "damals wie heute", "damals und heute": heute is "nowadays".
THEN_AND_NOW_BEFORE = re.compile(r"\b[Dd]amals\s+(?:wie|und)\s+$")
#: "bis heute": up to this day.
UNTIL_BEFORE = re.compile(r"\b[Bb]is\s+$")
#: An age right after "heute": "der heute 49-Jährige", "ihre heute 34 Jahre alte Tochter".
AGE_AFTER = re.compile(r"\s+(?:\d+|[a-zäöü]+)(?:-[Jj]ährige?\w*|\s+Jahre\s+alt\w*)")
#: "heute" + a name between dashes or brackets: "Konstantinopel – heute Istanbul –".
NOW_NAME_AROUND = re.compile(r"[–(]\s*[Hh]eute\s+[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?\s*[–)]")
#: Verbs of state: "Der Ort ist heute ein Gedenkort", "an deren Stelle heute ... steht".
STATE_VERBS = {"ist", "sind", "steht", "stehen", "heißt", "heißen", "liegt", "liegen", "gilt",
               "gelten", "gehört", "gehören", "bleibt", "bleiben"}
#: A time stamp heading an entry: at a paragraph's start, followed by ":", "," or the line end.
PARAGRAPH_START = re.compile(r"(?:^|\n)[ \t\u00a0]*$")
STAMP_END = re.compile(r"[ \t\u00a0]*(?:[:,\n]|$)")
#: Words of a past set against today ("spielte einst ... heißt heute").
THEN_WORD = re.compile(r"\b(?:einst|damals|früher|seinerzeit)\b", re.IGNORECASE)
#: A lower-case word right after the number, as in "brannte 1862 nieder" (a year).
LOWERCASE_NEXT = re.compile(r"[ \t\u00a0]+[a-zäöüß]{2,}\b(?!\.[ \t]*[a-zäöü\d])")
#: A count before "am Tag", "im Jahr": a number, or a number word with a unit of amount.
COUNT_WORD = re.compile(r"\d|\b(?:Millionen|Milliarden|Tausende?|Hunderte?|Dutzende?|zwei|drei|"
                        r"vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|zwanzig|hundert|tausend)\b")
#: A number that is no year (21, 139, 22.000, 3000) shortly before: counts are being listed.
COUNT_BEFORE = re.compile(r"(?<![\d.,])(?!(?:1[0-9]|20)\d\d(?![\d.,]\d))\d[\d.,]*")
#: After an old bare year: a preposition, an article "ein" or an auxiliary, which no count is
#: followed by in a narrative ("Raffael ist 1483 in Urbino geboren", "Auf 1643 lässt sich").
FUNCTION_NEXT = re.compile(
    r"[ \t\u00a0]+(?:in|im|mit|an|am|auf|aus|bei|durch|für|gegen|nach|seit|über|unter|von|"
    r"vom|vor|wegen|zum|zur|als|eine?[nmrs]?|hat|hatte|hatten|wird|wurde|wurden|war|waren|"
    r"ist|lässt|ließ|kam|starb|erschien)\b")
#: Words that make a capitalised "Morgen" the noun (am Morgen, jeden Morgen, guten Morgen).
MORGEN_NOUN_BEFORE = re.compile(
    r"\b(?:am|Am|den|dem|der|des|einen|eines|jeden|Jeden|guten|Guten|diesen|diesem|frühen|"
    r"nächsten|folgenden|selben|gleichen|im|vom|zum|bis|in|Den|Der|Dem)\s+$"
)
#: A sentence start right before a position (so a capitalised "Morgen" is the adverb).
SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:]\s+|\n\s*|[„\"»«“]\s*|[-–]\s+)$")
#: "zunächst" = "for the time being" when a negation or "noch" follows closely.
#: A preposition right before an expression that fixes its direction: seit/vom look back,
#: ab/bis/auf forward (``seit Montag``, ``ab dem 1. Dezember``, ``auf Juni verschoben``).
PREPOSITION_BEFORE = re.compile(
    r"\b(?P<prep>[Ss]eit|[Vv]om|[Aa]b|[Bb]is|[Aa]uf)(?:\s+(?:weit|tief|spätestens|"
    r"frühestens|einschließlich|" + _BOUND + r"))?(?:\s+(?:in\s+den|zum|zur|dem|den|kommenden|"
    r"nächsten))?\s+$"
)
ZUNAECHST_TEMPORAL = re.compile(r"\s+(?:\w+\s+){0,2}?(?:nicht|kein\w*|noch|offen|unklar)\b")
#: Sentence ends (not after a digit, "18. August", or a one-letter abbreviation, "v. Chr.").
#: Every break pattern opens with a character class, so the engine skips to candidates fast.
#: A line break inside a sentence of a hard-wrapped text (``Von \nJanuar bis September stieg``):
#: the line before ends in a word, a comma or a hyphen, not in a sentence's end or a quote mark.
SOFT_BREAK = re.compile(r"(?<=[\w,\-–])[ \t]*\n(?=[ \t]*\S)")
#: ... and the same followed by a word in lower case: evidence that the text is hard-wrapped.
SOFT_BREAK_LOWER = re.compile(r"(?<=[\w,\-–])[ \t]*\n(?=[ \t]*[a-zäöüß])")
#: (a full stop after a digit ends no sentence, "am 3. Oktober", unless the number has a group
#: of thousands: "auf 265 000. Nach dem Lockdown", "1.200. Dann")
SENTENCE_BREAK = re.compile(
    r"[.!?\n](?:(?<=\n)(?![ \t]*[a-zäöüß])|(?<![\d\s][A-Za-z].)(?:(?<!\d.)|"
    r"(?<=\d[ .\u00a0\u202f]\d{3}.))[“”\"»«]?(?=\s|$|[A-ZÄÖÜ][a-zäöüß]))"
)
#: Clause breaks: punctuation (not the comma of 21,5), quote marks, and dashes with spaces
#: around them.
CLAUSE_BREAK = re.compile(r"(?:,(?!\d)|[;:()„“”\"»«\-–—](?:(?<![-–—])|(?<=\s[-–—])(?=\s)))")
#: Between a weekday and the date it stands in apposition to: ", dem", ", ausgerechnet dem",
#: ", der" (``27. September, dem Sonntag``, ``Donnerstag, der 18. Februar``).
APPOSITION = re.compile(r",[ \t\u00a0]+(?:[a-zäöüß]+[ \t\u00a0]+)?(?:de[mnr])[ \t\u00a0]+")
#: Verbs of saying, for quotes whose sentence names the day the words were said.
SPEECH = re.compile(
    r"\b(?:sagte|sagten|gesagt|erklärte|erklärten|erklärt|betonte|betont|schrieb|geschrieben|"
    r"teilte|mitgeteilt|kündigte|angekündigt|meinte|antwortete|berichtete|twitterte|warnte|"
    r"forderte|versprach|versprochen|bekräftigte|verkündete|verkündet|hieß|zufolge|so)\b"
)

_FUTURE_CUES = (
    "werde", "werden", "wird", "wirst", "würde", "würden", "soll", "sollen", "solle", "sollte",
    "sollten", "will", "wollen", "wolle", "könnte", "könnten", "geplant", "geplante",
    "geplanten", "geplanter", "geplantes", "plant", "planen", "plane", "stattfinden",
    "vielleicht", "Vielleicht", "hoffentlich", "Hoffentlich", "dürfte", "dürften",
    "künftig", "voraussichtlich", "demnächst", "bald", "morgen", "übermorgen", "erwartet",
    *(stem + ending for stem in ("beginnende", "bevorstehende", "anstehende", "kommende",
                                 "nächste", "startende", "stattfindende")
      for ending in ("", "n", "r", "s", "m")),
)
#: Future cues that are verbs, not adjectives: what a narrative in the present cannot mean.
STRONG_FUTURE = {"werde", "werden", "wird", "wirst", "würde", "würden", "soll", "sollen", "solle",
                 "sollte", "sollten", "will", "wollen", "wolle", "könnte", "könnten", "plant",
                 "planen", "plane", "stattfinden", "künftig", "voraussichtlich", "demnächst",
                 "bald", "morgen", "übermorgen", "erwartet"}
_PAST_CUES = (
    "hatte", "hatten", "hattest", "war", "waren",
    "wurde", "wurden", "gewesen", "worden", "sagte", "sagten", "hieß", "hießen", "gab", "gaben",
    "kam", "kamen", "ging", "gingen", "sprach", "sprachen", "traf", "trafen", "fand", "fanden",
    "rief", "riefen", "schrieb", "schrieben", "nannte", "nannten", "brachte", "brachten",
    "dachte", "stand", "standen", "lag", "lagen", "zog", "zogen", "flog", "flogen", "fuhr",
    "fuhren", "bat", "baten", "wies", "warf", "begann", "begannen", "gewann", "verlor", "starb",
    "starben", "entschied", "beschloss", "beschlossen", "hielt", "hielten", "ließ", "blieb",
    "blieben", "sah", "sahen", "trat", "traten", "lief", "stieg", "fiel", "fielen", "erhielt",
    "bekam", "verließ", "erklärte", "erklärten", "betonte", "teilte", "teilten", "kündigte",
    "kündigten", "zeigte", "zeigten", "forderte", "forderten", "warnte", "machte", "machten",
    "stellte", "stellten", "legte", "setzte", "führte", "lehnte", "wählte", "reiste",
    "besuchte", "erreichte", "bestätigte", "räumte", "äußerte", "drohte", "fragte", "glaubte",
    "hoffte", "brauchte", "suchte", "spielte", "lebte", "stimmte", "stimmten", "dauerte",
    "verlangte", "folgte", "gehörte", "fehlte", "zahlte", "einigte", "einigten", "sorgte",
    "schätzte", "wollte", "wollten", "konnte", "konnten", "musste", "mussten", "durfte",
    "gestern", "vorgestern", "damals", "kürzlich", "zuletzt", "jüngst", "neulich",
)
#: A perfect infinitive (``zusammengebrochen sein``, ``angesteckt haben``, ``verhaftet worden
#: sein``): after a modal (soll, dürfte, könnte) the clause reports the past, not the future.
PERFECT_INFINITIVE = re.compile(
    r"(?<![\w])[a-zäöüß]*(?:ge|be|er|ver|zer|ent|emp|iert)[a-zäöüß]*(?:t|en)(?:[ \t\n]+worden)?"
    r"[ \t\n]+(?:sein|haben)(?![\w])")
#: Present-tense verbs of scheduled events: with a weekday they look forward ("Am Samstag
#: findet kein Programm statt" in a Sunday paper is the coming Saturday).
SCHEDULED = ("beginnt", "beginnen", "startet", "starten", "endet", "enden", "läuft", "laufen",
             "öffnet", "öffnen", "findet", "finden", "tagt", "tagen", "spielt", "spielen",
             "eröffnet", "erscheint", "erscheinen")
_PRESENT_CUES = (
    "gibt", "steht", "stehen", "liegt", "liegen", "sieht", "bleibt", "bleiben",
    "gilt", "gelten", "heißt", "scheint", "wirkt", "tritt", "kommt", "geht", "schließt",
    *SCHEDULED,
)
#: Preterite stems of strong and mixed verbs (3rd person; -en plural), with or without a
#: prefix (``erstach``, ``verlor``, ``anfing``), for the past cues beyond the word list.
_STRONG_PAST = (
    "stach", "brach", "sprach", "nahm", "kam", "gab", "fand", "ging", "stand", "lag", "sah",
    "trat", "fiel", "hielt", "ließ", "rief", "schlug", "trug", "fuhr", "wuchs", "zog", "bot",
    "floh", "flog", "schoss", "schloss", "verlor", "wies", "schwieg", "stieg", "schrieb", "blieb",
    "trieb", "litt", "stritt", "griff", "schnitt", "glich", "wich", "biss", "riss", "warf",
    "starb", "warb", "half", "galt", "stahl", "befahl", "empfahl", "bat", "saß", "vergaß", "las",
    "geschah", "trank", "sank", "sang", "sprang", "zwang", "gelang", "begann", "gewann", "band",
    "schwand", "lud", "hob", "schob", "erwog", "fror", "schuf", "lief", "schlief", "hieß",
    "stieß", "fing", "hing", "riet", "blies", "wusste", "kannte", "nannte", "brannte", "rannte",
    "sandte", "wandte", "dachte", "brachte", "mochte", "durfte", "musste", "konnte", "ahnte",
    "entschied", "schied", "mied", "wog", "log", "bog", "goss", "genoss", "floss", "sprach",
)
_PAST_PREFIXES = (
    "ab", "an", "auf", "aus", "be", "bei", "dar", "durch", "ein", "emp", "ent", "er", "fest",
    "frei", "her", "hin", "los", "mit", "nach", "statt", "teil", "über", "um", "unter", "ver",
    "vor", "weg", "wider", "zer", "zu", "zurück", "zusammen",
)
#: hat/haben/habe are past only with a participle in the clause ("hat ... gesagt"), else the
#: verb to have, present ("die Firmen, die im Juli Einbußen haben").
_PERFECT_AUXILIARIES = ("hat", "haben", "habe", "ist", "sind")
#: "zu" right before a word: an infinitive (zu erreichen, zu verhindern), not a participle.
ZU_BEFORE = re.compile(r"(?<![\w])zu[ \t]+$")
#: Words shaped like a participle that are none: the ordinal "ersten" ("beiden" is left a
#: participle: it stands in for the Ersatzinfinitiv, "2016 hatte sie einen ihrer beiden Söhne
#: betrauern müssen", which the cues do not know).
NOT_PARTICIPLES = ("ersten",)
#: Tense cue words. Lower-case words in -ierte(n), -ete(n), -elte(n), -ckte(n), -hlte(n),
#: -llte(n), -erte count as past too (telefonierte, antwortete, schüttelte, blickte, änderte),
#: except participle adjectives in ge- (geöffnete) or before a noun (stornierte Reisen), and
#: infinitives that look alike (bieten, vertreten, bewerten, verzichten).
TENSE_CUES = re.compile(
    r"(?<![\w])(?:(?P<future>" + _words(_FUTURE_CUES) + r")|(?P<past>" + _words(_PAST_CUES)
    + r"|(?:" + _words(_PAST_PREFIXES) + r")?(?:" + _words(set(_STRONG_PAST)) + r")(?:en|n)?"
    + r"(?![\w])"
    + r"|(?!ge)[a-zäöü]\w*(?:(?:iert|(?:[a-df-hj-qs-zäöüß]|(?<!t)r)et|elt|ckt|hlt|llt)en?|erte)"
    r"(?![\w])(?![ \t]+[A-ZÄÖÜ])"
    # weak preterites with a verbal prefix: erkrankte, verkaufte (not -ten: verzichten)
    + r"|(?:er|ver|be|ent|zer|emp)[a-zäöüß]{2,}[^aeiouäöüt\W]te(?![\w])(?![ \t]+[A-ZÄÖÜ]))"
    r"|(?P<present>" + _words(_PRESENT_CUES) + r")|(?P<auxiliary>" + _words(_PERFECT_AUXILIARIES)
    + r")|(?P<participle>(?!" + _words(NOT_PARTICIPLES) + r"(?![\w]))"
    + r"[a-zäöüß]*(?:ge|be|er|ver|zer|ent|emp)[a-zäöüß]{2,}(?:t|en)|"
    r"[a-zäöüß]+iert))(?![\w])"
)

# -- calendar arithmetic --------------------------------------------------------------------

MIN_YEAR, MAX_YEAR = 1678, 2261  # the datetime64[ns] range, as whole years


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's last day (31 Oct - 1 M = 30 Sep)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_years(day: dt.date, years: float) -> dt.date:
    """``day`` moved by (possibly fractional, in whole months) years."""
    return add_months(day, round(years * 12))


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def iso_week(day: dt.date) -> tuple[str, dt.date, dt.date]:
    """TIMEX3 value and Monday..Sunday of the ISO week containing ``day``."""
    year, week, weekday = day.isocalendar()
    monday = day - dt.timedelta(days=weekday - 1)
    return f"{year:04d}-W{week:02d}", monday, monday + dt.timedelta(days=6)


def weekend(day: dt.date) -> tuple[str, dt.date, dt.date]:
    """Value and Saturday..Sunday of the ISO week containing ``day``."""
    value, monday, _ = iso_week(day)
    return f"{value}-WE", monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


def month_week(year: int, month: int, ordinal: int) -> tuple[str, dt.date, dt.date] | None:
    """The ``ordinal``-th (-1: last) ISO week lying wholly in the month: ``die erste
    Novemberwoche`` 2020 is 2 to 8 November (2020-W45)."""
    first = dt.date(year, month, 1)
    monday = first + dt.timedelta(days=(7 - first.weekday()) % 7)
    weeks = []
    while monday + dt.timedelta(days=6) <= month_end(year, month):
        weeks.append(monday)
        monday += dt.timedelta(days=7)
    if not weeks or ordinal > len(weeks):
        return None
    return iso_week(weeks[ordinal - 1 if ordinal > 0 else -1])


def season(year: int, code: str) -> tuple[str, dt.date, dt.date]:
    """Meteorological season; winter ``2024-WI`` runs from December 2024 to February 2025."""
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    start = dt.date(year, first, 1)
    end = add_months(start, 2)
    return f"{year:04d}-{code}", start, month_end(end.year, end.month)


def quarter(year: int, number: int) -> tuple[str, dt.date, dt.date]:
    start = dt.date(year, 3 * number - 2, 1)
    return f"{year:04d}-Q{number}", start, month_end(year, 3 * number)


def part_of(start: dt.date, end: dt.date, granularity: str,
            modifier: str) -> tuple[dt.date, dt.date]:
    """The first, middle or last third of an interval (guidelines: days 1-10/11-20/21-end of a
    month; Jan-Apr/May-Aug/Sep-Dec of a year; years 0-3/4-6/7-9 of a decade; 0-32/33-65/66-99
    of a century; Mon-Tue/Wed-Thu/Fri-Sun of a week; month by month of a season or quarter)."""
    if modifier not in ("early", "mid", "late"):
        return start, end
    third = ("early", "mid", "late").index(modifier)
    if granularity == "month":
        first = start.replace(day=(1, 11, 21)[third])
        return first, (start.replace(day=(10, 20)[third]) if third < 2 else end)
    if granularity in ("season", "quarter"):
        first = add_months(start, third)
        return first, month_end(first.year, first.month)
    if granularity == "year":
        first = start.replace(month=(1, 5, 9)[third])
        return first, month_end(first.year, (4, 8, 12)[third])
    if granularity == "week":
        offsets = ((0, 1), (2, 3), (4, 6))[third]
        return (start + dt.timedelta(days=offsets[0]), start + dt.timedelta(days=offsets[1]))
    bounds = {"decade": ((0, 3), (4, 6), (7, 9)), "century": ((0, 32), (33, 65), (66, 99))}
    lo, hi = bounds[granularity][third]
    return dt.date(start.year + lo, 1, 1), dt.date(start.year + hi, 12, 31)


def easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian calendar; the anonymous algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


#: The day a holiday of several days names (TIMEX3 value): Christmas Day, Easter Sunday ...
HOLIDAY_MAIN = {"Weihnachten": (12, 25), "Weihnachtsfeiertage": (12, 25),
                "Weihnachtsfeiertagen": (12, 25), "Ostern": ("easter", 0),
                "Osterwochenende": ("easter", 0), "Osterfeiertage": ("easter", 0),
                "Osterfeiertagen": ("easter", 0), "Pfingsten": ("easter", 49),
                "Pfingstwochenende": ("easter", 49)}


def holiday_main(name: str, year: int) -> dt.date | None:
    """The day a holiday of several days is named after (Weihnachten: 25 December)."""
    where = HOLIDAY_MAIN.get(" ".join(name.split()))
    if where is None:
        return None
    if where[0] == "easter":
        return easter(year) + dt.timedelta(days=where[1])
    return dt.date(year, *where)


def holiday(name: str, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a holiday (``Weihnachten`` 24-26 Dec, ``Ostern`` Fri-Mon)."""
    days = []
    for where, number in HOLIDAYS[" ".join(name.split())]:
        if where == "easter":
            days.append(easter(year) + dt.timedelta(days=number))
        else:
            days.append(dt.date(year + (days != [] and where < days[0].month), where, number))
    return days[0], days[1]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the day does not exist (31. Februar) or the year is not 1..9999
    (dates before 1678 are kept: the table gives them day numbers where no Timestamp fits)."""
    if not 1 <= year <= 9999:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_LENGTH_CODES = (("Jahr", "Y", 0), ("Monat", "M", 1), ("Woche", "W", 2), ("Tag", "D", 3),
                 ("Stunde", "H", 4), ("Minute", "M", 5), ("Sekunde", "S", 6))


def compound_duration(parts: list[tuple[float, str]]) -> str | None:
    """``P39Y14D``, ``PT3M45S`` from (amount, unit word) pairs in falling order of size; None
    when the units do not fall or an amount is not whole."""
    date, time, last = "", "", -1
    for amount, word in parts:
        code, rank = next((c, r) for prefix, c, r in _LENGTH_CODES if word.startswith(prefix))
        if rank <= last or amount != int(amount):
            return None
        last = rank
        if rank >= 4:
            time += f"{int(amount)}{code}"
        else:
            date += f"{int(amount)}{code}"
    return f"P{date}" + (f"T{time}" if time else "")


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P2W``, ``P3Y6M`` (3.5 years), ``PXD`` (a few days), ``PT24H``."""
    if unit == "H":
        if amount is not None and amount != int(amount):  # eine halbe Stunde: PT30M
            hours, minutes = divmod(round(amount * 60), 60)
            return f"PT{hours}H{minutes}M" if hours else f"PT{minutes}M"
        return f"PT{'X' if amount is None else _number(amount)}H"
    if amount is None:
        return f"PX{unit}"
    if unit == "Y" and amount != int(amount) and (amount * 12) == int(amount * 12):
        years, months = divmod(int(amount * 12), 12)
        return f"P{years}Y{months}M" if years else f"P{months}M"
    if unit == "Q":
        return f"P{_number(amount * 3)}M"
    return f"P{_number(amount)}{unit}"


def _number(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


# -- occurrences of calendar units ------------------------------------------------------------


def year_interval(year: int) -> tuple[dt.date, dt.date]:
    """1 January to 31 December of ``year``."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def shift(day: dt.date, amount: float, unit: str, sign: int) -> dt.date:
    """``day`` moved by ``amount`` units (D, W, M, Q, Y, DE, CE; H rounds up to days)."""
    if unit == "D":
        return day + dt.timedelta(days=sign * round(amount))
    if unit == "H":
        return day + dt.timedelta(days=sign * -(-int(amount) // 24))
    if unit == "W":
        return day + dt.timedelta(days=sign * round(amount * 7))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit] * amount
    return add_months(day, sign * round(months))


def unit_at(day: dt.date, unit: str, amount: float) -> tuple[str, tuple, str]:
    """The day, week, month, year ... containing ``day`` (fractional years: the month)."""
    if unit in ("D", "H"):
        return f"{day}", (day, day), "day"
    if unit == "W":
        value, monday, sunday = iso_week(day)
        return value, (monday, sunday), "week"
    if unit in ("M", "Q") or (unit == "Y" and amount != int(amount)):
        value, first, last = month_interval(day.year, day.month, "none")
        return value, (first, last), "month"
    if unit == "Y":
        return f"{day.year:04d}", year_interval(day.year), "year"
    if unit == "DE":
        tens = day.year // 10
        return f"{tens:03d}", (dt.date(tens * 10, 1, 1), dt.date(tens * 10 + 9, 12, 31)), \
            "decade"
    hundreds = day.year // 100
    return f"{hundreds:02d}", (dt.date(max(1, hundreds * 100), 1, 1),
                               dt.date(hundreds * 100 + 99, 12, 31)), "century"


def unit_step(day: dt.date, unit: str, step: int) -> tuple[str, dt.date, dt.date, str]:
    """The week, weekend, month, quarter, year, decade or century ``step`` units from ``day``."""
    if unit.startswith("Wochenende"):
        base = day + dt.timedelta(days=7 * step)
        if step > 0 and day.weekday() < 5:
            base = day
        return (*weekend(base), "weekend")
    if unit.startswith("Woche"):
        return (*iso_week(day + dt.timedelta(days=7 * step)), "week")
    if unit.startswith("Monat"):
        moved = add_months(day, step)
        return (*month_interval(moved.year, moved.month, "none"), "month")
    if unit.startswith("Quartal"):
        index = day.year * 4 + (day.month - 1) // 3 + step
        return (*quarter(index // 4, index % 4 + 1), "quarter")
    if unit.startswith("Jahrzehnt"):
        tens = day.year // 10 + step
        return f"{tens:03d}", dt.date(tens * 10, 1, 1), dt.date(tens * 10 + 9, 12, 31), "decade"
    if unit.startswith("Jahrhundert"):
        hundreds = day.year // 100 + step
        return (f"{hundreds:02d}", dt.date(hundreds * 100, 1, 1),
                dt.date(hundreds * 100 + 99, 12, 31), "century")
    year = day.year + step
    return (f"{year:04d}", *year_interval(year), "year")


def weekday_date(anchor: dt.date, weekday: int, step: int, tense: str) -> dt.date:
    """The weekday strictly before (step -1) / after (+1) the anchor, or by tense: the coming
    one (the anchor itself included) in the future, else the most recent one."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if step < 0:
        return anchor - dt.timedelta(days=back or 7)
    if step > 0:
        return anchor + dt.timedelta(days=ahead or 7)
    if tense == "future":
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def weekend_by_tense(day: dt.date, tense: str) -> tuple[str, dt.date, dt.date]:
    """``am Wochenende``: the last one in the past, the next one in the future, else the nearer
    (a weekend that includes the anchor day is always that one)."""
    if day.weekday() >= 5:
        return weekend(day)
    if tense == "past" or (tense == "present" and day.weekday() <= 2):
        return weekend(day - dt.timedelta(days=7))
    return weekend(day)


def month_interval(year: int, month: int, modifier: str) -> tuple[str, dt.date, dt.date]:
    """Value (``2025-08``) and the days of a month, or of its early/mid/late third."""
    start, end = dt.date(year, month, 1), month_end(year, month)
    return (f"{year:04d}-{month:02d}", *part_of(start, end, "month", modifier))


def relative_occurrence(build, day: dt.date, step: int) -> tuple:
    """The season before (step -1), after (+1) or around (0) ``day``."""
    options = [c for y in range(day.year - 2, day.year + 2) if (c := build(y))]
    if step < 0:
        return [c for c in options if c[2] < day][-1]
    if step > 0:
        return [c for c in options if c[1] > day][0]
    return min(options, key=lambda c: distance(c, day))


def distance(option: tuple, day: dt.date) -> int:
    """Days between ``day`` and a (value, start, end) occurrence; 0 inside it."""
    _, start, end = option
    return 0 if start <= day <= end else min(abs((start - day).days), abs((end - day).days))


def epoch_day(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 in the proleptic Gregorian calendar, for any astronomical year
    (1 BC = 0, 2 BC = -1): the days-from-civil algorithm of H. Hinnant."""
    year -= month <= 2
    era = (year if year >= 0 else year - 399) // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def bc_years(first: int, last: int) -> tuple[int, int]:
    """Epoch days of 1 January of ``first`` BC .. 31 December of ``last`` BC (first >= last)."""
    return epoch_day(1 - first, 1, 1), epoch_day(1 - last, 12, 31)


def in_range(day: dt.date | None) -> dt.date | None:
    """``day``, or None outside the years datetime64[ns] can hold."""
    return day if day is not None and MIN_YEAR <= day.year <= MAX_YEAR else None


def two_digit_decade(digit: int) -> int:
    """Decade of ``90er`` (199) and ``20er`` (192): the 1900s, but ``00er``/``10er`` the 2000s."""
    return 200 + digit if digit in (0, 1) else 190 + digit
