"""Event mentions: a trigger in a sentence, with its actors, places, modality and date.

Actors are the PER and ORG entity mentions of the trigger's clause (``Trump-Putin-Treffen``:
the names inside the trigger word count too; the sentence's only when the clause is short);
places are its LOC mentions the same way (``US-Wahl`` -> USA); a clause that names nobody and
no place takes the places named inside its words (``es wurde laut US-Medien auf Eis gelegt``
-> USA, :func:`_in_words`). A country that modifies a noun
trigger is an actor too, first: in the word (``US-Wahl``, ``Russland-Sanktionen``: a country of
the knowledge base) or as an adjective right before it (``die russische Invasion``, ``der
amerikanischen Präsidentschaftswahl``, ``deutsch-französische Gespräche``: the adjectives of
``data/demonyms.csv``, each mapped to a knowledge-base entity). At most :data:`MAX_NAMES` of
each, the nearest to the trigger, so a long sentence does not hand every name to every event.
Names are canonical entity ids (``per:donald_trump``) with their canonical names. A clause
that names nobody but refers to a person gets that person (:func:`_referent`): a title with a
definite article (``der US-Präsident``) the most recent person introduced with that title in the
article (``US-Präsident Donald Trump``), a personal or possessive pronoun (``sagte er``, ``in
seiner Videobotschaft``) the nearest person before it in the sentence, else the most recent
person of the article within :data:`PRONOUN_WINDOW` characters. Sentences marked as
boilerplate (``sentences.boilerplate``, where the pipeline has it) are skipped.

The *lead* of an article is its first :data:`LEAD_SENTENCES` sentences starting within its first
:data:`LEAD_CHARS` characters: a news article tells its news there, often in the present tense
(``Hertz meldet Insolvenz an``, ``Der Minister tritt zurück``). Lexicon rows with ``requires =
lead`` (present-tense forms) are triggers only there, and there a mention may take the
publication day in the present tense too (:mod:`~newslens.events.dating`). A news digest (its
title says so: ``Nachrichten am Morgen - die Übersicht für Eilige``, cues of kind ``digest``) is
a list of leads: each of its sentences counts as one.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re

import pandas as pd

from newslens import config
from newslens.events import cues, dating, triggers

MAX_NAMES = 3
ACTOR_LABELS = ("PER", "ORG")
PLACE_LABELS = ("LOC",)
#: Classes whose triggers also count many (deaths, outbreaks): with a count and no person
#: in the clause they are a statistic, not an event.
STATISTIC_CLASSES = ("death", "outbreak")
#: Of those, the classes whose noun in the singular names one occurrence whatever its clause
#: counts (``der Corona-Ausbruch bei Tönnies mit 1500 Fällen``); ``Tod`` of nobody named
#: beside a count is a fate in general (``in den Tod geschickt``), no death reported.
ONE_OCCURRENCE_CLASSES = ("outbreak",)
#: Classes whose noun in a clause of application (``Antrag auf eine bedingte Zulassung``,
#: ``hat die Notfallzulassung beantragt``) names what was applied for: the mention is the
#: application, a request (CAMEO 02 appeal, lemma ``Antrag``), not the act granted.
REQUEST_CLASSES = ("approval",)
REQUEST_CLASS, REQUEST_LEMMA = "appeal", "Antrag"
#: How far back (characters) a pronoun looks for its person outside its sentence, and a title.
PRONOUN_WINDOW, TITLE_WINDOW = 400, 2000
DEMONYMS_FILE = "demonyms.csv"
#: Collective actors the recogniser does not find as one name (``Bund und Länder``, ``die
#: EU-Staats- und Regierungschefs``): a pattern and the knowledge-base entity it stands for.
ACTORS_FILE = "event_actors.csv"
#: The lead: the first sentences of an article (at most this many, starting within this many
#: characters of its beginning).
LEAD_SENTENCES, LEAD_CHARS = 4, 600
_PRONOUN = re.compile(r"(?<!\w)(?:[Ee]r|[Ss]ie|[Ss]eine[mnrs]?|[Ss]ein|[Ii]hre[mnrs]?|[Ii]hr)"
                      r"(?!\w)")
#: A possessive before a noun, at most four words between (``seine rund einen Monat alte``).
_POSSESSIVE = re.compile(r"(?<!\w)(?:[Ss]eine[mnrs]?|[Ss]ein|[Ii]hre[mnrs]?|[Ii]hr)"
                         r"(?:\s+[\w-]+){0,4}\s+$")
#: Words before an organisation that make it the addressee or medium of a speech act.
_ADDRESSED = re.compile(r"(?:\b(?:[Dd]em|[Gg]egenüber|[Ii]m|[Ii]n|[Ll]aut|[Bb]ei|[Zz]u|[Zz]um|"
                        r"[Vv]om|[Vv]ia|[Aa]uf|Interview|Gespräch|Sendung)\s+"
                        r"(?:\w+\s+){0,2}|\b(?:Interview|Gespräch)\s+der\s+(?:\w+\s+)?)$")
_TITLE = re.compile(r"(?<!\w)(?:[Dd]er|[Dd]ie|[Dd]es|[Dd]em|[Dd]en)\s+(?:[a-zäöüß]\w*\s+)?"
                    r"([A-ZÄÖÜ][\w-]{3,})")


def find_mentions(sentences: pd.DataFrame, mentions: pd.DataFrame, timexes: pd.DataFrame,
                  articles: pd.DataFrame) -> list[dict]:
    """One dict per event mention (internal: also the sentence text, for grouping)."""
    lexicon = triggers.lexicon()
    published = dict(zip(articles["article_id"].astype(str), articles["published"],
                         strict=True))
    mentions = _possible_actors(mentions)
    names, times = _Index(mentions), _Index(timexes)
    people = _People(mentions, articles)
    rows: list[dict] = []
    if "boilerplate" in sentences.columns:
        sentences = sentences[~sentences["boilerplate"].fillna(False).astype(bool)]
    units = _Units(sentences, articles, times)
    lengths = (dict(zip(articles["article_id"].astype(str), articles["text"].astype(str).str.len(),
                        strict=True)) if "text" in articles.columns else {})
    digests = ({a for a, title in zip(articles["article_id"].astype(str),
                                       articles["title"].fillna("").astype(str), strict=True)
                if cues.is_digest(title)} if "title" in articles.columns else set())
    for k, found in sorted(lexicon.find_many(units.texts).items()):
        article_id, s0, s1, text = (units.ids[k], units.begins[k], units.ends[k],
                                    units.texts[k])
        if article_id not in published:
            raise ValueError(f"sentences: article_id {article_id!r} of "
                             f"{units.sentence_id(k, 0)} is not in the articles table")
        in_sentence = names.within(article_id, s0, s1)
        raw = times.within(article_id, s0, s1)
        dated = dating.usable_timexes(raw, text, s0, published=published[article_id])
        # a sentence whose day, set or period was put aside (a day read more than half a year
        # off, am 5. Februar in August) is about another time, not news of the day
        aside = dating.set_aside(raw, dated, text, s0)
        news = lengths.get(article_id, 0) <= dating.LONG_READ and not cues.is_remote(text) \
            and not aside
        # in a news digest every sentence may be an item's lead
        lead = ((units.rank[k] < LEAD_SENTENCES and s0 < LEAD_CHARS) or article_id in digests) \
            and not aside
        make = functools.partial(_mention, article_id=article_id, s0=int(s0), text=text,
                                 names=in_sentence, timexes=dated,
                                 published=published[article_id], people=people, news=news,
                                 lead=lead)
        kept = _without_change_verbs(text, found)
        made = [make(trigger=t, sentence_id=units.sentence_id(k, t.start)) for t in kept]
        rows += [row for row in _redate_nouns(text, kept, made, make, units, k)
                 if row is not None]
    return rows


def _redate_nouns(text: str, kept: list, made: list, make, units: _Units, k: int) -> list:
    """The mentions of a sentence (``made``, of triggers ``kept``) with each noun trigger dated
    anew without the expressions that lie beyond another noun mention of the sentence: an
    expression after that noun belongs to its phrase (``die Kehrtwende in seinen Äußerungen
    wurde ausgelöst durch einen Anruf Putins in der vergangenen Woche`` dates the call; ``hat
    am Donnerstag in einer Regierungserklärung die jüngsten Corona-Beschlüsse verteidigt``
    dates the statement, not the decisions), unless that noun names the time of the sentence
    (``seine Äußerungen während des Gipfels am Montag``: cues of kind ``during``) or is the
    trigger's genitive attribute, the occasion it belongs to (``die Beschlüsse der
    Bund-Länder-Schalte vom Mittwoch``: :data:`_GENITIVE`)."""
    nouns = tuple((t.start, t.end) for t, row in zip(kept, made, strict=True)
                  if row is not None and t.pos != "verb"
                  and not cues.is_during(text, t.start, cues.clause_span(text, t.start, t.end)))
    out = []
    for trigger, row in zip(kept, made, strict=True):
        others = tuple(n for n in nouns if n != (trigger.start, trigger.end)
                       and not _GENITIVE.fullmatch(text, trigger.end, n[0]))
        if row is not None and others and trigger.pos != "verb" \
                and row["date_source"] == "timex":
            row = make(trigger=trigger, sentence_id=units.sentence_id(k, trigger.start),
                       nouns=others)
        out.append(row)
    return out


#: Between a noun and its genitive attribute: the article, at most two lower-case words
#: (``Beschlüsse der jüngsten Bund-Länder-Schalte``).
_GENITIVE = re.compile(r"\s+(?:der|des)\s+(?:[a-zäöüß][\w-]*\s+){0,2}")


def _possible_actors(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions that may be an event's actor or place: not a news agency, which is credited
    for the report, not a party to it (``(dpa)``, ``berichtete AFP``: kind ``agency`` of
    ``data/kb.csv``), not the article's own outlet, not a currency, unit or language."""
    keep = ~mentions["entity_id"].isin(_agencies()) if "entity_id" in mentions else \
        pd.Series(True, index=mentions.index)
    for column in ("self_mention", "unit"):
        if column in mentions:
            keep &= ~mentions[column].fillna(False).astype(bool)
    return mentions[keep]


