"""The entity corrections after the NER and the ruler (newslens.entity_rules, entity_rules.csv)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newslens import config
from newslens.entity_rules import EntityRules, load_rules


@pytest.fixture(scope="module")
def rules() -> EntityRules:
    return EntityRules(load_rules())


def _correct(rules: EntityRules, words: list[str], ents: list[tuple]) -> list[tuple]:
    doc = Doc(spacy.blank("de").vocab, words=words)
    doc.ents = [Span(doc, *e) for e in ents]
    return [(e.text, e.label_) for e in rules(doc).ents]


def test_words_that_are_never_names_are_dropped_alone(rules):
    words = ["Eine", "E-Mail", "ging", "an", "Hbf.", "und", "Köln", "Hbf"]
    assert _correct(rules, words, [(1, 2, "PER"), (4, 5, "PER"), (6, 8, "LOC")]) == [
        ("Köln Hbf", "LOC")]


def test_a_legal_form_makes_an_org_and_joins_it(rules):
    words = ["Die", "Karl", "Meisenbach", "KG", "und", "Wirecard", "AG", "und", "Foo", "Ltd", "."]
    assert _correct(rules, words, [(1, 4, "PER"), (5, 6, "PER"), (8, 9, "LOC")]) == [
        ("Karl Meisenbach KG", "ORG"), ("Wirecard AG", "ORG"), ("Foo Ltd", "ORG")]


def test_a_word_that_ends_company_names_makes_an_org(rules):
    assert _correct(rules, ["Jet", "Airways", "fliegt"], [(0, 2, "PER")]) == [
        ("Jet Airways", "ORG")]


def test_an_institution_before_a_place_is_one_org(rules):
    words = ["des", "Landratsamts", "München", "und", "der", "Börse", "Stuttgart", "in",
             "Bayern"]
    assert _correct(rules, words, [(2, 3, "LOC"), (6, 7, "LOC"), (8, 9, "LOC")]) == [
        ("Landratsamts München", "ORG"), ("Börse Stuttgart", "ORG"), ("Bayern", "LOC")]
    assert _correct(rules, ["Die", "Universität", "Hamburg"], [(1, 3, "LOC")]) == [
        ("Universität Hamburg", "ORG")]
    # a company noun before a place in the genitive is not one name
    assert _correct(rules, ["Chef", "der", "Flughafengesellschaft", "Berlins"],
                    [(3, 4, "LOC")]) == [("Berlins", "LOC")]


def test_a_company_noun_before_a_one_word_name_makes_it_an_org(rules):
    words = ["vom", "Autozulieferer", "Bosch", "zum", "Unternehmer", "Müller"]
    assert _correct(rules, words, [(2, 3, "PER"), (5, 6, "PER")]) == [
        ("Bosch", "ORG"), ("Müller", "PER")]


def test_titles_and_place_words_opening_a_name_stay_outside(rules):
    words = ["Graf", "Kinsky", "traf", "Papst", "Franziskus", "im", "Landkreis", "Freising",
             "und", "den", "Papst"]
    ents = [(0, 2, "PER"), (3, 5, "PER"), (6, 8, "LOC"), (10, 11, "PER")]
    assert _correct(rules, words, ents) == [
        ("Kinsky", "PER"), ("Franziskus", "PER"), ("Freising", "LOC"),
        ("Papst", "PER")]  # nothing left without the word: it stays as it was


def test_a_name_cut_in_a_coordination_of_truncated_compounds_is_grown(rules):
    words = ["ein", "Institut", "für", "Immun-", ",", "Infektions-", "und",
             "Pandemieforschung", "im", "Kinder-", "und", "Jugendhaus", "Leo"]
    assert _correct(rules, words, [(1, 4, "ORG"), (11, 13, "ORG")]) == [
        ("Institut für Immun- , Infektions- und Pandemieforschung", "ORG"),
        ("Kinder- und Jugendhaus Leo", "ORG")]


def test_grown_entities_never_overlap(rules):
    words = ["Foo", "Kinder-", "und", "Jugendhaus", "Leo"]
    out = _correct(rules, words, [(0, 1, "ORG"), (3, 5, "ORG")])
    assert out == [("Foo", "ORG"), ("Kinder- und Jugendhaus Leo", "ORG")]


def test_rules_are_saved_with_the_pipeline(tmp_path, rules):
    nlp = spacy.blank("de")
    nlp.add_pipe("newslens_entity_rules").set_rules(rules.rules)
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.get_pipe("newslens_entity_rules").rules == rules.rules
    assert "Hbf" in rules.rules["not_name"] and "Kanzlerin" in rules.rules["role"]


def test_an_unknown_rule_names_the_file(tmp_path):
    path = tmp_path / "rules.csv"
    path.write_text("word,rule,note\nHbf,not_a_rule,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="rules.csv.*not_a_rule"):
        load_rules(path)


def test_shipped_pipeline_ends_with_the_rules():
    nlp = spacy.load(config.MODELS_DIR / config.SHIPPED_MODEL)
    assert nlp.pipe_names[-2:] == ["kb_ruler", "entity_rules"]
    assert nlp.get_pipe("entity_rules").rules == load_rules()  # rebuilt after a data change


def test_ner_eval_leaves_one_word_list_out():
    # benchmarks/ner_eval.py --without legal_form: the ablations of training/README.md
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "newslens_bench_ner_eval", config.PROJECT_DIR / "benchmarks" / "ner_eval.py")
    ner_eval = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ner_eval)
    nlp = spacy.blank("de")
    nlp.add_pipe("newslens_entity_rules", name=ner_eval.RULES_PIPE).set_rules(load_rules())
    ner_eval.leave_out(nlp, ["legal_form"])
    rules = nlp.get_pipe(ner_eval.RULES_PIPE)
    assert rules.rules["legal_form"] == [] and rules.rules["not_name"]
    words = ["Die", "Wirecard", "AG", "in", "Köln", "Hbf"]
    assert _correct(rules, words, [(1, 2, "PER"), (4, 6, "LOC")]) == [
        ("Wirecard", "PER"), ("Köln Hbf", "LOC")]
