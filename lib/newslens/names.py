"""One name per entity: abbreviations the text defines, names of their time, a stable choice.

After :func:`newslens.entities.canonicalize` has linked every mention, two corpus-level passes
finish the names:

- :func:`resolve_shared_aliases`: a name several knowledge-base entities go by (``Union``: the
  CDU/CSU or the EU; ``Kongo``) takes the entity its article names nearest, by another name
  or by an entity that points to it (``CDU`` to ``CDU/CSU``, ``EU-Kommission`` to ``EU``,
  a capital to its country); an article that names none keeps it apart, unlinked.
- :func:`merge_abbreviations`: ``Robert Koch-Institut (RKI)`` or ``die
  Weltgesundheitsorganisation WHO`` defines an abbreviation; its mentions join the long form's
  entity in that article, and elsewhere the entity the corpus defines it as most often.
  A definition counts only if the letters of the abbreviation appear in order in the long form,
  the first at its start (after Schwartz and Hearst, "A simple algorithm for identifying
  abbreviation definitions in biomedical text", PSB 2003), so ``Markus Söder (CSU)`` is none.
- :func:`merge_inflections`: names that differ only in German inflection endings
  (``Deutsche Gewerkschaftsbund``, ``Deutschen Gewerkschaftsbund``, ``Deutscher
  Gewerkschaftsbund``) become one entity under the nominative-looking form, or the knowledge
  base's entity with such an alias (``das Auswärtige Amt``).
- :func:`drop_common_phrases`: an "other" name the knowledge base does not know is dropped
  where the corpus shows it is a common phrase: the NER tags it in under a third of the many
  places it is written (``Fake News``, ``Social Distancing``), the corpus also writes it in
  lower case (``social distancing``, ``deep state``) or in several spellings (``Click and
  Collect``, ``Click & Collect``, ``Click und Collect``), it often follows an indefinite
  article (``einen No Deal``), or it mostly stands in lists of common nouns (``Migranten,
  People of Color``). A one-word alias of the knowledge base that the corpus uses as a common
  noun, after an indefinite article and in the plural (``ein Patriot``, ``Patrioten``), no
  longer links a mention of its own; inside compounds (``Patriot-Raketen``) it still does.
- :func:`drop_common_noun_persons`: a person the knowledge base does not know, named in the
  whole corpus only by one word that is a German common noun (``Opa``, ``Pech``, ``Alarm``,
  ``Soziologin``: the words of ``entity_rules``' ``common_noun`` list), is no person: its
  mentions are dropped. A surname that is also a noun stays when its article names the
  person in full, which links it to the full name (``Neubauer`` after ``Luisa Neubauer``).
- :func:`one_name_per_entity`: every entity id gets one name: the knowledge base's (or the name
  of its time, ``Twitter`` before July 2023 and ``X`` after; ``X (Twitter)`` for a corpus
  across the change), else the most frequent full form in the corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pandas as pd

from newslens.frames import rows as table_rows
from newslens.kb import name_at, slugify

#: ``(RKI)``, ``(Stiko)``, ``(BaFin)`` right after a long form.
_IN_BRACKETS = re.compile(r" ?\((?P<abbr>[A-ZÄÖÜ][A-Za-zÄÖÜäöü0-9&.-]{1,9})\)")
#: ``Weltgesundheitsorganisation WHO``: an apposition in capitals.
_APPOSITION = re.compile(r" (?P<abbr>[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,7})(?![\w-])")
#: An inflection ending of a capitalised word: adjective (``Deutschen``) or genitive s.
_ENDING = re.compile(r"(?<=\w{3})(?:e[mnrs]?|s)$")
#: How unlike a nominative each ending is on a word before the last: the strong adjective
#: endings of a name (``Deutscher Gewerkschaftsbund``, ``Deutsches Rotes Kreuz``) first.
_BEFORE_LAST = {"": 0, "er": 0, "es": 0, "e": 1, "en": 2, "em": 2, "s": 2}
#: Where either may start in a sentence (the cheap first look), and a run of capitals.
_DEFINED = re.compile("|".join(p.pattern.replace("?P<abbr>", "")
                               for p in (_IN_BRACKETS, _APPOSITION)))
_CAPITALS = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9&]")
#: Where a name splits into the names it may hold (``CDU/CSU``, ``EU-Kommission``, ``Rat der EU``).
_NAME_PARTS = re.compile(r"[/\s\u2010\u2011-]+")
#: A line-break hyphen left in the text (``Robert- Koch-Institut``): never the chosen name.
_BROKEN = re.compile(r"\w- [A-ZÄÖÜ]")


def abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates ``long`` (Schwartz and Hearst 2003).

    Every letter or digit of ``short`` occurs in ``long`` in the same order, matched from the
    right; the first one is the first letter of ``long``: ``RKI`` / ``Robert Koch-Institut``,
    ``WHO`` / ``Weltgesundheitsorganisation``, ``EMA`` / ``Europäische Arzneimittel-Agentur``.
    """
    chars = [c.lower() for c in short if c.isalnum()]
    if len(chars) < 2 or len(long) <= len(short) or " " in short:
        return False
    if long[:1].lower() != chars[0]:  # the long form is the whole mention: it starts there
        return False
    i = len(long) - 1
    for n in range(len(chars) - 1, -1, -1):
        while i >= 0 and (long[i].lower() != chars[n]
                          or (n == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


def definitions(mentions: pd.DataFrame, context: dict) -> pd.DataFrame:
    """Abbreviations defined right after a mention: ``article_id, abbr, entity_id, label``.

    ``context`` maps sentence_id -> (sentence start, sentence text). Persons define none (the
    party after a name, ``Markus Söder (CSU)``, is no abbreviation of it), nor does a name
    that is only the end of a word (``Flughafen Berlin-Brandenburg (BER)``).
    """
    plain = mentions[~mentions["compound"] & (mentions["label"] != "PER")]
    # Only mentions right before a bracket or a word in capitals are looked at closely.
    places = {f"{sid}@{start + m.start()}" for sid, (start, text) in context.items()
              if "(" in text or _CAPITALS.search(text)
              for m in _DEFINED.finditer(text)}
    plain = plain[(plain["sentence_id"].astype(str) + "@" + plain["end"].astype(str))
                  .isin(places)]
    rows = []
    for m in table_rows(plain):
        start, text = context[m.sentence_id]
        before = text[max(0, m.start - start - 1):m.start - start]
        after = text[m.end - start:m.end - start + 14]
        if before.isalnum() or before in ("-", "\u2010", "\u2011"):
            continue  # only part of a word: Brandenburg in Berlin-Brandenburg (BER)
        found = _IN_BRACKETS.match(after) or _APPOSITION.match(after)
        if found and abbreviates(found["abbr"], m.text):
            rows.append((m.article_id, found["abbr"], m.entity_id, m.canonical, str(m.label)))
    return pd.DataFrame(rows, columns=["article_id", "abbr", "entity_id", "canonical", "label"])


def merge_abbreviations(mentions: pd.DataFrame, context: dict,
                        kb_entity: Callable[[str], tuple[str, str, str] | None],
                        kb_ids: set[str]) -> pd.DataFrame:
    """Link the mentions of defined abbreviations to their long form's entity.

    ``kb_entity(surface)`` gives ``(entity_id, canonical, label)`` of a knowledge-base name or
    None; ``kb_ids`` are the knowledge base's ids, whose mentions stay where they are. Where
    the knowledge base knows both forms as different entities it wins; where it knows only the
    abbreviation, the long form's mentions join that entity instead.
    """
    found = definitions(mentions, context)
    if found.empty:
        return mentions
    targets: dict[tuple[str | None, str], tuple[str, str, str]] = {}
    moved: dict[str, tuple[str, str, str]] = {}  # long-form entity -> the KB abbreviation's
    votes: dict[str, Counter] = {}  # abbreviation -> long-form entity id -> definitions
    entity_of: dict[str, tuple[str, str, str]] = {}
    for d in found.itertuples(index=False):
        known = kb_entity(d.abbr)
        long_known = kb_entity(d.canonical)
        if known is not None and long_known is None:
            moved.setdefault(d.entity_id, known)
            continue
        if known is not None:
            continue  # both known: the knowledge base decides
        target = entity_of.setdefault(d.entity_id, (d.entity_id, d.canonical, d.label))
        targets.setdefault((d.article_id, d.abbr), target)
        votes.setdefault(d.abbr, Counter())[d.entity_id] += 1
    for abbr, counts in votes.items():
        (best, n), *rest = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if not rest or n > rest[0][1]:
            targets[(None, abbr)] = entity_of[best]
    return _relink(mentions, targets, moved, kb_ids)


def _relink(mentions: pd.DataFrame, targets: dict, moved: dict, kb_ids: set) -> pd.DataFrame:
    """Mentions of an abbreviation (or its genitive, ``RKIs``) -> their target entity."""
    frame = mentions.copy()
    abbrs = {abbr for _, abbr in targets}
    genitive = frame["text"].str.endswith("s") & frame["text"].str[:-1].isin(abbrs)
    text = frame["text"].where(~genitive, frame["text"].str[:-1])
    candidates = frame.index[text.isin(abbrs) & ~frame["entity_id"].isin(kb_ids)]
    new = {}
    for i in candidates:
        surface, article = text.at[i], frame.at[i, "article_id"]
        target = targets.get((article, surface)) or targets.get((None, surface))
        if target is not None:
            new[i] = target
    for i in frame.index[frame["entity_id"].isin(moved)]:
        new[i] = moved[frame.at[i, "entity_id"]]
    return _relabel(frame, new)


def shared_alias_pointers(kb: pd.DataFrame, candidates: set[str]) -> dict[str, set[str]]:
    """Entity id -> the ``candidates`` (entities that share an alias) its mention points to.

    A candidate points to itself; another KB entity points to a candidate whose name holds its
    own as a part (``CDU`` and ``CSU`` to ``CDU/CSU``), whose name is a part of one of its
    names (``EU-Kommission``, ``Rat der EU`` to ``EU``), whose capital it is (``Kinshasa``), or
    that is of its kind and country (another German party, ``SPD``, to ``CDU/CSU``).
    """
    rows = {row.entity_id: row for row in kb.itertuples(index=False)}
    parts = {c: set(_NAME_PARTS.split(rows[c].canonical)) for c in candidates if c in rows}
    pointers: dict[str, set[str]] = {c: {c} for c in parts}
    for row in rows.values():
        names = [row.canonical, *str(row.aliases or "").split("|")]
        own = {p for name in names if name for p in _NAME_PARTS.split(name)}
        capital_of = set(str(getattr(row, "capital_of", "") or "").split("|"))
        country = str(getattr(row, "country", "") or "")
        for c, of_c in parts.items():
            peer = bool(country) and (str(rows[c].kind), str(getattr(rows[c], "country", ""))
                                      ) == (str(row.kind), country)
            if c != row.entity_id and (row.canonical in of_c or rows[c].canonical in own
                                       or c in capital_of or peer):
                pointers.setdefault(row.entity_id, set()).add(c)
    return pointers


def resolve_shared_aliases(mentions: pd.DataFrame, shared: dict[str, tuple[str, dict]],
                           pointers: dict[str, set[str]], context: dict) -> pd.DataFrame:
    """Give each mention of a shared name the entity its article names nearest.

    ``shared`` maps a surface (``Union``, ``Unions``) to its nominative and its candidates,
    ``{entity_id: (entity_id, canonical, label)}``; ``pointers`` (:func:`shared_alias_pointers`)
    says which candidates a mention of another entity names; ``context`` maps sentence_id ->
    (sentence start, sentence text). A mention of the same sentence decides, else the nearest
    before the shared name, else the nearest after (a name inside a compound word,
    ``EU-Gipfel``, only where the article has no other). With none, or where a capitalised
    word other than the sentence's first stands right before it (``Aicher Ambulanz Union``,
    the end of another name), the name stays apart under an id of its own (``org:union``).
    """
    text = mentions["text"]
    ambiguous = text.isin(shared) & mentions["entity_id"].isin(
        {c for _, of in shared.values() for c in of})
    if not ambiguous.any():
        return mentions
    frame = mentions.copy()
    articles = set(frame.loc[ambiguous, "article_id"])
    evidence = frame[frame["article_id"].isin(articles) & ~ambiguous
                     & frame["entity_id"].isin(pointers)]
    by_article = {a: list(zip(g["start"], g["entity_id"], g["compound"].astype(bool),
                              g["sentence_id"], strict=True))
                  for a, g in evidence.groupby("article_id", sort=False)}
    new = {}
    for i in frame.index[ambiguous]:
        nominative, candidates = shared[text.at[i]]
        start, sentence = frame.at[i, "start"], frame.at[i, "sentence_id"]
        seen = [(s, ids, compound, sid == sentence)
                for s, e, compound, sid in by_article.get(frame.at[i, "article_id"], [])
                if len(ids := pointers[e] & set(candidates)) == 1]
        nearest = None if _ends_a_name(context, sentence, start) else _nearest(seen, start)
        if nearest is not None:
            new[i] = candidates[next(iter(nearest))]
        else:
            label = str(frame.at[i, "label"])
            new[i] = (slugify(nominative, label), nominative, label)
    return _relabel(frame, new)


def _relabel(frame: pd.DataFrame, new: dict) -> pd.DataFrame:
    """Set ``entity_id``, ``canonical`` and ``label`` of the rows ``new`` maps to such triples."""
    if new:
        ids, names, labels = zip(*new.values(), strict=True)
        index = list(new)
        frame.loc[index, "entity_id"] = list(ids)
        frame.loc[index, "canonical"] = list(names)
        frame.loc[index, "label"] = list(labels)
    return frame


def _nearest(seen: list[tuple], start: int) -> set[str] | None:
    """The candidate ids of the deciding evidence ``(start, ids, compound, same_sentence)``."""
    for compound in (False, True):  # a name in a compound word only if nothing else
        found = [(s, ids, same) for s, ids, c, same in seen if c == compound]
        for pick in ([x for x in found if x[2]], [x for x in found if x[0] < start]):
            if pick:
                return min(pick, key=lambda x: abs(x[0] - start))[1]
        after = [x for x in found if x[0] > start]
        if after:
            return min(after, key=_first)[1]
    return None


def _ends_a_name(context: dict, sentence_id: str, start: int) -> bool:
    """Whether a capitalised word other than the sentence's first stands right before."""
    sentence_start, sentence = context[sentence_id]
    words = sentence[:start - sentence_start].split()
    return (len(words) > 1 and sentence[start - sentence_start - 1:start - sentence_start] == " "
            and words[-1][:1].isupper() and words[-1][-1:].isalnum())


def _first(pair: tuple) -> int:
    return pair[0]


def inflection_key(name: str) -> str | None:
    """A name with the inflection endings of its capitalised words cut, or None for one word.

    ``Deutschen Roten Kreuzes`` and ``Deutsches Rotes Kreuz`` share ``deutsch rot kreuz``.
    """
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return None
    return " ".join(_ENDING.sub("", w).casefold() if w[:1].isupper() and len(w) >= 5
                    else w.casefold() for w in words)


def _unlike_nominative(name: str) -> int:
    words = name.replace("-", " ").split()
    before_last = _BEFORE_FEMININE if _FEMININE.search(words[-1]) else _BEFORE_LAST
    penalty = 0
    for n, word in enumerate(words):
        ending = _ENDING.search(word) if word[:1].isupper() and len(word) >= 5 else None
        ending = ending.group() if ending else ""
        penalty += (2 if ending in ("s", "es") else 0) if n == len(words) - 1 \
            else before_last[ending]
    return penalty


#: A noun of a feminine suffix (``Revolution``, ``Marktwirtschaft``, ``Intelligenz``): an
#: adjective before it ends in -e in the nominative, strong or weak (``Friedliche
#: Revolution``); its -er is a genitive or dative (``Friedlicher Revolution``).
_FEMININE = re.compile(r"(?:ung|ion|heit|keit|schaft|tät|enz|anz|ie|ei|ik|ur)$")
_BEFORE_FEMININE = {**_BEFORE_LAST, "e": 0, "er": 2}


def merge_inflections(mentions: pd.DataFrame, *, kb_keys: dict, kb_ids: set[str]
                      ) -> pd.DataFrame:
    """One entity for the inflected forms of a name of several words (persons excepted).

    ``kb_keys`` maps ``(label, inflection_key)`` to the ``(entity_id, canonical, label)`` of
    the knowledge base's name with that key; otherwise the form that looks most like a
    nominative wins (strong adjective endings, no genitive s), then the most frequent.
    """
    if mentions.empty:
        return mentions
    counts = mentions.groupby(["entity_id", "canonical", "label"], observed=True,
                              sort=True).size()
    groups: dict[tuple[str, str], list] = {}
    for (entity_id, name, label), n in counts.items():
        key = inflection_key(name) if label != "PER" and entity_id not in kb_ids else None
        if key:
            groups.setdefault((label, key), []).append((entity_id, name, n))
    remap: dict[str, tuple[str, str, str]] = {}
    for (label, key), members in sorted(groups.items()):
        target = kb_keys.get((label, key))
        if target is None and len({m[0] for m in members}) > 1:
            best = min(members, key=lambda m: (_unlike_nominative(m[1]), -m[2], -len(m[1]),
                                               m[1]))
            target = (best[0], best[1], label)
        for entity_id, _, _ in members:
            if target is not None and entity_id != target[0]:
                remap.setdefault(entity_id, target)
    if not remap:
        return mentions
    frame = mentions.copy()
    moved = frame["entity_id"].isin(remap)
    targets = frame.loc[moved, "entity_id"].map(remap)
    frame.loc[moved, "entity_id"] = [t[0] for t in targets]
    frame.loc[moved, "canonical"] = [t[1] for t in targets]
    frame.loc[moved, "label"] = [t[2] for t in targets]
    return frame


#: A name written at least this often as whole words ...
MIN_WRITTEN = 20
#: ... of which the NER tagged less than this share is a common phrase, not a name.
MAX_TAGGED_SHARE = 1 / 3
#: A name of several words the corpus writes this often in lower case is a common phrase.
MIN_LOWER = 2
#: A name written after an indefinite article or "kein" (``einen No Deal``, ``einen
#: Schweigemarsch``) in at least this share of the places it is written, and at least
#: :data:`MIN_LOWER` times, is a common noun: names take none.
MIN_INDEFINITE_SHARE = 0.2
#: A name of several words the corpus writes in this many spellings, each at least
#: :data:`MIN_LOWER` times, that differ in the case of a word after the first or in the word
#: that joins them (``Click and Collect``, ``Click & Collect``, ``Click und Collect``, ``Click
#: and collect``) is a common phrase: a name keeps its spelling.
MIN_SPELLINGS = 3
#: A name standing in a list next to a capitalised word the NER tagged nowhere there (a common
#: noun: ``Homosexuelle, Migranten, People of Color``) in at least this share of its mentions,
#: and at least :data:`MIN_LISTED` times, is a common noun of that list.
MIN_LISTED_SHARE = 0.5
MIN_LISTED = 3
#: A one-word knowledge-base alias the corpus writes after an indefinite article at least
#: :data:`MIN_LOWER` times and in a plural form (``Patrioten``, ``Kronen``) at least this
#: share as often as in the singular is also a common noun (``ein Patriot``, ``eine Krone``).
MIN_PLURAL_SHARE = 0.3
#: A name of this many words or more whose words after the first are all in lower case is a
#: sentence quoted (``I can't breathe``, ``It's the economy``), not a name: German writes its
#: nouns, and English its names and titles, with capitals.
MIN_SENTENCE_WORDS = 3
_INDEFINITE = frozenset(f"{stem}{ending}" for stem in ("ein", "kein")
                        for ending in ("", "e", "en", "em", "er", "es"))
#: Words that join the words of a phrase; ``&`` is no word, so ``Click&Collect`` is written
#: ``Click Collect`` in the words of a sentence.
_JOINING = frozenset({"and", "und", "n"})
_PLURAL_ENDINGS = ("en", "n", "e")
#: ``Migranten, `` / ``Menschen und `` before a name, `` oder Frauen`` after it.
_LIST_BEFORE = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w-]*)(?:, ?| (?:und|oder|sowie) )$")
_LIST_AFTER = re.compile(r"(?:, ?| (?:und|oder|sowie) )([A-ZÄÖÜ][\w-]*)(?![\w-])")


