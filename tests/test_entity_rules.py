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
    words = ["Der", "CEO", "setzt", "auf", "KI", ",", "WLAN", "und", "ETFs", "."]
    assert _correct(rules, words, [(1, 2, "ORG"), (4, 5, "ORG"), (6, 7, "ORG"),
                                   (8, 9, "ORG")]) == []


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


def _ner_eval():
    """``benchmarks/ner_eval.py`` as a module (the benchmarks are no package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "newslens_bench_ner_eval", config.PROJECT_DIR / "benchmarks" / "ner_eval.py")
    ner_eval = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ner_eval)
    return ner_eval


def test_ner_eval_leaves_one_word_list_out():
    # benchmarks/ner_eval.py --without legal_form: the ablations of training/README.md
    ner_eval = _ner_eval()
    nlp = spacy.blank("de")
    nlp.add_pipe("newslens_entity_rules", name=ner_eval.RULES_PIPE).set_rules(load_rules())
    ner_eval.leave_out(nlp, ["legal_form"])
    rules = nlp.get_pipe(ner_eval.RULES_PIPE)
    assert rules.rules["legal_form"] == [] and rules.rules["not_name"]
    words = ["Die", "Wirecard", "AG", "in", "Köln", "Hbf"]
    assert _correct(rules, words, [(1, 2, "PER"), (4, 6, "LOC")]) == [
        ("Wirecard", "PER"), ("Köln Hbf", "LOC")]


def test_a_title_before_a_one_word_place_or_organisation_makes_a_person(rules):
    words = ["Nachdem", "Präsident", "Cleveland", "verlor", ",", "sprach", "Königin", "Victoria"]
    assert _correct(rules, words, [(2, 3, "LOC"), (7, 8, "ORG")]) == [
        ("Cleveland", "PER"), ("Victoria", "PER")]
    # a genitive after an office names the office's place
    assert _correct(rules, ["der", "Präsidenten", "Taiwans"], [(2, 3, "LOC")]) == [
        ("Taiwans", "LOC")]


def test_an_inhabitant_noun_or_adjective_of_a_place_is_no_name(rules):
    words = ["Den", "Stuttgartern", "und", "den", "New", "Yorker", "gefällt", "Bremen"]
    assert _correct(rules, words, [(1, 2, "LOC"), (4, 6, "LOC"), (7, 8, "LOC")]) == [
        ("Bremen", "LOC")]
    # an organisation keeps its name (the magazine), and so does an unknown stem
    assert _correct(rules, ["The", "New", "Yorker", "und", "Meyer"], [(1, 3, "ORG"),
                                                                       (4, 5, "LOC")]) == [
        ("New Yorker", "ORG"), ("Meyer", "LOC")]
    # a one-word organisation that is an inhabitant noun is none; an umlaut stands for a vowel
    assert _correct(rules, ["Die", "Europäer", "und", "die", "Bremer", "Stadtwerke"],
                    [(1, 2, "ORG"), (4, 6, "ORG")]) == [("Bremer Stadtwerke", "ORG")]


def test_a_currency_after_a_number_is_misc(rules):
    words = ["für", "95.015", "Taler", "oder", "1.000", "Reichsmark", "und", "2", "Millionen",
             "Gulden", "an", "Mark", "Twain"]
    assert _correct(rules, words, [(5, 6, "LOC"), (11, 13, "PER")]) == [
        ("Taler", "MISC"), ("Reichsmark", "MISC"), ("Gulden", "MISC"), ("Mark Twain", "PER")]
    assert _correct(rules, ["Der", "Taler", "rollt"], []) == []


def test_a_word_written_in_lower_case_inside_sentences_opens_no_name(rules):
    # not inside a sentence, not a word of a longer name of the text, not a title (MISC)
    words = ["Neulich", "habe", "ich", "Sabine", "Lange", "getroffen", ".", "Lange", "sagte", ",",
             "„", "Weiß", "er", "das", "?", "“", "fragte", "Neulich", "im", "„", "Inside", "“"]
    ents = [(0, 1, "PER"), (3, 5, "PER"), (7, 8, "PER"), (11, 12, "PER"), (17, 18, "PER"),
            (20, 21, "MISC")]
    assert _correct(rules, words, ents) == [
        ("Sabine Lange", "PER"), ("Lange", "PER"), ("Neulich", "PER"), ("Inside", "MISC")]
    assert {"Neulich", "Weiß", "Mag"} <= set(rules.rules["lowercase_word"])
    assert not {"Merkel", "Kurz", "Morgen", "Trump"} & set(rules.rules["lowercase_word"])


def test_a_language_is_misc(rules):
    words = ["Er", "übersetzte", "auf", "Russisch", ",", "Hindi", "und", "Latein", "für", "Herrn",
             "Deutsch", "und", "die", "Englische", "Bibliothek", "."]
    assert _correct(rules, words, [(3, 4, "LOC"), (5, 6, "PER"), (10, 11, "PER"),
                                   (13, 15, "ORG")]) == [
        ("Russisch", "MISC"), ("Hindi", "MISC"), ("Latein", "MISC"), ("Deutsch", "PER"),
        ("Englische Bibliothek", "ORG")]
    # Deutsch, a surname as often: after auf or Fach, or where the NER made no person of it
    words = ["Sie", "liest", "auf", "Deutsch", ",", "im", "Fach", "Deutsch", "und", "Deutsch",
             "sagt", ",", "laut", "Deutsch", "."]
    assert _correct(rules, words, [(7, 8, "ORG"), (9, 10, "PER")]) == [
        ("Deutsch", "MISC"), ("Deutsch", "MISC"), ("Deutsch", "PER")]


def test_names_in_an_enumeration_share_their_type(rules):
    words = ["Landkreisen", "Rotenburg", ",", "Gifhorn", ",", "Celle", ",", "Harburg", "und",
             "Uelzen", "."]
    assert _correct(rules, words, [(1, 2, "LOC"), (3, 4, "LOC"), (7, 8, "LOC")]) == [
        ("Rotenburg", "LOC"), ("Gifhorn", "LOC"), ("Celle", "LOC"), ("Harburg", "LOC"),
        ("Uelzen", "LOC")]
    words = ["Dörfer", "Holzdorf", ",", "Hümark", ",", "Söby", "und", "Thumby", "gehörten"]
    assert _correct(rules, words, [(1, 2, "LOC"), (3, 4, "LOC"), (5, 6, "PER")]) == [
        ("Holzdorf", "LOC"), ("Hümark", "LOC"), ("Söby", "LOC"), ("Thumby", "LOC")]
    # two names are no enumeration; a word before a name is not a list item
    assert _correct(rules, ["Merkel", "und", "Macron", ",", "Präsident", "Biden"],
                    [(0, 1, "PER"), (2, 3, "LOC")]) == [("Merkel", "PER"), ("Macron", "LOC")]
    words = ["Amazon", ",", "Google", "und", "Co", "."]
    assert _correct(rules, words, [(0, 1, "ORG"), (2, 3, "ORG")]) == [
        ("Amazon", "ORG"), ("Google", "ORG")]
    words = ["Merkel", ",", "Macron", "und", "Nam", "June", "Paik"]
    assert _correct(rules, words, [(0, 1, "PER"), (2, 3, "PER"), (5, 7, "PER")]) == [
        ("Merkel", "PER"), ("Macron", "PER"), ("June Paik", "PER")]


def test_ner_eval_switches_a_correction_off():
    ner_eval = _ner_eval()
    nlp = spacy.blank("de")
    nlp.add_pipe("newslens_entity_rules", name=ner_eval.RULES_PIPE).set_rules(load_rules())
    ner_eval.leave_out(nlp, ["enumeration", "title_person"])
    rules = nlp.get_pipe(ner_eval.RULES_PIPE)
    words = ["Präsident", "Cleveland", ",", "Gifhorn", ",", "Celle", "und", "Harburg", "."]
    assert _correct(rules, words, [(1, 2, "LOC"), (3, 4, "LOC"), (7, 8, "LOC")]) == [
        ("Cleveland", "LOC"), ("Gifhorn", "LOC"), ("Harburg", "LOC")]


def test_an_enumeration_keeps_the_knowledge_bases_labels(rules):
    doc = Doc(spacy.blank("de").vocab, words=["Merkel", ",", "Macron", "und", "Frankreich"])
    doc.ents = [Span(doc, 0, 1, "PER"), Span(doc, 2, 3, "PER"),
                Span(doc, 4, 5, "LOC", span_id="loc:frankreich")]
    assert [(e.text, e.label_) for e in rules(doc).ents] == [
        ("Merkel", "PER"), ("Macron", "PER"), ("Frankreich", "LOC")]


def test_a_war_named_by_an_adjective_or_a_numbered_world_war_is_misc(rules):
    words = ["Im", "Dreißigjährigen", "Krieg", "und", "bis", "zum", "ersten", "Weltkrieg", "und",
             "des", "Amerikanisch-Mexikanischen", "Krieges", "."]
    assert _correct(rules, words, [(10, 12, "ORG")]) == [
        ("Dreißigjährigen Krieg", "MISC"), ("ersten Weltkrieg", "MISC"),
        ("Amerikanisch-Mexikanischen Krieges", "MISC")]
    # a capitalised word opening a sentence is no adjective; an ordinal numbers world wars only
    words = ["Er", "ging", ".", "Der", "Krieg", "kam", "im", "zweiten", "Krieg", "."]
    assert _correct(rules, words, []) == []


def test_an_enumeration_relabels_one_word_names_only(rules):
    words = ["Lancet", ",", "Alexander", "Greiner", ",", "MD", "und", "BMJ"]
    assert _correct(rules, words, [(0, 1, "ORG"), (2, 4, "PER"), (5, 6, "ORG"),
                                   (7, 8, "ORG")]) == [
        ("Lancet", "ORG"), ("Alexander Greiner", "PER"), ("MD", "ORG"), ("BMJ", "ORG")]


def _correct_text(rules: EntityRules, text: str, ents: list[tuple[int, int, str]]) -> list[tuple]:
    """Like _correct, on a text the blank German tokenizer splits (spaces as written)."""
    doc = spacy.blank("de")(text)
    doc.ents = [doc.char_span(*e) for e in ents]
    return [(e.text, e.label_) for e in rules(doc).ents]


def test_the_quoted_title_after_a_work_noun_is_one_misc(rules):
    text = ('Rilkes Roman „Die Aufzeichnungen des Malte Laurids Brigge“ und der Kinofilm '
            '"Kill Bill 2".')
    assert _correct_text(rules, text, [(0, 6, "PER"), (43, 57, "PER"), (77, 86, "MISC")]) == [
        ("Rilkes", "PER"), ("Die Aufzeichnungen des Malte Laurids Brigge", "MISC"),
        ("Kill Bill 2", "MISC")]
    # a word of the list in capitals matches itself only; a title starts with a capital or a
    # digit and ends at its closing quote; a name across the quote is left alone
    text = "Im Grundstück „Alte Mühle“ sang das Lied „stille Nacht“, das Buch „Ohne Ende."
    assert _correct_text(rules, text, [(15, 25, "LOC")]) == [("Alte Mühle", "LOC")]
    text = "die Sendung „Markus Lanz“ und die Show „Anne Will“ von Anne Will"
    assert _correct_text(rules, text, [(13, 24, "PER"), (40, 49, "PER"), (55, 64, "PER")]) == [
        ("Markus Lanz", "MISC"), ("Anne Will", "MISC"), ("Anne Will", "PER")]


def test_a_known_place_after_a_locative_preposition_is_a_place(rules):
    words = ["Sie", "zog", "nach", "Hameln", "und", "wohnt", "in", "Gangelt", "."]
    assert _correct(rules, words, []) == [("Hameln", "LOC"), ("Gangelt", "LOC")]
    # a preposition that opens the sentence counts too
    words = ["Bei", "Hameln", "wohnt", "sie", "."]
    assert _correct(rules, words, []) == [("Hameln", "LOC")]
    # not without the preposition, not as part of a longer name, not over the NER's entities,
    # and not a name that news puts after an article (die Kita) or annotated text leaves untagged
    words = ["Hameln", "liegt", "von", "Hameln", "Verlag", "aus", "Gangelt", "in", "Kita", "und",
             "Salon", "."]
    assert _correct(rules, words, [(6, 7, "ORG")]) == [("Gangelt", "ORG")]
    assert "Kita" not in rules.rules["gazetteer_place"]


def test_a_closing_quote_after_a_work_noun_opens_no_title(rules):
    nlp = spacy.blank("de")
    doc = nlp('Sie las „Das Buch“ Er fand den Roman " Alte Zeit " und das Buch "Neue Zeit".')
    assert [(e.text, e.label_) for e in rules(doc).ents] == [("Neue Zeit", "MISC")]


def test_a_one_word_place_that_is_a_common_noun_is_dropped(rules):
    words = ["Er", "ging", "in", "die", "Sauna", ",", "nicht", "nach", "Berlin", "oder", "ins",
             "Inland", "."]
    assert _correct(rules, words, [(4, 5, "LOC"), (8, 9, "LOC"), (11, 12, "LOC")]) == [
        ("Berlin", "LOC")]
    # a name of the knowledge base stays, and so does a longer name holding the noun
    doc = Doc(spacy.blank("de").vocab, words=["die", "Sauna", "am", "Deutschen", "Eck"])
    doc.ents = [Span(doc, 1, 2, "LOC", kb_id="loc:sauna"), Span(doc, 3, 5, "LOC")]
    assert [e.text for e in rules(doc).ents] == ["Sauna", "Deutschen Eck"]


def test_a_one_word_person_that_is_a_common_noun_is_dropped_only_after_an_article(rules):
    words = ["Die", "Juristin", "und", "Heinz", "Stolz", ",", "sagt", "Stolz", ",", "der",
             "Stolz", "."]
    # Stolz after an article is a person here: the text names Heinz Stolz
    assert _correct(rules, words, [(1, 2, "PER"), (3, 5, "PER"), (7, 8, "PER"),
                                   (10, 11, "PER")]) == [
        ("Heinz Stolz", "PER"), ("Stolz", "PER"), ("Stolz", "PER")]
    assert _correct(rules, ["sagte", "der", "Stolz", "."], [(2, 3, "PER")]) == []
    assert _correct(rules, ["sagte", "Stolz", "."], [(1, 2, "PER")]) == [("Stolz", "PER")]


def test_the_common_nouns_hold_no_name():
    nouns = set(load_rules()["common_noun"])
    assert {"Sauna", "Inland", "Juristin", "Dorfrand", "Stolz"} <= nouns
    # names of Wiktionary (Koch, Fischer), of the knowledge base and the gazetteer, their
    # genitives, and words the annotated training text mostly tags as part of a name
    assert not nouns & {"Koch", "Fischer", "Berlin", "Spiegel", "Chinas", "Hameln", "Kapitol"}


def test_a_first_name_and_the_capitalised_word_after_it_are_a_person(rules):
    # untagged both; the NER's surname alone grown over the first name; its first name alone
    # grown over the surname; a second first name between
    words = ["Dean", "Whitehead", "und", "Teemu", "Tainio", "wurden", "verkauft", ",", "wie",
             "Neil", "Armstrong", "und", "Kaspar", "Hauser", "mit", "Franz", "Josef", "Strauß",
             "."]
    assert _correct(rules, words, [(10, 11, "PER"), (12, 13, "PER")]) == [
        ("Dean Whitehead", "PER"), ("Teemu Tainio", "PER"), ("Neil Armstrong", "PER"),
        ("Kaspar Hauser", "PER"), ("Franz Josef Strauß", "PER")]
    assert {"Dean", "Teemu", "Neil", "Kaspar", "Franz", "Josef"} <= set(
        rules.rules["first_name"])


@pytest.mark.parametrize("words", [
    ["Der", "Roman", "Tabula", "Rasa", "erschien", "."],      # a noun after an article
    ["Das", "war", "im", "August", "Barra", "."],             # a month is no first name
    ["Ein", "Jackie", "Chan-Film", "lief", "."],              # a compound ending in a noun
    ["Er", "hat", "Long", "Covid", "."],                      # an English word, not a name
    ["Max", "Planck", "Gesellschaft"],                        # a capitalised word follows
    ["Sie", "traf", "Anna", "Berlin", "."],                   # a place after the first name
])
def test_a_first_name_before_another_kind_of_word_makes_no_person(rules, words):
    assert _correct(rules, words, []) == []


def test_a_first_name_never_grows_over_a_linked_entity(rules):
    doc = Doc(spacy.blank("de").vocab, words=["Mit", "Karl", "Lauterbach", "."])
    doc.ents = [Span(doc, 2, 3, label="PER", kb_id="per:karl_lauterbach")]
    assert [(e.text, e.kb_id_) for e in rules(doc).ents] == [
        ("Lauterbach", "per:karl_lauterbach")]
