"""Event mentions: a trigger in a sentence, with its actors, places, modality and date.

Actors are the PER and ORG entity mentions of the trigger's clause (``Trump-Putin-Treffen``:
the names inside the trigger word count too; the sentence's only when the clause is short);
places are its LOC mentions the same way (``US-Wahl`` -> USA). At most :data:`MAX_NAMES` of
each, the nearest to the trigger, so a long sentence does not hand every name to every event.
Names are canonical entity ids (``per:donald_trump``) with their canonical names. Sentences
marked as boilerplate (``sentences.boilerplate``, where the pipeline has it) are skipped.
"""

from __future__ import annotations

import bisect

import pandas as pd

from newslens.events import cues, dating, triggers

MAX_NAMES = 3
ACTOR_LABELS = ("PER", "ORG")
PLACE_LABELS = ("LOC",)
#: Classes whose triggers also count many (deaths, outbreaks): with a count and no person
#: in the clause they are a statistic, not an event.
STATISTIC_CLASSES = ("death", "outbreak")


def find_mentions(sentences: pd.DataFrame, mentions: pd.DataFrame, timexes: pd.DataFrame,
                  articles: pd.DataFrame) -> list[dict]:
    """One dict per event mention (internal: also the sentence text, for grouping)."""
    lexicon = triggers.lexicon()
    published = dict(zip(articles["article_id"].astype(str), articles["published"],
                         strict=True))
    names, times = _Index(mentions), _Index(timexes)
    rows: list[dict] = []
    if "boilerplate" in sentences.columns:
        sentences = sentences[~sentences["boilerplate"].fillna(False).astype(bool)]
    texts = sentences["text"].astype(str).tolist()
    ids, sentence_ids = sentences["article_id"].tolist(), sentences["sentence_id"].tolist()
    begins, ends = sentences["start"].tolist(), sentences["end"].tolist()
    for k, found in sorted(lexicon.find_many(texts).items()):
        article_id, sentence_id, s0, s1, text = (str(ids[k]), sentence_ids[k], begins[k],
                                                 ends[k], texts[k])
        if article_id not in published:
            raise ValueError(f"sentences: article_id {article_id!r} of {sentence_id} is not "
                             "in the articles table")
        in_sentence = names.within(article_id, s0, s1)
        dated = dating.usable_timexes(times.within(article_id, s0, s1), text, s0,
                                      published=published[article_id])
        for trigger in found:
            row = _mention(article_id, str(sentence_id), int(s0), text, trigger, in_sentence,
                           dated, published[article_id])
            if row is not None:
                rows.append(row)
    return rows


def _mention(article_id: str, sentence_id: str, s0: int, text: str, trigger, names: list[dict],
             timexes: list[dict], published) -> dict | None:
    """The mention of a trigger; None for a statistic (deaths or cases counted by the
    hundred, no person named: :data:`STATISTIC_CLASSES`)."""
    clause = cues.clause_span(text, trigger.start, trigger.end)
    actors = _nearest(names, ACTOR_LABELS, trigger, clause, s0)
    if trigger.event_class in STATISTIC_CLASSES and cues.is_count(text, clause) \
            and not any(str(m["label"]) == "PER" for m in actors):
        return None
    verb = trigger.pos == "verb"
    modality = cues.modality(text, trigger.start, trigger.end, clause, verb)
    date = dating.mention_date(text, trigger, clause, modality, timexes, s0,
                               pd.Timestamp(published))
    if date["date_source"] == "timex" and modality == "asserted" \
            and date["start_date"] > pd.Timestamp(published).normalize():
        modality = "planned"  # dated after publication: announced, not yet happened
    places = _nearest(names, PLACE_LABELS, trigger, clause, s0)
    return {
        "article_id": article_id, "sentence_id": sentence_id,
        "start": s0 + trigger.start, "end": s0 + trigger.end, "trigger": trigger.text,
        "lemma": trigger.lemma, "event_class": trigger.event_class,
        "actor_ids": [m["entity_id"] for m in actors],
        "actors": [m["canonical"] for m in actors],
        "place_ids": [m["entity_id"] for m in places],
        "places": [m["canonical"] for m in places],
        **date, "modality": modality, "published": published, "sentence": text,
    }


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