def drop_common_phrases(mentions: pd.DataFrame, tokens: list[list[str]], *,
                        kb_ids: set[str], word: re.Pattern, context: dict | None = None,
                        kb_aliases: dict[str, set[str]] | None = None,
                        vocabulary: set[str] | None = None) -> pd.DataFrame:
    """Leave out the MISC entities unknown to the KB that the corpus shows are common phrases,
    and the plain mentions of the KB aliases it shows are common nouns too.

    ``tokens`` are the words of every sentence (``word.findall``). A name the corpus writes at
    least :data:`MIN_WRITTEN` times as whole words (the case of its later words and the words
    joining them aside) but the NER tagged in less than :data:`MAX_TAGGED_SHARE` of them
    (``Fake News``: 12 of 93, ``Lockdown light``), a name of several words it also writes
    :data:`MIN_LOWER` times all in lower case (``social distancing``) or in
    :data:`MIN_SPELLINGS` spellings (``Click and Collect``, ``Click & Collect``, ``Click und
    Collect``), or a name that follows an indefinite article or "kein" in
    :data:`MIN_INDEFINITE_SHARE` of the places it is written (``einen No Deal``) is a common
    phrase the model took for a name, and a name of :data:`MIN_SENTENCE_WORDS` words or more
    with no capital after the first (``I can't breathe``) a quoted sentence; the lower case of
    names with a dot or digit (``gehalt.de``, ``Zhang et al.``) does not count. With
    ``context`` (sentence_id -> (start, text)), so is a name listed among common nouns
    (:func:`listed_among_common_nouns`). ``kb_aliases`` maps
    one-word KB aliases to their entity ids: an alias the corpus writes after an indefinite
    article and in the plural (:data:`MIN_PLURAL_SHARE`: ``ein Patriot``, ``Patrioten``)
    links a plain mention no more; the KB's ruler tags it wherever it is written. Only aliases
    with a plural form among the ``vocabulary`` (the corpus' capitalised words) are counted.
    """
    plain = mentions[~mentions["compound"].astype(bool) & (mentions["label"] == "MISC")
                     & ~mentions["entity_id"].isin(kb_ids)]
    forms = {text: tuple(word.findall(text)) for text in plain["text"].unique()}
    wanted = {_phrase_key(seq) for seq in forms.values() if seq}
    lower = {_phrase_key(tuple(w.lower() for w in seq)) for seq in forms.values()
             if len(seq) > 1}
    nouns = _noun_candidates(kb_aliases or {}, vocabulary or set())
    plurals = {(p,) for forms_ in nouns.values() for p in forms_}
    written, indefinite, spellings = _count_sequences(
        tokens, wanted | lower | {(a,) for a in nouns} | plurals)
    common = set()
    if not plain.empty:
        tagged = plain.groupby("entity_id").size()
        listed = listed_among_common_nouns(plain, mentions, context) if context else set()
        for entity_id, texts in plain.groupby("entity_id")["text"].unique().items():
            seqs = {forms[t] for t in texts if forms[t]}
            keys = {_phrase_key(s) for s in seqs}
            n = sum(written[k] for k in keys)
            after_article = sum(indefinite[k] for k in keys)
            dotted = any(c.isdigit() or c == "." for c in " ".join(texts))
            low = 0 if dotted else sum(
                n_ for s in seqs if len(s) > 1 and any(w != w.lower() for w in s)
                for spelling, n_ in spellings.get(_phrase_key(tuple(w.lower() for w in s)),
                                                  Counter()).items()
                if all(w.islower() for w in spelling))
            spelled = sum(1 for k in keys if len(k) > 1
                          for n_ in spellings.get(k, Counter()).values() if n_ >= MIN_LOWER)
            sentence = not dotted and all(len(s) >= MIN_SENTENCE_WORDS
                                          and all(w[:1].islower() for w in s[1:]) for s in seqs)
            if ((n >= MIN_WRITTEN and tagged[entity_id] < MAX_TAGGED_SHARE * n)
                    or low >= MIN_LOWER or spelled >= MIN_SPELLINGS or (seqs and sentence)
                    or after_article >= max(MIN_LOWER, MIN_INDEFINITE_SHARE * n)
                    or entity_id in listed):
                common.add(entity_id)
    nouns = {alias for alias, plural in nouns.items()
             if indefinite[(alias,)] >= MIN_LOWER
             and sum(written[(p,)] for p in plural) >= MIN_PLURAL_SHARE * written[(alias,)]}
    if not common and not nouns:
        return mentions
    drop = mentions["entity_id"].isin(common)
    if nouns:
        drop |= (~mentions["compound"].astype(bool) & mentions["text"].isin(nouns)
                 & mentions["entity_id"].isin({e for a in nouns for e in kb_aliases[a]}))
    return mentions[~drop].reset_index(drop=True)