@functools.cache
def _agencies() -> frozenset[str]:
    from newslens.kb import load_kb

    kb = load_kb()
    return frozenset(kb.loc[kb["kind"].astype(str) == "agency", "entity_id"])


class _Units:
    """The sentences as the triggers are read: a sentence that starts in lower case is the rest
    of the sentence before it, cut by a line break of the source (``Der Kreml`` / ``hatte die
    Vorwürfe ... zurückgewiesen.``), so is one that starts with a bracket after a sentence
    that ends in a word (``Bundesgesundheitsminister Jens Spahn`` / ``(CDU) wurde von dem
    Impfstart überrascht.``), and so is a sentence that a temporal expression runs into
    from the one before (``am 6.`` / ``Januar stürmten ...``: the splitter took the day's
    period for the end of a sentence); each is read together with the one before (text from
    the article)."""

    def __init__(self, sentences: pd.DataFrame, articles: pd.DataFrame,
                 timexes: _Index | None = None) -> None:
        bodies = (dict(zip(articles["article_id"].astype(str), articles["text"].astype(str),
                           strict=True)) if "text" in articles.columns else {})
        order = sentences.sort_values(["article_id", "start"], kind="stable")
        self.ids: list[str] = []
        self.begins: list[int] = []
        self.ends: list[int] = []
        self.texts: list[str] = []
        self.parts: list[list[tuple[int, str]]] = []  # (offset in the unit, sentence_id)
        self.rank: list[int] = []  # the unit's position in its article (0: the first)
        for article_id, sentence_id, start, end, text in zip(
                order["article_id"].astype(str).tolist(),
                order["sentence_id"].astype(str).tolist(), order["start"].tolist(),
                order["end"].tolist(), order["text"].astype(str).tolist(), strict=True):
            if ((text[:1].islower() or self._cut_timex(timexes, article_id, start)
                 or (text[:1] == "(" and self.texts and self.texts[-1][-1:].isalnum()))
                    and self.ids and self.ids[-1] == article_id
                    and (body := bodies.get(article_id)) is not None
                    and 0 <= start - self.ends[-1] <= 2
                    and body[start:end] == text
                    and body[self.begins[-1]:self.ends[-1]] == self.texts[-1]):
                self.parts[-1].append((start - self.begins[-1], sentence_id))
                self.ends[-1] = end
                self.texts[-1] = body[self.begins[-1]:end]
                continue
            self.rank.append(self.rank[-1] + 1 if self.ids and self.ids[-1] == article_id
                             else 0)
            self.ids.append(article_id)
            self.begins.append(start)
            self.ends.append(end)
            self.texts.append(text)
            self.parts.append([(0, sentence_id)])

    def _cut_timex(self, timexes: _Index | None, article_id: str, start: int) -> bool:
        """Whether a temporal expression starts in the unit before and ends in the sentence
        starting at ``start`` (of the same article)."""
        if timexes is None or not self.ids or self.ids[-1] != article_id:
            return False
        return timexes.crosses(article_id, self.begins[-1], start)

    def sentence_id(self, k: int, offset: int) -> str:
        """The id of the sentence of unit ``k`` that holds unit offset ``offset``."""
        parts = self.parts[k]
        return next(sid for begin, sid in reversed(parts) if begin <= offset)


