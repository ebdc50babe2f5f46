"""Event mentions: a trigger in a sentence, with its actors, places, modality and date.

Actors are the PER and ORG entity mentions of the trigger's clause (``Trump-Putin-Treffen``:
the names inside the trigger word count too; the sentence's only when the clause is short);
places are its LOC mentions the same way (``US-Wahl`` -> USA). At most :data:`MAX_NAMES` of each, the nearest to
the trigger, so a long sentence does not hand every name to every event. Names are canonical
entity ids (``per:donald_trump``) with their canonical names. Sentences marked as boilerplate
(``sentences.boilerplate``, where the pipeline has it) are skipped.
"""

from __future__ import annotations

import bisect

import pandas as pd

from newslens.events import cues, dating, triggers

MAX_NAMES = 3
ACTOR_LABELS = ("PER", "ORG")
PLACE_LABELS = ("LOC",)


def find_mentions(sentences: pd.DataFrame, mentions: pd.DataFrame, timexes: pd.DataFrame,
                  articles: pd.DataFrame) -> list[dict]:
    """One dict per event mention (internal: also the sentence text, for grouping)."""
    lexicon = triggers.lexicon()
    published = dict(zip(articles["article_id"].astype(str), articles["published"],
                         strict=True))
    names, times = _by_article(mentions), _by_article(timexes)
    rows: list[dict] = []
    columns = ["article_id", "sentence_id", "start", "end", "text"]
    if "boilerplate" in sentences.columns:
        sentences = sentences[~sentences["boilerplate"].fillna(False).astype(bool)]
    for article_id, sentence_id, s0, s1, text in sentences[columns].itertuples(index=False):
        found = lexicon.find(text)
        if not found:
            continue
        article_id = str(article_id)
        if article_id not in published:
            raise ValueError(f"sentences: article_id {article_id!r} of {sentence_id} is not "
                             "in the articles table")
        in_sentence = _within(names, article_id, s0, s1)
        dated = dating.usable_timexes(_within(times, article_id, s0, s1), text, s0)
        for trigger in found:
            rows.append(_mention(article_id, str(sentence_id), int(s0), text, trigger,
                                 in_sentence, dated, published[article_id]))
    return rows


def _mention(article_id: str, sentence_id: str, s0: int, text: str, trigger, names: list[dict],
             timexes: list[dict], published) -> dict:
    clause = cues.clause_span(text, trigger.start, trigger.end)
    verb = trigger.pos == "verb"
    modality = cues.modality(text, trigger.start, trigger.end, clause, verb)
    date = dating.mention_date(text, trigger, clause, modality, timexes, s0,
                               pd.Timestamp(published))
    if date["date_source"] == "timex" and modality == "asserted" \
            and date["start_date"] > pd.Timestamp(published).normalize():
        modality = "planned"  # dated after publication: announced, not yet happened
    actors = _nearest(names, ACTOR_LABELS, trigger, clause, s0)
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
    inside = [m for m in candidates if start <= m["start"] and m["end"] <= end]
    plain = [m for m in candidates if not m.get("compound", False) and m not in inside]
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


def _by_article(table: pd.DataFrame) -> dict[str, tuple[list[int], list[dict]]]:
    """Rows per article sorted by start, with the starts for bisection."""
    index: dict[str, tuple[list[int], list[dict]]] = {}
    ordered = table.sort_values(["article_id", "start", "end"], kind="stable")
    for record in ordered.to_dict("records"):
        starts, records = index.setdefault(str(record["article_id"]), ([], []))
        starts.append(int(record["start"]))
        records.append(record)
    return index


def _within(index: dict, article_id: str, start: int, end: int) -> list[dict]:
    starts, rows = index.get(article_id, ([], []))
    first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return [r for r in rows[first:last] if int(r["end"]) <= end]