def drop_common_noun_persons(mentions: pd.DataFrame, nouns: set[str], *,
                             kb_ids: set[str]) -> pd.DataFrame:
    """Leave out the PER entities unknown to the knowledge base (not in ``kb_ids``) whose every
    mention outside a compound is one word of ``nouns`` (see the module docstring), with their
    compound mentions."""
    persons = mentions[(mentions["label"] == "PER") & ~mentions["entity_id"].isin(kb_ids)]
    plain = persons[~persons["compound"].astype(bool)]
    if plain.empty or not nouns:
        return mentions
    noun = plain["text"].isin(nouns)
    common = set(plain["entity_id"]) - set(plain.loc[~noun, "entity_id"])
    if not common:
        return mentions
    return mentions[~mentions["entity_id"].isin(common)].reset_index(drop=True)


def listed_among_common_nouns(plain: pd.DataFrame, mentions: pd.DataFrame,
                              context: dict) -> set[str]:
    """Entity ids of ``plain`` that stand in a list next to a common noun in at least
    :data:`MIN_LISTED_SHARE` of their mentions (and :data:`MIN_LISTED` times).

    The neighbour is a capitalised word joined by a comma, "und", "oder" or "sowie" that no
    mention of its sentence covers and that does not start the sentence: in German a noun
    (``Homosexuelle, Migranten, People of Color``, ``junge Menschen und People of Color``).
    Names the NER misses in a list of names (``Lieferheld, Foodora und Pizza.de``) look
    the same, so a share of the mentions must stand in such lists.
    """
    counts = plain.groupby("entity_id").size()
    plain = plain[plain["entity_id"].isin(counts.index[counts >= MIN_LISTED])]
    if plain.empty:
        return set()
    around = mentions[mentions["sentence_id"].isin(set(plain["sentence_id"]))]
    covered: dict[str, list[tuple[int, int]]] = {}
    for sid, start, end in zip(around["sentence_id"], around["start"], around["end"],
                               strict=True):
        covered.setdefault(sid, []).append((start, end))
    hits: Counter = Counter()
    for m in table_rows(plain):
        start, text = context[m.sentence_id]
        spans = covered.get(m.sentence_id, [])
        before = _LIST_BEFORE.search(text, 0, m.start - start)
        after = _LIST_AFTER.match(text, m.end - start)
        found = [(x.start(1), x.end(1)) for x in (before, after) if x and x.start(1) > 0]
        if any(not any(s < start + e and start + b < t for s, t in spans) for b, e in found):
            hits[m.entity_id] += 1
    return {e for e, n in hits.items() if n >= max(MIN_LISTED, MIN_LISTED_SHARE * counts[e])}