def _without_change_verbs(text: str, found: list) -> list:
    """The triggers of a sentence less the verbs that only say a state word's change happened:
    ``einen Lockdown beschlossen`` is one mention (Lockdown), not two."""
    states = [t for t in found if t.needs("change")]
    if not states:
        return found
    spans = [cues.clause_span(text, t.start, t.end) for t in states]
    change = cues.cues().change
    return [t for t in found
            if not (t.pos == "verb" and change.fullmatch(t.text)
                    and any(lo <= t.start and t.end <= hi for lo, hi in spans))]


def _one_occurrence(trigger) -> bool:
    """A noun of :data:`ONE_OCCURRENCE_CLASSES` in the singular of its lemma (``der
    Corona-Ausbruch``, ``des Ausbruchs``): one occurrence, whatever its clause counts
    (``Ausbruch bei Tönnies: 2119 Fälle``), unlike a plural (``Ausbrüche``) or a death
    (``sind 900 Menschen gestorben``) that a count makes a statistic."""
    if trigger.pos == "verb" or trigger.needs("actor") \
            or trigger.event_class not in ONE_OCCURRENCE_CLASSES:
        return False
    word, lemma = trigger.text.lower(), trigger.lemma.lower()
    return any(word.endswith(lemma + ending) for ending in ("", "s", "es"))


