"""Canonical entities: one id per person, place or organisation across German surface forms.

The NER tags what is written (``Trumps``, ``US-Präsident Donald Trump``, ``Kremlchef``,
``Rubio-Lawrow``, ``Ukraine-Krieg``); counts and events need who or what is meant.
:func:`canonicalize` fixes the spans (titles out, name pairs split), links every mention to an
entity (knowledge-base aliases, then the full name the article or the corpus uses, then the
surface itself) and records names inside compound words as mentions with ``compound=True``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import NamedTuple

import pandas as pd

from newslens.config import LABELS
from newslens.frames import rows as table_rows
from newslens.kb import (
    alias_table,
    load_common_nouns,
    load_kb,
    load_roles,
    slugify,
    split_former_names,
)
from newslens.names import (
    drop_common_noun_persons,
    drop_common_phrases,
    kb_inflection_keys,
    kind_lexicon,
    merge_abbreviations,
    merge_inflections,
    one_name_per_entity,
    relabel_by_kind,
    resolve_shared_aliases,
    shared_alias_pointers,
)

MENTION_COLUMNS = ["article_id", "sentence_id", "mention_id", "start", "end", "text", "label"]
SENTENCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "text"]
OUTPUT_COLUMNS = [*MENTION_COLUMNS, "entity_id", "canonical", "compound"]
ENTITY_COLUMNS = ["entity_id", "canonical", "label", "n_mentions", "n_compound", "n_articles",
                  "n_boilerplate", "n_self_mentions", "unit", "surface_forms"]
#: A closed compound (``Kremlchef``, ``Russlandreise``) is split after a KB alias at least this
#: long; shorter names (``Gazakrieg``) only before a head seen after a hyphen in the corpus.
MIN_PREFIX = 5
#: ... and only if the rest of the word is at least this long.
MIN_HEAD = 4

_HYPHENS = "\u2010\u2011-"  # "-" last: literal inside [...]
_WORD = re.compile(rf"\w+(?:[{_HYPHENS}]\w+)*[{_HYPHENS}]?")
_PART = re.compile(rf"[^{_HYPHENS}]+")
_WORD_CHAR = re.compile(r"\w")
#: The article id under which a word's names are looked up for every article alike.
_NO_ARTICLE = "\0"


class _Source(NamedTuple):
    """Where a row found in a sentence comes from (what :func:`_row` reads)."""

    article_id: str
    sentence_id: str
_TOKEN = re.compile(r"\S+")
_WORD_REST = re.compile(rf"[\w{_HYPHENS}]*")
# The rest of a closed compound must start like a German word (``chef``, ``sprecher``, ``krieg``),
# which rules out ``Indien|ststellung``, and not like a derivation (``Italien|erin``).
_HEAD = re.compile(r"(?:sch|ch|ph|th|qu|spr|str|s[ckmpt]|[bdfgkpt]r|[bfgkp]l|pf|zw|kn"
                   r"|[bcdfghjklmnpqrstvwz])?[aeiouäöüy]")
_DERIVED = re.compile(r"[nr]?(?:er|in|isch|ier|ianer|aner|ese|ismus|ist)|sche?[nmrs]?$|chen$|lein$")
# ... nor be a typical end of a place or family name (``Münsterland``, ``Söderberg``).
_NAME_END = re.compile(r"(?:land|berg|burg|baum|mann|stein|dorf|feld|hausen|heim|wald)(?:er)?$")
_ROLE_ENDINGS = ("innen", "in", "en", "es", "n", "s")
_OUTSIDE = "\"'„“”«»‚‘›‹()[]{}<>/"  # never part of a name's span ("’" may end a genitive)


def canonicalize(
    mentions: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    kb: pd.DataFrame | None = None,
    roles: pd.DataFrame | None = None,
    compounds: bool = True,
    published: pd.Series | dict | None = None,
) -> pd.DataFrame:
    """Link mentions to canonical entities; add ``entity_id``, ``canonical``, ``compound``.

    Titles and roles move out of the span (``US-Präsident Donald Trump`` -> ``Donald Trump``),
    name pairs are split (``Rubio-Lawrow``), pure role words and lower-case words become the
    name they embed (``Kremlchef`` -> ``Kreml``, ``moskaufreundliche`` -> ``moskau``) or are
    dropped (``Außenminister``, ``russischen``), the KB label replaces the statistical one, and
    names inside words (``Ukraine`` in ``Ukraine-Krieg``) are added with ``compound=True``.
    ``compounds=False`` leaves out every compound mention. ``kb`` and ``roles`` default to the
    shipped ``data/kb.csv`` and ``data/roles.csv``.

    An abbreviation the text defines (``Robert Koch-Institut (RKI)``, ``die
    Weltgesundheitsorganisation WHO``) joins its long form's entity, in that article and, by
    the corpus' most frequent definition, everywhere else. Every entity id ends with one name
    (:func:`one_name_per_entity`); ``published`` (article_id -> publication date) gives a
    renamed entity the name of its time (Twitter before July 2023, X after).
    """
    _check_columns(mentions, MENTION_COLUMNS, "mentions")
    _check_columns(sentences, SENTENCE_COLUMNS, "sentences")
    _check_labels(mentions["label"], "mentions")
    roles = load_roles() if roles is None else roles
    linker = _Linker(load_kb() if kb is None else kb, roles)
    context = _sentence_context(mentions, sentences)
    spans = _completed([(m, *linker.strip_titles(m)) for m in table_rows(mentions)],
                       linker, context)
    tokens = [_WORD.findall(text) for text in sentences["text"].tolist()]
    linker.learn([(m.article_id, text, m.label) for m, _, text, _ in spans if text],
                 {w for words in tokens for w in words})
    rows = []
    for mention, offset, text, titles in spans:
        enclosing = _enclosing_word(context, mention, offset, len(text)) if text else None
        inside = enclosing is not None and not linker.is_pair(enclosing, mention.article_id)
        rows += linker.link_mention(mention, offset, text, compound=inside)
        rows += [_row(mention, *name, compound=True) for start, title in titles
                 for name in linker.names_in_word(title, mention.article_id,
                                                  start=mention.start + start)]
    if compounds:
        rows += linker.scan(sentences, tokens)
    linked = resolve_shared_aliases(_output(rows, compounds=compounds), *linker.shared, context)
    linked = merge_inflections(linked, kb_keys=kb_inflection_keys(linker.aliases),
                               kb_ids=linker.kb_ids)
    linked = merge_abbreviations(linked, context,
                                 lambda surface: linker.kb_entity(surface, fold=False),
                                 linker.kb_ids)
    linked = drop_common_noun_persons(linked, load_common_nouns(), kb_ids=linker.kb_ids)
    linked = drop_common_phrases(linked, tokens, kb_ids=linker.kb_ids, word=_WORD,
                                 context=context, kb_aliases=linker.one_word_aliases(),
                                 vocabulary=linker.vocabulary)
    linked = relabel_by_kind(linked, context, kb_ids=linker.kb_ids, lexicon=kind_lexicon(roles))
    return one_name_per_entity(linked, kb_names=linker.renamed, published=published)


def entity_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per entity: counts of plain and compound mentions, articles, surface forms.

    The counts follow the charts' defaults (:func:`newslens.counts.select_mentions`): mentions
    in boilerplate and an outlet's mentions of itself (columns ``boilerplate`` and
    ``self_mention``, where the table has them) are left out of ``n_mentions``,
    ``n_compound`` and ``n_articles`` and counted apart, as plain mentions, in
    ``n_boilerplate`` and ``n_self_mentions``. ``unit`` marks currencies, units and languages,
    which the charts leave out by default.
    """
    _check_columns(mentions, OUTPUT_COLUMNS, "mentions")
    compound = mentions["compound"].astype(bool)
    flags = {c: (mentions[c].astype(bool) if c in mentions.columns
                 else pd.Series(False, index=mentions.index))
             for c in ("boilerplate", "self_mention", "unit")}
    counted = ~flags["boilerplate"] & ~flags["self_mention"]
    table = (
        mentions.assign(label=mentions["label"].astype(str), plain=~compound & counted,
                        part=compound & counted, kept=mentions["article_id"].where(counted),
                        in_boilerplate=~compound & flags["boilerplate"],
                        of_outlet=~compound & flags["self_mention"], is_unit=flags["unit"])
        .groupby("entity_id", sort=True)
        .agg(canonical=("canonical", "min"), label=("label", "first"),
             n_mentions=("plain", "sum"), n_compound=("part", "sum"),
             n_articles=("kept", "nunique"), n_boilerplate=("in_boilerplate", "sum"),
             n_self_mentions=("of_outlet", "sum"), unit=("is_unit", "any"),
             surface_forms=("text", lambda forms: " | ".join(sorted(set(forms)))))
        .reset_index()
        .astype({column: "int64" for column in ENTITY_COLUMNS if column.startswith("n_")})
        .astype({"unit": bool})
        .sort_values(["n_mentions", "entity_id"], ascending=[False, True], kind="stable")
    )
    table["label"] = pd.Categorical(table["label"], categories=list(LABELS))
    return table[ENTITY_COLUMNS].reset_index(drop=True)