def _phrase_key(seq: tuple) -> tuple:
    """A phrase's words without the case of its later words and the words joining them."""
    return (seq[0], *(w.casefold() for w in seq[1:] if w.casefold() not in _JOINING))


def _noun_candidates(kb_aliases: dict[str, set[str]], vocabulary: set[str]
                     ) -> dict[str, tuple[str, ...]]:
    """One-word KB aliases that look like a German noun (``Patriot``), with their plural forms
    that are no alias themselves and that the ``vocabulary`` holds (``Patrioten``)."""
    found = {}
    for alias in kb_aliases:
        if alias.isalpha() and alias[:1].isupper() and alias[1:].islower():
            plurals = tuple(alias + e for e in _PLURAL_ENDINGS
                            if alias + e not in kb_aliases and alias + e in vocabulary)
            if plurals:
                found[alias] = plurals
    return found


def _count_sequences(tokens: list[list[str]], wanted: set[tuple]
                     ) -> tuple[Counter, Counter, dict[tuple, Counter]]:
    """How often each word sequence of ``wanted`` occurs in the sentences' words (a sequence
    of several words as :func:`_phrase_key`), how often right after an indefinite article or
    "kein", and in which spellings."""
    single = {seq[0] for seq in wanted if len(seq) == 1}
    by_first: dict[str, set[tuple]] = {}
    for seq in wanted:
        if len(seq) > 1:
            by_first.setdefault(seq[0], set()).add(seq)
    longest = {first: max(map(len, seqs)) for first, seqs in by_first.items()}
    pairs = {seq[:2] for seqs in by_first.values() for seq in seqs}
    firsts = single | set(by_first)
    found: Counter = Counter()
    indefinite: Counter = Counter()
    spellings: dict[tuple, Counter] = {}
    for words in tokens:
        if firsts.isdisjoint(words):
            continue
        for i, w in enumerate(words):
            if w not in firsts:
                continue
            seqs = [(w,)] if w in single else []
            if w in by_first and i + 1 < len(words):
                second = words[i + 1].casefold()
                if second in _JOINING and i + 2 < len(words):
                    second = words[i + 2].casefold()
                if (w, second) in pairs:
                    seqs += _phrases_at(words, i, by_first[w], longest[w], spellings)
            for seq in seqs:
                found[seq] += 1
                if i and words[i - 1].lower() in _INDEFINITE:
                    indefinite[seq] += 1
    return found, indefinite, spellings