def _mention(article_id: str, sentence_id: str, s0: int, text: str, trigger, names: list[dict],
             timexes: list[dict], published, people: _People | None = None, *,
             news: bool = True, lead: bool = False,
             nouns: tuple[tuple[int, int], ...] = ()) -> dict | None:
    """The mention of a trigger; None for a statistic (deaths or cases counted by the
    hundred, no person named, no singular noun: :data:`STATISTIC_CLASSES`) and for a
    lead-only form outside the lead."""
    clause = cues.clause_span(text, trigger.start, trigger.end)
    if trigger.event_class in REQUEST_CLASSES and trigger.pos != "verb" \
            and cues.is_request(text, clause):  # (a verb grants it: Antrag ... genehmigt)
        trigger = dataclasses.replace(trigger, lemma=REQUEST_LEMMA, event_class=REQUEST_CLASS)
    if trigger.needs("lead") and not (lead and not cues.has_modal(text, clause)):
        return None  # a present form tells the news only in the lead, and not after a modal
    if trigger.needs("change") and not cues.has_change(text, clause):
        return None  # a state (im Lockdown, die Sanktionen), no change reported
    actors = _nearest(names, ACTOR_LABELS, trigger, clause, s0)
    in_clause = [m for m in actors
                 if s0 + clause[0] <= m["start"] and m["end"] <= s0 + clause[1]
                 and not (s0 + trigger.start <= m["start"] and m["end"] <= s0 + trigger.end)]
    named = bool(in_clause)
    if people is not None and not any(str(m["label"]) == "PER" for m in in_clause):
        # nobody named, or only an organisation (``kündigte er auf Truth Social an``)
        referent = _referent(article_id, s0, text, trigger, clause, names, people)
        if referent is not None:
            inside = [m for m in actors
                      if s0 + trigger.start <= m["start"] and m["end"] <= s0 + trigger.end]
            actors = list({str(m["entity_id"]): m
                           for m in [*inside, referent, *in_clause]}.values())[:MAX_NAMES]
            named = True
    if trigger.needs("actor"):
        if not named:
            return None  # a speech act of nobody named or referred to (hieß es)
        # its one actor is the speaker: the nearest person (not the party in brackets or the
        # newspaper spoken to), else the nearest organisation not spoken to or through
        # (``dem Tagesspiegel``, ``in einem Interview der dpa``, ``gegenüber der Zeitung``)
        speakers = [m for m in actors if str(m["label"]) == "PER"] or [
            m for m in actors if not _ADDRESSED.search(text, 0, max(0, int(m["start"]) - s0))]
        if trigger.pos != "verb" and people is not None:
            # a possessive before a noun of speech names its speaker (in seinen Äußerungen),
            # whoever else the clause names (ausgelöst durch einen Anruf Putins)
            speakers = [m for m in [_owner(article_id, s0, text, trigger, names, people)]
                        if m is not None] or speakers
        if not speakers:
            return None
        actors = speakers[:1]
    if trigger.event_class in STATISTIC_CLASSES and cues.is_count(text, clause) \
            and not _one_occurrence(trigger) \
            and not any(str(m["label"]) == "PER" for m in actors):
        return None
    verb = trigger.pos == "verb"
    modality = cues.modality(text, trigger.start, trigger.end, clause, verb)
    date = dating.mention_date(text, trigger, clause, modality, timexes, s0,
                               pd.Timestamp(published), news=news, lead=lead, nouns=nouns)
    if date["date_source"] == "timex" and modality in ("asserted", "reported") \
            and date["start_date"] > pd.Timestamp(published).normalize():
        modality = "planned"  # dated after publication: announced, not yet happened
    if not trigger.needs("actor") and trigger.pos != "verb":
        actors = list({str(m["entity_id"]): m for m in [
            *_modifiers(text, trigger, s0, names), *actors]}.values())[:MAX_NAMES]
    if not trigger.needs("actor"):
        actors = list({str(m["entity_id"]): m for m in [
            *_collective(text, trigger, clause, s0), *actors]}.values())[:MAX_NAMES]
    places = _nearest(names, PLACE_LABELS, trigger, clause, s0)
    if not actors and not places:
        places = _in_words(names, clause, s0)
    return {
        "article_id": article_id, "sentence_id": sentence_id,
        "start": s0 + trigger.start, "end": s0 + trigger.end, "trigger": trigger.text,
        "lemma": trigger.lemma, "event_class": trigger.event_class,
        "actor_ids": [m["entity_id"] for m in actors],
        "actors": [m["canonical"] for m in actors],
        "place_ids": [m["entity_id"] for m in places],
        "places": [m["canonical"] for m in places],
        **date, "modality": modality, "published": published, "sentence": text,
        "sentence_start": s0,
    }