class _Entity(NamedTuple):
    entity_id: str
    canonical: str
    label: str


class _Linker:
    """What is known about names: KB aliases, roles, and the forms and full names of the corpus."""

    def __init__(self, kb: pd.DataFrame, roles: pd.DataFrame):
        self.aliases, self.folded, self.aliases_of = _alias_index(kb)
        self.kb_ids = set(kb["entity_id"])
        self.shared = _shared_aliases(self.aliases, kb)
        #: Words of a KB name of several words -> (the name, where they start in it).
        self.containing: dict[str, list[tuple[str, int]]] = {}
        for alias in self.aliases:
            words = list(re.finditer(r"\S+", alias))
            for i, first in enumerate(words):
                for last in words[i:]:
                    part = alias[first.start():last.end()]
                    if part != alias and any(c.isupper() for c in part):
                        self.containing.setdefault(part, []).append((alias, first.start()))
        #: Renamed KB entities: id -> (canonical, [(former name, used until), ...]).
        self.renamed = {row.entity_id: (row.canonical, split_former_names(row.former_names))
                        for row in kb.itertuples(index=False)
                        if isinstance(getattr(row, "former_names", None), str)
                        and row.former_names}
        self.roles = _role_index(roles)
        # Place nouns end too many names (Darmstadt, Beiersdorf) to count as suffixes.
        places = set(roles.loc[roles["kind"] == "place", "role"]) if "kind" in roles else set()
        self.role_suffixes = {r.lower() for r in self.roles if len(r) >= 4 and r not in places}
        #: How often each surface and each word of a surface occurs in the corpus' mentions.
        self.forms: Counter = Counter()
        self.prefixes = {alias[:4] for alias in self.aliases if len(alias) >= 4}
        self.full: dict[tuple[str | None, str], _Entity] = {}
        self.surnames: set[str] = set()
        self.heads: set[str] = set()
        self.vocabulary: set[str] = set()
        # Word-level answers repeat across a corpus; both depend on what learn() records.
        self.role_of = functools.lru_cache(maxsize=None)(self._role_of)
        self.closed_prefix = functools.lru_cache(maxsize=None)(self._closed_prefix)
        #: (word, guess) -> names in the word, for an article that names no person in it.
        self.in_word: dict[tuple[str, bool], tuple] = {}
        #: article id -> the surnames of its full names: a word holding one of them depends on
        #: the article (``Merz`` in ``Merz-Kurs`` is the article's Friedrich Merz).
        self.local_surnames: dict[str, tuple[str, ...]] = {}

    def one_word_aliases(self) -> dict[str, set[str]]:
        """KB aliases of one word -> the ids of their entities."""
        return {surface: {e.entity_id for e in entities}
                for surface, entities in self.aliases.items() if " " not in surface}

    # -- what a surface names ----------------------------------------------------------------

    def kb_entity(self, surface: str, label: str | None = None, *,
                  fold: bool = True) -> _Entity | None:
        """The KB entity of a surface (exact, else case-insensitive), of ``label`` if possible."""
        candidates = self.aliases.get(surface) or (
            self.folded.get(surface.casefold(), []) if fold else [])
        return next((e for e in candidates if e.label == label), next(iter(candidates), None))

    def stems(self, surface: str, label: str | None = None) -> list[str]:
        """Genitive forms stripped (``Orbans`` -> ``Orban``) where the nominative is attested.

        Attested: a KB name of the label, or a name the corpus uses at least as often as the
        surface (the whole name: ``Bernie Sanders`` is no genitive of an unseen ``Bernie
        Sander``, and ``Paris``, ``Davos``, ``Fake News`` stay whole).
        """
        if surface.endswith(("'", "’")):
            candidates = [surface[:-1]]
        elif surface.endswith("es"):
            candidates = [surface[:-1], surface[:-2]]
        elif surface.endswith("s"):
            candidates = [surface[:-1]]
        else:
            candidates = []
        return [c for c in candidates if len(c) > 1 and self._attested(c, surface, label)]

    def _attested(self, stem: str, surface: str, label: str | None) -> bool:
        if any(label is None or e.label == label for e in self.aliases.get(stem, ())):
            return True
        seen = self.forms[stem]
        return seen > 0 and seen >= self.forms[surface]

    def resolve(self, surface: str, article_id: str, label: str | None) -> _Entity | None:
        """The known entity a surface names, or None; ``label=None`` marks a compound part.

        KB aliases first (then genitive stems), except that a lone first or last name of a
        person goes to the full name of the article, else (a surname only, never a first
        name) to the corpus' most frequent one; a
        name the NER calls a person goes to the article's person of that name before a KB
        entity of another label, and an unknown place or other name that is the surname of
        the article's person goes to that person.
        Compound parts only link to the surnames of full names in their article.
        """
        forms = [surface, *self.stems(surface, label)]
        fold = label is not None  # in a compound, Zeit is no ZEIT
        known = next(filter(None, (self.kb_entity(f, label, fold=fold) for f in forms)), None)
        if label == "PER" and known is not None and known.label != "PER" and " " not in surface:
            # Ford after Richard Ford in the article is the writer, not the carmaker.
            hit = next(filter(None, (self.full.get((article_id, f)) for f in forms)), None)
            return hit or known
        if known is None and label in ("LOC", "MISC") and " " not in surface:
            # Thunberg or Bolsonaro tagged as a place: the surname of the article's person.
            hit = next(filter(None, (self.full.get((article_id, f)) for f in forms
                                     if f in self.surnames)), None)
            return hit
        if " " in surface or (known.label if known else label) not in ("PER", None):
            return known
        for scope in (article_id, None) if label else (article_id,):
            for form in forms:
                hit = self.full.get((scope, form))
                if hit and (label or form in self.surnames):
                    return hit
        return known

    def unknown(self, surface: str, label: str) -> _Entity:
        """An entity not in the KB: the surface itself, genitive stripped where seen."""
        canonical = next(iter(self.stems(surface, label)), surface)
        return _Entity(slugify(canonical, label), canonical, label)

    def _role_of(self, word: str, before_name: bool = False) -> str | None:
        """The entity id a title or role word embeds ("" if none); None if it is no role.

        Before a name, a word that ends in a role counts too (``Bundesaußenminister Johann
        Wadephul``); alone it must be one, so ``Darmstadt`` is no role for ending in ``Stadt``.
        """
        if not word[:1].isupper() or self.resolve(word, "", "PER") is not None:
            return None
        forms = [word, *(word[: -len(e)] for e in _ROLE_ENDINGS if word.endswith(e))]
        for form in forms:
            if form in self.roles:
                return self.roles[form]
        tails = [form.rsplit("-", 1)[-1] for form in forms]
        if not before_name or not tails[0][1:].islower():  # RedaktionsNetzwerk is a name
            return None
        tails = [tail.lower() for tail in tails]
        suffixes = (tail[i:] for tail in tails for i in range(len(tail) - 3))
        return "" if any(s in self.role_suffixes for s in suffixes) else None

    def learn(self, names: list[tuple[str, str, str]], words: set[str]) -> None:
        """Record the corpus' surface forms, full person names, words and compound heads.

        ``names`` are ``(article_id, text, label)`` of the mentions with titles stripped;
        ``words`` the distinct words of the sentences.
        """
        for _, surface, _ in names:
            self.forms.update({surface, *surface.split()})
        full = []  # (article_id, token, person) per full-name mention
        last = set()  # (token, person): the token is the person's surname
        for article_id, surface, label in names:
            known = self.resolve(surface, article_id, label) if " " in surface else None
            if " " in surface and (known.label if known else label) == "PER":
                person = known or self.unknown(surface, "PER")
                surnames = {surface.split()[-1], person.canonical.split()[-1]}
                self.surnames.update(surnames)
                last.update((token, person) for token in surnames)
                full += [(article_id, token, person) for token in
                         {*surface.split(), *person.canonical.split()} if token[:1].isupper()]
        for (scope, token, person), _ in _ranked(Counter(full)):
            self.full.setdefault((scope, token), person)
        # Corpus-wide only surnames, and a full name needs as many articles as the lone name
        # has without one, so that a stray "Generation Corona" does not claim every "Corona".
        # A lone first name (Olaf, Donald) links only to a person its own article names in full.
        lone = Counter(token for _, token in {
            (a, form) for a, surface, label in names if " " not in surface and label == "PER"
            for form in [surface, *self.stems(surface, label)] if (a, form) not in self.full})
        for (token, person), n_articles in _ranked(Counter((t, p) for _, t, p in set(full))):
            if n_articles >= lone[token] and (token, person) in last:
                self.full.setdefault((None, token), person)
        hyphenated = [_PART.findall(w) for w in words if any(h in w for h in _HYPHENS)]
        self.heads = {parts[-1].lower() for parts in hyphenated
                      if len(parts) > 1 and self.kb_entity(parts[0])}
        self.vocabulary = {w for w in words if w[:1].isupper()}
        self.vocabulary.update(p for parts in hyphenated for p in parts if p[:1].isupper())
        local: dict[str, set[str]] = {}
        for scope, token in self.full:
            if scope is not None and token in self.surnames:
                local.setdefault(scope, set()).add(token)
        self.local_surnames = {a: tuple(tokens) for a, tokens in local.items()}
        self.role_of.cache_clear()
        self.closed_prefix.cache_clear()
        self.in_word.clear()

    # -- spans ----------------------------------------------------------------------------------

    def strip_titles(self, mention) -> tuple[int, str, list[tuple[int, str]]]:
        """Where the name starts in a mention, the name, and the title words before it.

        Leading titles, roles and descriptive compounds (``US-Präsident``, ``Kremlchef``,
        ``US-Bundesstaat``) go; lower-case words between them (``und``) too, and quotes,
        brackets and slashes around the name (``„DeepState“``, ``CDU/``). A mention of titles
        only, or without a letter, has an empty name.
        """
        titles, cut = [], 0
        tokens = list(_TOKEN.finditer(mention.text))
        for n, token in enumerate(tokens):
            word = token.group()
            if self._is_title(word, before_name=n < len(tokens) - 1):
                titles.append((token.start(), word))
                cut = token.end()
            elif not word[:1].islower():
                break
        rest = mention.text[cut:]
        name = rest.strip().strip(_OUTSIDE)
        if not any(c.isalpha() for c in name):  # "140", "2025", "–", "🎮 🎮": no name
            name = ""
        offset = cut + rest.index(name) if name else len(mention.text)
        return offset, name, titles

    def complete(self, context: dict, mention, offset: int, text: str
                 ) -> tuple[int, str] | None:
        """The start and text of a KB name of several words that the sentence writes around
        a mention's name (``Junge Union`` around ``Union``), or None."""
        around = self.containing.get(text)
        if not around:
            return None
        sentence_start, sentence = context[mention.sentence_id]
        at = mention.start + offset - sentence_start
        best = None
        for alias, inner in around:
            begin, end = at - inner, at - inner + len(alias)
            if (begin >= 0 and sentence[begin:end] == alias
                    and not sentence[begin - 1:begin].isalnum()
                    and sentence[begin - 1:begin] not in _HYPHENS
                    and not sentence[end:end + 1].isalnum()
                    and (best is None or len(alias) > len(best[1]))):
                best = (sentence_start + begin, alias)
        return best

    def is_pair(self, word: str, article_id: str) -> bool:
        """Whether a word is names joined by hyphens (``Rubio-Lawrow``)."""
        return _is_pair(word, self.names_in_word(word, article_id, start=0))

    def _is_title(self, word: str, *, before_name: bool) -> bool:
        if self.role_of(word, before_name) is not None:
            return True
        names = self.names_in_word(word, "", start=0, guess=False)
        return len(_PART.findall(word)) > 1 and bool(names) and not _is_pair(word, names)

    def link_mention(self, mention, offset: int, text: str, *, compound: bool) -> list[dict]:
        """The rows of one mention's name: itself, or the names of a pair or compound."""
        start = mention.start + offset
        if not any(c.isalpha() for c in text):  # "140", "2025", "–": no name
            return []
        if text.islower() and " " not in text:  # a derivation (russischen) or a compound part
            part = self.lower_case_compound(text)
            return [_row(mention, start, start + part[0], text[:part[0]], part[1],
                         compound=True)] if part else []
        entity = self.resolve(text, mention.article_id, mention.label)
        if entity is None and " " not in text:
            names = self.names_in_word(text, mention.article_id, start=start, guess=False)
            if names:
                pair = _is_pair(text, names)
                return [_row(mention, *name, compound=compound or not pair) for name in names]
        entity = entity or self.unknown(text, mention.label)
        same = offset == 0 and len(text) == mention.end - mention.start
        return [_row(mention, start, start + len(text), text, entity, compound=compound,
                     mention_id=mention.mention_id if same else None)]

    def names_in_word(self, word: str, article_id: str, *, start: int,
                      guess: bool = True) -> list[tuple[int, int, str, _Entity]]:
        """Names inside a word as ``(start, end, text, entity)``, offsets counted from ``start``.

        Hyphen-separated parts (longest known name first: ``Saudi-Arabien-Reise``), else a
        KB name that starts a closed compound (:meth:`_closed_prefix`). A word that is a name
        is no compound; a name as its last part is a place (``Berlin-Mitte``,
        ``Festland-China``), not a newspaper or person (``Quarantäne-Zeit``), unless the word
        is a pair of names.
        """
        found, _ = self._names_in_word(word, article_id, guess=guess)
        return [(start + s, start + e, word[s:e], entity) for s, e, entity in found]

    def _names_in_word(self, word: str, article_id: str, *, guess: bool
                       ) -> tuple[list[tuple[int, int, _Entity]], bool]:
        """:meth:`names_in_word` from offset 0 as ``(start, end, entity)``, and whether the
        word is a pair of names; remembered per word unless the article's persons enter."""
        local = self.local_surnames.get(article_id)
        if local and any(name in word for name in local):
            return self._find_names(word, article_id, guess=guess)
        key = (word, guess)
        found = self.in_word.get(key)
        if found is None:
            found = self.in_word[key] = self._find_names(word, _NO_ARTICLE, guess=guess)
        return found

    def _find_names(self, word: str, article_id: str, *, guess: bool
                    ) -> tuple[list[tuple[int, int, _Entity]], bool]:
        if self.resolve(word, article_id, None) is not None:
            return [], False
        parts = [(m.start(), m.end()) for m in _PART.finditer(word)]
        names, i = [], 0
        while i < len(parts):
            j, entity = self._longest_name(word, parts, i, article_id)
            if entity is None:
                s, e = parts[i]
                prefix = self.closed_prefix(word[s:e], guess=guess)
                if prefix is not None:
                    names.append((s, s + prefix[0], prefix[1]))
            else:
                names.append((parts[i][0], parts[j - 1][1], entity))
            i = j
        if not _is_pair(word, [(s, e, "", entity) for s, e, entity in names]):
            names = [n for n in names if n[1] < len(word) or n[2].label == "LOC"]
        return names, _is_pair(word, [(s, e, "", entity) for s, e, entity in names])

    def _longest_name(self, word: str, parts: list, i: int, article_id: str) -> tuple:
        for j in range(len(parts), i, -1):
            s, e = parts[i][0], parts[j - 1][1]
            if (s, e) != (0, len(word)) and word[s:s + 1].isupper():
                entity = self.resolve(word[s:e], article_id, None)
                if entity is not None:
                    return j, entity
        return i + 1, None

    def _closed_prefix(self, part: str, *, guess: bool) -> tuple[int, _Entity] | None:
        """A KB name at the start of a closed compound, and its length.

        Roles name their prefix (``Kremlchef`` -> ``org:kreml``). Else a KB alias before a head
        the corpus uses after a hyphen (``Gaza|krieg`` as in ``Ukraine-Krieg``; aliases shorter
        than :data:`MIN_PREFIX` only for places). With ``guess``, also an alias of at least
        :data:`MIN_PREFIX` letters before a word of the corpus that does not look like a
        derivation or a name ending (``Russland|reise``, not ``Indien|ststellung``,
        ``Italien|erin``, ``Patriot|ismus``, ``Münster|land``).
        """
        listed = self.role_of(part)
        for alias in self.aliases_of.get(listed or "", []):
            if part.startswith(alias) and len(part) > len(alias):
                return len(alias), next(e for e in self.aliases[alias] if e.entity_id == listed)
        for n in range(4, len(part) - MIN_HEAD + 1):
            head, entity = part[n:], next(iter(self.aliases.get(part[:n], [])), None)
            if entity is None or not (head.isalpha() and head.islower() and _is_head(head)):
                continue
            if n < MIN_PREFIX:
                found = entity.label == "LOC" and head in self.heads
            else:
                found = head in self.heads or (guess and head.capitalize() in self.vocabulary)
            if found:  # the linking s of Bundestag|s|wahl is no part of the name
                linked = part[n - 1] == "s" and entity in self.aliases.get(part[:n - 1], [])
                return n - linked, entity
        return None

    def lower_case_compound(self, word: str) -> tuple[int, _Entity] | None:
        """A KB name starting a lower-case compound (``moskau`` in ``moskaufreundliche``)."""
        for n in range(4, len(word) - 2):
            entity = next(iter(self.folded.get(word[:n].casefold(), [])), None)
            if entity and _is_head(word[n:]):
                return n, entity
        return None

    def scan(self, sentences: pd.DataFrame, words: list[list[str]]) -> list[dict]:
        """Names inside the words of every sentence: compound mentions (``Ukraine-Krieg``), and
        plain mentions for a pair of names the NER left untagged (``Rubio-Lawrow``).

        ``words`` are each sentence's words (``_WORD.findall``), in order."""
        may = {word for word in {w for found in words for w in found}
               if not word.islower()  # a closed compound starts with a KB name, or a hyphen
               and (word[:4] in self.prefixes or any(h in word for h in _HYPHENS))}
        rows = []
        columns = (sentences[c].tolist() for c in ("article_id", "sentence_id", "start", "text"))
        for (article_id, sentence_id, start, text), found in zip(zip(*columns, strict=True),
                                                                 words, strict=True):
            at = 0  # where the words of the sentence are found: each one after the last
            for word in found:
                if word not in may:
                    continue
                names, pair = self._names_in_word(word, article_id, guess=True)
                at = text.index(word, at)
                while at and _WORD_CHAR.match(text, at - 1):  # inside a word that holds none
                    at = text.index(word, at + 1)
                sentence = _Source(article_id, sentence_id)
                rows += [_row(sentence, start + at + s, start + at + e, word[s:e], entity,
                              compound=not pair) for s, e, entity in names]
                at += len(word)
        return rows


