"""Events: triggers, actors, the date that belongs to the trigger, modality, grouping.

Every test builds its own small sentences / mentions / timexes tables from a few German
sentences (offsets are computed from the surface strings, never typed), so the expected values
can be checked by reading the sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pytest

from newslens.events import (
    EVENT_COLUMNS,
    GROUP_COLUMNS,
    assign_groups,
    event_actors,
    event_summary,
    extract_events,
    group_events,
    split_names,
)

PER, LOC, ORG = "PER", "LOC", "ORG"
TRUMP = ("Trump", PER, "Donald Trump")
PUTIN = ("Putin", PER, "Wladimir Putin")


class Doc(NamedTuple):
    """One article: sentences (joined by a space), mentions and temporal expressions given by
    surface string in reading order: ``(surface, label, canonical[, compound])`` and
    ``(surface, start_date, end_date, granularity[, kind])``."""

    article_id: str
    published: str
    sentences: list[str]
    mentions: list[tuple] = []
    timexes: list[tuple] = []


def tables(*docs: Doc) -> tuple[pd.DataFrame, ...]:
    """sentences, mentions, timexes, articles for ``docs``."""
    sentences, mentions, timexes, articles = [], [], [], []
    for doc in docs:
        text = " ".join(doc.sentences)
        articles.append((doc.article_id, pd.Timestamp(doc.published), text))
        offset = 0
        for n, sentence in enumerate(doc.sentences):
            sentences.append((doc.article_id, f"{doc.article_id}:s{n:04d}", offset,
                              offset + len(sentence), sentence))
            offset += len(sentence) + 1
        for start, end, (surface, label, canonical, *compound) in _spans(text, doc.mentions):
            mentions.append((doc.article_id, start, end, surface, label, canonical,
                             bool(compound and compound[0])))
        for start, end, (surface, first, last, granularity, *kind) in _spans(text, doc.timexes):
            timexes.append((doc.article_id, start, end, surface, pd.Timestamp(first),
                            pd.Timestamp(last), granularity, False,
                            kind[0] if kind else "date"))
    return (
        pd.DataFrame(sentences, columns=["article_id", "sentence_id", "start", "end", "text"]),
        pd.DataFrame(mentions, columns=["article_id", "start", "end", "text", "label",
                                        "canonical", "compound"]),
        pd.DataFrame(timexes, columns=["article_id", "start", "end", "text", "start_date",
                                       "end_date", "granularity", "vague", "kind"]),
        pd.DataFrame(articles, columns=["article_id", "published", "text"]),
    )


def _spans(text: str, items: list[tuple]):
    position = 0
    for item in items:
        start = text.index(item[0], position)
        position = start + 1
        yield start, start + len(item[0]), item


def events_of(*docs: Doc) -> pd.DataFrame:
    return extract_events(*tables(*docs))


def event_id(doc: Doc, surface: str) -> str:
    """The id of the record whose trigger starts where ``surface`` first occurs in ``doc``."""
    start = " ".join(doc.sentences).index(surface)
    end = start + len(surface.split()[0])
    return f"{doc.article_id}:e{start:06d}-{end:06d}"


def only(events: pd.DataFrame, trigger: str) -> pd.Series:
    rows = events[events["trigger"] == trigger]
    assert len(rows) == 1, f"expected one record for {trigger!r}, got {len(rows)}"
    return rows.iloc[0]


# -- triggers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "trigger", "lemma", "event_class"), [
    ("Vor dem zweiten Gipfeltreffen ließ er aufhorchen.", "Gipfeltreffen", "Treffen", "meeting"),
    ("Es sollte ein persönliches Vor-Treffen folgen.", "Vor-Treffen", "Treffen", "meeting"),
    ("Er kam zum Oktober-Gipfel nach Brüssel.", "Oktober-Gipfel", "Gipfel", "meeting"),
    ("Danach wolle er ein Sechs-Augen-Gespräch führen.", "Sechs-Augen-Gespräch", "Gespräch",
     "meeting"),
    ("Beide seien nicht zu Friedensgesprächen bereit.", "Friedensgesprächen", "Gespräch",
     "meeting"),
    ("Es gab Spekulationen über Luftangriffe.", "Luftangriffe", "Angriff", "attack"),
    ("Zudem soll das Paket mit EU-Russland-Sanktionen kommen.", "EU-Russland-Sanktionen",
     "Sanktion", "sanctions"),
    ("Sie sprachen über eine Waffenruhe.", "Waffenruhe", "Waffenruhe", "agreement"),
    ("Rubio und Lawrow telefonierten am Abend.", "telefonierten", "telefonieren", "call"),
    ("Trump will sich mit Putin treffen.", "treffen", "treffen", "meeting"),
    ("Ein Telefongespräch fand statt.", "Telefongespräch", "Telefongespräch", "call"),
    ("Das Telefonat mit Putin war ein gutes Gespräch am Telefon.", "Gespräch", "Gespräch",
     "call"),
])
def test_triggers_match_words_and_compound_heads(sentence, trigger, lemma, event_class):
    record = only(events_of(Doc("a", "2025-10-21", [sentence])), trigger)
    assert (record["lemma"], record["event_class"]) == (lemma, event_class)


@pytest.mark.parametrize("sentence", [
    "Der Angriffskrieg dauert an.",  # head Krieg
    "Er ist ein schwieriger Gesprächspartner.",  # head Partner
    "Die Auswahl ist groß.",  # not Wahl
    "Die Ukraine will eine offensivere Rolle spielen.",  # adjective
    "Die Entscheidung wurde getroffen.",  # treffen without sich
    "Das wird viele betreffen.",
    "Am Kiosk gab es keine Treffer.",
    "Wir haben keine andere Wahl.",  # idiom, not an election
    "Die Regierung will das in Angriff nehmen.",
    "Das sagte er im Gespräch mit der Zeitung.",
])
def test_no_trigger_in_words_that_only_look_like_one(sentence):
    assert events_of(Doc("a", "2025-10-21", [sentence])).empty


def test_record_columns_ids_offsets_and_types():
    doc = Doc("a", "2025-10-21",
              ["Das Putin-Trump-Treffen in Alaska hatte im August stattgefunden."],
              [("Putin", PER, "Wladimir Putin", True), ("Trump", PER, "Donald Trump", True),
               ("Alaska", LOC, "Alaska")],
              [("August", "2025-08-01", "2025-08-31", "month")])
    events = events_of(doc)
    assert list(events.columns) == EVENT_COLUMNS
    record = events.iloc[0]
    assert record["event_id"] == event_id(doc, "Putin-Trump-Treffen") == "a:e000004-000023"
    assert " ".join(doc.sentences)[record["start"]:record["end"]] == "Putin-Trump-Treffen"
    assert record["actors"] == "Donald Trump | Wladimir Putin"
    assert record["persons"] == "Donald Trump | Wladimir Putin"
    assert record["places"] == "Alaska"
    august = " ".join(doc.sentences).index("August")
    assert (record["timex_text"], record["timex_start"], record["timex_end"]) == \
        ("August", august, august + 6)
    assert (record["start_date"], record["end_date"], record["granularity"]) == \
        (pd.Timestamp("2025-08-01"), pd.Timestamp("2025-08-31"), "month")
    assert record["modality"] == "happened"
    assert events["start_date"].dtype == "datetime64[ns]"
    assert events["published"].dtype == "datetime64[ns]"
    assert events["start"].dtype == "int64"
    assert list(events["modality"].cat.categories) == \
        ["happened", "planned", "hypothetical", "unknown"]


# -- actors and places -------------------------------------------------------------------------


def test_names_in_compounds_count_only_as_part_of_the_trigger():
    doc = Doc("a", "2025-10-21",
              ["Kremlchef Putin will mit Trump über den Ukraine-Krieg sprechen und plant ein "
               "Treffen."],
              [("Kreml", ORG, "Kreml", True), PUTIN, TRUMP, ("Ukraine", LOC, "Ukraine", True)])
    assert only(events_of(doc), "Treffen")["actors"] == "Donald Trump | Wladimir Putin"


def test_sources_are_not_actors():
    doc = Doc("a", "2025-10-21",
              ["Nach Angaben des Kremls haben Putin und Trump laut Tass telefoniert."],
              [("Kremls", ORG, "Kreml"), PUTIN, TRUMP, ("Tass", ORG, "Tass")])
    record = only(events_of(doc), "telefoniert")
    assert (record["actors"], record["organisations"]) == ("Donald Trump | Wladimir Putin", "")


def test_a_trigger_in_a_topical_phrase_takes_the_names_of_its_phrase():
    doc = Doc("a", "2025-10-16",
              ["Nach der Invasion im Februar 2022 herrschte unter Joe Biden Funkstille.",
               "Er werde mit Selenskyj über sein Telefonat mit Putin sprechen."],
              [("Joe Biden", PER, "Joe Biden"), ("Selenskyj", PER, "Wolodymyr Selenskyj"),
               PUTIN],
              [("Februar 2022", "2022-02-01", "2022-02-28", "month")])
    events = events_of(doc)
    assert only(events, "Invasion")[["actors", "actor_source"]].tolist() == ["", "none"]
    assert only(events, "Telefonat")["actors"] == "Wladimir Putin"


def test_an_anaphor_takes_actors_and_places_of_its_antecedent():
    doc = Doc("a", "2025-10-16",
              ["Trump will sich mit Putin in der ungarischen Hauptstadt Budapest treffen.",
               "Stattfinden werde das Treffen in den nächsten zwei Wochen.",
               "Der erste Gipfel hatte im August stattgefunden."],
              [TRUMP, PUTIN, ("Budapest", LOC, "Budapest")],
              [("in den nächsten zwei Wochen", "2025-10-16", "2025-10-30", "week", "span"),
               ("August", "2025-08-01", "2025-08-31", "month")])
    events = events_of(doc)
    first, second, third = (events.iloc[k] for k in range(3))
    assert (first["trigger"], first["places"]) == ("treffen", "Budapest")
    assert second[["actors", "places", "actor_source", "antecedent_id"]].tolist() == \
        ["Donald Trump | Wladimir Putin", "Budapest", "antecedent", first["event_id"]]
    assert third[["actors", "places", "actor_source"]].tolist() == ["", "", "none"]


def test_names_in_another_triggers_phrase_are_left_to_it():
    doc = Doc("a", "2025-10-21",
              ["Trump sagte, Putin habe nach einem Telefonat mit Rubio einem Treffen mit "
               "Selenskyj zugestimmt."],
              [TRUMP, PUTIN, ("Rubio", PER, "Marco Rubio"),
               ("Selenskyj", PER, "Wolodymyr Selenskyj")])
    events = events_of(doc)
    assert only(events, "Telefonat")["actors"] == "Marco Rubio"
    assert only(events, "Treffen")["actors"] == "Wladimir Putin | Wolodymyr Selenskyj"


def test_event_actors_is_the_long_table():
    doc = Doc("a", "2025-10-21", ["Putin empfing Trump und die NATO."],
              [PUTIN, TRUMP, ("NATO", ORG, "NATO")])
    actors = event_actors(events_of(doc))
    received = event_id(doc, "empfing")
    assert actors[["event_id", "actor", "label"]].values.tolist() == [
        [received, "Donald Trump", "PER"], [received, "Wladimir Putin", "PER"],
        [received, "NATO", "ORG"]]
    assert split_names("") == [] and split_names("A | B") == ["A", "B"]


# -- the date that belongs to the trigger ------------------------------------------------------


def test_the_date_of_the_trigger_not_of_the_reporting_verb():
    doc = Doc("a", "2025-10-21",
              ["Trump sagte am Montag, das Treffen mit Putin solle am Donnerstag stattfinden.",
               "Trump erklärte vergangene Woche, ein Treffen mit Putin werde vorbereitet."],
              [TRUMP, PUTIN, TRUMP, PUTIN],
              [("Montag", "2025-10-20", "2025-10-20", "day"),
               ("Donnerstag", "2025-10-23", "2025-10-23", "day"),
               ("vergangene Woche", "2025-10-13", "2025-10-19", "week")])
    first, second = events_of(doc).itertuples(index=False)
    assert (first.timex_text, first.start_date, first.modality) == \
        ("Donnerstag", pd.Timestamp("2025-10-23"), "planned")
    assert pd.isna(second.start_date) and pd.isna(second.timex_text)
    assert pd.isna(second.timex_start)


def test_the_date_of_the_announced_visit_not_of_the_announcement():
    doc = Doc("a", "2025-10-20",
              ["Szijjarto kündigte für Dienstag einen Besuch in Washington an."],
              [("Szijjarto", PER, "Peter Szijjarto"), ("Washington", LOC, "Washington")],
              [("Dienstag", "2025-10-21", "2025-10-21", "day")])
    events = events_of(doc)
    visit, announcement = only(events, "Besuch"), only(events, "kündigte")
    assert (visit["start_date"], visit["places"], visit["modality"]) == \
        (pd.Timestamp("2025-10-21"), "Washington", "planned")
    assert pd.isna(announcement["start_date"]) and announcement["modality"] == "happened"


def test_a_date_before_an_announcing_participle_is_the_announcement_s():
    doc = Doc("a", "2025-10-21",
              ["Das am Montag angekündigte Treffen soll am Donnerstag stattfinden."], [],
              [("Montag", "2025-10-20", "2025-10-20", "day"),
               ("Donnerstag", "2025-10-23", "2025-10-23", "day")])
    events = events_of(doc)
    assert only(events, "Treffen")["timex_text"] == "Donnerstag"
    assert only(events, "angekündigte")["timex_text"] == "Montag"


def test_no_date_outside_the_phrase_of_a_topical_trigger():
    doc = Doc("a", "2025-10-16",
              ["Er werde am Freitag über sein Telefonat mit Putin sprechen.",
               "Nach dem Gipfeltreffen in Washington in der vergangenen Woche blieb es vage."],
              [PUTIN, ("Washington", LOC, "Washington")],
              [("Freitag", "2025-10-17", "2025-10-17", "day"),
               ("vergangenen Woche", "2025-10-06", "2025-10-12", "week")])
    events = events_of(doc)
    assert pd.isna(only(events, "Telefonat")["start_date"])
    summit = only(events, "Gipfeltreffen")
    assert (summit["timex_text"], summit["places"], summit["modality"]) == \
        ("vergangenen Woche", "Washington", "happened")


def test_a_narrower_nested_date_wins_and_spans_since_do_not_date_an_event():
    doc = Doc("a", "2025-10-21",
              ["Costa lud ihn zu dem am Donnerstag beginnenden Oktober-Gipfel ein.",
               "Es war die erste Begegnung mit Putin seit mehr als vier Jahren."],
              [("Costa", PER, "António Costa"), PUTIN],
              [("Donnerstag", "2025-10-23", "2025-10-23", "day"),
               ("Oktober", "2025-10-01", "2025-10-31", "month"),
               ("seit mehr als vier Jahren", "2021-10-21", "2025-10-21", "year", "span")])
    events = events_of(doc)
    summit = only(events, "Oktober-Gipfel")
    assert (summit["timex_text"], summit["granularity"]) == ("Donnerstag", "day")
    assert pd.isna(only(events, "Begegnung")["start_date"])


def test_durations_and_vague_expressions_do_not_date_an_event():
    doc = Doc("a", "2025-10-21", ["Das Treffen dauerte zwei Stunden und fand derzeit statt."],
              [], [("zwei Stunden", None, None, None, "duration")])
    docs = tables(doc)
    timexes = pd.concat([docs[2], pd.DataFrame([{
        "article_id": "a", "start": 45, "end": 52, "text": "derzeit",
        "start_date": pd.NaT, "end_date": pd.NaT, "granularity": None, "vague": True,
        "kind": "vague"}])], ignore_index=True)
    events = extract_events(docs[0], docs[1], timexes, docs[3])
    assert pd.isna(events.iloc[0]["start_date"])


# -- modality ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "timex", "modality"), [
    ("Das Treffen soll in Budapest stattfinden.", None, "planned"),
    ("Trump will sich mit Putin treffen.", None, "planned"),
    ("Danach sprach er von einem zweiten geplanten Treffen.", None, "planned"),
    ("Moskau dementierte Pläne für ein solches Treffen.", None, "planned"),
    ("Putin habe einem Treffen mit Selenskyj zugestimmt.", None, "planned"),
    ("Ein Treffen könnte bereits stattfinden.", None, "hypothetical"),
    ("Ein Gipfeltreffen würde ihn aufwerten.", None, "hypothetical"),
    ("Die Debatte nach einem möglichen Friedensabkommen bleibt vage.", None, "hypothetical"),
    ("Der erste Gipfel hatte in Alaska stattgefunden.", None, "happened"),
    ("Rubio und Lawrow telefonierten.", None, "happened"),
    ("Das letzte Treffen liegt lange zurück.", None, "happened"),
    ("Er zögert seit seinem Treffen.", None, "happened"),
    ("Das Treffen ist kommende Woche.", ("kommende Woche", "2025-10-27", "2025-11-02", "week"),
     "planned"),
    ("Das Treffen ist im August.", ("August", "2025-08-01", "2025-08-31", "month"),
     "happened"),
    ("Das Treffen ist ein Gewinn.", None, "unknown"),
])
def test_modality_cues(sentence, timex, modality):
    doc = Doc("a", "2025-10-21", [sentence], [], [timex] if timex else [])
    events = events_of(doc)
    assert events["modality"].astype(str).tolist()[-1:] == [modality]


# -- grouping ----------------------------------------------------------------------------------


ALASKA_A = Doc("a", "2025-08-26",
               ["Trump hatte Mitte August in Alaska ein Gipfeltreffen mit Putin abgehalten."],
               [TRUMP, ("Alaska", LOC, "Alaska"), PUTIN],
               [("Mitte August", "2025-08-11", "2025-08-20", "month")])
ALASKA_B = Doc("b", "2025-10-16",
               ["Trump will sich mit Putin in Budapest treffen.",
                "Das letzte persönliche Treffen von Trump und Putin liegt rund zwei Monate "
                "zurück.",
                "Der US-Präsident hatte den Kremlchef im August im US-Staat Alaska empfangen.",
                "Zuvor hatte Trump sich in Washington mit Selenskyj am 18. August getroffen."],
               [TRUMP, PUTIN, ("Budapest", LOC, "Budapest"), TRUMP, PUTIN,
                ("US", LOC, "USA", True), ("Alaska", LOC, "Alaska"), TRUMP,
                ("Washington", LOC, "Washington"), ("Selenskyj", PER, "Wolodymyr Selenskyj")],
               [("rund zwei Monate zurück", "2025-08-01", "2025-08-31", "month"),
                ("August", "2025-08-01", "2025-08-31", "month"),
                ("18. August", "2025-08-18", "2025-08-18", "day")])


def test_two_articles_reporting_the_same_summit_are_one_event():
    groups = group_events(events_of(ALASKA_A, ALASKA_B))
    assert list(groups.columns) == GROUP_COLUMNS
    assert groups[["label", "n_articles", "n_records", "article_ids", "modality"]] \
        .values.tolist() == [
            ["Treffen Putin/Trump, Alaska", 2, 3, "a | b", "happened"],
            ["Treffen Selenskyj/Trump, Washington", 1, 1, "b", "happened"],
            ["Treffen Putin/Trump, Budapest", 1, 1, "b", "planned"],
        ]
    alaska = groups.iloc[0]
    assert (alaska["start_date"], alaska["end_date"], alaska["granularity"],
            alaska["date_basis"]) == (pd.Timestamp("2025-08-11"), pd.Timestamp("2025-08-20"),
                                      "month", "consensus")
    assert (alaska["actors"], alaska["places"]) == ("Donald Trump | Wladimir Putin", "Alaska")
    assert alaska["event_ids"] == " | ".join([event_id(ALASKA_A, "Gipfeltreffen"),
                                              event_id(ALASKA_B, "Treffen von"),
                                              event_id(ALASKA_B, "empfangen")])
    assert groups["n_articles"].dtype == "int64"


def _event(event_id, actors, places, start=None, end=None, *, published="2025-10-21",
           event_class="meeting", modality="planned"):
    return {"event_id": event_id, "article_id": event_id.split(":")[0],
            "sentence_id": event_id + ":s", "start": 0, "end": 1, "event_class": event_class,
            "actors": actors, "persons": actors, "organisations": "", "places": places,
            "start_date": pd.Timestamp(start) if start else pd.NaT,
            "end_date": pd.Timestamp(end) if end else pd.NaT, "granularity": None,
            "published": pd.Timestamp(published), "modality": modality}


def test_different_events_are_not_grouped_and_a_vague_record_does_not_chain_them():
    tp = "Donald Trump | Wladimir Putin"
    events = pd.DataFrame([
        _event("a:1", tp, "Alaska", "2025-08-11", "2025-08-20", published="2025-08-26",
               modality="happened"),
        _event("b:1", tp, "Budapest", "2025-10-16", "2025-10-30", published="2025-10-16"),
        _event("c:1", tp, ""),  # undated, no place, 21 October: the Budapest news cycle
        _event("d:1", "", "Alaska", "2025-08-01", "2025-08-31", modality="happened"),
        _event("e:1", tp, "", event_class="call"),  # same actors, another class
        _event("f:1", "Donald Trump", "", "2025-10-20", "2025-10-20"),  # 1 actor, no place
        _event("g:1", tp, "", "2025-08-01", "2025-10-31"),  # overlaps both summits
    ])
    groups = assign_groups(events).set_index("event_id")["group_id"]
    assert groups["a:1"] == groups["d:1"]
    assert groups["b:1"] == groups["c:1"]
    assert groups["a:1"] != groups["b:1"]
    assert len({groups["a:1"], groups["b:1"], groups["e:1"], groups["f:1"]}) == 4
    assert groups["g:1"] in (groups["a:1"], groups["b:1"])  # joins one, never both


def test_grouping_is_deterministic_and_ids_depend_only_on_members():
    events = events_of(ALASKA_A, ALASKA_B)
    shuffled = events.sample(frac=1, random_state=3).reset_index(drop=True)
    pd.testing.assert_frame_equal(group_events(events), group_events(shuffled))
    ids = group_events(events)["group_id"]
    assert ids.str.fullmatch(r"g[0-9a-f]{10}").all() and ids.is_unique


def test_undated_records_of_one_news_cycle_group_on_two_shared_actors():
    events = pd.DataFrame([
        _event("a:1", "Marco Rubio | Sergej Lawrow", "", published="2025-10-21",
               event_class="call", modality="happened"),
        _event("b:1", "Marco Rubio | Sergej Lawrow", "", published="2025-10-21",
               event_class="call", modality="happened"),
        _event("c:1", "Marco Rubio | Sergej Lawrow", "", published="2025-08-26",
               event_class="call", modality="happened"),
    ])
    groups = group_events(events)
    assert groups[["label", "n_articles", "article_ids"]].values.tolist() == [
        ["Telefonat Lawrow/Rubio", 1, "c"], ["Telefonat Lawrow/Rubio", 2, "a | b"]]
    assert groups["date_basis"].astype(str).tolist() == ["none", "none"]


def test_group_dates_come_from_reports_of_the_event_as_happened():
    tp = "Donald Trump | Wladimir Putin"
    events = pd.DataFrame([
        _event("a:1", tp, "Alaska", "2025-08-08", "2025-08-14", published="2025-08-07"),
        _event("b:1", tp, "Alaska", "2025-08-11", "2025-08-20", published="2025-08-26",
               modality="happened"),
    ])
    group = group_events(events).iloc[0]
    assert (group["start_date"], group["end_date"], group["modality"]) == \
        (pd.Timestamp("2025-08-11"), pd.Timestamp("2025-08-20"), "happened")


def test_event_summary_counts_records_and_events():
    events = events_of(ALASKA_A, ALASKA_B)
    summary = event_summary(events, group_events(events))
    assert summary.values.tolist() == [
        ["records", "5"], ["records_dated", "4"], ["records_with_actors", "4"], ["events", "3"],
        ["events_in_several_articles", "1"], ["events_dated", "2"],
        ["meeting", "5 records, 3 events"],
    ]


# -- bad input ---------------------------------------------------------------------------------


def test_missing_columns_are_named():
    sentences, mentions, timexes, articles = tables(Doc("a", "2025-10-21", ["Ein Treffen."]))
    with pytest.raises(ValueError, match=r"timexes table lacks column\(s\) start_date"):
        extract_events(sentences, mentions, timexes.drop(columns="start_date"), articles)
    with pytest.raises(ValueError, match=r"events table lacks column\(s\) places"):
        group_events(pd.DataFrame(columns=["event_id", "event_class", "actors"]))


def test_sentences_that_do_not_fit_the_articles_are_reported():
    sentences, mentions, timexes, articles = tables(Doc("a", "2025-10-21", ["Ein Treffen."]))
    with pytest.raises(ValueError, match="article_id 'a' of a:s0000 is not in the articles"):
        extract_events(sentences, mentions, timexes, articles.iloc[0:0])
    sentences.loc[0, "end"] = 99
    with pytest.raises(ValueError, match="text of a:s0000 has 12 characters but"):
        extract_events(sentences, mentions, timexes, articles)


def test_empty_tables_give_empty_tables_with_all_columns():
    sentences, mentions, timexes, articles = tables(Doc("a", "2025-10-21", ["Kein Ereignis."]))
    events = extract_events(sentences, mentions, timexes, articles)
    assert events.empty and list(events.columns) == EVENT_COLUMNS
    groups = group_events(events)
    assert groups.empty and list(groups.columns) == GROUP_COLUMNS


# -- the seed articles -------------------------------------------------------------------------


def test_the_seed_summits_are_one_event_each(seed_annotations, seed_articles):
    """The pipeline's sentences with the hand-checked entity and timex gold: the Alaska summit
    (reported by four seed articles), the planned Budapest summit (three) and the Rubio-Lawrow
    call (two) are one event each, and no other event is reported twice."""
    gold = Path(__file__).parent / "gold"
    mentions = pd.read_csv(gold / "seed_entities.csv")
    timexes = pd.read_csv(gold / "timex_seeds.csv", parse_dates=["start_date", "end_date"])
    events = extract_events(seed_annotations.sentences, mentions, timexes, seed_articles)
    groups = group_events(events)
    shared = groups[groups["n_articles"] > 1]
    assert shared[["label", "start_date", "end_date", "modality", "n_articles"]] \
        .astype({"modality": str}).values.tolist() == [
            ["Treffen Putin/Trump, Alaska", pd.Timestamp("2025-08-11"),
             pd.Timestamp("2025-08-20"), "happened", 4],
            ["Treffen Putin/Trump, Budapest", pd.Timestamp("2025-10-16"),
             pd.Timestamp("2025-10-30"), "planned", 3],
            ["Telefonat Lawrow/Rubio", pd.NaT, pd.NaT, "happened", 2],
        ]