def _modifiers(text: str, trigger, s0: int, names: list[dict]) -> list[dict]:
    """The countries (and parties) that modify a noun trigger: a country named in the word
    (``US-Wahl``), an adjective of ``data/demonyms.csv`` right before it (``russische``), at
    most one other adjective between (``die russische militärische Invasion``)."""
    table = _demonyms()
    found = [m for m in names
             if s0 + trigger.start <= m["start"] and m["end"] <= s0 + trigger.end
             and (m["start"], m["end"]) != (s0 + trigger.start, s0 + trigger.end)
             and str(m.get("entity_id")) in table.countries]
    before = table.pattern.search(text, max(0, trigger.start - 80), trigger.start)
    if before is not None:
        for word in before.group(1).lower().split("-"):
            entity = table.stems.get(word) or table.stems.get(f"us-{word}")
            if entity is not None:
                found.append({"entity_id": entity[0], "canonical": entity[1], "label": "LOC"
                              if entity[0].startswith("loc:") else "ORG",
                              "start": s0 + before.start(1), "end": s0 + before.end(1)})
    return found


def _collective(text: str, trigger, clause: tuple[int, int], s0: int) -> list[dict]:
    """The collective actors (``data/event_actors.csv``) named in the trigger word
    (``Bund-Länder-Beschluss``) or its clause (``Bund und Länder beschlossen``), as entity
    mentions of their knowledge-base entity."""
    found = []
    for pattern, entity_id, canonical in _collectives():
        m = pattern.search(text, min(clause[0], trigger.start), max(clause[1], trigger.end))
        if m is not None:
            found.append({"entity_id": entity_id, "canonical": canonical, "label": "ORG",
                          "start": s0 + m.start(), "end": s0 + m.end()})
    return found