def _completed(spans: list[tuple], linker: _Linker, context: dict) -> list[tuple]:
    """Names the NER cut short completed to the KB name the sentence writes around them
    (``Union`` in ``Junge Union``, ``Middle East`` in ``Middle East respiratory syndrome``);
    a mention inside a completed name is dropped."""
    done, covered = [], {}
    for mention, offset, text, titles in spans:
        full = linker.complete(context, mention, offset, text) if text else None
        if full is not None:
            offset, text, titles = full[0] - mention.start, full[1], []
            covered.setdefault(mention.sentence_id, []).append((full[0], full[0] + len(text)))
        done.append((mention, offset, text, titles))
    if not covered:
        return done
    return [(m, offset, text, titles) for m, offset, text, titles in done
            if not any(s <= m.start + offset and m.start + offset + len(text) <= e
                       and (s, e) != (m.start + offset, m.start + offset + len(text))
                       for s, e in covered.get(m.sentence_id, ()))]


def _ranked(counts: Counter) -> list:
    """Counted keys ending in an entity, most frequent first, ties by entity id."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][-1].entity_id))


def _is_head(rest: str) -> bool:
    """Whether the rest of a closed compound looks like a word, not a derivation or name end."""
    return bool(_HEAD.match(rest)) and not _DERIVED.match(rest) and not _NAME_END.match(rest)


def _is_pair(word: str, names: list) -> bool:
    """Whether a word is names joined by hyphens (``Rubio-Lawrow``), with no head noun."""
    letters = sum(end - start for start, end, _, _ in names)
    return len(names) > 1 and letters + len(names) - 1 == len(word)


def _row(source, start: int, end: int, text: str, entity: _Entity, *, compound: bool,
         mention_id: str | None = None) -> dict:
    return {
        "article_id": source.article_id, "sentence_id": source.sentence_id,
        "mention_id": mention_id or f"{source.article_id}:{start}-{end}",
        "start": start, "end": end, "text": text, "label": entity.label,
        "entity_id": entity.entity_id, "canonical": entity.canonical, "compound": compound,
    }


def _output(rows: list[dict], *, compounds: bool) -> pd.DataFrame:
    """Rows as the mentions table: one row per span (the NER's first), sorted, typed."""
    frame = pd.DataFrame(rows, columns=OUTPUT_COLUMNS)
    if not compounds:
        frame = frame[~frame["compound"].astype(bool)]
    frame = frame.drop_duplicates(["article_id", "start", "end"], keep="first")
    frame = frame.astype({"start": "int64", "end": "int64", "compound": "bool"})
    frame["label"] = pd.Categorical(frame["label"], categories=list(LABELS))
    frame = frame.sort_values(["article_id", "start", "end", "mention_id"], kind="stable")
    return frame.reset_index(drop=True)


def _sentence_context(mentions: pd.DataFrame, sentences: pd.DataFrame) -> dict:
    """Sentence id -> (start, text), checking that every mention has its sentence."""
    context = dict(zip(sentences["sentence_id"].tolist(),
                       zip(sentences["start"].tolist(), sentences["text"].tolist(), strict=True),
                       strict=True))
    missing = sorted(set(mentions["sentence_id"]) - set(context))
    if missing:
        raise ValueError(f"mentions: sentence_id {missing[0]!r} is not in the sentences table "
                         f"({len(missing)} missing); pass the sentences the mentions came with")
    return context


def _enclosing_word(context: dict, mention, offset: int, length: int) -> str | None:
    """The word a span is only part of (the NER tagged ``US`` in ``US-Präsident``), else None.

    A genitive ending (``Trump`` in ``Trumps``) does not make a longer word.
    """
    sentence_start, text = context[mention.sentence_id]
    start = mention.start + offset - sentence_start
    # no word holds a space: the words after the last space before the span are the same
    # whether the sentence is read from there or from its start
    for m in _WORD.finditer(text, text.rfind(" ", 0, start) + 1):
        if m.start() > start:
            break
        if m.start() <= start < m.end():
            rest = text[start + length:m.end()]
            whole = m.start() == start and rest in ("", "s", "es")
            return None if whole else m.group()
    return None


def _alias_index(kb: pd.DataFrame) -> tuple[dict, dict, dict]:
    """Surface -> entities (exact; case-folded where one entity), id -> aliases (shortest first).

    Candidates of a surface are ordered: the entity whose canonical name it is, then by id.
    """
    _check_columns(kb, ["entity_id", "canonical", "label", "aliases"], "kb")
    _check_labels(kb["label"], "kb")
    table = alias_table(kb.assign(aliases=kb["aliases"].fillna("").astype(str)))
    table = table.assign(label=table["label"].astype(str),
                         own=table["surface"] != table["canonical"])
    table = table[table["surface"].str.len() > 1].sort_values(["surface", "own", "entity_id"])
    exact: dict[str, list[_Entity]] = {}
    for row in table.itertuples(index=False):
        exact.setdefault(row.surface, []).append(_Entity(row.entity_id, row.canonical, row.label))
    by_fold: dict[str, list[_Entity]] = {}
    for surface, entities in exact.items():
        by_fold.setdefault(surface.casefold(), []).extend(entities)
    folded = {key: es for key, es in by_fold.items() if len({e.entity_id for e in es}) == 1}
    aliases_of: dict[str, list[str]] = {}
    for surface in sorted(exact, key=lambda s: (len(s), s)):
        for entity in exact[surface]:
            aliases_of.setdefault(entity.entity_id, []).append(surface)
    return exact, folded, aliases_of


def _shared_aliases(exact: dict, kb: pd.DataFrame) -> tuple[dict, dict]:
    """Surfaces several KB entities of one label go by (``Union``, ``Kongo``), with their
    genitives: surface -> (nominative, {entity_id: (entity_id, canonical, label)}), and the
    entities whose mentions point to each candidate (:func:`shared_alias_pointers`)."""
    shared = {}
    for surface, entities in exact.items():
        for label in {e.label for e in entities}:
            of = {e.entity_id: tuple(e) for e in entities if e.label == label}
            if len(of) > 1:
                shared[surface] = (surface, of)
                if surface + "s" not in exact and not surface.endswith("s"):
                    shared[surface + "s"] = (surface, of)
    candidates = {c for _, of in shared.values() for c in of}
    return shared, shared_alias_pointers(kb, candidates)


def _role_index(roles: pd.DataFrame) -> dict[str, str]:
    """Role word -> the entity id it embeds ("" if none)."""
    _check_columns(roles, ["role", "entity_id"], "roles")
    return {role.strip(): entity.strip() if isinstance(entity, str) else ""
            for role, entity in zip(roles["role"], roles["entity_id"], strict=True)
            if isinstance(role, str) and role.strip()}


def _check_columns(frame: pd.DataFrame, columns: list[str], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} table lacks column(s) {', '.join(missing)}; expected "
                         f"{', '.join(columns)}")


def _check_labels(labels: pd.Series, name: str) -> None:
    bad = sorted(set(labels.dropna().astype(str)) - set(LABELS))
    if bad or labels.isna().any():
        shown = ", ".join(map(repr, bad)) if bad else "missing"
        raise ValueError(f"{name}: label {shown}; expected one of {', '.join(LABELS)}")