def _phrases_at(words: list[str], i: int, keys: set[tuple], longest: int,
                spellings: dict[tuple, Counter]) -> list[tuple]:
    """The phrase keys of ``keys`` that start at ``words[i]``, their spellings counted."""
    key, found = [words[i]], []
    for j in range(i + 1, len(words)):
        folded = words[j].casefold()
        if folded in _JOINING:
            continue
        key.append(folded)
        if tuple(key) in keys:
            found.append(tuple(key))
            spellings.setdefault(tuple(key), Counter())[tuple(words[i:j + 1])] += 1
        if len(key) >= longest:
            break
    return found


#: The kind a noun right before a name gives it (``die Band The National``, ``das besetzte
#: Haus Liebig 34``, ``ihr Anführer Captain Future``, ``der Film Tenet``), by label. A noun
#: of six letters or more also counts as the end of a closed compound (``Hilfsorganisation``,
#: ``Wohngebäude``); a shorter one alone or after a hyphen (``Indierock-Band``, not
#: ``Sammelband``). Completed by the kinds of the role lexicon (``Partei``, ``Metropole``).
KIND_NOUNS = {
    "ORG": ("Band", "Gruppe", "Gruppierung", "Verein", "Club", "Klub", "Partei", "Firma",
            "Unternehmen", "Konzern", "Verlag", "Sender", "Zeitung", "Magazin", "Zeitschrift",
            "Blatt", "Portal", "Plattform", "Initiative", "Bündnis", "Organisation", "Agentur",
            "Stiftung", "Kollektiv", "Kompanie", "Anbieter", "Verband", "Institut", "Label",
            "Gewerkschaft", "Hersteller", "Kette", "Mannschaft", "Team", "Chor", "Orchester",
            "Ensemble", "Netzwerk"),
    "LOC": ("Haus", "Gebäude", "Hotel", "Stadt", "Dorf", "Gemeinde", "Ort", "Straße", "Platz",
            "Insel", "Region", "Bezirk", "Viertel", "Stadtteil", "Kiez", "Siedlung", "Park",
            "Fluss", "Berg", "Hafen", "Flughafen", "Bahnhof", "Stadion", "Landkreis",
            "Veranstaltungsort"),
    "PER": ("Anführer", "Anführerin", "Sänger", "Sängerin", "Rapper", "Rapperin", "Musiker",
            "Musikerin", "Künstler", "Künstlerin", "Autor", "Autorin", "Schauspieler",
            "Schauspielerin", "Regisseur", "Regisseurin", "Moderator", "Moderatorin", "Sprecher",
            "Sprecherin", "Gründer", "Gründerin"),
    "MISC": ("Film", "Serie", "Album", "Song", "Lied", "Titel", "Show", "Buch", "Roman",
             "Spiel", "Programm", "Festival", "Ausstellung", "Sendung", "Slogan", "Motto",
             "Währung", "Podcast", "Impfstoff", "Stück", "Oper", "Werk", "Thriller", "Drama",
             "Komödie", "Dokumentation", "Reihe", "Projekt", "Gesetz", "Paket", "Index",
             "Schiff", "Kampagne", "Aktion", "Veranstaltung", "Konferenz", "Begriff", "Name"),
}
#: The labels of the role lexicon's kinds.
ROLE_KIND_LABELS = {"place": "LOC", "organisation": "ORG", "medium": "ORG", "product": "MISC",
                    "office": "PER", "function": "PER", "descriptor": "PER",
                    "honorific": "PER"}