@functools.cache
def _collectives() -> list[tuple[re.Pattern, str, str]]:
    rows = pd.read_csv(config.DATA_DIR / ACTORS_FILE, dtype=str, keep_default_na=False)
    kb = pd.read_csv(config.DATA_DIR / "kb.csv", dtype=str, keep_default_na=False)
    canonical = dict(zip(kb["entity_id"], kb["canonical"], strict=True))
    out = []
    for number, row in enumerate(rows.itertuples(index=False), start=2):
        if row.entity_id not in canonical:
            raise ValueError(f"{ACTORS_FILE} line {number}: entity_id {row.entity_id!r} is "
                             "not in kb.csv")
        out.append((re.compile(rf"(?<![\w-])(?:{row.pattern})(?!\w)"), row.entity_id,
                    canonical[row.entity_id]))
    return out


class _Demonyms:
    """The adjectives of ``data/demonyms.csv`` compiled: stem -> (entity id, canonical name),
    the knowledge base's countries, and the pattern of an adjective before a trigger."""

    def __init__(self) -> None:
        rows = pd.read_csv(config.DATA_DIR / DEMONYMS_FILE, dtype=str, keep_default_na=False)
        kb = pd.read_csv(config.DATA_DIR / "kb.csv", dtype=str, keep_default_na=False)
        canonical = dict(zip(kb["entity_id"], kb["canonical"], strict=True))
        self.countries = set(kb.loc[kb["kind"] == "country", "entity_id"])
        self.stems: dict[str, tuple[str, str]] = {}
        for number, row in enumerate(rows.itertuples(index=False), start=2):
            if row.entity_id not in canonical:
                raise ValueError(f"{DEMONYMS_FILE} line {number}: entity_id "
                                 f"{row.entity_id!r} is not in kb.csv")
            for stem in row.adjective.lower().split("|"):
                self.stems[stem] = (row.entity_id, canonical[row.entity_id])
        stems = "|".join(sorted((re.escape(s) for s in self.stems), key=len, reverse=True))
        self.pattern = re.compile(
            rf"(?<![\w-])((?:(?:{stems})-)*(?:{stems}))(?:e|en|er|es|em)\s+"
            r"(?:[a-zäöüß]\w*(?:e|en|er|es|em)\s+)?$", re.IGNORECASE)


