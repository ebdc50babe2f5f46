"""The knowledge-base entity ruler of the shipped pipeline (training/ruler.py)."""

from __future__ import annotations

import sys
from collections import Counter

import pandas as pd
import spacy

from newslens import config

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


def test_shipped_pipeline_has_the_ruler_before_ner():
    nlp = spacy.load(config.MODELS_DIR / config.SHIPPED_MODEL)
    assert nlp.pipe_names.index("entity_ruler") < nlp.pipe_names.index("ner")
    doc = nlp("Selenskyj schrieb Trumps Beratern auf der Plattform X eine Nachricht.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Selenskyj", "PER") in ents and ("Trumps", "PER") in ents
    assert ("Plattform X", "ORG") in ents