#: Which labels of the NER a kind may change, and to what: names of bands, houses and
#: nicknames tagged "other", and companies and media tagged as persons.
RELABEL = {"MISC": ("PER", "LOC", "ORG"), "PER": ("ORG",)}
#: A name the nouns before it give another kind at least this often, and more often than any
#: other kind, takes that kind's label.
MIN_KIND_CUES = 2
#: ``Pseudonym alias Michael B.``: a name joined to a person's by "alias" is a person's.
_ALIAS = re.compile(r"[“\"”'‘’»«]?\s+alias\s+")
_NOUN_BEFORE = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w\u2010\u2011-]*)\s*[„\"“‚'»«]?\s*$")


def kind_lexicon(roles: pd.DataFrame | None = None) -> dict[str, str]:
    """Noun -> label of :data:`KIND_NOUNS`, completed by the role lexicon's kinds."""
    lexicon = {noun: label for label, nouns in KIND_NOUNS.items() for noun in nouns}
    if roles is not None and "kind" in roles:
        for role, kind in zip(roles["role"], roles["kind"], strict=True):
            if isinstance(role, str) and ROLE_KIND_LABELS.get(kind):
                lexicon.setdefault(role.strip(), ROLE_KIND_LABELS[kind])
    return lexicon


def relabel_by_kind(mentions: pd.DataFrame, context: dict, *, kb_ids: set[str],
                    lexicon: dict[str, str]) -> pd.DataFrame:
    """Give a name the knowledge base does not know the label the nouns before it say.

    The NER tags some names of bands, houses and nicknames as "other" wherever they occur;
    the text says what they are: ``die Indierock-Band The National``, ``das Wohngebäude
    "Liebig 34"``, ``ihr Anführer "Captain Future"``. Each plain mention right after a noun
    of ``lexicon`` (:func:`kind_lexicon`) or next to a person by "alias" is a cue; a name with
    :data:`MIN_KIND_CUES` cues of one label, more than of any other, the NER's own label
    included, takes it under the id of that label, where :data:`RELABEL` allows the change
    (a person's name is also that of the show they host: ``die ARD-Sendung Anne Will``).
    """
    plain = mentions[~mentions["compound"].astype(bool) & mentions["label"].isin(RELABEL)
                     & ~mentions["entity_id"].isin(kb_ids)]
    if plain.empty:
        return mentions
    with_alias = {sid for sid, (_, text) in context.items() if " alias " in text}
    named = mentions[mentions["sentence_id"].isin(with_alias) & (mentions["label"] == "PER")]
    persons = set(zip(named["sentence_id"], named["start"], strict=True))
    cues: dict[str, Counter] = {}
    for m in table_rows(plain):
        start, text = context[m.sentence_id]
        label = _kind_before(text, m.start - start, lexicon)
        after = _ALIAS.match(text, m.end - start)
        if after and (m.sentence_id, start + after.end()) in persons:
            label = "PER"
        if label:
            cues.setdefault(m.entity_id, Counter())[label] += 1
    new_label = {}
    for entity_id, counted in cues.items():
        (label, n), *rest = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))
        current = entity_id.split(":", 1)[0].upper()
        if (label in RELABEL.get(current, ()) and n >= MIN_KIND_CUES
                and (not rest or n > rest[0][1])):
            new_label[entity_id] = label
    if not new_label:
        return mentions
    frame = mentions.copy()
    moved = frame.index[frame["entity_id"].isin(new_label)]
    new = {}
    for i in moved:
        label = new_label[frame.at[i, "entity_id"]]
        new[i] = (slugify(frame.at[i, "canonical"], label), frame.at[i, "canonical"], label)
    return _relabel(frame, new)


