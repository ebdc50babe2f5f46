"""Quotations and their speakers (newslens.quotes), on short German texts written for the tests."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

from newslens import explain
from newslens.quotes import QUOTE_COLUMNS, cues, extract_quotes
from newslens.quotes.evaluate import load_split, match, score
from newslens.quotes.extract import quoted_spans

TEXTS = {
    "q1": ("„Wir sind zu weiteren Gesprächen bereit“, sagte Bundeskanzler Olaf Scholz am "
           "Montag in Berlin.\n\n"
           "„Das ist“, sagte er, „ein guter Tag für Europa.“\n\n"
           "Das Projekt „Zukunft Stadt“ beginnt im Mai."),
    "q2": ("Annalena Baerbock reiste nach Kiew. Die Ministerin sagte, die Lage sei ernst.\n\n"
           "Die Hilfe müsse schneller kommen. Danach flog sie weiter nach Warschau.\n\n"
           "Der Sprecher des Kremls erklärte, Russland sei zu Gesprächen bereit."),
    "q3": ("Laut Polizei wurden bei dem Unfall drei Menschen leicht verletzt.\n\n"
           "Die Preise steigen weiter, teilte das Statistische Bundesamt am Freitag mit.\n\n"
           "Angela Merkel sagte, die Einigung sei „ein wichtiges Signal für alle Beteiligten“."),
    "q4": ("Das Rathaus von Neustadt wurde am Montag wieder eröffnet. "
           "Es regnete den ganzen Tag.\n\n"
           "Viele Gäste kamen aus dem Umland. Die Renovierung habe drei Jahre gedauert."),
}


@pytest.fixture(scope="module")
def annotated(pipeline):
    from newslens import annotate

    articles = pd.DataFrame({"article_id": list(TEXTS), "text": list(TEXTS.values()),
                             "published": pd.Timestamp("2024-05-06")})
    return annotate(articles, use_cache=False)


def _quote(table: pd.DataFrame, article: str, text: str, source: dict = TEXTS):
    body = source[article]
    rows = table[(table["article_id"] == article)
                 & table.apply(lambda r: text in body[r["start"]:r["end"]], axis=1)]
    assert len(rows) >= 1, f"no quotation holding {text!r}"
    return rows.sort_values(["start"]).iloc[0]


def test_columns_types_and_stable_ids(annotated):
    table = annotated.quotes
    # annotate() adds the outlet's own quotations mark (newslens.marks.self_quotes)
    assert list(table.columns) == [*QUOTE_COLUMNS, "self_mention"]
    assert table["self_mention"].dtype == bool
    assert table["quote_id"].is_unique
    assert set(table["kind"].astype(str)) <= {"direct", "indirect", "reported", "free indirect"}
    again = extract_quotes(annotated.articles, annotated.sentences, annotated.mentions)
    pd.testing.assert_frame_equal(again, extract_quotes(annotated.articles,
                                                        annotated.sentences,
                                                        annotated.mentions))
    assert again["quote_id"].tolist() == table["quote_id"].tolist()


def test_direct_quote_with_cue_after_and_named_speaker(annotated):
    row = _quote(annotated.quotes, "q1", "Wir sind zu weiteren Gesprächen bereit")
    body = TEXTS["q1"]
    assert row["kind"] == "direct"
    assert body[row["start"]:row["end"]] == "„Wir sind zu weiteren Gesprächen bereit“"
    assert row["cue"] == "sagte"
    assert body[row["cue_start"]:row["cue_end"]] == "sagte"
    assert row["speaker_entity_id"] == "per:olaf_scholz"
    assert row["speaker"] == "Olaf Scholz"


def test_split_quotation_is_one_row_with_two_parts_and_pronoun_speaker(annotated):
    row = _quote(annotated.quotes, "q1", "Das ist")
    body = TEXTS["q1"]
    parts = [tuple(int(x) for x in p.split("-")) for p in row["parts"].split(";")]
    assert [body[s:e] for s, e in parts] == ["„Das ist“", "„ein guter Tag für Europa.“"]
    assert row["speaker_text"] == "er"
    assert row["speaker"] == "Olaf Scholz"


def test_a_name_in_quotation_marks_is_not_a_quotation(annotated):
    table = annotated.quotes
    body = TEXTS["q1"]
    assert not any("Zukunft Stadt" in body[s:e] for s, e in
                   zip(table.loc[table["article_id"] == "q1", "start"],
                       table.loc[table["article_id"] == "q1", "end"], strict=True))


def test_indirect_quote_with_role_noun_resolved_to_the_person(annotated):
    row = _quote(annotated.quotes, "q2", "die Lage sei ernst")
    assert row["kind"] == "indirect"
    assert row["cue"] == "sagte"
    assert row["speaker_text"] == "Die Ministerin"
    assert row["speaker"] == "Annalena Baerbock"


def test_free_indirect_sentence_keeps_the_previous_speaker(annotated):
    row = _quote(annotated.quotes, "q2", "Die Hilfe müsse schneller kommen")
    assert row["kind"] == "free indirect"
    assert row["speaker"] == "Annalena Baerbock"
    assert pd.isna(row["cue"])


def test_a_subjunctive_sentence_reports_speech_even_far_from_a_quotation(annotated):
    table = annotated.quotes[annotated.quotes["article_id"] == "q4"]
    body = TEXTS["q4"]
    assert [(r.kind, body[r.start:r.end]) for r in table.itertuples()] == [
        ("free indirect", "Die Renovierung habe drei Jahre gedauert.")]


def test_sentence_without_subjunctive_after_a_quote_is_not_a_quote(annotated):
    table = annotated.quotes
    body = TEXTS["q2"]
    assert not any("Warschau" in body[s:e] for s, e in
                   zip(table["start"][table["article_id"] == "q2"],
                       table["end"][table["article_id"] == "q2"], strict=True))


def test_role_noun_with_organisation_resolves_to_it(annotated):
    row = _quote(annotated.quotes, "q2", "Russland sei zu Gesprächen bereit")
    assert row["speaker_text"].startswith("Der Sprecher")
    assert row["speaker_entity_id"] == "org:kreml"


def test_laut_and_inverted_frame_with_separable_cue(annotated):
    laut = _quote(annotated.quotes, "q3", "drei Menschen leicht verletzt")
    assert laut["cue"] == "Laut"
    assert laut["speaker_text"] == "Polizei"
    preise = _quote(annotated.quotes, "q3", "Die Preise steigen weiter")
    assert preise["cue"] == "teilte mit"
    assert "Bundesamt" in preise["speaker_text"]
    assert TEXTS["q3"][preise["start"]:preise["end"]] == "Die Preise steigen weiter"


def test_nested_direct_phrase_is_a_row_of_its_own(annotated):
    table = annotated.quotes[annotated.quotes["article_id"] == "q3"]
    body = TEXTS["q3"]
    inner = [r for r in table.itertuples() if body[r.start:r.end]
             == "„ein wichtiges Signal für alle Beteiligten“"]
    outer = [r for r in table.itertuples() if r.kind == "indirect"
             and "Einigung sei" in body[r.start:r.end]]
    assert len(inner) == 1 and len(outer) == 1
    assert inner[0].speaker == outer[0].speaker == "Angela Merkel"


def test_explain_quote_and_speaker(annotated):
    row = _quote(annotated.quotes, "q1", "Das ist")
    parts = explain(annotated, quote=row["quote_id"])
    assert parts["mention"].tolist() == ["„Das ist“", "„ein guter Tag für Europa.“"]
    assert parts["sentence"].str.contains("sagte er").all()
    said = explain(annotated, speaker="Olaf Scholz")
    assert len(said) == 2
    assert set(said["speaker"]) == {"Olaf Scholz"}
    assert said["mention"].iloc[1] == "„Das ist“ … „ein guter Tag für Europa.“"
    with pytest.raises(KeyError, match="no quotation"):
        explain(annotated, speaker="Niemand")


def test_quoted_spans_pair_marks_within_a_line():
    text = "Er sagte: „Ja.“ Sie: »Nein« und \"vielleicht\".\n„offen"
    assert [text[s:e] for s, e in quoted_spans(text)] == ["„Ja.“", "»Nein«", "\"vielleicht\""]
    # A straight mark followed by a space closes a quotation whose opening was lost.
    text = 'bleibt in der Lernphase." Dann sagte er: "Gut so."'
    assert [text[s:e] for s, e in quoted_spans(text)] == ['"Gut so."']


def test_cue_lexicon_expands_verbs_and_rejects_duplicates(tmp_path):
    lex = cues.lexicon()
    assert any(f.lemma == "mitteilen" and f.particle == "mit" for f in lex.forms["teilte"])
    assert any(f.participle for f in lex.forms["mitgeteilt"])
    assert "sagten" in lex.forms and "erklärten" in lex.forms
    assert "angaben" in lex.sources
    bad = tmp_path / "cues.csv"
    header = "lemma,kind,present,past,participle,particle,clause,alone,note\n"
    bad.write_text(header + "sagen,verb,sagt,sagte,gesagt,,yes,no,\n" * 2)
    with pytest.raises(ValueError, match="duplicate cue 'sagen'"):
        cues.read_cues(bad)
    bad.write_text(header + "sagen,verb,sagt,sagte,gesagt,,ja,no,\n")
    with pytest.raises(ValueError, match="clause of verb 'sagen' must be yes or no"):
        cues.read_cues(bad)
    (said,) = [f for f in lex.forms["sagte"] if f.lemma == "sagen"]
    assert said.clause and not said.alone


def _gold_file(tmp_path):
    text = "„Ja“, sagte Anna Berg. Er sei müde, sagte Paul Koch."
    record = {"file": "7 - Titel (2020-01-02).json", "documentName": "7 - Titel",
              "originalText": text, "annotations": [
                  {"id": 0, "type": "Direct",
                   "quote": {"spans": [{"charBegin": 0, "charEnd": 4}]},
                   "speaker": {"spans": [{"charBegin": 12, "charEnd": 21}]},
                   "cue": {"spans": [{"charBegin": 6, "charEnd": 11}]}},
                  {"id": 1, "type": "Indirect",
                   "quote": {"spans": [{"charBegin": 23, "charEnd": 34}]},
                   "speaker": {"spans": [{"charBegin": 42, "charEnd": 51}]},
                   "cue": {"spans": []}}]}
    path = tmp_path / "split.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    return path


def test_evaluation_matches_half_of_the_gold_characters_one_to_one(tmp_path):
    articles, gold = load_split(_gold_file(tmp_path))
    assert articles["article_id"].tolist() == ["7"]
    assert articles["published"].iloc[0] == pd.Timestamp("2020-01-02")
    assert gold["kind"].tolist() == ["direct", "indirect"]
    predicted = pd.DataFrame({
        "article_id": ["7", "7", "7"], "parts": ["0-4", "23-29", "23-33"],
        "kind": ["direct", "indirect", "indirect"],
        "speaker_start": [12, 36, pd.NA], "speaker_end": [16, 41, pd.NA],
        "speaker_entity_id": [None, None, None],
        "cue_start": [6, pd.NA, pd.NA], "cue_end": [11, pd.NA, pd.NA]})
    pairs = match(predicted, gold)
    assert sorted((j, i, exact) for j, i, exact in pairs) == [(0, 0, True), (2, 1, False)]
    table = score(predicted, gold).set_index(["kind", "match", "metric"])
    overall = table.loc[("all", "half", "detection")]
    assert (overall["precision"], overall["recall"]) == (round(2 / 3, 3), 1.0)
    assert table.loc[("all", "exact", "detection"), "recall"] == 0.5
    assert table.loc[("all", "half", "speaker_accuracy"), "f1"] == 0.5
    assert table.loc[("all", "half", "cue_accuracy"), "f1"] == 1.0


def _toy_tables():
    from newslens.quotes import quote_frame

    def row(article, start, end, kind, entity, name):
        return {"quote_id": f"{article}:q{start}-{end}:{kind[0]}", "article_id": article,
                "sentence_id": f"{article}:s0000", "start": start, "end": end,
                "parts": f"{start}-{end}", "kind": kind, "speaker_entity_id": entity,
                "speaker": name, "speaker_text": name}

    quotes = quote_frame([
        row("a", 0, 20, "direct", "per:anna", "Anna"),
        row("a", 30, 60, "indirect", "per:anna", "Anna"),
        row("b", 0, 20, "direct", "per:anna", "Anna"),
        row("b", 40, 70, "indirect", "org:amt", "Amt"),
        row("b", 80, 90, "direct", None, None),
    ])
    mentions = pd.DataFrame({
        "article_id": ["a", "a", "b", "b"], "start": [5, 35, 45, 5], "end": [10, 40, 50, 9],
        "entity_id": ["loc:rom", "per:anna", "loc:rom", "loc:rom"],
        "canonical": ["Rom", "Anna", "Rom", "Rom"],
        "label": pd.Categorical(["LOC", "PER", "LOC", "LOC"]), "compound": False})
    articles = pd.DataFrame({"article_id": ["a", "b"],
                             "published": pd.to_datetime(["2024-01-01", "2024-01-03"])})
    return quotes, mentions, articles


def test_top_speakers_counts_resolved_speakers_by_kind():
    from newslens import top_speakers

    quotes, _, _ = _toy_tables()
    table = top_speakers(quotes, top_n=5)
    assert table[["speaker", "kind", "n_quotes", "n_total", "rank"]].astype(
        {"kind": str}).values.tolist() == [
        ["Anna", "direct", 2, 3, 1], ["Anna", "indirect", 1, 3, 1],
        ["Amt", "indirect", 1, 1, 2]]
    only = top_speakers(quotes, kinds=["indirect"], speakers=["Amt"])
    assert only["speaker"].tolist() == ["Amt"]
    with pytest.raises(ValueError, match="unknown quotation kind"):
        top_speakers(quotes, kinds=["direkt"])


def test_charts_count_a_relayed_quotation_once_under_the_person_quoted():
    from newslens import speakers_over_time, top_speakers

    quotes, _, articles = _toy_tables()
    relay = quotes[quotes["speaker"].eq("Amt")].assign(
        quote_id=lambda q: q["quote_id"] + "+relay", speaker_entity_id="org:blatt",
        speaker="Blatt")
    quotes = pd.concat([quotes, relay], ignore_index=True)
    assert "Blatt" not in set(top_speakers(quotes, top_n=5)["speaker"])
    assert "Blatt" in set(top_speakers(quotes, top_n=5, relays=True)["speaker"])
    over_time = speakers_over_time(quotes, articles, top_n=5)
    assert set(over_time["speaker"]) == {"Anna", "Amt"}


def test_speaker_topics_counts_entities_inside_quotations_not_the_speaker():
    from newslens import speaker_topics

    quotes, mentions, _ = _toy_tables()
    table = speaker_topics(quotes, mentions)
    assert table[["speaker", "canonical", "n_quotes"]].values.tolist() == [
        ["Anna", "Rom", 2], ["Amt", "Rom", 1]]


def test_speakers_over_time_keeps_empty_days():
    from newslens import speakers_over_time

    quotes, _, articles = _toy_tables()
    table = speakers_over_time(quotes, articles, top_n=1)
    assert table[["speaker", "period", "n_quotes"]].values.tolist() == [
        ["Anna", "2024-01-01", 2], ["Anna", "2024-01-03", 1]]


def test_quote_charts_draw_their_tables():
    import newslens as nl

    quotes, mentions, articles = _toy_tables()
    bars = nl.plot_top_speakers(nl.top_speakers(quotes)).axes[0]
    assert bars.get_title(loc="left") == "Meistzitierte Sprecher"
    assert [t.get_text() for t in bars.get_yticklabels()] == ["Anna", "Amt"]
    assert sorted(p.get_width() for p in bars.patches if p.get_width()) == [1, 1, 2]
    heat = nl.plot_speaker_topics(nl.speaker_topics(quotes, mentions)).axes[0]
    assert heat.images[0].get_array().tolist() == [[2], [1]]
    lines = nl.plot_speakers_over_time(nl.speakers_over_time(quotes, articles)).axes[0]
    assert [line.get_label() for line in lines.get_lines()] == ["Anna", "Amt"]


def test_notebook_kinds_parameter_is_checked():
    from newslens import ParameterError, check_parameters

    namespace = {"__annotations__": {"kinds": list[str]}, "kinds": ["direkt"]}
    with pytest.raises(ParameterError, match="kinds"):
        check_parameters(namespace)
    namespace["kinds"] = ["direct", "free indirect"]
    assert check_parameters(namespace).kinds == ["direct", "free indirect"]


def test_quotations_in_boilerplate_sentences_are_left_out(annotated):
    sentences = annotated.sentences.copy()
    first = _quote(annotated.quotes, "q1", "Wir sind zu weiteren Gesprächen bereit")
    sentences["boilerplate"] = sentences["sentence_id"] == first["sentence_id"]
    table = extract_quotes(annotated.articles, sentences, annotated.mentions)
    assert first["quote_id"] not in set(table["quote_id"])
    assert len(table) == len(annotated.quotes) - 1


def test_equally_close_predictions_pair_with_the_gold_whose_speaker_they_share(tmp_path):
    text = "„Ja“, zitiert die Zeitung Anna Berg."
    record = {"file": "8 - T (2020-01-02).json", "documentName": "8 - T", "originalText": text,
              "annotations": [
                  {"id": 0, "type": "Direct", "quote": {"spans": [{"charBegin": 0, "charEnd": 4}]},
                   "speaker": {"spans": [{"charBegin": 26, "charEnd": 35}]}, "cue": {}},
                  {"id": 1, "type": "Direct", "quote": {"spans": [{"charBegin": 0, "charEnd": 4}]},
                   "speaker": {"spans": [{"charBegin": 14, "charEnd": 25}]}, "cue": {}}]}
    path = tmp_path / "split.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    _, gold = load_split(path)
    predicted = pd.DataFrame({
        "article_id": ["8", "8"], "parts": ["0-4", "0-4"], "kind": ["direct", "direct"],
        "speaker_start": [14, 26], "speaker_end": [25, 35], "speaker_entity_id": [None, None],
        "cue_start": [pd.NA, pd.NA], "cue_end": [pd.NA, pd.NA]})
    assert sorted((j, i) for j, i, _ in match(predicted, gold)) == [(0, 1), (1, 0)]
    table = score(predicted, gold).set_index(["kind", "match", "metric"])
    assert table.loc[("all", "half", "speaker_accuracy"), "f1"] == 1.0


def test_the_addressee_is_scored_on_the_matched_quotations(tmp_path):
    text = "Er sagte der Zeitung, er sei müde. Sie warf ihm vor, er lüge. Er sagte, es regne."
    spans = [(3, 8), (9, 20), (22, 33), (35, 38), (39, 43), (44, 47), (53, 60), (62, 64),
             (65, 70), (72, 81)]
    s = [{"spans": [{"charBegin": a, "charEnd": b}]} for a, b in spans]
    none = {"spans": []}
    notes = [
        {"id": 0, "type": "Indirect", "quote": s[2], "speaker": none, "cue": s[0],
         "addressee": s[1]},
        {"id": 1, "type": "Indirect", "quote": s[6], "speaker": s[3], "cue": s[4],
         "addressee": s[5]},
        {"id": 2, "type": "Indirect", "quote": s[9], "speaker": s[7], "cue": s[8]},
    ]
    record = {"file": "9 - T (2020-01-02).json", "documentName": "9 - T", "originalText": text,
              "annotations": notes}
    path = tmp_path / "split.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    _, gold = load_split(path)
    assert gold["addressee_parts"].tolist() == [((9, 20),), ((44, 47),), ()]
    predicted = pd.DataFrame({
        "article_id": ["9"] * 3, "parts": ["22-33", "53-60", "72-81"], "kind": ["indirect"] * 3,
        "speaker_start": [pd.NA] * 3, "speaker_end": [pd.NA] * 3,
        "speaker_entity_id": [None] * 3, "cue_start": [pd.NA] * 3, "cue_end": [pd.NA] * 3,
        "addressee_start": pd.array([13, pd.NA, 62], dtype="Int64"),
        "addressee_end": pd.array([20, pd.NA, 64], dtype="Int64")})
    row = score(predicted, gold).set_index(["kind", "match", "metric"]).loc[
        ("all", "half", "addressee")]
    # one of the two gold addressees found; one of the two predicted ones right
    assert (row["n_gold"], row["n_predicted"]) == (2, 2)
    assert (row["precision"], row["recall"]) == (0.5, 0.5)
