"""Entity corrections after the NER and the knowledge-base ruler, from the words in and next to a
span.

The shipped pipeline runs the spaCy component ``newslens_entity_rules`` after ``kb_ruler``. It
changes an entity only where a word of ``data/entity_rules.csv`` (or of ``roles.csv``) says so,
or where German spelling does:

- ``not_name``: an entity of nothing but words that are never names (``Hbf``, ``E-Mail``) is
  dropped (``Köln Hbf`` stays);
- ``role``, ``place_word``: a title or role opening a PER entity, and a word such as
  ``Landkreis`` opening a LOC entity, are not part of the name (``Graf Kinsky`` -> ``Kinsky``,
  ``Ortsteils Habenhausen`` -> ``Habenhausen``; the words of ``roles.csv`` of the kinds in
  ``ROLE_KINDS``, and these rows);
- an entity cut inside a coordination of truncated compounds is grown over it
  (``Institut für Immun-, Infektions- und Pandemieforschung``, ``Kinder- und Jugendhaus``);
- ``legal_form``: a legal form or a word that ends company names (``AG``, ``Inc.``,
  ``Airways``) at the end of an entity, or right after it, makes it an ORG
  (``Karl Meisenbach KG``; ``Wirecard`` + ``AG``);
- ``org_head``: a noun that names an institution (``Landratsamt``, ``Börse``,
  ``Einzelhandelsverband``, matched by its ending, genitive included), right before a place,
  makes the two one ORG (``Landratsamts München``, ``Börse Stuttgart``), as does the same noun
  opening an entity labelled otherwise (``Universität Hamburg``);
- ``org_cue``: a noun that describes a company (``Autozulieferer``, ``Pharma-Unternehmen``),
  right before a one-word entity, makes it an ORG (``vom Autozulieferer Bosch``);
- a title or office word (the ``role`` words) right before a one-word LOC or ORG makes it a
  person (``Präsident Cleveland``, ``Königin Victoria``); not a genitive in ``-s``, which is
  the office's place (``Präsidenten Taiwans``);
- ``place_name``: an entity that is a place name with a derivational ending (``-er``, ``-ern``,
  ``-ers``, ``-erin``, ``-erinnen``: ``Stuttgartern``, ``Sankt Petersburger``, ``New Yorker``),
  labelled LOC or MISC, is dropped: an inhabitant noun or adjective, not a name (GermEval's
  ``LOCderiv``; the news guidelines' rule 5); the place names are the LOC names and aliases of
  ``kb.csv``;
- ``currency``: a currency word right after a number (``95.015 Taler``, ``1.000 Reichsmark``,
  ``2 Millionen Gulden``, with an ``amount`` word between) is a MISC entity, as GermEval and
  the news annotations tag ``Euro``; the currencies are those of ``units.csv``;
- ``event_noun``: a war or revolution named by a capitalised adjective (``im Dreißigjährigen
  Krieg``, ``des Amerikanisch-Mexikanischen Krieges``, ``der Französischen Revolution``) or a
  numbered world war (``ordinal``: ``bis zum ersten Weltkrieg``, ``2. Weltkrieges``) is one MISC
  entity, the adjective included, as GermEval tags them (a capitalised word opening a sentence
  is no such adjective: ``Der Krieg``);
- ``work_noun``: the quoted title after a noun that names a work (``der Film „Das Boot“``,
  ``sein Roman „Der Zauberberg“``, ``im Kinofilm "Kill Bill 2"``) is one MISC entity, as
  GermEval (OTH) and the news guidelines tag works, whatever the NER made of its words; a word
  of the list in lower case matches the ends of compounds (``film``: ``Kinofilm``), one
  capitalised matches only itself (``Stück``, not ``Grundstück``); the title starts with a
  capital or a digit and ends at the closing quote within 20 words (a ``“`` or ``"`` opens a
  title only after a space and glued to the next word, so a closing quote is never taken for
  an opening one: ``das Buch“ Er ...``);
- ``gazetteer_place``: a one-word name of a populated place (``places_geonames.csv``: GeoNames
  places of 5,000 inhabitants or more, without the names that annotated text mostly does not
  tag as places; ``training/geonames_places.py``) that the NER left untagged, right after a
  ``locative`` preposition (also capitalised, opening a sentence) and not before another
  capitalised word, is a LOC entity (``nach Hameln``, ``Bei Gangelt``, ``der Bürgermeister von
  Schliersee``);
- ``common_noun``: a one-word entity the NER found (no knowledge-base id) that is a German
  common noun is dropped: a LOC always (``in die Sauna``, ``im Inland``, ``am Dorfrand``), a PER
  right after an article or possessive (``die Juristin``, ``einen Dämon``) unless a longer
  person name of the text holds it (``Heinz Stolz`` ... ``der Stolz``); a surname that is also
  a noun without an article before it stays (``sagt Stolz``). The nouns are the forms of the
  German Wiktionary's nouns that have no sense as a name, without the knowledge base's and the
  gazetteer's names and the words that annotated training text tags mostly inside a name
  (``common_nouns.txt.gz``, ``training/common_nouns.py``);
- ``lowercase_word``: a one-word PER or LOC entity the NER found (no knowledge-base id) that
  opens a sentence and is a word German news writes in lower case inside sentences is dropped
  (``Neulich habe ich``, ``Weiß er das?``, ``Mag sein``), unless a longer name of the text holds
  the word (``Sabine Lange`` ... ``Lange sagte``); the words are counted in the bench corpus
  (``lowercase_words.txt.gz``, ``training/lowercase_words.py``);
- ``first_name``: a first name and the capitalised word after it that is no common noun, no
  word written in lower case, no first name and no gazetteer place are a person's name, where
  the NER left both untagged (``Dean Whitehead``) or tagged one of the two alone as a person
  (``Neil Armstrong``, ``Kaspar Hauser``); not after a determiner (``der Roman Le ...``) and
  never over an entity the knowledge base linked. The first names are those of a first-name
  dictionary that German news does not use as other words (``first_names.txt.gz``,
  ``training/first_names.py``);
- ``language``: the capitalised noun of a language (``auf Englisch``, ``Latein und
  Griechisch``) is a MISC entity, as GermEval (OTH) and the news guidelines tag languages; the
  languages are those of ``units.csv``; ``Deutsch``, a surname as often, only after ``auf`` or
  ``Fach`` or where the NER made an organisation or place of it, never over a person;
- names in an enumeration share their type: in a list of three or more names joined by commas
  and ``und``/``oder``/``sowie`` where most entities have one label, a lone capitalised word in
  the list is a name of that label, and a one-word entity of another label takes it (``die
  Landkreise Rotenburg, Dannenberg, Gifhorn, Celle, Harburg``; ``die Dörfer Holzdorf, Hümark,
  Söby und Thumby``), unless the knowledge base gave it its label (``Merkel, Macron und
  Frankreich``).

The word lists are saved with the pipeline (``entity_rules.json``), so a pipeline's results never
change under it; ``training/ruler.py`` reads them from the data file when it builds the ruler.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Span

from newslens import config
from newslens.kb import load_common_nouns, read_word_list, write_word_list

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

RULES_CSV = config.DATA_DIR / "entity_rules.csv"
RULES = ("not_name", "legal_form", "org_head", "org_cue", "role", "place_word", "place_name",
         "currency", "amount", "event_noun", "ordinal", "work_noun", "locative",
         "gazetteer_place", "common_noun", "language", "lowercase_word", "first_name")
PLACES_CSV = config.DATA_DIR / "places_geonames.csv"
#: Corrections that use no word list of their own, switched off by ``EntityRules.disabled``
#: (``benchmarks/ner_eval.py --without``).
PASSES = ("title_person", "enumeration")
#: Kinds of ``roles.csv`` whose words, opening an entity of a label, are not part of the name:
#: ``Bundeskanzlerin Angela Merkel``, ``Landkreis Freising``.
ROLE_KINDS = {"role": ("office", "honorific", "function", "descriptor"), "place_word": ("place",)}
_LEADING = {"PER": "role", "LOC": "place_word"}
_AND = {"und", "oder", "sowie"}
_LIST = {",", *_AND}
#: Derivational endings of inhabitant nouns and adjectives from place names (Stuttgart-er).
_DERIVED = ("erinnen", "erin", "ern", "ers", "er")
#: The vowels an umlaut in an inhabitant noun stands for: Europäer (Europa), Römer (Rom).
_UMLAUT = str.maketrans("äöü", "aou")
#: Case endings a head or cue noun may carry: Landratsamt-s, Verband-es.
_ENDINGS = ("", "s", "es")
_FILE = "entity_rules.json"
#: Word lists saved in a file of their own, compressed, beside ``_FILE``.
_LARGE = ("gazetteer_place", "common_noun", "lowercase_word", "first_name")
#: The words a sentence-opening word follows (besides the start of the text); also what
#: ``training/lowercase_words.py`` counts as a sentence's start.
SENTENCE_OPENERS = frozenset('.!?:;"„“”»«–-')
LOWERCASE_WORDS_FILE = config.DATA_DIR / "lowercase_words.txt.gz"
FIRST_NAMES_FILE = config.DATA_DIR / "first_names.txt.gz"
#: A word that may be a surname after a first name: capitalised letters, an apostrophe or a
#: hyphen inside (``O'Brien``, ``Schmidt-Lenz``), ending in a lower-case letter.
_SURNAME = re.compile(r"[A-ZÄÖÜ][\w'’-]*[a-zäöüßéèáàíóúçñ]")
#: Words that put a noun after them: a one-word PER entity right after one of these that is a
#: ``common_noun`` is that noun (``die Juristin``), a surname rarely follows them.
_DETERMINERS = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "kein", "keine", "keinen", "keinem", "keiner", "keines", "mein", "meine", "meinen", "meinem",
    "meiner", "meines", "dein", "deine", "deinen", "deinem", "deiner", "deines", "sein", "seine",
    "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres",
    "unser", "unsere", "unseren", "unserem", "unserer", "unseres", "euer", "eure", "euren",
    "eurem", "eurer", "eures", "dieser", "diese", "diesen", "diesem", "dieses", "jener", "jene",
    "jenen", "jenem", "jenes", "jeder", "jede", "jeden", "jedem", "jedes", "im", "ins", "am",
    "zum", "zur", "vom", "beim",
})
#: Opening quotation marks and the marks that close each: German „…“ and ‚…‘, French »…« and
#: «…», English “…” and straight quotes.
_CLOSING = {"„": {"“", "”", '"'}, "‚": {"‘", "’"}, "»": {"«"}, "«": {"»"}, "“": {"”", "“"},
            '"': {'"', "“", "”"}}
_OPENING_IDS = {get_string_id(mark) for mark in _CLOSING}
#: Marks that open and close quotations: as an opening one, such a mark follows a space and is
#: glued to the next word, and its closing one is glued to the word before it.
_AMBIGUOUS = {"“", '"'}


def load_rules(path: Path | None = None) -> dict[str, list[str]]:
    """The word lists of ``entity_rules.csv`` (columns ``word``, ``rule``, ``note``) by rule,
    and the ``role`` words of ``roles.csv`` (kinds in ``ROLE_KINDS``)."""
    from newslens.kb import load_roles

    path = path or RULES_CSV
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    unknown = sorted(set(table["rule"]) - set(RULES))
    if unknown:
        raise ValueError(f"{path}: unknown rule(s) {unknown}; expected one of {RULES}")
    rules = {rule: sorted(set(table.loc[table["rule"] == rule, "word"])) for rule in RULES}
    roles = load_roles()
    for rule, kinds in ROLE_KINDS.items():
        rules[rule] = sorted(set(rules[rule]) | set(roles.loc[roles["kind"].isin(kinds), "role"]))
    rules["place_name"] = sorted(set(rules["place_name"]) | _kb_places())
    rules["currency"] = sorted(set(rules["currency"]) | _currencies())
    rules["language"] = sorted(set(rules["language"]) | _languages())
    rules["gazetteer_place"] = sorted(set(rules["gazetteer_place"]) | gazetteer_places())
    rules["common_noun"] = sorted(set(rules["common_noun"]) | load_common_nouns())
    if LOWERCASE_WORDS_FILE.is_file():
        rules["lowercase_word"] = sorted(set(rules["lowercase_word"])
                                         | set(read_word_list(LOWERCASE_WORDS_FILE)))
    if FIRST_NAMES_FILE.is_file():
        rules["first_name"] = sorted(set(rules["first_name"])
                                     | set(read_word_list(FIRST_NAMES_FILE)))
    return rules


def _kb_places() -> set[str]:
    """The LOC names and aliases of ``kb.csv``."""
    from newslens.kb import alias_table

    aliases = alias_table()
    return set(aliases.loc[aliases["label"] == "LOC", "surface"])


def gazetteer_places() -> set[str]:
    """The place names of ``places_geonames.csv``."""
    if not PLACES_CSV.is_file():
        return set()
    return set(pd.read_csv(PLACES_CSV, usecols=["name"], dtype=str, keep_default_na=False)["name"])


#: Languages of ``units.csv`` that are surnames as often (``Deutsch``): the ``language``
#: correction takes them only where the NER did not make a person of them and after one of
#: :data:`_LANGUAGE_CUES` (``auf Deutsch``, ``im Fach Deutsch``) or where the NER made an
#: organisation or place of them, which no ``Deutsch`` is.
_SURNAME_LANGUAGES = frozenset({"Deutsch"})
_LANGUAGE_CUES = frozenset({"auf", "Auf", "Fach", "Fächer", "Fächern", "Schulfach"})


def _languages() -> set[str]:
    """The one-word language names of ``units.csv`` (``Englisch``)."""
    from newslens.marks import load_units

    units = load_units()
    return {w for w in units.loc[units["kind"] == "language", "unit"] if " " not in w}


def _currencies() -> set[str]:
    """The one-word currency names and aliases of ``units.csv`` (``Euro``, ``EUR``, ``Taler``)."""
    from newslens.marks import load_units

    units = load_units()
    words = set()
    for row in units[units["kind"] == "currency"].itertuples(index=False):
        words |= {w for w in (row.unit, *row.aliases.split("|")) if w and " " not in w}
    return words


class EntityRules:
    """Correct ``doc.ents`` by the word lists (see the module docstring)."""

    def __init__(self, rules: dict[str, Iterable[str]] | None = None) -> None:
        #: Names of :data:`PASSES` switched off.
        self.disabled: set[str] = set()
        self.set_rules(rules or {})

    def set_rules(self, rules: dict[str, Iterable[str]]) -> None:
        self.rules = {rule: sorted(set(rules.get(rule, ()))) for rule in RULES}
        self._not_name = {_bare(w) for w in self.rules["not_name"]}
        self._legal = {_bare(w) for w in self.rules["legal_form"]}
        self._heads = _with_endings(self.rules["org_head"])
        self._cues = _with_endings(self.rules["org_cue"])
        self._leading = {label: set(self.rules[rule]) for label, rule in _LEADING.items()}
        self._titles = set(self.rules["role"])
        self._places = set(self.rules["place_name"])
        self._currencies = {get_string_id(w) for w in self.rules["currency"]}
        self._amounts = set(self.rules["amount"])
        self._events = {get_string_id(w + ending) for w in self.rules["event_noun"]
                        for ending in ("", "s", "es", "e", "en")}
        self._ordinals = set(self.rules["ordinal"])
        works = self.rules["work_noun"]
        self._work_ends = _with_endings(w for w in works if w[:1].islower())
        self._work_words = {w + e for w in works if w[:1].isupper() for e in _ENDINGS}
        self._gazetteer = {get_string_id(w) for w in self.rules["gazetteer_place"]}
        self._locative = set(self.rules["locative"])
        self._common = {get_string_id(w) for w in self.rules["common_noun"]}
        self._languages = {get_string_id(w) for w in self.rules["language"]}
        self._lowercase = {get_string_id(w) for w in self.rules["lowercase_word"]}
        self._first_names = {get_string_id(w) for w in self.rules.get("first_name", ())}

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        corrected = self.correct(doc, ents)
        if corrected != ents:
            doc.ents = corrected
        return doc

    def correct(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """The corrected entities of `doc`, non-overlapping and in order."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        out: list[Span] = []
        for ent in ents:
            start, end, label = ent.start, ent.end, ent.label_
            if all(_bare(t.text) in self._not_name for t in ent):
                continue
            if self._common and self._is_common_noun(doc, ent, ents):
                continue
            if self._lowercase and self._is_lowercase_word(doc, ent, ents):
                continue
            if (label in ("LOC", "MISC") or (label == "ORG" and len(ent) == 1)) \
                    and self._derived_from_place(ent.text):
                continue
            leading = self._leading.get(label, ())
            while end - start > 1 and doc[start].text in leading:
                start += 1
            start, end = _coordinated(doc, start, end, taken)
            while end < len(doc) and end not in taken and _bare(doc[end].text) in self._legal:
                end += 1
            if _bare(doc[end - 1].text) in self._legal and end - start > 1:
                label = "ORG"
            before = doc[start - 1] if start > 0 and start - 1 not in taken else None
            start, label = self._institution(doc, start, end, label, before)
            if (label in ("LOC", "ORG") and end - start == 1 and before is not None
                    and before.text in self._titles and not doc[start].text.endswith("s")
                    and "title_person" not in self.disabled):
                label = "PER"  # Präsident Cleveland
            same = (start, end, label) == (ent.start, ent.end, ent.label_)
            if out and start < out[-1].end:  # both grew into the words between them
                same = True
            out.append(ent if same else Span(doc, start, end, label=label, kb_id=ent.kb_id_))
        if self._currencies:
            out = self._currency(doc, out)
        if self._languages:
            out = self._language_names(doc, out)
        if self._events:
            out = self._named_events(doc, out)
        if self._work_ends or self._work_words:
            out = self._titles_of_works(doc, out)
        if self._gazetteer and self._locative:
            out = self._known_places(doc, out)
        if self._first_names:
            out = self._first_name_persons(doc, out)
        if "enumeration" not in self.disabled and len(out) >= 2:
            out = _enumeration(doc, out, self._not_name)
        return out

    def _is_common_noun(self, doc: Doc, ent: Span, ents: list[Span]) -> bool:
        """A one-word entity the NER found (no knowledge-base id) that is a ``common_noun``:
        a LOC always (``in die Sauna``, ``im Inland``), a PER right after a determiner
        (``die Juristin``) and not a word of a longer PER name of the text (``Neubauer`` after
        ``Luisa Neubauer``)."""
        if len(ent) != 1 or ent.kb_id or ent.label_ not in ("LOC", "PER"):
            return False
        if ent[0].orth not in self._common:
            return False
        if ent.label_ == "LOC":
            return True
        if ent.start == 0 or doc[ent.start - 1].lower_ not in _DETERMINERS:
            return False
        return not _held_by_longer_name(ent, ents, label="PER")

    def _is_lowercase_word(self, doc: Doc, ent: Span, ents: list[Span]) -> bool:
        """A one-word PER or LOC entity the NER found (no knowledge-base id) that opens a
        sentence and is a ``lowercase_word`` (``Neulich habe ich``, ``Weiß er das?``), unless a
        longer name of the text holds the word (``Sabine Lange`` ... ``Lange sagte``)."""
        if len(ent) != 1 or ent.kb_id or ent.label_ not in ("PER", "LOC"):
            return False  # a title in quotes may be a word: „Inside“
        if ent[0].orth not in self._lowercase:
            return False
        if ent.start > 0 and doc[ent.start - 1].text not in SENTENCE_OPENERS:
            return False
        return not _held_by_longer_name(ent, ents)

    def _derived_from_place(self, text: str) -> bool:
        """Whether `text` is a place name with a derivational ending: ``Stuttgartern``,
        ``Sankt Petersburger``, ``Bremer`` (Bremen), ``Dresdner`` (Dresden)."""
        for ending in _DERIVED:
            if text.endswith(ending) and len(text) > len(ending) + 2:
                stem = text[: -len(ending)]
                stems = {stem, stem.translate(_UMLAUT)}  # Europä-er: Europa
                if {f for s in stems for f in (s, s + "en", s[:-1] + "en", s + "e", s + "a")} \
                        & self._places:
                    return True
        return False

    def _named_events(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """``Dreißigjährigen Krieg``, ``ersten Weltkrieg``: one MISC entity (``event_noun``)."""
        if self._events.isdisjoint(doc.count_by(ORTH)):
            return ents
        at = {i: e for e in ents for i in range(e.start, e.end)}
        for t in doc:
            if t.i < 2 or t.orth not in self._events:
                continue
            word, before = doc[t.i - 1], doc[t.i - 2]
            ordinal = word.text in self._ordinals and t.text.startswith("Welt")
            adjective = (word.text[:1].isupper() and word.text.replace("-", "").isalpha()
                         and word.text.endswith(("e", "en", "er", "es"))
                         and not (before.is_punct or before.is_space))  # not Der Krieg
            if not (ordinal or adjective):
                continue
            inside = {at[i] for i in (word.i, t.i) if i in at}
            if any(e.start < word.i or e.end > t.i + 1 for e in inside):
                continue
            span = Span(doc, word.i, t.i + 1, label="MISC")
            ents = sorted([e for e in ents if e not in inside] + [span])
            at.update({word.i: span, t.i: span})
        return ents

    def _known_places(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """``nach Hameln``, ``Bei Hameln``: an untagged ``gazetteer_place`` after a ``locative``
        word (also opening a sentence) is LOC."""
        orths = doc.to_array(ORTH).tolist()  # word hashes: no Token objects for most words
        places = [i for i, orth in enumerate(orths) if orth in self._gazetteer and i > 0]
        if not places:
            return ents
        taken = {i for e in ents for i in range(e.start, e.end)}
        found = []
        for i in places:
            if i in taken or i - 1 in taken or doc[i - 1].lower_ not in self._locative:
                continue
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is not None and nxt.is_alpha and nxt.text[:1].isupper():
                continue  # part of a longer name: von Hameln Verlag
            found.append(Span(doc, i, i + 1, label="LOC"))
        return sorted(ents + found) if found else ents

    def _first_name_persons(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """``Dean Whitehead``, ``Teemu Tainio``: a ``first_name`` and the capitalised word
        after it (a second first name between: ``Franz Josef Strauß``) that is no common noun,
        no word written in lower case, no other first name and no place of the gazetteer
        (:meth:`_surname`), are a person's name: a PER entity where the NER left both untagged
        and no capitalised word follows (``Max Planck Gesellschaft``), or the NER's one-word
        person grown over the first name before it (``Neil Armstrong``) or the surname after it
        (``Kaspar Hauser``). Not after a determiner (``der Roman Le ...``), nor over a word of a
        hyphenated compound ending in a common noun (``Chan-Film``), nor over an entity the
        knowledge base linked."""
        orths = doc.to_array(ORTH).tolist()
        firsts = [i for i, orth in enumerate(orths[:-1]) if orth in self._first_names]
        if not firsts:
            return ents
        owner = {i: k for k, e in enumerate(ents) for i in range(e.start, e.end)}
        out = list(ents)
        for i in firsts:
            if i > 0 and doc[i - 1].lower_ in _DETERMINERS:
                continue
            j = i + 1
            if orths[j] in self._first_names and j + 1 < len(doc) and self._surname(doc[j + 1]):
                j += 1
            if not self._surname(doc[j]) or (j + 1 < len(doc) and doc[j + 1].text == "-"):
                continue
            after = doc[j + 1] if j + 1 < len(doc) else None
            longer = after is not None and after.is_alpha and after.text[:1].isupper()
            first, last = owner.get(i), owner.get(j)
            if first is None and last is None and not longer \
                    and all(k not in owner for k in range(i, j + 1)):
                out.append(Span(doc, i, j + 1, label="PER"))
                k = len(out) - 1
            elif first is None and last is not None and j == i + 1 and out[last].start == j \
                    and out[last].label_ == "PER" and not out[last].kb_id:
                k, out[last] = last, Span(doc, i, out[last].end, label="PER")
            elif first is not None and last is None and j == i + 1 \
                    and (out[first].start, out[first].end) == (i, i + 1) \
                    and out[first].label_ == "PER" and not out[first].kb_id:
                k, out[first] = first, Span(doc, i, j + 1, label="PER")
            else:
                continue
            owner.update({t: k for t in range(out[k].start, out[k].end)})
        return sorted(out) if out != ents else ents

    def _surname(self, t: Token) -> bool:
        """Whether `t` may be a surname after a first name (see :meth:`_first_name_persons`)."""
        if len(t.text) < 2 or not _SURNAME.fullmatch(t.text) or t.orth in self._common \
                or t.orth in self._lowercase or t.orth in self._first_names \
                or t.text in self._not_name or t.orth in self._gazetteer:
            return False
        tail = t.text.rsplit("-", 1)[-1]
        return tail == t.text or get_string_id(tail) not in self._common

    def _titles_of_works(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """``der Film „Das Boot“``: the quoted title after a ``work_noun`` is one MISC entity."""
        found = []
        orths = doc.to_array(ORTH).tolist()
        for i in (i for i, orth in enumerate(orths) if orth in _OPENING_IDS):
            t = doc[i]
            if t.i == 0 or t.i + 2 >= len(doc):
                continue
            noun = doc[t.i - 1]
            ambiguous = t.text in _AMBIGUOUS  # “ and " also close quotations
            if ambiguous and (not noun.whitespace_ or t.whitespace_):
                continue  # a closing quote (Buch“ Er ...), or a quote standing alone
            if not (noun.text in self._work_words
                    or (noun.text[:1].isupper() and noun.text.lower().endswith(self._work_ends))):
                continue
            first = doc[t.i + 1]
            if not (first.text[:1].isupper() or first.text[:1].isdigit()):
                continue
            close = next((j for j in range(t.i + 2, min(t.i + 22, len(doc)))
                          if doc[j].text in _CLOSING[t.text]
                          and not (ambiguous and doc[j - 1].whitespace_)), None)
            if close is not None:
                found.append((t.i + 1, close))
        if not found:
            return ents
        for start, end in found:
            inside = [e for e in ents if e.start < end and e.end > start]
            if any(e.start < start or e.end > end for e in inside):
                continue  # a name across the quote: leave it
            span = Span(doc, start, end, label="MISC")
            ents = sorted([e for e in ents if e not in inside] + [span])
        return ents

    def _currency(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A currency word after a number (and an ``amount`` word) is a MISC entity."""
        if self._currencies.isdisjoint(doc.count_by(ORTH)):  # the words' hashes, counted in C
            return ents
        found = [t.i for t in doc
                 if t.orth in self._currencies and _after_number(doc, t.i, self._amounts)]
        return _one_word_misc(doc, ents, found, over_kb=True)

    def _language_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """``auf Englisch``: a ``language`` name is a MISC entity of its own."""
        if self._languages.isdisjoint(doc.count_by(ORTH)):
            return ents
        at = {i: e for e in ents for i in range(e.start, e.end)}
        found = [t.i for t in doc
                 if t.orth in self._languages and _names_language(doc, t, at.get(t.i))]
        return _one_word_misc(doc, ents, found, over_kb=False)

    def _institution(self, doc: Doc, start: int, end: int, label: str,
                     before: Token | None) -> tuple[int, str]:
        """The start and label after the ``org_head`` and ``org_cue`` rules."""
        if label == "LOC" and before is not None and self._is(before, self._heads):
            return start - 1, "ORG"  # Landratsamts München
        if label == "ORG":
            return start, label
        if end - start > 1 and self._is(doc[start], self._heads):
            return start, "ORG"  # Universität Hamburg
        if (label in ("PER", "MISC") and end - start == 1 and before is not None
                and self._is(before, self._cues)):
            return start, "ORG"  # Autozulieferer Bosch
        return start, label

    @staticmethod
    def _is(token: Token, endings: tuple[str, ...]) -> bool:
        """A capitalised noun whose lower-cased text ends in one of `endings`."""
        return token.text[:1].isupper() and token.text.lower().endswith(endings)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        lists = {rule: words for rule, words in self.rules.items() if rule not in _LARGE}
        (path / _FILE).write_text(json.dumps(lists, ensure_ascii=False, indent=0),
                                  encoding="utf-8")
        for rule in _LARGE:  # tens of thousands of names: one per line, compressed
            write_word_list(path / f"{rule}.txt.gz", self.rules[rule])

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntityRules:
        path = Path(path)
        rules = json.loads((path / _FILE).read_text(encoding="utf-8"))
        for rule in _LARGE:
            if (path / f"{rule}.txt.gz").is_file():
                rules[rule] = read_word_list(path / f"{rule}.txt.gz")
        self.set_rules(rules)
        return self


def _held_by_longer_name(ent: Span, ents: list[Span], label: str | None = None) -> bool:
    """Whether a longer entity of `ents` (of `label`, if given) holds the one word of `ent`
    (``Luisa Neubauer`` ... ``Neubauer``)."""
    return any(len(e) > 1 and (label is None or e.label_ == label)
               and ent.text in (t.text for t in e) for e in ents)


def _one_word_misc(doc: Doc, ents: list[Span], found: list[int], *, over_kb: bool
                   ) -> list[Span]:
    """`ents` with each word at a `found` index a one-word MISC entity: added where no entity
    is, relabelled where a one-word entity of another label is (keeping its knowledge-base id;
    one with an id only if `over_kb`)."""
    if not found:
        return ents
    at = {i: e for e in ents for i in range(e.start, e.end)}
    for i in found:
        ent = at.get(i)
        if ent is None:
            ents.append(Span(doc, i, i + 1, label="MISC"))
        elif len(ent) == 1 and ent.label_ != "MISC" and (over_kb or not ent.kb_id):
            ents[ents.index(ent)] = Span(doc, i, i + 1, label="MISC", kb_id=ent.kb_id_)
    return sorted(ents)


def _names_language(doc: Doc, t: Token, ent: Span | None) -> bool:
    """Whether the language word `t` (in `ent`, or in none) names the language: ``Deutsch``
    (:data:`_SURNAME_LANGUAGES`) only where the NER made an organisation or place of it, or no
    entity at all after ``auf`` or ``Fach``."""
    if t.text not in _SURNAME_LANGUAGES:
        return True
    if ent is not None:
        return ent.label_ in ("ORG", "LOC")
    return t.i > 0 and doc[t.i - 1].text in _LANGUAGE_CUES


def _coordinated(doc: Doc, start: int, end: int, taken: set[int]) -> tuple[int, int]:
    """Grow a span over a coordination of truncated compounds it is cut in:
    ``Institut für Immun-`` + ``, Infektions- und Pandemieforschung``, and
    ``Kinder- und`` + ``Jugendhaus Leo``."""
    i = end
    while i < len(doc) and doc[i - 1].text.endswith("-") and len(doc[i - 1]) > 1:
        while i < len(doc) and doc[i].text == "," and i + 1 < len(doc):
            i += 1
        if i < len(doc) and doc[i].text in _AND:
            i += 1
        if i < len(doc) and i not in taken and doc[i].text[:1].isalpha():
            i += 1
        else:
            return start, end
        end = i
    if (start >= 2 and doc[start - 1].text in _AND and doc[start - 2].text.endswith("-")
            and len(doc[start - 2]) > 1 and not {start - 1, start - 2} & taken):
        start -= 2
    return start, end


def _after_number(doc: Doc, i: int, amounts: set[str]) -> bool:
    """Whether token `i` follows a number, maybe with an amount word between (``2 Mio.``)."""
    j = i - 1
    if j >= 0 and doc[j].text in amounts:
        j -= 1
    return j >= 0 and doc[j].text[:1].isdigit() and doc[j].like_num


def _enumeration(doc: Doc, ents: list[Span], not_name: set[str]) -> list[Span]:
    """Names in an enumeration share their type (see the module docstring); a word of
    `not_name` is no list item (``Amazon, Google und Co.``)."""
    by_start = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    seen: set[int] = set()
    relabel: dict[int, str] = {}
    added: dict[int, str] = {}
    n = len(doc)
    for first in ents:
        if first.start in seen:
            continue
        items: list[Span | int] = [first]  # an entity, or the index of a lone word
        j = first.end
        while j < n and doc[j].text in _LIST:
            k = j + 1
            if doc[j].text == "," and k < n and doc[k].text in _AND:
                k += 1
            if k in by_start:
                items.append(by_start[k])
                j = by_start[k].end
                continue
            if (k >= n or k in taken or not (doc[k].text[:1].isupper() and doc[k].is_alpha)
                    or _bare(doc[k].text) in not_name):
                break
            nxt = k + 1
            if nxt < n and doc[nxt].text in _LIST:
                items.append(k)
                j = nxt
                continue
            if doc[k - 1].text in _AND and (nxt >= n or (nxt not in by_start
                                                         and not doc[nxt].text[:1].isupper())):
                items.append(k)  # the last item: "... und Thumby."
            break
        names = [x for x in items if not isinstance(x, int)]
        seen.update(e.start for e in names)
        if len(items) < 3:
            continue
        (label, count), = Counter(e.label_ for e in names).most_common(1)
        if count < 2 or count * 2 <= len(names):
            continue
        for x in items:
            if isinstance(x, int):
                added[x] = label
            elif x.label_ != label and not x.id_ and len(x) == 1:
                relabel[x.start] = label  # a one-word name; the knowledge base's label stands
    if not relabel and not added:
        return ents
    out = [Span(doc, e.start, e.end, label=relabel[e.start], kb_id=e.kb_id_)
           if e.start in relabel else e for e in ents]
    out += [Span(doc, i, i + 1, label=label) for i, label in added.items()]
    return sorted(out)


def _bare(word: str) -> str:
    """A word without its final full stop, which the tokenizer keeps on some abbreviations
    (``Inc.``, ``Hbf.``) and splits off others (``Ltd`` ``.``)."""
    return word[:-1] if len(word) > 1 and word.endswith(".") else word


def _with_endings(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({w.lower() + ending for w in words for ending in _ENDINGS}))


def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    """The registered factory ``newslens_entity_rules`` (empty lists until set or loaded)."""
    return EntityRules()


def register() -> None:
    """Register the factory with spaCy (idempotent). Importing this module does it, which is
    how spaCy's entry point, newslens.ruler and newslens.nlp get it."""
    from spacy.language import Language

    if not Language.has_factory("newslens_entity_rules"):
        Language.factory("newslens_entity_rules", func=make_entity_rules)


register()