def _kind_before(text: str, at: int, lexicon: dict[str, str]) -> str | None:
    """The label of the kind noun right before ``text[at:]``, or None (also for the first
    word of the sentence)."""
    window = max(0, at - 60)
    found = _NOUN_BEFORE.search(text[window:at])
    if found is None or window + found.start(1) == 0:
        return None
    word = found.group(1).rsplit("-", 1)[-1]
    for form in (word, word[:-1] if word.endswith("s") else "", word[:-2]
                 if word.endswith("es") else ""):
        if form in lexicon:
            return lexicon[form]
        for n in range(3, len(form) - 5):  # Hilfs|organisation, not Fr|aktion
            if form[n:].capitalize() in lexicon:
                return lexicon[form[n:].capitalize()]
    return None


def kb_inflection_keys(aliases: dict) -> dict:
    """``(label, inflection_key)`` -> the one KB entity whose name of several words has it."""
    keys: dict[tuple[str, str], set] = {}
    for surface, entities in aliases.items():
        key = inflection_key(surface)
        for entity in entities if key else ():
            keys.setdefault((entity[2], key), set()).add(tuple(entity))
    return {k: next(iter(v)) for k, v in keys.items() if len(v) == 1}


def one_name_per_entity(mentions: pd.DataFrame, *, kb_names: dict | None = None,
                        published: pd.Series | dict | None = None) -> pd.DataFrame:
    """Give every entity id one ``canonical`` name, by a rule that does not depend on row order.

    ``kb_names`` maps the ids of renamed knowledge-base entities to ``(canonical, former)``
    (:func:`newslens.kb.split_former_names`); their name is the one of each article's
    ``published`` day if all agree, else both (``X (Twitter)``). Any other id keeps the most
    frequent of its names, ties to the longer, then the alphabetically first; a name with a
    line-break hyphen left in it (``Robert- Koch-Institut``) only if there is no other.
    """
    if mentions.empty:
        return mentions
    counts = mentions.groupby(["entity_id", "canonical"], sort=False).size()
    ranked = sorted(counts.items(), key=lambda kv: (kv[0][0], bool(_BROKEN.search(kv[0][1])),
                                                   -kv[1], -len(kv[0][1]), kv[0][1]))
    chosen: dict[str, str] = {}
    for (entity_id, name), _ in ranked:
        chosen.setdefault(entity_id, name)
    for entity_id, (canonical, former) in (kb_names or {}).items():
        articles = mentions.loc[mentions["entity_id"] == entity_id, "article_id"].unique()
        if len(articles):
            chosen[entity_id] = _name_of_time(canonical, former, articles, published)
    frame = mentions.copy()
    frame["canonical"] = frame["entity_id"].map(chosen)
    return frame


def _name_of_time(canonical: str, former: list, articles, published) -> str:
    if published is None:
        return name_at(canonical, former, None)
    dates = pd.Series(published)
    names = {name_at(canonical, former, dates.get(a)) for a in articles}
    return names.pop() if len(names) == 1 else name_at(canonical, former, None)
