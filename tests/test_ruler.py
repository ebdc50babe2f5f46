"""The knowledge-base ruler of the shipped pipeline (training/ruler.py, newslens.ruler)."""

from __future__ import annotations

import sys
from collections import Counter

import pandas as pd
import spacy
from spacy.tokens import Span

from newslens import config
from newslens.ruler import ruler_over_ner

sys.path.insert(0, str(config.PROJECT_DIR / "training"))  # training/ holds scripts, not a package
import ruler  # noqa: E402

KB = pd.DataFrame({
    "entity_id": ["org:x", "loc:essen", "per:donald_trump"],
    "canonical": ["X", "Essen", "Donald Trump"],
    "label": ["ORG", "LOC", "PER"],
    "kind": ["platform", "city", "head_of_state"],
    "aliases": ["", "", "Trump|Trumps"],
    "description": ["", "", ""],
})


def test_patterns_skip_common_words_and_guard_one_letter_names(monkeypatch):
    nlp = spacy.blank("de")
    seen = Counter({"Essen": 10, "Trump": 10})
    tagged = Counter({"Essen": 1, "Trump": 9})
    found, dropped = ruler.patterns(KB, nlp, seen, tagged, ["Plattform"])
    by_text = {p["pattern"]: p["label"] for p in found}
    assert all(isinstance(p["pattern"], str) for p in found)  # phrase patterns: fast to match
    assert by_text["Donald Trump"] == "PER"
    assert by_text["Trumps"] == "PER"
    assert "Essen" not in by_text  # mostly the noun "food" in annotated text
    assert "X" not in by_text and by_text["Plattform X"] == "ORG"
    assert any(d.startswith("Essen (1 of 10") for d in dropped)


def _merge(words: list[str], entities: list[tuple], matches: list[tuple]) -> list[tuple]:
    doc = spacy.blank("de").make_doc(" ".join(words))
    merged = ruler_over_ner([Span(doc, *e) for e in entities], [Span(doc, *m) for m in matches])
    return [(e.text, e.label_) for e in merged]


def test_a_longer_entity_around_a_match_wins():
    words = ["Der", "FC", "Bayern", "spielt", "in", "Bayern", "."]
    assert _merge(words, [(1, 3, "ORG")], [(2, 3, "LOC"), (5, 6, "LOC")]) == [
        ("FC Bayern", "ORG"), ("Bayern", "LOC")]  # the second Bayern: added, no entity there


def test_otherwise_the_match_wins():
    words = ["Trumps", "Reise", "nach", "Frankfurt", "am", "Main", "und", "New", "York", "Times"]
    entities = [(0, 1, "LOC"), (3, 4, "LOC"), (8, 10, "ORG")]
    matches = [(0, 1, "PER"), (3, 6, "LOC"), (3, 4, "LOC"), (7, 10, "ORG"), (7, 9, "LOC")]
    assert _merge(words, entities, matches) == [
        ("Trumps", "PER"),  # same span: the knowledge base's label
        ("Frankfurt am Main", "LOC"),  # the longest of overlapping matches, over a shorter entity
        ("New York Times", "ORG"),  # over a crossing entity
    ]


def test_entities_without_a_match_stay():
    words = ["Olaf", "Scholz", "traf", "Selenskyj"]
    assert _merge(words, [(0, 2, "PER"), (3, 4, "PER")], []) == [
        ("Olaf Scholz", "PER"), ("Selenskyj", "PER")]


def test_shipped_pipeline_has_the_ruler_after_ner():
    nlp = spacy.load(config.MODELS_DIR / config.SHIPPED_MODEL)
    assert nlp.pipe_names.index(ruler.RULER) > nlp.pipe_names.index("ner")
    doc = nlp("Selenskyj schrieb Trumps Beratern auf der Plattform X eine Nachricht.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Selenskyj", "PER") in ents and ("Trumps", "PER") in ents
    assert ("Plattform X", "ORG") in ents


def test_the_shipped_ruler_knows_former_states():
    # historic states are places too (GermEval tags Sowjetunion, UdSSR, Tschechoslowakei LOC)
    nlp = spacy.load(config.MODELS_DIR / config.SHIPPED_MODEL)
    doc = nlp("Sie wuchs in der ehemaligen Sowjetunion auf und zog nach Jugoslawien.")
    spans = {(e.text, e.label_, e.id_) for e in doc.ents}
    assert ("Sowjetunion", "LOC", "loc:sowjetunion") in spans
    assert ("Jugoslawien", "LOC", "loc:jugoslawien") in spans


def test_add_ruler_puts_a_loadable_ruler_after_ner(tmp_path):
    nlp = spacy.blank("de")
    ner = nlp.add_pipe("ner")
    for label in ("PER", "LOC", "ORG", "MISC"):
        ner.add_label(label)
    nlp.initialize()
    model = tmp_path / "model"
    nlp.to_disk(model)
    (model / "README.md").write_text("# tiny\n", encoding="utf-8")
    ruler.add_ruler(model, None, tmp_path / "no-corpus")
    ruler.add_ruler(model, None, tmp_path / "no-corpus")  # again: replaced, not added twice
    loaded = spacy.load(model)  # finds newslens.ruler_over_ner.v1 through the entry point
    assert loaded.pipe_names == ["ner", ruler.RULER, ruler.RULES]
    assert "## With the entity ruler" in (model / "README.md").read_text(encoding="utf-8")
    with loaded.select_pipes(disable=["ner"]):
        doc = loaded("Trumps Berater flogen nach Frankfurt am Main.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Trumps", "PER"), ("Frankfurt am Main", "LOC")]
    assert all(e.label_ in ner.labels for e in loaded("Trumps Berater in Kiew.").ents)