@functools.cache
def _demonyms() -> _Demonyms:
    return _Demonyms()


def _nearest(names: list[dict], labels: tuple[str, ...], trigger, clause: tuple[int, int],
             s0: int) -> list[dict]:
    """The named entities of ``labels`` for a trigger: inside the trigger word and in its
    clause, else in the sentence (plain mentions only outside the trigger word), nearest
    first, one per entity, at most :data:`MAX_NAMES`."""
    start, end = s0 + trigger.start, s0 + trigger.end
    candidates = [m for m in names if str(m["label"]) in labels and _has_id(m)]
    # A name inside the trigger word counts (Trump-Putin-Treffen), the whole word does not:
    # a trigger the recogniser took for a name (Brand) is no actor of itself.
    inside = [m for m in candidates if start <= m["start"] and m["end"] <= end
              and (m["start"], m["end"]) != (start, end)]
    plain = [m for m in candidates if not m.get("compound", False)
             and not (start <= m["start"] and m["end"] <= end)]
    scope = [m for m in plain if s0 + clause[0] <= m["start"] and m["end"] <= s0 + clause[1]]
    if not scope and clause[1] - clause[0] > 40:
        plain = []
    chosen = inside + sorted(scope or plain,
                             key=lambda m: (max(m["start"] - end, start - m["end"], 0),
                                            m["start"]))
    unique: dict[str, dict] = {}
    for m in chosen:
        unique.setdefault(str(m["entity_id"]), m)
    return list(unique.values())[:MAX_NAMES]


def _in_words(names: list[dict], clause: tuple[int, int], s0: int) -> list[dict]:
    """The places named inside the words of a clause that names nobody and no place on its
    own (``es wurde laut US-Medien auf Eis gelegt``, ``die Vereinbarung über eine Waffenruhe
    nach zwei Jahren Gazakrieg``): better a place a word names than none."""
    unique: dict[str, dict] = {}
    for m in names:
        if str(m["label"]) in PLACE_LABELS and _has_id(m) and m.get("compound", False) \
                and s0 + clause[0] <= m["start"] and m["end"] <= s0 + clause[1]:
            unique.setdefault(str(m["entity_id"]), m)
    return list(unique.values())[:MAX_NAMES]


def _owner(article_id: str, s0: int, text: str, trigger, names: list[dict],
           people: _People) -> dict | None:
    """The person a possessive right before a noun trigger refers to (``seine rund einen
    Monat alte Äußerung``, ``in ihren Äußerungen``: at most four words between), as a personal
    pronoun refers (:func:`_referent`), or None."""
    owner = _POSSESSIVE.search(text, max(0, trigger.start - 60), trigger.start)
    if owner is None:
        return None
    before = [m for m in names if str(m["label"]) == "PER" and _has_id(m)
              and m["end"] <= s0 + owner.start()]
    return before[-1] if before else people.latest(article_id, s0 + owner.start(),
                                                   PRONOUN_WINDOW)


def _referent(article_id: str, s0: int, text: str, trigger, clause: tuple[int, int],
              names: list[dict], people: _People) -> dict | None:
    """The person a clause without names refers to (module docstring), or None."""
    left, right = clause
    title = _TITLE.search(text, left, right)
    if title is not None:
        found = people.titled(article_id, s0 + title.start(), title.group(1))
        if found is not None:
            return found
    if not _PRONOUN.search(text, left, right):
        return None
    before = [m for m in names if str(m["label"]) == "PER" and _has_id(m)
              and m["end"] <= s0 + left]
    if before:
        return before[-1]
    return people.latest(article_id, s0, PRONOUN_WINDOW)


class _People:
    """The named persons of each article in text order; the word before each is its title
    (``US-Präsident`` of ``US-Präsident Donald Trump``), read from the text when asked."""

    def __init__(self, mentions: pd.DataFrame, articles: pd.DataFrame) -> None:
        self.bodies = (dict(zip(articles["article_id"].astype(str),
                                articles["text"].astype(str), strict=True))
                       if "text" in articles.columns else {})
        ids = mentions["entity_id"]
        keep = (mentions["label"].astype(str) == "PER").to_numpy() & \
            ids.notna().to_numpy() & (ids.astype(str) != "").to_numpy()
        persons = mentions.loc[keep, ["article_id", "start", "end", "label", "entity_id",
                                      "canonical"]]
        persons = persons.sort_values(["article_id", "start"], kind="stable")
        columns = {c: persons[c].tolist() for c in persons.columns}
        self.names = list(columns)
        self.rows: dict[str, list[tuple]] = {}
        for row in zip(*columns.values(), strict=True):
            self.rows.setdefault(str(row[0]), []).append(row)
        self.starts = {k: [int(r[1]) for r in rows] for k, rows in self.rows.items()}

    def _row(self, row: tuple) -> dict:
        return dict(zip(self.names, row, strict=True))

    def latest(self, article_id: str, before: int, window: int) -> dict | None:
        rows, starts = self.rows.get(article_id, []), self.starts.get(article_id, [])
        k = bisect.bisect_left(starts, before) - 1
        if k >= 0 and before - int(rows[k][2]) <= window:
            return self._row(rows[k])
        return None

    def titled(self, article_id: str, before: int, noun: str) -> dict | None:
        """The most recent person introduced with a title ending in ``noun`` (at least five
        letters: ``Präsident`` finds ``US-Präsident Donald Trump``)."""
        stem = noun.lower().rstrip("s")
        if len(stem) < 5:
            return None
        rows, starts = self.rows.get(article_id, []), self.starts.get(article_id, [])
        body = self.bodies.get(article_id, "")
        for k in range(bisect.bisect_left(starts, before) - 1, -1, -1):
            if before - int(rows[k][2]) > TITLE_WINDOW:
                break
            words = body[max(0, starts[k] - 40):starts[k]].split()
            title = words[-1].strip(",;:()„“\"").lower() if words else ""
            if len(title) >= 5 and (title.endswith(stem) or stem.endswith(title)):
                return self._row(rows[k])
        return None


def _has_id(m: dict) -> bool:
    value = m.get("entity_id")
    return isinstance(value, str) and value != ""


class _Index:
    """Rows of a table per article, sorted by start, found by bisection; a row becomes a dict
    only when a sentence with a trigger asks for it (most sentences have none)."""

    def __init__(self, table: pd.DataFrame) -> None:
        ordered = table.sort_values(["article_id", "start", "end"], kind="stable")
        self.columns = {c: ordered[c].tolist() for c in ordered.columns}
        self.names = list(self.columns)
        self.articles: dict[str, tuple[list[int], int]] = {}
        ids, starts = self.columns["article_id"], self.columns["start"]
        for k, article_id in enumerate(ids):
            key = str(article_id)
            if key not in self.articles:
                self.articles[key] = ([], k)
            self.articles[key][0].append(int(starts[k]))

    def within(self, article_id: str, start: int, end: int) -> list[dict]:
        starts, offset = self.articles.get(article_id, ([], 0))
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        rows = [{c: self.columns[c][offset + k] for c in self.names}
                for k in range(first, last)]
        return [r for r in rows if int(r["end"]) <= end]

    def crosses(self, article_id: str, start: int, boundary: int) -> bool:
        """Whether a row starting in ``[start, boundary)`` ends after ``boundary``."""
        starts, offset = self.articles.get(article_id, ([], 0))
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, boundary)
        ends = self.columns["end"]
        return any(int(ends[offset + k]) > boundary for k in range(first, last))
